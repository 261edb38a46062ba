// Protocol: settings pulled with workspace/configuration and re-applied on change (rules off, severities, exclude).
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity, MessageType } from 'vscode-languageserver-protocol/node';
import { SCAN_WORKSPACE_METHOD } from '../../server/src/protocol';
import { ensureServerBuilt, fileUri, onlyRules, TestClient, writeIn } from './lsp-client';

const TEMPLATE = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n  Trail:\n    Type: AWS::CloudTrail::Trail\n';
/** The two rules these tests switch; the rest of the catalogue stays off so counts are exact. */
const TWO = onlyRules('s3-versioning', 'cloudtrail-log-validation');

describe('protocol: settings', function () {
  let client: TestClient;
  let root: string;
  let uri: string;

  before(function () {
    this.timeout(120_000);
    ensureServerBuilt();
  });
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'secure-iac-settings-'));
    uri = fileUri(path.join(root, 'stack', 'template.yaml'));
  });
  afterEach(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const codes = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => String(d.code)).sort();

  it('turning a rule off removes its diagnostics; turning it back on restores them', async () => {
    client = await TestClient.start({ root, settings: { secureIac: { rules: TWO } } });
    await client.open(uri, TEMPLATE);
    assert.deepEqual(codes({ diagnostics: await client.diagnosticsFor(uri, 1) }), ['cloudtrail-log-validation', 's3-versioning']);
    await client.changeSettings({ secureIac: { rules: { ...TWO, 's3-versioning': 'off' } } });
    assert.deepEqual(codes(await client.diagnostics(uri, (p) => p.diagnostics.length === 1)), ['cloudtrail-log-validation']);
    await client.changeSettings({ secureIac: { rules: TWO } });
    await client.diagnostics(uri, (p) => p.diagnostics.length === 2);
  });

  it('a severity override changes the diagnostic severity', async () => {
    client = await TestClient.start({
      root,
      settings: { secureIac: { rules: { 's3-versioning': 'critical', 'cloudtrail-log-validation': 'info' } } },
    });
    await client.open(uri, TEMPLATE);
    const ds = await client.diagnosticsFor(uri, 1);
    assert.equal(ds.find((d) => d.code === 's3-versioning')?.severity, DiagnosticSeverity.Error);
    assert.equal(ds.find((d) => d.code === 'cloudtrail-log-validation')?.severity, DiagnosticSeverity.Hint);
  });

  it('secureIac.exclude silences matching open documents', async () => {
    client = await TestClient.start({ root, settings: { secureIac: { exclude: ['stack/**'], rules: TWO } } });
    await client.open(uri, TEMPLATE);
    assert.deepEqual(await client.diagnosticsFor(uri, 1), []);
    await client.changeSettings({ secureIac: { exclude: ['other/**'], rules: TWO } });
    await client.diagnostics(uri, (p) => p.diagnostics.length === 2);
  });

  it('a settings change re-checks files published by the workspace scan', async () => {
    writeIn(root, 'stack/template.yaml', TEMPLATE);
    client = await TestClient.start({ root, settings: { secureIac: { rules: TWO } } });
    await client.request(SCAN_WORKSPACE_METHOD, {});
    await client.diagnostics(uri, (p) => p.diagnostics.length === 2);
    await client.changeSettings({ secureIac: { rules: { ...TWO, 'cloudtrail-log-validation': 'off' } } });
    assert.deepEqual(codes(await client.diagnostics(uri, (p) => p.diagnostics.length === 1)), ['s3-versioning']);
  });

  it('clients without workspace/configuration push their settings', async () => {
    client = await TestClient.start({ root, configuration: false });
    await client.open(uri, TEMPLATE);
    // Nothing pushed yet: every rule runs, so more than the one kept below.
    assert.ok((await client.diagnosticsFor(uri, 1)).length > 1);
    await client.changeSettings({ secureIac: { rules: onlyRules('s3-versioning') } }, true);
    assert.deepEqual(codes(await client.diagnostics(uri, (p) => p.diagnostics.length === 1)), ['s3-versioning']);
    await client.changeSettings({ secureIac: { rules: { ...TWO, 's3-versioning': 'off', 'cloudtrail-log-validation': 'off' } } }, true);
    await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('ill-typed settings are logged and ignored, not fatal', async () => {
    client = await TestClient.start({
      root,
      settings: {
        secureIac: { rules: { ...TWO, 's3-versioning': 'loud', 'no-such-rule': 'off' }, exclude: 'not-a-list', requiredTags: [1, 'Owner'] },
      },
    });
    await client.open(uri, TEMPLATE);
    // The ill-typed entry is dropped, so s3-versioning runs at its default rather than being switched off.
    assert.deepEqual(codes({ diagnostics: await client.diagnosticsFor(uri, 1) }), ['cloudtrail-log-validation', 's3-versioning']);
    const warnings = client.logs.filter((l) => l.type === MessageType.Warning).map((l) => l.message);
    assert.ok(
      warnings.some((w) => w.includes('secureIac.rules.s3-versioning')),
      warnings.join('\n'),
    );
    assert.ok(
      warnings.some((w) => w.includes("unknown rule id 'no-such-rule'")),
      warnings.join('\n'),
    );
    assert.ok((await client.ping()) > 0);
  });
});
