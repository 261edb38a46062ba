// Protocol: the server over Node IPC, the transport the VS Code client launches it with (TransportKind.ipc).
import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import {
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { ensureServerBuilt, SERVER } from './lsp-client';

describe('protocol: transports', function () {
  before(function () {
    this.timeout(120_000);
    ensureServerBuilt();
  });

  it('initializes over --node-ipc, advertises its capabilities, and exits cleanly', async () => {
    const child = fork(SERVER, ['--node-ipc'], { silent: true });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
      // Save notifications drive `secureIac.run: onSave`.
      assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
      assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.secure-iac', 'source.fixAll.secure-iac.review'], resolveProvider: false });
      assert.equal(result.serverInfo?.name, 'secure-iac');
      await connection.sendNotification(InitializedNotification.type, {});
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      assert.equal(await exited, 0);
    } finally {
      // A failed assertion must not leave the server running: mocha would wait for it forever.
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});
