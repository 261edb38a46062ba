// Suppressed findings in CLI reports: hidden by default, listed with --show-suppressed, SARIF `suppressions` with the reason.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { main } from '../../server/src/cli';

const TEMPLATE = `Resources:
  # secure-iac-ignore sg-open-ssh: bastion, access is audited
  Bastion:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: bastion
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
  Web:
    Type: AWS::EC2::SecurityGroup
    Metadata:
      checkov:
        skip:
          - id: CKV_AWS_25
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 3389
          ToPort: 3389
          CidrIp: 0.0.0.0/0
`;

describe('suppressed findings in CLI reports', () => {
  let dir: string;
  const run = async (...args: string[]) => {
    let out = '';
    const code = await main(
      ['scan', join(dir, 'sg.yaml'), '--rule', 'sg-open-ssh', '--rule', 'sg-open-rdp', '--jobs', '1', '--no-config', ...args],
      (t) => void (out += t),
      () => undefined,
    );
    return { code, out };
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'secure-iac-sarif-'));
    writeFileSync(join(dir, 'sg.yaml'), TEMPLATE);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('SARIF carries each suppressed finding with an in-source suppression and its justification', async () => {
    const { code, out } = await run('--format', 'sarif');
    assert.equal(code, 0, 'every finding is suppressed, so nothing fails the run');
    const results = (JSON.parse(out) as Log).runs[0]?.results ?? [];
    const byRule = new Map(results.map((r) => [r.ruleId, r.suppressions]));
    assert.deepEqual(byRule.get('sg-open-ssh'), [{ kind: 'inSource', justification: 'bastion, access is audited' }]);
    // Checkov's skip gives no comment: the justification names the suppression instead of being empty.
    assert.equal(byRule.get('sg-open-rdp')?.[0]?.kind, 'inSource');
    assert.match(byRule.get('sg-open-rdp')?.[0]?.justification ?? '', /CKV_AWS_25/);
    assert.equal(results.length, 2);
  });

  it('JSON and text leave suppressed findings out unless --show-suppressed', async () => {
    const hidden = JSON.parse((await run('--format', 'json')).out) as { findings: unknown[] };
    assert.deepEqual(hidden.findings, []);
    const shown = JSON.parse((await run('--format', 'json', '--show-suppressed')).out) as {
      findings: { ruleId: string; suppressed?: { reason: string; source: string } }[];
    };
    assert.deepEqual(
      shown.findings.map((f) => [f.ruleId, f.suppressed?.source]),
      [
        ['sg-open-ssh', 'secure-iac'],
        ['sg-open-rdp', 'checkov'],
      ],
    );
    assert.doesNotMatch((await run()).out, /sg-open-ssh/);
    assert.match((await run('--show-suppressed')).out, /sg-open-ssh.*\[suppressed: bastion, access is audited\]/);
  });

  it('an unapplied suppression (no reason) is reported as a finding that fails the run', async () => {
    writeFileSync(join(dir, 'sg.yaml'), TEMPLATE.replace(': bastion, access is audited', ''));
    try {
      const { code, out } = await run('--format', 'json');
      const findings = (JSON.parse(out) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
      assert.deepEqual(findings, ['invalid-suppression', 'sg-open-ssh']);
      assert.equal(code, 1);
    } finally {
      writeFileSync(join(dir, 'sg.yaml'), TEMPLATE);
    }
  });
});
