// An ingress open on every port is one finding (sg-open-all-ports) naming the port rules it covers, with one fix.
import assert from 'node:assert/strict';
import { allRules } from '../../rules/index';
import { lintText } from '../../server/src/engine/lint/lint';
import { initParsers } from '../../server/src/parsers/index';
import { dedent } from '../harness/sources';

function lint(name: string, code: string) {
  const result = lintText(name, dedent(code), { rules: allRules });
  assert.deepEqual(result.ruleFailures, []);
  const sg = result.findings.filter((f) => f.ruleId.startsWith('sg-open-'));
  return { visible: sg.filter((f) => !f.suppressed), suppressed: sg.filter((f) => f.suppressed) };
}

const ALL_OPEN_YAML = (metadata = '') => `
  Resources:
    Sg:
      Type: AWS::EC2::SecurityGroup
      ${metadata}
      Properties:
        GroupDescription: x
        SecurityGroupIngress:
          - IpProtocol: "-1"
            CidrIp: 0.0.0.0/0
`;

describe('folding overlapping security-group findings', () => {
  before(() => initParsers());

  it('folds ssh, rdp and db-ports into the all-ports finding on the same CIDR (CloudFormation YAML)', () => {
    const { visible } = lint('t.yaml', ALL_OPEN_YAML());
    assert.deepEqual(
      visible.map((f) => f.ruleId),
      ['sg-open-all-ports'],
    );
    const [all] = visible;
    assert.deepEqual(
      (all?.related ?? []).map((r) => r.message.split(':')[0]),
      ['Also sg-open-db-ports', 'Also sg-open-rdp', 'Also sg-open-ssh'],
    );
    // The related places are the CIDR itself, on its own line.
    assert.ok((all?.related ?? []).every((r) => r.range.start === all?.range.start && r.start.line === 8));
    assert.equal(all?.fixes.length, 1, 'one fix: the all-ports one');
    assert.match(all?.fixes[0]?.title ?? '', /AllowedIngressCidr/);
  });

  it('folds in Terraform too, and keeps a port-specific finding on a CIDR the all-ports rule does not report', () => {
    const { visible } = lint(
      'main.tf',
      `
      resource "aws_security_group" "sg" {
        ingress {
          from_port   = 0
          to_port     = 65535
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
        ingress {
          from_port   = 22
          to_port     = 22
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
      }
    `,
    );
    assert.deepEqual(
      visible.map((f) => [f.ruleId, f.related?.length ?? 0]),
      [
        ['sg-open-all-ports', 3],
        ['sg-open-ssh', 0],
      ],
    );
  });

  it('a suppressed all-ports finding absorbs nothing: the port rules stand on their own', () => {
    const { visible, suppressed } = lint(
      't.yaml',
      `
      Resources:
        # secure-iac-ignore sg-open-all-ports: the port rules still apply
        Sg:
          Type: AWS::EC2::SecurityGroup
          Properties:
            GroupDescription: x
            SecurityGroupIngress:
              - IpProtocol: "-1"
                CidrIp: 0.0.0.0/0
    `,
    );
    assert.deepEqual(
      suppressed.map((f) => f.ruleId),
      ['sg-open-all-ports'],
    );
    assert.deepEqual(visible.map((f) => f.ruleId).sort(), ['sg-open-db-ports', 'sg-open-rdp', 'sg-open-ssh']);
  });

  it('without sg-open-all-ports running, nothing is folded', () => {
    const result = lintText('t.yaml', dedent(ALL_OPEN_YAML()), { rules: allRules, config: { rules: { 'sg-open-all-ports': 'off' } } });
    assert.deepEqual(
      result.findings
        .filter((f) => f.ruleId.startsWith('sg-open-'))
        .map((f) => f.ruleId)
        .sort(),
      ['sg-open-db-ports', 'sg-open-rdp', 'sg-open-ssh'],
    );
  });
});
