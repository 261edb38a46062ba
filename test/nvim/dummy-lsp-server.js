#!/usr/bin/env node
// Dummy LSP server (raw JSON-RPC over stdio, no dependencies) for the Neovim runner's self-test.
// On didOpen it publishes one Error on line 1; it answers codeAction with one "Dummy fix".
'use strict';

const send = (msg) => {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
};

const firstLine = (text) => text.split(/\r?\n/)[0] ?? '';

function handle(msg) {
  const p = msg.params ?? {};
  switch (msg.method) {
    case 'initialize':
      return send({ id: msg.id, result: { capabilities: { textDocumentSync: 1, codeActionProvider: true }, serverInfo: { name: 'dummy' } } });
    case 'textDocument/didOpen': {
      const line = firstLine(p.textDocument.text);
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: line.length } };
      // DUMMY_LSP_CLEAN=1 publishes an empty list, to test waiting for a clean result.
      const diagnostics = process.env.DUMMY_LSP_CLEAN === '1' ? []
        : [{ range, severity: 1, code: 'DUMMY001', source: 'dummy', message: 'Dummy problem on line 1' }];
      return send({ method: 'textDocument/publishDiagnostics', params: { uri: p.textDocument.uri, diagnostics } });
    }
    case 'textDocument/codeAction': {
      const edit = { changes: { [p.textDocument.uri]: [{ range: p.range, newText: 'fixed: true' }] } };
      return send({ id: msg.id, result: [{ title: 'Dummy fix', kind: 'quickfix', diagnostics: p.context.diagnostics, edit }] });
    }
    case 'shutdown':
      return send({ id: msg.id, result: null });
    case 'exit':
      return process.exit(0);
    default:
      // Unknown requests get MethodNotFound so the client never waits; unknown notifications are ignored.
      if (msg.id !== undefined && msg.method) send({ id: msg.id, error: { code: -32601, message: `unhandled ${msg.method}` } });
  }
}

// Framing works on bytes: Content-Length counts UTF-8 bytes, and chunks may split or join messages.
let buf = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buf = Buffer.concat([buf, chunk]);
  for (;;) {
    const sep = buf.indexOf('\r\n\r\n');
    if (sep < 0) return;
    const len = Number(/Content-Length: *(\d+)/i.exec(buf.subarray(0, sep).toString('ascii'))?.[1]);
    if (!Number.isFinite(len)) { buf = buf.subarray(sep + 4); continue; } // malformed header: skip it
    if (buf.length < sep + 4 + len) return;
    const body = buf.subarray(sep + 4, sep + 4 + len).toString('utf8');
    buf = buf.subarray(sep + 4 + len);
    handle(JSON.parse(body));
  }
});
process.stdin.on('end', () => process.exit(0));
