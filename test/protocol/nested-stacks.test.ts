// Protocol: CloudFormation nested stacks in the editor (issue 11), in YAML and JSON. A parent's insecure parameter is a
// diagnostic in the parent's file; editing the child re-publishes the parent, editing the parent re-publishes the
// open child, and a watcher event for a parent on disk re-checks the open child.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { applyWorkspaceEdit, ensureServerBuilt, fileUri, onlyRules, TestClient } from './lsp-client';

type Syntax = 'yaml' | 'json';

/** The child: an RDS instance whose encryption is the Encrypted parameter (or `attribute` in its place). */
const child = (syntax: Syntax, defaultValue: string, attribute?: string) =>
  syntax === 'yaml'
    ? `Parameters:\n  Encrypted:\n    Type: String\n    Default: '${defaultValue}'\nResources:\n  Database:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      StorageEncrypted: ${attribute ?? '!Ref Encrypted'}\n`
    : `{\n  "Parameters": { "Encrypted": { "Type": "String", "Default": "${defaultValue}" } },\n  "Resources": {\n    "Database": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "Engine": "mysql",\n        "StorageEncrypted": ${attribute ?? '{ "Ref": "Encrypted" }'}\n      }\n    }\n  }\n}\n`;

/** The parent: one nested stack of `stacks/db.<ext>`, passing `value` (or no Parameters at all). */
const parent = (syntax: Syntax, value: string | undefined) => {
  const url = `./stacks/db.${syntax}`;
  return syntax === 'yaml'
    ? `Resources:\n  Db:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ${url}\n${value === undefined ? '' : `      Parameters:\n        Encrypted: '${value}'\n`}`
    : `{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::CloudFormation::Stack",\n      "Properties": {\n        "TemplateURL": "${url}"${value === undefined ? '' : `,\n        "Parameters": { "Encrypted": "${value}" }`}\n      }\n    }\n  }\n}\n`;
};

/** The line of the child's StorageEncrypted value, and of the parent's Encrypted value. */
const CHILD_LINE = { yaml: 9, json: 7 };
const PARENT_LINE = { yaml: 6, json: 6 };

for (const syntax of ['yaml', 'json'] as const) {
  describe(`protocol: nested stacks (${syntax.toUpperCase()})`, function () {
    let client: TestClient;
    let dir: string;
    let parentUri: string;
    let parentPath: string;
    let childUri: string;

    before(function () {
      this.timeout(120_000);
      ensureServerBuilt();
    });
    beforeEach(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'secure-iac-stacks-'));
      mkdirSync(path.join(dir, 'stacks'));
      parentPath = path.join(dir, `main.${syntax}`);
      writeFileSync(parentPath, parent(syntax, 'false'));
      const childPath = path.join(dir, 'stacks', `db.${syntax}`);
      writeFileSync(childPath, child(syntax, 'true'));
      parentUri = fileUri(parentPath);
      childUri = fileUri(childPath);
      client = await TestClient.start({ root: dir, settings: { secureIac: { rules: onlyRules('rds-encryption') } } });
    });
    afterEach(async () => {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it("publishes the finding in the parent's file at its value, with the child as related information", async () => {
      await client.open(parentUri, parent(syntax, 'false'));
      const diagnostics = await client.diagnosticsFor(parentUri, 1);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.range.start.line]),
        [['rds-encryption', PARENT_LINE[syntax]]],
      );
      assert.match(String(diagnostics[0]?.message ?? ''), /Stack Db → AWS::RDS::DBInstance Database/);
      assert.ok(diagnostics[0]?.relatedInformation?.some((r) => r.location.uri === childUri && r.location.range.start.line === CHILD_LINE[syntax]));
      // The quick fix edits the parent's value (as a string: stack parameters are strings), and silences it.
      const [d] = diagnostics as [Diagnostic];
      const fix = (await client.codeActions(parentUri, d.range, [d])).find((a) => a.kind === 'quickfix' && a.isPreferred);
      assert.equal(applyWorkspaceEdit(parent(syntax, 'false'), fix?.edit, parentUri), parent(syntax, 'true'));
      // The child itself is not reported: its default is overridden by the only parent.
      await client.open(childUri, child(syntax, 'false'));
      assert.deepEqual(await client.diagnosticsFor(childUri, 1), []);
    });

    it('editing the child re-publishes the open parent, and editing the parent re-publishes the open child', async () => {
      await client.open(parentUri, parent(syntax, 'false'));
      assert.equal((await client.diagnosticsFor(parentUri, 1)).length, 1);
      await client.open(childUri, child(syntax, 'true'));
      assert.deepEqual(await client.diagnosticsFor(childUri, 1), []);
      // The child now hard-codes encryption on: the parent's value no longer decides anything.
      await client.change(childUri, [{ text: child(syntax, 'true', 'true') }]);
      const parentAgain = await client.diagnostics(parentUri, (p) => p.diagnostics.length === 0);
      assert.equal(parentAgain.version, 1, 'the parent itself did not change');
      await client.change(childUri, [{ text: child(syntax, 'false') }]);
      await client.diagnostics(parentUri, (p) => p.diagnostics.length === 1);
      // The parent stops passing the value: the child's default (false) decides, in the child.
      await client.change(parentUri, [{ text: parent(syntax, undefined) }]);
      const childAgain = await client.diagnostics(childUri, (p) => p.diagnostics.length === 1);
      assert.equal(childAgain.diagnostics[0]?.range.start.line, CHILD_LINE[syntax]);
    });

    it('a parent changed on disk (watcher event) re-checks the open child', async () => {
      writeFileSync(parentPath, parent(syntax, undefined));
      await client.open(childUri, child(syntax, 'false'));
      assert.equal((await client.diagnosticsFor(childUri, 1)).length, 1);
      writeFileSync(parentPath, parent(syntax, 'true'));
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: parentUri, type: FileChangeType.Changed }],
      });
      await client.diagnostics(childUri, (p) => p.diagnostics.length === 0);
    });
  });
}
