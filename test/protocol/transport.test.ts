// Protocol: the server over Node IPC, the transport the VS Code client launches it with (TransportKind.ipc).
import * as assert from 'node:assert/strict';
import { fork, spawn } from 'node:child_process';
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
      assert.deepEqual(result.capabilities.codeActionProvider, {
        codeActionKinds: ['quickfix', 'source.fixAll.secure-iac', 'source.fixAll.secure-iac.review'],
        resolveProvider: false,
      });
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

  /** Spawns dist/server.js over stdio, writes `input`, and gathers what it answers until it exits or `waitMs` pass. */
  async function stdioSession(
    input: (write: (frame: string | object) => void) => void,
    waitMs = 10_000,
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    input((frame) => {
      if (typeof frame === 'string') child.stdin.write(frame);
      else {
        const body = Buffer.from(JSON.stringify(frame));
        child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
        child.stdin.write(body);
      }
    });
    const timeout = new Promise<'alive'>((resolve) => setTimeout(() => resolve('alive'), waitMs));
    const outcome = await Promise.race([exited, timeout]);
    if (outcome === 'alive') child.kill();
    return { code: outcome === 'alive' ? -1 : outcome, stdout, stderr };
  }

  for (const [what, frame] of [
    ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
    ['a header line without a colon', 'Garbage\r\n\r\n{}'],
    ['a body that is not JSON (never quoted in the log)', 'Content-Length: 12\r\n\r\n{SECRETBYTES'],
  ] as const) {
    it(`exits with code 1 and says why on ${what}, so the client restarts it`, async () => {
      const { code, stderr } = await stdioSession((write) => write(frame));
      assert.equal(code, 1);
      assert.match(stderr, /unreadable frame from the client .*exiting so that the client restarts the server/);
      assert.ok(!stderr.includes('SECRETBYTES'));
    });
  }

  it('answers a request after shutdown with InvalidRequest (-32600), then exits 0 on exit', async () => {
    const { code, stdout } = await stdioSession((write) => {
      write({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      write({ jsonrpc: '2.0', method: 'initialized', params: {} });
      write({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
      write({
        jsonrpc: '2.0',
        id: 3,
        method: 'textDocument/hover',
        params: { textDocument: { uri: 'file:///x.yaml' }, position: { line: 0, character: 0 } },
      });
      setTimeout(() => write({ jsonrpc: '2.0', method: 'exit' }), 1_000);
    });
    const replies = stdout
      .split(/Content-Length: \d+\r\n\r\n/)
      .filter(Boolean)
      .map((b) => JSON.parse(b) as { id: number; result?: unknown; error?: { code: number } });
    assert.equal(replies.find((r) => r.id === 2)?.result, null);
    assert.equal(replies.find((r) => r.id === 3)?.error?.code, -32600);
    assert.equal(code, 0);
  });
});
