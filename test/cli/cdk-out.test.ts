// CDK: synthesized templates (`cdk.out/*.template.json`) are scanned when named or when the user opts in, and their
// findings name the construct that made the resource (`Metadata."aws:cdk:path"`), in the message and in JSON.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../server/src/cli';
import { normalizeSettings, overlaySettings } from '../../server/src/workspace/settings';
import { parseProjectConfig } from '../../server/src/engine/config/config-file';
import { walkFiles } from '../../server/src/scan/walk';

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(
      args,
      (t) => void (out += t),
      (t) => void (err += t),
    );
    return { code, out, err };
  } finally {
    process.chdir(previous);
  }
}

interface JsonFinding {
  ruleId: string;
  file: string;
  message: string;
  resource?: string;
  constructPath?: string;
}

const findings = (out: string) => (JSON.parse(out) as { findings: JsonFinding[] }).findings.filter((f) => f.ruleId === 'ebs-encryption');

const SYNTHESIZED = JSON.stringify(
  {
    Resources: {
      DataVolume1A2B3C: {
        Type: 'AWS::EC2::Volume',
        Properties: { AvailabilityZone: 'eu-west-1a', Size: 10, Encrypted: false },
        Metadata: { 'aws:cdk:path': 'AppStack/DataVolume/Resource' },
      },
    },
  },
  null,
  1,
);
const OWN =
  'Resources:\n  Vol:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: eu-west-1a\n      Size: 10\n      Encrypted: false\n';

describe('cdk.out: synthesized templates', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'secure-iac-cdk-'));
    mkdirSync(join(dir, 'cdk.out', 'asset.0123abcd'), { recursive: true });
    mkdirSync(join(dir, 'cdk.out', 'assembly-Prod'), { recursive: true });
    writeFileSync(join(dir, 'cdk.out', 'AppStack.template.json'), SYNTHESIZED);
    writeFileSync(join(dir, 'cdk.out', 'assembly-Prod', 'ProdAppStack.template.json'), SYNTHESIZED);
    // Not templates of the app: an asset's own files, the manifest and the construct tree.
    writeFileSync(join(dir, 'cdk.out', 'asset.0123abcd', 'template.yaml'), OWN);
    writeFileSync(join(dir, 'cdk.out', 'manifest.json'), '{"version":"36.0.0","artifacts":{}}');
    writeFileSync(join(dir, 'cdk.out', 'tree.json'), '{"version":"tree-0.1","tree":{}}');
    writeFileSync(join(dir, 'template.yaml'), OWN);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a directory scan leaves cdk.out out by default', async () => {
    const { out } = await run(['scan', '.', '--format', 'json', '--no-config'], dir);
    assert.deepEqual(
      findings(out).map((f) => f.file),
      ['template.yaml'],
    );
  });

  it('scan.includeCdkOut takes the synthesized templates (and only those), naming the construct', async () => {
    writeFileSync(join(dir, '.secure-iac.yaml'), 'scan:\n  includeCdkOut: true\n');
    const { code, out } = await run(['scan', '.', '--format', 'json'], dir);
    assert.equal(code, 1);
    const found = findings(out);
    assert.deepEqual(found.map((f) => f.file).sort(), [
      'cdk.out/AppStack.template.json',
      'cdk.out/assembly-Prod/ProdAppStack.template.json',
      'template.yaml',
    ]);
    const cdk = found.find((f) => f.file === 'cdk.out/AppStack.template.json') as JsonFinding;
    assert.equal(cdk.constructPath, 'AppStack/DataVolume/Resource');
    assert.equal(cdk.resource, 'DataVolume1A2B3C');
    assert.match(cdk.message, / \[CDK construct AppStack\/DataVolume\/Resource\]$/);
    const own = found.find((f) => f.file === 'template.yaml') as JsonFinding;
    assert.equal(own.constructPath, undefined);
    assert.doesNotMatch(own.message, /CDK construct/);
  });

  it('a synthesized template named on the command line is scanned, as is a named cdk.out folder', async () => {
    const named = await run(['scan', 'cdk.out/AppStack.template.json', '--format', 'json', '--no-config'], dir);
    assert.deepEqual(
      findings(named.out).map((f) => f.constructPath),
      ['AppStack/DataVolume/Resource'],
    );
    const folder = await run(['scan', 'cdk.out', '--format', 'json', '--no-config'], dir);
    assert.deepEqual(
      findings(folder.out)
        .map((f) => f.file)
        .sort(),
      ['cdk.out/AppStack.template.json', 'cdk.out/assembly-Prod/ProdAppStack.template.json'],
    );
  });

  it('the walker takes cdk.out per root (the editor setting)', async () => {
    const off = await walkFiles([{ path: dir }]);
    const on = await walkFiles([{ path: dir, includeCdkOut: true }]);
    assert.deepEqual(
      on
        .filter((f) => !off.includes(f))
        .map((f) => f.slice(dir.length + 1))
        .sort(),
      ['cdk.out/AppStack.template.json', 'cdk.out/assembly-Prod/ProdAppStack.template.json'],
    );
  });

  it('the setting and the config key: validated, and the setting wins when on', () => {
    const ids = new Set<string>();
    assert.deepEqual(parseProjectConfig('scan:\n  includeCdkOut: true\n', ids).config.scan, { includeCdkOut: true });
    assert.match(parseProjectConfig('scan:\n  includeCdkOut: yes please\n', ids).diagnostics[0]?.message ?? '', /must be true or false/);
    assert.match(parseProjectConfig('scan:\n  includeCdk: true\n', ids).diagnostics[0]?.message ?? '', /Unknown setting 'scan.includeCdk'/);
    const fromFile = parseProjectConfig('scan:\n  includeCdkOut: true\n', ids).config;
    assert.equal(overlaySettings(normalizeSettings({}).settings, fromFile, undefined).includeCdkOut, true);
    assert.equal(overlaySettings(normalizeSettings({ scan: { includeCdkOut: true } }).settings, undefined, undefined).includeCdkOut, true);
    assert.equal(overlaySettings(normalizeSettings({}).settings, undefined, undefined).includeCdkOut, false);
  });
});
