// Protocol: the workspace scan (exclusions, progress, cancellation, interleaving) and clearing its findings.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import {
  CLEAR_WORKSPACE_FINDINGS_METHOD,
  SCAN_WORKSPACE_METHOD,
  type ClearWorkspaceFindingsResult,
  type ScanWorkspaceResult,
} from '../../server/src/protocol';
import { ensureServerBuilt, fileUri, onlyRules, TestClient, writeIn, type SettingsBySection } from './lsp-client';

const BUCKET = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n';
const TRAIL_TF = 'resource "aws_cloudtrail" "t" {\n  name = "t"\n}\n';

// The scan's bookkeeping is asserted with two rules, one per family, so the counts stay exact as rules are added.
const RULES = onlyRules('s3-versioning', 'cloudtrail-log-validation');

const SETTINGS: SettingsBySection = {
  secureIac: { exclude: ['ignored/**'], rules: RULES },
  'files.exclude': { '**/hidden': true, '**/shown': false },
  'search.exclude': { '**/vendor': true },
};

describe('protocol: workspace scan', function () {
  let client: TestClient;
  let root: string;

  before(function () {
    this.timeout(120_000);
    ensureServerBuilt();
  });
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'secure-iac-scan-'));
  });
  afterEach(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const scan = (token?: string, cancel?: CancellationTokenSource) =>
    client.request<ScanWorkspaceResult>(SCAN_WORKSPACE_METHOD, { workDoneToken: token }, cancel);

  it('publishes findings of unopened files, honouring every exclusion, with progress', async () => {
    const yaml = writeIn(root, 'stacks/template.yaml', BUCKET);
    const tf = writeIn(root, 'infra/main.tf', TRAIL_TF);
    writeIn(
      root,
      'infra/clean.tf',
      'resource "aws_s3_bucket_versioning" "v" {\n  bucket = "x"\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
    );
    writeIn(root, 'package.json', '{"name":"not-a-template"}');
    writeIn(root, 'node_modules/lib/template.yaml', BUCKET);
    writeIn(root, 'infra/.terraform/modules/m/main.tf', TRAIL_TF);
    writeIn(root, 'ignored/template.yaml', BUCKET);
    writeIn(root, 'hidden/template.yaml', BUCKET);
    writeIn(root, 'shown/template.yaml', BUCKET);
    writeIn(root, 'vendor/main.tf', TRAIL_TF);
    client = await TestClient.start({ root, settings: SETTINGS });
    const progress = client.trackProgress('scan-1');

    const result = await scan('scan-1');
    assert.equal(result.cancelled, false);
    assert.equal(result.files, 5, 'stacks/template.yaml, infra/main.tf, infra/clean.tf, package.json, shown/template.yaml');
    assert.equal(result.scanned, 5);
    assert.equal(result.templates, 4);
    assert.equal(result.findings, 3);
    assert.equal(result.filesWithFindings, 3);
    assert.equal(result.parseErrors, 0);

    assert.deepEqual(
      (await client.diagnostics(fileUri(yaml))).diagnostics.map((d) => d.code),
      ['s3-versioning'],
    );
    assert.deepEqual(
      (await client.diagnostics(fileUri(tf))).diagnostics.map((d) => d.code),
      ['cloudtrail-log-validation'],
    );
    const clean = await client.diagnostics(fileUri(path.join(root, 'infra/clean.tf')));
    assert.deepEqual(clean.diagnostics, []);
    const published = new Set(client.published.map((p) => p.uri));
    for (const skipped of [
      'node_modules/lib/template.yaml',
      'infra/.terraform/modules/m/main.tf',
      'ignored/template.yaml',
      'hidden/template.yaml',
      'vendor/main.tf',
    ]) {
      assert.ok(!published.has(fileUri(path.join(root, skipped))), `${skipped} must not be scanned`);
    }

    assert.equal(progress[0]?.kind, 'begin');
    assert.equal(progress.at(-1)?.kind, 'end');
    const reports = progress.filter((p) => p.kind === 'report');
    assert.ok(reports.length > 0);
    assert.equal(reports.at(-1)?.kind === 'report' && reports.at(-1)?.message, '5/5 files');
  });

  it('clears its findings on request and leaves open documents alone', async () => {
    const yaml = writeIn(root, 'a/template.yaml', BUCKET);
    const open = writeIn(root, 'b/template.yaml', BUCKET);
    client = await TestClient.start({ root, settings: { secureIac: { rules: RULES } } });
    await client.open(fileUri(open), BUCKET);
    await client.diagnosticsFor(fileUri(open), 1);
    await scan();
    await client.diagnostics(fileUri(yaml), (p) => p.diagnostics.length === 1);
    assert.ok(!client.published.some((p) => p.uri === fileUri(open) && p.version === undefined), 'the open file is not published by the scan');

    const cleared = await client.request<ClearWorkspaceFindingsResult>(CLEAR_WORKSPACE_FINDINGS_METHOD);
    assert.equal(cleared.cleared, 2);
    await client.diagnostics(fileUri(yaml), (p) => p.diagnostics.length === 0);
    const openLatest = client.published.filter((p) => p.uri === fileUri(open)).at(-1);
    assert.equal(openLatest?.diagnostics.length, 1, 'the open document keeps its diagnostics');
  });

  it('a scanned file that is closed shows its findings from disk again; a rescan drops deleted files', async () => {
    const fixedOnDisk = writeIn(root, 'a/template.yaml', BUCKET);
    const gone = writeIn(root, 'b/main.tf', TRAIL_TF);
    client = await TestClient.start({ root, settings: { secureIac: { rules: RULES } } });
    const uri = fileUri(fixedOnDisk);
    await client.open(uri, 'Resources: {}\n');
    await client.diagnosticsFor(uri, 1);
    await scan();
    await client.close(uri);
    // Not cleared: the scan owns the file and publishes what is on disk.
    const fromDisk = await client.diagnostics(uri, (p) => p.version === undefined && p.diagnostics.length > 0);
    assert.deepEqual(
      fromDisk.diagnostics.map((d) => d.code),
      ['s3-versioning'],
    );

    await client.diagnostics(fileUri(gone), (p) => p.diagnostics.length === 1);
    unlinkSync(gone);
    const second = await scan();
    assert.equal(second.files, 1);
    await client.diagnostics(fileUri(gone), (p) => p.diagnostics.length === 0);
  });

  it('honours cancellation and keeps answering other requests while it runs', async function () {
    this.timeout(60_000);
    for (let i = 0; i < 1000; i++) writeIn(root, `many/dir${i % 20}/t${i}.yaml`, BUCKET);
    client = await TestClient.start({ root });
    const cancel = new CancellationTokenSource();
    const progress = client.trackProgress('scan-cancel');
    let pinged = false;
    const firstReport = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (progress.some((p) => p.kind === 'report')) {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
    const running = scan('scan-cancel', cancel);
    await firstReport;
    // The scan yields between files, so a request sent now is answered before the scan ends.
    await client.ping().then(() => (pinged = true));
    cancel.cancel();
    const result = await running;
    assert.ok(pinged);
    assert.equal(result.cancelled, true);
    assert.equal(result.files, 1000);
    assert.ok(result.scanned < 1000, `stopped early (${result.scanned} scanned)`);
    assert.equal(progress.at(-1)?.kind, 'end', 'progress is ended on cancellation');
    // Still serving afterwards, and a new scan completes.
    const again = await scan();
    assert.equal(again.cancelled, false);
    assert.equal(again.scanned, 1000);
  });
  it('takes cdk.out/*.template.json only with secureIac.scan.includeCdkOut, naming the construct', async () => {
    const synthesized = JSON.stringify({
      Resources: { DataBucket1A2B: { Type: 'AWS::S3::Bucket', Metadata: { 'aws:cdk:path': 'AppStack/Data/Resource' } } },
    });
    const cdk = writeIn(root, 'cdk.out/AppStack.template.json', synthesized);
    writeIn(root, 'cdk.out/manifest.json', '{"version":"36.0.0","artifacts":{}}');
    writeIn(root, 'stacks/template.yaml', BUCKET);
    client = await TestClient.start({ root, settings: { secureIac: { rules: RULES } } });
    assert.equal((await scan()).templates, 1, 'cdk.out is skipped by default');
    await client.stop();
    client = await TestClient.start({ root, settings: { secureIac: { rules: RULES, scan: { includeCdkOut: true } } } });
    const result = await scan();
    assert.equal(result.files, 2, 'the template in cdk.out and stacks/template.yaml; not manifest.json');
    const diagnostics = (await client.diagnostics(fileUri(cdk))).diagnostics;
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['s3-versioning'],
    );
    const message = diagnostics[0]?.message ?? '';
    assert.match(typeof message === 'string' ? message : message.value, /\[CDK construct AppStack\/Data\/Resource\]$/);
  });
});
