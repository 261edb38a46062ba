// Protocol: malformed documents, hostile input and rapid edits never kill the server or stop it answering.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { CodeActionRequest, DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { SCAN_WORKSPACE_METHOD, type ScanWorkspaceResult } from '../../server/src/protocol';
import { ensureServerBuilt, fileUri, FIXTURES, fullRange, TestClient } from './lsp-client';

const uriOf = (name: string) => fileUri(path.join(FIXTURES, 'robustness', name));

/** Deterministic pseudo-random bytes, so a failure reproduces. */
function garbage(length: number, seed: number): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(x % 0x10000); // includes NUL, control characters and lone surrogates
  }
  return out;
}

const BILLION_LAUGHS = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'Resources:',
  '  Bucket:',
  '    Type: AWS::S3::Bucket',
  '    Properties:',
  '      Tags: *g',
].join('\n');

const MALFORMED: Record<string, string> = {
  'garbage.yaml': garbage(5000, 1),
  'garbage.json': garbage(5000, 2),
  'garbage.tf': garbage(5000, 3),
  'garbage.tf.json': garbage(5000, 4),
  'garbage.template': garbage(5000, 5),
  'deep.json': '{"Resources":' + '['.repeat(20_000) + ']'.repeat(20_000) + '}',
  'deep.tf.json': '{"resource":' + '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000) + '}',
  'deep.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n',
  'deep.tf': 'locals {\n  x = ' + '['.repeat(5_000) + ']'.repeat(5_000) + '\n}\nresource "aws_ebs_volume" "v" {\n',
  'laughs.yaml': BILLION_LAUGHS,
  'odd-types.yaml':
    'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A: 5\n  B: [1, 2]\n  C:\n    Type: 7\n  D:\n    Type: AWS::S3::Bucket\n    Properties: "text"\n  E:\n    Type: AWS::EC2::Volume\n    Properties: null\n',
  'odd-types.json':
    '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"A":{"Type":"AWS::S3::Bucket","Properties":[]},"B":{"Type":["AWS::EC2::Volume"]},"C":null}}',
  'odd-types.tf': 'resource "aws_s3_bucket" {\n}\nresource "aws_ebs_volume" "a" "b" "c" {\n  encrypted = [[[{}]]]\n}\nresource {}\n"unterminated',
  'crlf-bom.yaml': '\uFEFFResources:\r\n  Vol:\r\n    Type: AWS::EC2::Volume\r\n    Properties:\r\n      Encrypted: false\r\n',
  'long-line.tf': `resource "aws_s3_bucket" "b" { bucket = "${'x'.repeat(200_000)}" }\n`,
  'empty.tf': '',
  'empty.yaml': '',
};

describe('protocol: robustness', function () {
  let client: TestClient;

  before(function () {
    this.timeout(120_000);
    ensureServerBuilt();
  });
  beforeEach(async () => {
    client = await TestClient.start({ root: FIXTURES });
  });
  afterEach(async () => {
    assert.equal(client.process.exitCode, null, `server exited; log:\n${client.logText()}`);
    await client.stop();
  });

  for (const [name, text] of Object.entries(MALFORMED)) {
    it(`survives ${name}, still offers code actions and answers requests`, async () => {
      const uri = uriOf(name);
      await client.open(uri, text);
      const ds = await client.diagnosticsFor(uri, 1);
      assert.ok(Array.isArray(ds));
      await client.codeActions(uri, fullRange(text), ds, undefined);
      await client.codeActions(uri, fullRange(text), [], ['source.fixAll']);
      assert.ok((await client.ping()) > 0);
    });
  }

  it('reports CRLF and BOM templates with correct ranges', async () => {
    const uri = uriOf('crlf.yaml');
    const text = MALFORMED['crlf-bom.yaml'] as string;
    await client.open(uri, text);
    const ds = await client.diagnosticsFor(uri, 1);
    const d = ds.find((x) => x.code === 'ebs-encryption');
    assert.ok(d, JSON.stringify(ds.map((x) => x.code)));
    assert.deepEqual(d.range, { start: { line: 4, character: 17 }, end: { line: 4, character: 22 } });
  });

  it('survives hundreds of rapid edits interleaved with code-action requests, and publishes the last version', async function () {
    this.timeout(60_000);
    const uri = uriOf('rapid.tf');
    const valid = 'resource "aws_cloudtrail" "t" {\n  name = "t"\n}\n';
    let text = valid;
    await client.open(uri, text);
    const before = (await client.diagnosticsFor(uri, 1)).map((d) => d.code);
    assert.ok(before.includes('cloudtrail-log-validation'));
    const pending: Promise<unknown>[] = [];
    let version = 1;
    for (let i = 0; i < 400; i++) {
      // Type and delete characters at the end, sometimes leaving the file unparsable.
      const insert = i % 3 === 0 ? '{' : i % 3 === 1 ? 'resource "x" "y" ' : '\n';
      const end = { line: text.split('\n').length - 1, character: 0 };
      version = await client.change(uri, [{ range: { start: end, end }, text: insert }]);
      text += insert;
      if (i % 10 === 0) pending.push(client.codeActions(uri, fullRange(text), [], ['quickfix', 'source.fixAll']));
    }
    await Promise.all(pending);
    const last = await client.diagnosticsFor(uri, version);
    assert.ok(last.some((d) => d.code === 'parse-error'));
    // Back to the first text in one full replacement: the same findings return.
    const fixedVersion = await client.change(uri, [{ text: valid }]);
    assert.deepEqual(
      (await client.diagnosticsFor(uri, fixedVersion)).map((d) => d.code),
      before,
    );
  });

  it('tolerates protocol misuse: unknown methods, bad params, changes to unopened documents', async () => {
    await assert.rejects(client.request('secureIac/noSuchRequest', {}));
    const actions = await client.connection.sendRequest(CodeActionRequest.method, { textDocument: { uri: uriOf('x.yaml') } });
    assert.deepEqual(actions, []);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.method, {
      textDocument: { uri: uriOf('never-opened.yaml'), version: 3 },
      contentChanges: [{ range: { start: { line: 99, character: 0 }, end: { line: 100, character: 0 } }, text: 'x' }],
    });
    const uri = uriOf('out-of-range.yaml');
    await client.open(uri, 'Resources: {}\n');
    const v = await client.change(uri, [
      { range: { start: { line: 50, character: 80 }, end: { line: 10, character: 0 } }, text: 'Resources:\n  V:\n    Type: AWS::EC2::Volume\n' },
    ]);
    await client.diagnosticsFor(uri, v);
    assert.ok((await client.ping()) > 0);
  });

  it('scans without workspace folders', async () => {
    await client.stop();
    client = await TestClient.start({});
    const result = await client.request<ScanWorkspaceResult>(SCAN_WORKSPACE_METHOD, {});
    assert.equal(result.files, 0);
    assert.equal(result.cancelled, false);
  });
});
