// The language server entry point (bundled to dist/server.js): a connection over stdio, IPC or a socket, and the handlers.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError } from './handlers/guard';
import { startServer } from './handlers/lifecycle';
import { guardedTransport } from './transport';

// A frame that cannot be read ends the process (the client restarts it); a request after shutdown gets InvalidRequest.
const transport = guardedTransport(process.argv.slice(2));
const connection = transport ? createConnection(ProposedFeatures.all, transport.reader, transport.writer) : createConnection(ProposedFeatures.all);

// The server must outlive any bug: log what escaped a handler instead of letting Node exit.
process.on('uncaughtException', (err) => connection.console.error(`Uncaught exception: ${describeError(err)}`));
process.on('unhandledRejection', (err) => connection.console.error(`Unhandled rejection: ${describeError(err)}`));

startServer(connection);
