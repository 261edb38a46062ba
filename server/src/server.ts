// The language server entry point (bundled to dist/server.js): a connection over stdio, IPC or a socket, and the handlers.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError } from './handlers/guard';
import { startServer } from './handlers/lifecycle';

const connection = createConnection(ProposedFeatures.all);

// The server must outlive any bug: log what escaped a handler instead of letting Node exit.
process.on('uncaughtException', (err) => connection.console.error(`Uncaught exception: ${describeError(err)}`));
process.on('unhandledRejection', (err) => connection.console.error(`Unhandled rejection: ${describeError(err)}`));

startServer(connection);
