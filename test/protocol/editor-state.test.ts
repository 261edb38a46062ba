// Protocol: secureIac.enable / secureIac.run, the secureIac/status notification, the startup log, and the folded
// security-group finding as the editor receives it.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CodeActionKind } from 'vscode-languageserver-protocol/node';
import { SCAN_WORKSPACE_METHOD, type StatusParams } from '../../server/src/protocol';
import { ensureServerBuilt, fileUri, onlyRules, TestClient, writeIn } from './lsp-client';

const TEMPLATE = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n';
const RULES = onlyRules('s3-versioning', 'sg-open-all-ports', 'sg-open-ssh', 'sg-open-rdp', 'sg-open-db-ports');
const OPEN_SG = [
  'Resources:',
  '  Sg:',
  '    Type: AWS::EC2::SecurityGroup',
  '    Properties:',
  '      GroupDescription: x',
  '      SecurityGroupIngress:',
  '        - IpProtocol: "-1"',
  '          CidrIp: 0.0.0.0/0',
  '',
].join('\n');

/** Resolves once `ok` holds, polling what the client recorded; fails with `describe()` after `ms`. */
async function until(ok: () => boolean, describe: () => string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${describe()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('protocol: enable, run, status and startup log', function () {
  let client: TestClient;
  let root: string;
  let uri: string;

  before(function () {
    this.timeout(120_000);
    ensureServerBuilt();
  });
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'secure-iac-state-'));
    uri = fileUri(path.join(root, 'template.yaml'));
  });
  afterEach(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('secureIac.enable: false publishes nothing and clears what was shown; true brings it back', async () => {
    client = await TestClient.start({ root, settings: { secureIac: { rules: RULES, enable: false } } });
    await client.open(uri, TEMPLATE);
    assert.deepEqual((await client.diagnostics(uri)).diagnostics, []);
    await client.changeSettings({ secureIac: { rules: RULES } });
    await client.diagnostics(uri, (p) => p.diagnostics.length === 1);
    await client.changeSettings({ secureIac: { rules: RULES, enable: false } });
    await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    // No quick fixes either: nothing is checked.
    const actions = await client.codeActions(
      uri,
      { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } },
      [],
      [CodeActionKind.QuickFix],
    );
    assert.deepEqual(actions, []);
  });

  it('secureIac.enable: false leaves the workspace scan empty', async () => {
    writeIn(root, 'stack/t.yaml', TEMPLATE);
    client = await TestClient.start({ root, settings: { secureIac: { rules: RULES, enable: false } } });
    const result = (await client.request(SCAN_WORKSPACE_METHOD, {})) as { findings: number; templates: number };
    assert.equal(result.findings, 0);
  });

  it('secureIac.run: onSave checks on open and on save, never while typing', async () => {
    client = await TestClient.start({ root, settings: { secureIac: { rules: RULES, run: 'onSave' } } });
    await client.open(uri, TEMPLATE);
    await client.diagnostics(uri, (p) => p.diagnostics.length === 1);
    const before = client.published.filter((p) => p.uri === uri).length;
    // Bucket → a comment: under onType this would clear the finding.
    await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '#' }]);
    await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '#' }]);
    await new Promise((r) => setTimeout(r, 400)); // several debounce periods (20 ms in tests)
    assert.equal(client.published.filter((p) => p.uri === uri).length, before, 'no publish while typing');
    await client.save(uri);
    await client.diagnostics(uri, (p) => p.diagnostics.length === 0 && p.version === 3);
  });

  it('secureIac.run: onType (the default) checks as the user types', async () => {
    client = await TestClient.start({ root, settings: { secureIac: { rules: RULES, run: 'onType' } } });
    await client.open(uri, TEMPLATE);
    await client.diagnostics(uri, (p) => p.diagnostics.length === 1);
    await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '#' }]);
    await client.diagnostics(uri, (p) => p.version === 2);
  });

  it('reports ready after start, scanning n/N during a scan, then ready again', async () => {
    for (let i = 0; i < 3; i++) writeIn(root, `stack/t${i}.yaml`, TEMPLATE);
    client = await TestClient.start({ root, settings: { secureIac: { rules: RULES } } });
    await until(
      () => client.statuses.some((s) => s.state === 'ready'),
      () => JSON.stringify(client.statuses),
    );
    await client.request(SCAN_WORKSPACE_METHOD, {});
    await until(
      () => client.statuses.at(-1)?.state === 'ready',
      () => JSON.stringify(client.statuses),
    );
    const scanning = client.statuses.filter((s): s is Required<StatusParams> => s.state === 'scanning');
    assert.ok(scanning.length > 0, JSON.stringify(client.statuses));
    assert.equal(scanning.at(-1)?.scanned, 3);
    assert.equal(scanning.at(-1)?.total, 3);
    assert.deepEqual(scanning[0] && [scanning[0].scanned, scanning[0].total], [0, 3]);
  });

  it('logs the version, the rule count and the effective configuration at start', async () => {
    writeIn(root, '.secure-iac.yaml', 'rules:\n  s3-versioning: low\n');
    client = await TestClient.start({ root, settings: { secureIac: { rules: { 'sg-open-ssh': 'off' }, run: 'onSave' } } });
    await until(
      () => client.logs.some((l) => l.message.startsWith('Configuration of')),
      () => client.logs.map((l) => l.message).join('\n'),
    );
    const text = client.logs.map((l) => l.message).join('\n');
    assert.match(text, /Secure IaC server \S+ \(Node v\d+[^)]*\): \d+ rules, \d+ on by default/);
    const config = client.logs.find((l) => l.message.startsWith('Configuration of'))?.message ?? '';
    assert.ok(config.includes(root), config);
    assert.match(config, /run=onSave/);
    assert.match(config, /s3-versioning=low/, 'the project config file counts');
    assert.match(config, /sg-open-ssh=off/, 'settings count');
    assert.match(config, /config file: .*\.secure-iac\.yaml/);
  });

  it('an ingress open on every port is one diagnostic with the port rules as related information, and one quick fix', async () => {
    client = await TestClient.start({ root, settings: { secureIac: { rules: RULES } } });
    await client.open(uri, OPEN_SG);
    const { diagnostics } = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['sg-open-all-ports'],
    );
    const related = diagnostics[0]?.relatedInformation?.map((r) => r.message.split(':')[0]);
    assert.deepEqual(related, ['Also sg-open-db-ports', 'Also sg-open-rdp', 'Also sg-open-ssh']);
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await client.codeActions(uri, range, diagnostics, [CodeActionKind.QuickFix]);
    const titles = actions.map((a) => a.title);
    assert.deepEqual(
      titles.filter((t) => t.startsWith('Replace ')),
      ['Replace 0.0.0.0/0 with a new input AllowedIngressCidr for the allowed source range'],
      JSON.stringify(titles),
    );
    assert.ok(!titles.some((t) => /sg-open-(ssh|rdp|db-ports)/.test(t)), JSON.stringify(titles));
  });
});
