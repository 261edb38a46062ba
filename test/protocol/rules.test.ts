// Protocol: the rule list behind "Show Rule Documentation" / "Disable Rule", and disabling each rule that fires.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { allRules } from '../../rules/index';
import { LIST_RULES_METHOD, type ListRulesResult } from '../../server/src/protocol';
import { ensureServerBuilt, fileUri, FIXTURES, TestClient } from './lsp-client';

/** CloudFormation resources that set off many rules at once. */
const MANY = [
  'Resources:',
  '  Data:',
  '    Type: AWS::S3::Bucket',
  '  Trail:',
  '    Type: AWS::CloudTrail::Trail',
  '    Properties:',
  '      IsLogging: false',
  '  Volume:',
  '    Type: AWS::EC2::Volume',
  '    Properties:',
  '      Size: 10',
  '  Db:',
  '    Type: AWS::RDS::DBInstance',
  '    Properties:',
  '      Engine: postgres',
  '      PubliclyAccessible: true',
  '  Key:',
  '    Type: AWS::KMS::Key',
  '  Topic:',
  '    Type: AWS::SNS::Topic',
  '',
].join('\n');

describe('protocol: rules', function () {
  let client: TestClient;

  before(function () {
    this.timeout(120_000);
    ensureServerBuilt();
  });
  afterEach(async () => {
    await client.stop();
  });

  it('lists every registered rule with its title, severity and documentation link', async () => {
    client = await TestClient.start({ root: FIXTURES });
    const { rules } = await client.request<ListRulesResult>(LIST_RULES_METHOD);
    assert.deepEqual(
      rules.map((r) => [r.id, r.title, r.severity, r.defaultOff]),
      allRules.map((r) => [r.id, r.meta.title, r.meta.severity, r.meta.defaultOff === true]),
    );
    for (const rule of rules) assert.match(rule.docsUrl, /^(https|file):\/\//, rule.id);
  });

  it('turning off each rule that fires (what Disable Rule writes) removes exactly its diagnostics', async function () {
    this.timeout(60_000);
    client = await TestClient.start({ root: FIXTURES, settings: { secureIac: { rules: {} } } });
    const uri = fileUri(path.join(FIXTURES, 'rules', 'many.yaml'));
    await client.open(uri, MANY);
    const codesOf = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => String(d.code));
    const all = codesOf({ diagnostics: await client.diagnosticsFor(uri, 1) });
    const fired = [...new Set(all)];
    assert.ok(fired.length >= 8, `many rules fire: ${fired.join(', ')}`);
    for (const id of fired) {
      await client.changeSettings({ secureIac: { rules: { [id]: 'off' } } });
      const expected = all.filter((c) => c !== id);
      const published = await client.diagnostics(uri, (p) => !codesOf(p).includes(id));
      assert.deepEqual(codesOf(published).sort(), [...expected].sort(), `with ${id} off`);
    }
  });
});
