// Protocol: open/change/close and the diagnostics published for each of the four syntaxes.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { cfnYaml } from '../../scripts/bench/generate';
import { lintText } from '../../server/src/engine/lint/lint';
import { initParsers } from '../../server/src/parsers/index';
import type { FindingData } from '../../server/src/protocol';
import { ensureServerBuilt, fileUri, FIXTURES, onlyRules, TestClient } from './lsp-client';

const fixture = (name: string) => ({ uri: fileUri(path.join(FIXTURES, name)), text: readFileSync(path.join(FIXTURES, name), 'utf8') });
const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).sort();
/** What the engine itself finds in a fixture with every rule: the server must publish exactly that. */
const engineCodes = (f: { uri: string; text: string }) =>
  lintText(f.uri, f.text)
    .findings.filter((x) => !x.suppressed)
    .map((x) => x.ruleId)
    .sort();

describe('protocol: documents and diagnostics', function () {
  let client: TestClient;

  before(async function () {
    this.timeout(120_000);
    ensureServerBuilt();
    await initParsers(); // for the in-process engine the published diagnostics are compared with
  });
  beforeEach(async () => {
    client = await TestClient.start({ root: FIXTURES });
  });
  afterEach(async () => {
    await client.stop();
  });

  it('publishes findings for CloudFormation YAML with the diagnostic contract', async () => {
    const { uri, text } = fixture('template.yaml');
    await client.open(uri, text);
    const ds = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(codes(ds), engineCodes({ uri, text }));
    const ebs = ds.find((d) => d.code === 'ebs-encryption') as Diagnostic;
    assert.equal(ebs.source, 'secure-iac');
    assert.equal(ebs.severity, DiagnosticSeverity.Error, 'high → Error');
    assert.match(ebs.codeDescription?.href ?? '', /^(https|file):\/\/.*\/docs\/rules\/ebs-encryption\.md$/);
    // The offending value: `false` on line 9 (0-based 8).
    assert.deepEqual(ebs.range, { start: { line: 8, character: 17 }, end: { line: 8, character: 22 } });
    const data = ebs.data as FindingData;
    assert.equal(data.ruleId, 'ebs-encryption');
    assert.equal(data.version, 1);
    assert.equal(text.slice(data.start, data.end), 'false');
    const s3 = ds.find((d) => d.code === 's3-versioning') as Diagnostic;
    assert.equal(s3.severity, DiagnosticSeverity.Warning, 'medium → Warning');
    // A missing property is reported on the resource key.
    assert.equal(s3.range.start.line, 9);
  });

  it('publishes findings for CloudFormation JSON', async () => {
    const f = fixture('template.json');
    await client.open(f.uri, f.text);
    const published = codes(await client.diagnosticsFor(f.uri, 1));
    assert.deepEqual(published, engineCodes(f));
    for (const id of ['rds-encryption', 's3-versioning']) assert.ok(published.includes(id), id);
  });

  it('publishes findings for Terraform HCL', async () => {
    const f = fixture('main.tf');
    await client.open(f.uri, f.text);
    const published = codes(await client.diagnosticsFor(f.uri, 1));
    assert.deepEqual(published, engineCodes(f));
    for (const id of ['ebs-encryption', 'sg-open-ssh']) assert.ok(published.includes(id), id);
  });

  it('publishes findings for Terraform JSON', async () => {
    const f = fixture('main.tf.json');
    await client.open(f.uri, f.text);
    const published = codes(await client.diagnosticsFor(f.uri, 1));
    assert.deepEqual(published, engineCodes(f));
    assert.ok(published.includes('rds-encryption'));
  });

  it('publishes nothing for JSON and YAML that are not templates', async () => {
    const uri = fileUri(path.join(FIXTURES, 'package.json'));
    await client.open(uri, '{ "name": "x", "version": "1.0.0" }');
    assert.deepEqual(await client.diagnosticsFor(uri, 1), []);
    const k8s = fileUri(path.join(FIXTURES, 'deployment.yaml'));
    await client.open(k8s, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n');
    assert.deepEqual(await client.diagnosticsFor(k8s, 1), []);
  });

  it('re-checks on incremental changes and clears on close', async () => {
    await client.stop();
    client = await TestClient.start({ root: FIXTURES, settings: { secureIac: { rules: onlyRules('ebs-encryption', 's3-versioning') } } });
    const { uri, text } = fixture('template.yaml');
    await client.open(uri, text);
    assert.equal((await client.diagnosticsFor(uri, 1)).length, 2);
    // Replace `false` (line 8, characters 17–22) with `true`: the EBS finding goes.
    const v2 = await client.change(uri, [{ range: { start: { line: 8, character: 17 }, end: { line: 8, character: 22 } }, text: 'true' }]);
    assert.deepEqual(codes(await client.diagnosticsFor(uri, v2)), ['s3-versioning']);
    // Insert versioning under Properties (after the last line): nothing left.
    const lines = text.split('\n').length - 1;
    const v3 = await client.change(uri, [
      {
        range: { start: { line: lines, character: 0 }, end: { line: lines, character: 0 } },
        text: '      VersioningConfiguration:\n        Status: Enabled\n',
      },
    ]);
    assert.deepEqual(await client.diagnosticsFor(uri, v3), []);
    const v4 = await client.change(uri, [{ range: { start: { line: 8, character: 17 }, end: { line: 8, character: 21 } }, text: 'false' }]);
    assert.deepEqual(codes(await client.diagnosticsFor(uri, v4)), ['ebs-encryption']);
    await client.close(uri);
    const closed = await client.diagnostics(uri, (p) => p.diagnostics.length === 0 && p.version === undefined);
    assert.deepEqual(closed.diagnostics, []);
  });

  it('publishes parse errors as their own diagnostics, next to findings', async () => {
    const uri = fileUri(path.join(FIXTURES, 'broken.tf'));
    await client.open(uri, 'resource "aws_ebs_volume" "v" {\n  size = 10\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = \n');
    const ds = await client.diagnosticsFor(uri, 1);
    const parse = ds.filter((d) => d.code === 'parse-error');
    assert.ok(parse.length > 0, `expected a parse error, got ${JSON.stringify(ds)}`);
    assert.ok(parse.every((d) => d.severity === DiagnosticSeverity.Error && d.source === 'secure-iac'));
    assert.ok(
      ds.some((d) => d.code === 'ebs-encryption'),
      'the intact resource is still checked',
    );
  });

  it('publishes only the last version of a burst of edits, in version order', async () => {
    const { uri, text } = fixture('main.tf');
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    let last = 1;
    for (let i = 0; i < 30; i++) {
      last = await client.change(uri, [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: i % 2 === 0 ? '#' : '' },
      ]);
    }
    await client.diagnosticsFor(uri, last);
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    assert.deepEqual(
      [...versions].sort((a, b) => a - b),
      versions,
      'versions never go backwards',
    );
    assert.ok(versions.length < 10, `debounced: ${versions.length} publishes for 31 versions`);
  });

  it('closing a file clears its diagnostics even when it had parse errors', async () => {
    const uri = fileUri(path.join(FIXTURES, 'bad.yaml'));
    await client.open(uri, 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  X: [\n');
    assert.ok((await client.diagnosticsFor(uri, 1)).length > 0);
    await client.close(uri);
    await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('answers requests between the lints of several large documents', async function () {
    this.timeout(60_000);
    await client.stop();
    client = await TestClient.start({ root: FIXTURES, debounceMs: 0 });
    const big = cfnYaml(3000);
    const uris = Array.from({ length: 6 }, (_, i) => fileUri(path.join(FIXTURES, `big-${i}.yaml`)));
    for (const uri of uris) await client.open(uri, big);
    let lastPublishedAt = 0;
    const allDone = Promise.all(uris.map((uri) => client.diagnosticsFor(uri, 1).then(() => (lastPublishedAt = performance.now()))));
    // Once the first document is published the others are still queued (tens of ms of lint each).
    await Promise.race(uris.map((uri) => client.diagnosticsFor(uri, 1)));
    await client.ping();
    const pingAnsweredAt = performance.now();
    await allDone;
    // Lints run one document per event-loop turn, so the request did not wait for the rest of the queue.
    assert.ok(pingAnsweredAt < lastPublishedAt, `ping answered ${(pingAnsweredAt - lastPublishedAt).toFixed(0)} ms after the last lint`);
  });
  it('conditions follow the parameter default as it is edited (the condition decided, then open again)', async () => {
    const uri = fileUri(path.join(FIXTURES, 'conditions-edit.yaml'));
    const text =
      'Parameters:\n  Env:\n    Type: String\n    Default: dev\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n' +
      '  Vol:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: eu-west-1a\n      Size: 10\n      Encrypted: !If [IsProd, true, false]\n';
    await client.open(uri, text);
    const ebs = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'ebs-encryption').map((d) => d.message);
    assert.deepEqual(ebs(await client.diagnosticsFor(uri, 1)), ['Vol sets Encrypted to false.'], 'dev decides IsProd false: no "when"');
    const at = text.indexOf('dev');
    const pos = (offset: number) => ({
      line: text.slice(0, offset).split('\n').length - 1,
      character: offset - text.lastIndexOf('\n', offset - 1) - 1,
    });
    await client.change(uri, [{ range: { start: pos(at), end: pos(at + 3) }, text: 'prod' }]);
    assert.deepEqual(ebs(await client.diagnosticsFor(uri, 2)), [], 'prod decides IsProd true: the false branch is never taken');
    const line = text.slice(0, text.indexOf('    Default: dev')).split('\n').length - 1;
    await client.change(uri, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }]);
    assert.deepEqual(
      ebs(await client.diagnosticsFor(uri, 3)),
      ['Vol sets Encrypted to false. (when condition IsProd is false)'],
      'no default: both branches',
    );
  });
});
