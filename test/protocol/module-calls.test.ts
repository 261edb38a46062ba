// Protocol: Terraform module calls in the editor. A caller's insecure argument is a diagnostic in the caller's file;
// editing the child re-publishes the caller, editing the caller re-publishes the open child, watchers keep both fresh.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { ensureServerBuilt, fileUri, onlyRules, TestClient } from './lsp-client';

const child = (defaultValue: boolean, attribute = 'var.storage_encrypted') =>
  `variable "storage_encrypted" {\n  type    = bool\n  default = ${defaultValue}\n}\n\nresource "aws_db_instance" "this" {\n  engine            = "mysql"\n  storage_encrypted = ${attribute}\n}\n`;
const caller = (value: string) => `module "db" {\n  source            = "../modules/db"\n  storage_encrypted = ${value}\n}\n`;

describe('protocol: Terraform module calls', function () {
  let client: TestClient;
  let dir: string;
  let rootUri: string;
  let childUri: string;
  let childPath: string;

  before(function () {
    this.timeout(120_000);
    ensureServerBuilt();
  });
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'secure-iac-calls-'));
    mkdirSync(path.join(dir, 'root'));
    mkdirSync(path.join(dir, 'modules', 'db'), { recursive: true });
    writeFileSync(path.join(dir, 'root', 'main.tf'), caller('false'));
    childPath = path.join(dir, 'modules', 'db', 'main.tf');
    writeFileSync(childPath, child(true));
    rootUri = fileUri(path.join(dir, 'root', 'main.tf'));
    childUri = fileUri(childPath);
    client = await TestClient.start({ root: dir, settings: { secureIac: { rules: onlyRules('rds-encryption') } } });
  });
  afterEach(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("publishes the finding in the caller's file at the argument, with the child as related information", async () => {
    await client.open(rootUri, caller('false'));
    const diagnostics = await client.diagnosticsFor(rootUri, 1);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [['rds-encryption', 2]],
    );
    assert.match(String(diagnostics[0]?.message ?? ''), /module\.db → aws_db_instance\.this/);
    assert.ok(diagnostics[0]?.relatedInformation?.some((r) => r.location.uri === childUri && r.location.range.start.line === 7));
    // The child itself is not reported: its default is overridden by the only caller.
    await client.open(childUri, child(false));
    assert.deepEqual(await client.diagnosticsFor(childUri, 1), []);
  });

  it('editing the child re-publishes the open caller, and editing the caller re-publishes the open child', async () => {
    await client.open(rootUri, caller('false'));
    assert.equal((await client.diagnosticsFor(rootUri, 1)).length, 1);
    await client.open(childUri, child(true));
    assert.deepEqual(await client.diagnosticsFor(childUri, 1), []);
    // The child now hard-codes encryption on: the caller's argument no longer decides anything.
    await client.change(childUri, [{ text: child(true, 'true') }]);
    const callerAgain = await client.diagnostics(rootUri, (p) => p.diagnostics.length === 0);
    assert.equal(callerAgain.version, 1, 'the caller itself did not change');
    // Back to the variable, then the caller stops passing the argument: the child's default (true) decides: clean;
    // a child default of false would be reported in the child once the caller leaves it unset.
    await client.change(childUri, [{ text: child(false) }]);
    await client.diagnostics(rootUri, (p) => p.diagnostics.length === 1);
    await client.change(rootUri, [{ text: 'module "db" {\n  source = "../modules/db"\n}\n' }]);
    const childAgain = await client.diagnostics(childUri, (p) => p.diagnostics.length === 1);
    assert.equal(childAgain.diagnostics[0]?.range.start.line, 7);
  });

  it('a caller changed on disk (watcher event) re-checks the open child', async () => {
    writeFileSync(path.join(dir, 'root', 'main.tf'), 'module "db" {\n  source = "../modules/db"\n}\n');
    await client.open(childUri, child(false));
    assert.equal((await client.diagnosticsFor(childUri, 1)).length, 1);
    writeFileSync(path.join(dir, 'root', 'main.tf'), caller('true'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: rootUri, type: FileChangeType.Changed }] });
    await client.diagnostics(childUri, (p) => p.diagnostics.length === 0);
  });
});
