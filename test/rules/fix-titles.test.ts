// A fix that declares a new parameter/variable names it in its title the way the edit spells it in that syntax.
import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/lint/lint';
import { initParsers } from '../../server/src/parsers/index';
import { dedent } from '../harness/sources';

const TF_OPEN_SG = dedent(`
  resource "aws_vpc" "main" {
    cidr_block = "10.0.0.0/16"
  }

  resource "aws_security_group" "bastion" {
    vpc_id = aws_vpc.main.id
    ingress {
      from_port   = 0
      to_port     = 65535
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
`);

const CFN_OPEN_SG = dedent(`
  Resources:
    Vpc:
      Type: AWS::EC2::VPC
      Properties:
        CidrBlock: 10.0.0.0/16
    Bastion:
      Type: AWS::EC2::SecurityGroup
      Properties:
        GroupDescription: bastion
        SecurityGroupIngress:
          - IpProtocol: tcp
            FromPort: 0
            ToPort: 65535
            CidrIp: 0.0.0.0/0
`);

/** The input name the fix's edits declare: `variable "x"` (Terraform) or a new `Parameters` key (CloudFormation). */
function declaredInput(newTexts: string[], terraform: boolean): string | undefined {
  for (const t of newTexts) {
    const m = terraform ? /variable "([^"]+)"/.exec(t) : /^\s*([A-Za-z0-9]+):\s*\n\s*Type: String/m.exec(t);
    if (m) return terraform ? `var.${m[1]}` : m[1];
  }
  return undefined;
}

describe('fix titles name the new input as written', () => {
  before(() => initParsers());

  const cases = [
    {
      file: 'main.tf',
      text: TF_OPEN_SG,
      terraform: true,
      rules: ['sg-open-ssh', 'sg-open-rdp', 'sg-open-all-ports', 'sg-open-db-ports', 'vpc-flow-logs'],
    },
    {
      file: 'template.yaml',
      text: CFN_OPEN_SG,
      terraform: false,
      rules: ['sg-open-ssh', 'sg-open-rdp', 'sg-open-all-ports', 'sg-open-db-ports', 'vpc-flow-logs'],
    },
  ];
  for (const c of cases) {
    for (const ruleId of c.rules) {
      it(`${ruleId} in ${c.file}`, () => {
        // Each rule alone: with every rule on, the port rules are folded into sg-open-all-ports on this all-ports CIDR.
        const finding = lintText(c.file, c.text, { config: { only: [ruleId] } }).findings.find((f) => f.ruleId === ruleId);
        assert.ok(finding, `${ruleId} should fire`);
        const fix = finding.fixes[0];
        assert.ok(fix, `${ruleId} should offer a fix`);
        const name = declaredInput(
          fix.edits.map((e) => e.newText),
          c.terraform,
        );
        assert.ok(name, `the fix should declare an input: ${JSON.stringify(fix.edits)}`);
        assert.ok(` ${fix.title} `.includes(` ${name} `), `title "${fix.title}" should name ${name}`);
      });
    }
  }
});
