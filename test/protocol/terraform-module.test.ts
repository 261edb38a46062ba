// Protocol: a Terraform module split across files; open buffers win over disk; watcher events update the module.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { ensureServerBuilt, fileUri, onlyRules, TestClient } from './lsp-client';

const MAIN_TF = 'resource "aws_s3_bucket" "logs" {\n  bucket = "team-logs"\n}\n';
const versioning = (status: string) =>
  `resource "aws_s3_bucket_versioning" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  versioning_configuration {\n    status = "${status}"\n  }\n}\n`;

describe('protocol: Terraform module awareness', function () {
  let client: TestClient;
  let dir: string;
  let mainUri: string;
  let s3Path: string;

  before(function () {
    this.timeout(120_000);
    ensureServerBuilt();
  });
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'secure-iac-module-'));
    writeFileSync(path.join(dir, 'main.tf'), MAIN_TF);
    s3Path = path.join(dir, 's3.tf');
    writeFileSync(s3Path, versioning('Enabled'));
    mainUri = fileUri(path.join(dir, 'main.tf'));
    // Module awareness is shown with s3-versioning, whose fix lives in a companion resource; other rules stay off.
    client = await TestClient.start({ root: dir, settings: { secureIac: { rules: onlyRules('s3-versioning') } } });
  });
  afterEach(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const codes = async (uri: string, version: number) => (await client.diagnosticsFor(uri, version)).map((d) => String(d.code));

  it('a bucket in main.tf is satisfied by aws_s3_bucket_versioning in s3.tf on disk', async () => {
    await client.open(mainUri, MAIN_TF);
    assert.deepEqual(await codes(mainUri, 1), []);
  });

  it('the same bucket alone in its directory is reported', async () => {
    unlinkSync(s3Path);
    await client.open(mainUri, MAIN_TF);
    assert.deepEqual(await codes(mainUri, 1), ['s3-versioning']);
  });

  it('an open sibling buffer wins over the disk, and editing it re-checks main.tf', async () => {
    await client.open(mainUri, MAIN_TF);
    assert.deepEqual(await codes(mainUri, 1), []);
    const s3Uri = fileUri(s3Path);
    await client.open(s3Uri, versioning('Enabled'));
    await client.diagnosticsFor(s3Uri, 1);
    // Unsaved edit in s3.tf: versioning suspended. main.tf must be re-checked without being touched itself.
    await client.change(s3Uri, [{ text: versioning('Suspended') }]);
    const republished = await client.diagnostics(mainUri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      republished.diagnostics.map((d) => d.code),
      ['s3-versioning'],
    );
    assert.equal(republished.version, 1, 'main.tf itself did not change');
    // Closing the buffer brings back the disk version (Enabled): main.tf is clean again.
    await client.close(s3Uri);
    await client.diagnostics(mainUri, (p) => p.diagnostics.length === 0);
  });

  it('file watcher events (deleted, created) update the module', async () => {
    await client.open(mainUri, MAIN_TF);
    assert.deepEqual(await codes(mainUri, 1), []);
    unlinkSync(s3Path);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: fileUri(s3Path), type: FileChangeType.Deleted }],
    });
    const missing = await client.diagnostics(mainUri, (p) => p.diagnostics.length === 1);
    assert.equal(missing.diagnostics[0]?.code, 's3-versioning');
    writeFileSync(
      path.join(dir, 'versioning.tf.json'),
      JSON.stringify({
        resource: { aws_s3_bucket_versioning: { logs: { bucket: '${aws_s3_bucket.logs.id}', versioning_configuration: { status: 'Enabled' } } } },
      }),
    );
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: fileUri(path.join(dir, 'versioning.tf.json')), type: FileChangeType.Created }],
    });
    await client.diagnostics(mainUri, (p) => p.diagnostics.length === 0);
  });

  it('only the same directory counts: a file in a subfolder is another module', async () => {
    unlinkSync(s3Path);
    const sub = path.join(dir, 'modules', 'other');
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, 's3.tf'), versioning('Enabled'));
    await client.open(mainUri, MAIN_TF);
    assert.deepEqual(await codes(mainUri, 1), ['s3-versioning']);
  });

  it('registers its own file watchers and settings sections with clients that allow it, unless the client watches', async () => {
    await client.stop();
    client = await TestClient.start({ root: dir, dynamicRegistration: true });
    await client.ping(); // registrations are sent after `initialized`; a round trip orders them before this check
    const methods = () => client.registrations.map((r) => r.method).sort();
    assert.deepEqual(methods(), ['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']);
    const watchers = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions as {
      watchers: { globPattern: string }[];
    };
    assert.ok(watchers.watchers.some((w) => w.globPattern === '**/*.{tf,tf.json}'));
    await client.stop();
    client = await TestClient.start({ root: dir, dynamicRegistration: true, initializationOptions: { clientWatchesFiles: true } });
    await client.ping();
    assert.deepEqual(methods(), ['workspace/didChangeConfiguration']);
  });
});
