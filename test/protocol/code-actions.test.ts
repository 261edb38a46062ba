// Protocol: quick fixes, "Ignore <rule> for this resource…" and source.fixAll.secure-iac, asserted on the applied text.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { applyWorkspaceEdit, ensureServerBuilt, fileUri, FIXTURES, fullRange, onlyRules, TestClient } from './lsp-client';

const uriOf = (name: string) => fileUri(path.join(FIXTURES, 'code-actions', name));
const lines = (...ls: string[]) => ls.join('\n') + '\n';

const BUCKET_YAML = lines(
  'Resources:',
  '  # the team bucket',
  '  Bucket:',
  '    Type: AWS::S3::Bucket',
  '    Properties:',
  '      BucketName: team-data',
);

describe('protocol: code actions', function () {
  let client: TestClient;

  before(function () {
    this.timeout(120_000);
    ensureServerBuilt();
  });
  // These tests are about the actions of three rules; the rest of the catalogue stays off so that "the finding is
  // gone" means what it says. Fix-all over every rule has its own tests (fix-all-many.test.ts).
  const RULES = onlyRules('s3-versioning', 'cloudtrail-log-validation', 'ebs-encryption');
  beforeEach(async () => {
    client = await TestClient.start({ root: FIXTURES, settings: { secureIac: { rules: RULES } } });
  });
  afterEach(async () => {
    await client.stop();
  });

  /** Opens `text`, waits for its diagnostics, and returns the one with `code`. */
  async function diagnosticOf(uri: string, text: string, code: string): Promise<Diagnostic> {
    await client.open(uri, text);
    const ds = await client.diagnosticsFor(uri, 1);
    const d = ds.find((x) => x.code === code);
    assert.ok(d, `no ${code} in ${JSON.stringify(ds.map((x) => x.code))}`);
    return d;
  }

  /** Sends the whole new text as the next version and returns its diagnostics' codes. */
  async function codesAfter(uri: string, text: string): Promise<string[]> {
    const version = await client.change(uri, [{ text }]);
    return (await client.diagnosticsFor(uri, version)).map((d) => String(d.code));
  }

  /**
   * The inserted suppression carries a placeholder reason, which does not suppress (the finding stays, and the
   * comment is reported) until the user writes one; then the finding is gone.
   */
  async function placeholderThenReason(uri: string, inserted: string, rule: string): Promise<void> {
    assert.deepEqual((await codesAfter(uri, inserted)).sort(), ['invalid-suppression', rule].sort());
    assert.deepEqual(await codesAfter(uri, inserted.replace('TODO: reason', 'reviewed: not reachable from the internet')), []);
  }

  function titled(actions: CodeAction[], prefix: string): CodeAction {
    const a = actions.find((x) => x.title.startsWith(prefix));
    assert.ok(a, `no action "${prefix}…" in ${JSON.stringify(actions.map((x) => x.title))}`);
    return a;
  }

  it('offers the rule fix as the preferred quick fix; applying it silences the finding (YAML)', async () => {
    const uri = uriOf('bucket.yaml');
    const d = await diagnosticOf(uri, BUCKET_YAML, 's3-versioning');
    const actions = await client.codeActions(uri, d.range, [d]);
    const fix = titled(actions, 'Enable versioning');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [d]);
    const fixed = applyWorkspaceEdit(BUCKET_YAML, fix.edit, uri);
    assert.equal(fixed, BUCKET_YAML + lines('      VersioningConfiguration:', '        Status: Enabled'));
    assert.deepEqual(await codesAfter(uri, fixed), []);
  });

  it('inserts a suppression comment with a reason placeholder above the resource (YAML)', async () => {
    const uri = uriOf('ignored.yaml');
    const d = await diagnosticOf(uri, BUCKET_YAML, 's3-versioning');
    const ignore = titled(await client.codeActions(uri, d.range, [d]), 'Ignore s3-versioning for this resource');
    assert.equal(ignore.isPreferred, undefined);
    const fixed = applyWorkspaceEdit(BUCKET_YAML, ignore.edit, uri);
    assert.equal(
      fixed,
      lines(
        'Resources:',
        '  # the team bucket',
        '  # secure-iac-ignore s3-versioning: TODO: reason',
        '  Bucket:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      BucketName: team-data',
      ),
    );
    await placeholderThenReason(uri, fixed, 's3-versioning');
  });

  it('offers quick fix and suppression comment for Terraform HCL', async () => {
    const uri = uriOf('main.tf');
    const text = lines('resource "aws_cloudtrail" "audit" {', '  name = "audit"', '}');
    const d = await diagnosticOf(uri, text, 'cloudtrail-log-validation');
    const actions = await client.codeActions(uri, d.range, [d]);
    const fixed = applyWorkspaceEdit(text, titled(actions, 'Set enable_log_file_validation to true').edit, uri);
    // The writer aligns the block's `=` as `terraform fmt` does.
    assert.equal(
      fixed,
      lines('resource "aws_cloudtrail" "audit" {', '  name                       = "audit"', '  enable_log_file_validation = true', '}'),
    );
    const ignored = applyWorkspaceEdit(text, titled(actions, 'Ignore cloudtrail-log-validation').edit, uri);
    assert.equal(ignored, '# secure-iac-ignore cloudtrail-log-validation: TODO: reason\n' + text);
    await placeholderThenReason(uri, ignored, 'cloudtrail-log-validation');
  });

  it('suppresses in CloudFormation JSON through Metadata, appending to an existing ignore list', async () => {
    const uri = uriOf('template.json');
    const text = lines(
      '{',
      '  "Resources": {',
      '    "Trail": {',
      '      "Type": "AWS::CloudTrail::Trail",',
      '      "Metadata": { "secure-iac": { "ignore": [{ "id": "s3-versioning", "reason": "not a bucket" }] } },',
      '      "Properties": { "IsLogging": true }',
      '    }',
      '  }',
      '}',
    );
    const d = await diagnosticOf(uri, text, 'cloudtrail-log-validation');
    const ignore = titled(await client.codeActions(uri, d.range, [d]), 'Ignore cloudtrail-log-validation');
    const fixed = applyWorkspaceEdit(text, ignore.edit, uri);
    // The writer keeps the one-line flow style of the existing list.
    assert.equal(
      fixed,
      text.replace(
        '[{ "id": "s3-versioning", "reason": "not a bucket" }]',
        '[{ "id": "s3-versioning", "reason": "not a bucket" }, { "id": "cloudtrail-log-validation", "reason": "TODO: reason" }]',
      ),
    );
    await placeholderThenReason(uri, fixed, 'cloudtrail-log-validation');
  });

  it('suppresses in CloudFormation JSON by adding Metadata when there is none', async () => {
    const uri = uriOf('no-metadata.json');
    const text = lines('{', '  "Resources": {', '    "Trail": {', '      "Type": "AWS::CloudTrail::Trail"', '    }', '  }', '}');
    const d = await diagnosticOf(uri, text, 'cloudtrail-log-validation');
    const fixed = applyWorkspaceEdit(text, titled(await client.codeActions(uri, d.range, [d]), 'Ignore cloudtrail-log-validation').edit, uri);
    assert.equal(
      fixed,
      lines(
        '{',
        '  "Resources": {',
        '    "Trail": {',
        '      "Type": "AWS::CloudTrail::Trail",',
        '      "Metadata": {',
        '        "secure-iac": {',
        '          "ignore": [',
        '            {',
        '              "id": "cloudtrail-log-validation",',
        '              "reason": "TODO: reason"',
        '            }',
        '          ]',
        '        }',
        '      }',
        '    }',
        '  }',
        '}',
      ),
    );
    await placeholderThenReason(uri, fixed, 'cloudtrail-log-validation');
  });

  it('offers no suppression where the syntax has no place for one (Terraform JSON)', async () => {
    const uri = uriOf('main.tf.json');
    const text = '{"resource":{"aws_cloudtrail":{"audit":{"name":"audit"}}}}\n';
    const d = await diagnosticOf(uri, text, 'cloudtrail-log-validation');
    const actions = await client.codeActions(uri, d.range, [d]);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Set enable_log_file_validation to true'],
    );
    const fixed = applyWorkspaceEdit(text, actions[0]?.edit, uri);
    assert.deepEqual(JSON.parse(fixed), { resource: { aws_cloudtrail: { audit: { name: 'audit', enable_log_file_validation: true } } } });
  });

  it('finds the finding by data and range, not by message text', async () => {
    const uri = uriOf('by-data.yaml');
    const d = await diagnosticOf(uri, BUCKET_YAML, 's3-versioning');
    const actions = await client.codeActions(uri, d.range, [{ ...d, message: 'edited by another tool' }]);
    assert.ok(actions.some((a) => a.title === 'Enable versioning'));
  });

  it('honours context.only', async () => {
    const uri = uriOf('only.yaml');
    const d = await diagnosticOf(uri, BUCKET_YAML, 's3-versioning');
    const kinds = async (only?: string[]) => [...new Set((await client.codeActions(uri, d.range, [d], only)).map((a) => a.kind))].sort();
    assert.deepEqual(await kinds(), ['quickfix'], 'a lightbulb request gets quick fixes, never fix-all');
    assert.deepEqual(await kinds(['quickfix']), ['quickfix']);
    assert.deepEqual(await kinds(['source.fixAll']), ['source.fixAll.secure-iac']);
    assert.deepEqual(await kinds(['source']), ['source.fixAll.secure-iac']);
    assert.deepEqual(await kinds(['refactor']), []);
  });

  it('fix-all applies every safe fix, leaves review fixes alone, and settles in one action', async () => {
    const uri = uriOf('fix-all.yaml');
    const text = lines(
      'Resources:',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '  Data:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      VersioningConfiguration:',
      '        Status: Suspended',
      '  Trail:',
      '    Type: AWS::CloudTrail::Trail',
      '    Properties:',
      '      IsLogging: true',
      '      EnableLogFileValidation: false',
      '  Volume:',
      '    Type: AWS::EC2::Volume',
      '    Properties:',
      '      Size: 10',
    );
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const actions = await client.codeActions(uri, fullRange(text), [], ['source.fixAll.secure-iac']);
    assert.equal(actions.length, 1);
    const fixAll = actions[0] as CodeAction;
    assert.equal(fixAll.kind, 'source.fixAll.secure-iac');
    assert.equal(fixAll.title, 'Fix all safe Secure IaC findings (3)');
    const fixed = applyWorkspaceEdit(text, fixAll.edit, uri);
    assert.equal(
      fixed,
      lines(
        'Resources:',
        '  Logs:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      VersioningConfiguration:',
        '        Status: Enabled',
        '  Data:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      VersioningConfiguration:',
        '        Status: Enabled',
        '  Trail:',
        '    Type: AWS::CloudTrail::Trail',
        '    Properties:',
        '      IsLogging: true',
        '      EnableLogFileValidation: true',
        '  Volume:',
        '    Type: AWS::EC2::Volume',
        '    Properties:',
        '      Size: 10',
      ),
    );
    // Encrypting a volume replaces it, so that (review) fix stays a manual choice.
    assert.deepEqual(await codesAfter(uri, fixed), ['ebs-encryption']);
    assert.deepEqual(await client.codeActions(uri, fullRange(fixed), [], ['source.fixAll']), [], 'nothing safe left');
  });

  it('fix-all in Terraform inserts companion resources and the edit is versioned', async () => {
    const uri = uriOf('fix-all.tf');
    const text = lines('resource "aws_s3_bucket" "a" {', '  bucket = "a"', '}', '', 'resource "aws_s3_bucket" "b" {', '  bucket = "b"', '}');
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const [fixAll] = await client.codeActions(uri, fullRange(text), [], ['source.fixAll']);
    assert.ok(fixAll?.edit?.documentChanges, 'versioned documentChanges');
    const change = fixAll.edit.documentChanges[0];
    assert.ok(change && 'textDocument' in change);
    assert.equal(change.textDocument.version, 1);
    const fixed = applyWorkspaceEdit(text, fixAll.edit, uri);
    assert.equal((fixed.match(/resource "aws_s3_bucket_versioning"/g) ?? []).length, 2);
    assert.deepEqual(await codesAfter(uri, fixed), []);
  });

  it('uses plain `changes` for clients without documentChanges support', async () => {
    await client.stop();
    client = await TestClient.start({ root: FIXTURES, documentChanges: false, settings: { secureIac: { rules: RULES } } });
    const uri = uriOf('plain.yaml');
    const d = await diagnosticOf(uri, BUCKET_YAML, 's3-versioning');
    const [fix] = await client.codeActions(uri, d.range, [d]);
    assert.ok(fix?.edit?.changes?.[uri]);
    assert.equal(fix.edit.documentChanges, undefined);
  });

  it('answers for an unknown document or a range outside it without failing', async () => {
    assert.deepEqual(await client.codeActions(uriOf('nowhere.yaml'), fullRange('x'), []), []);
    const uri = uriOf('small.yaml');
    await client.open(uri, BUCKET_YAML);
    await client.diagnosticsFor(uri, 1);
    const far = { start: { line: 500, character: 0 }, end: { line: 900, character: 3 } };
    assert.deepEqual(await client.codeActions(uri, far, []), []);
  });
});
