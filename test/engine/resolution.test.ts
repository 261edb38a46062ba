// Resolution: what the engine can know is judged (branches, mappings, locals, overrides); what it cannot is not guessed.
import assert from 'node:assert/strict';
import cloudtrailLogValidation from '../../rules/cloudtrail/cloudtrail-log-validation';
import ebsEncryption from '../../rules/ec2/ebs-encryption';
import sgOpenSsh from '../../rules/ec2/sg-open-ssh';
import defaultSgRestrict from '../../rules/vpc/default-sg-restrict';
import iamAdminPolicy from '../../rules/iam/iam-admin-policy';
import iamWildcardAction from '../../rules/iam/iam-wildcard-action';
import type { AnyRule } from '../../rules/define-rule';
import { lintDocument, type LintOptions } from '../../server/src/engine/lint/lint';
import { applyEdits, lineStarts, positionAt } from '../../server/src/engine/positions';
import { spell } from '../../server/src/engine/lint/views';
import type { IacNode } from '../../server/src/model/nodes';
import { initParsers, parseDocument } from '../../server/src/parsers/index';
import { dedent } from '../harness/sources';

function lint(name: string, code: string, rule: AnyRule, options: LintOptions = {}, module: Record<string, string> = {}) {
  const text = dedent(code);
  const doc = parseDocument(name, text);
  assert.ok(doc);
  assert.deepEqual(doc.errors, []);
  const siblings = Object.entries(module).map(([n, c]) => parseDocument(n, dedent(c))!);
  const result = lintDocument(doc, { rules: [rule], module: siblings, ...options });
  assert.deepEqual(result.ruleFailures, []);
  const starts = lineStarts(text);
  return result.findings.map((f) => ({
    line: positionAt(starts, f.range.start).line + 1,
    messageId: f.messageId,
    message: f.message,
    severity: f.severity,
  }));
}

const scalar = (value: string): IacNode => ({ kind: 'scalar', value, range: { start: 0, end: 0 } });

describe('resolution', () => {
  before(() => initParsers());

  it('judges both branches of !If and says which condition leads to the violation', () => {
    const findings = lint(
      't.yaml',
      `
      Conditions:
        IsProd: !Equals [!Ref Env, prod]
      Resources:
        Vol:
          Type: AWS::EC2::Volume
          Properties:
            Encrypted: !If [IsProd, true, false]
    `,
      ebsEncryption,
    );
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.line, 7);
    assert.match(findings[0]?.message ?? '', /\(when condition IsProd is false\)$/);
  });

  it('treats an AWS::NoValue branch as the property being absent', () => {
    const findings = lint(
      't.yaml',
      `
      Resources:
        Vol:
          Type: AWS::EC2::Volume
          Properties:
            Encrypted: !If [Secure, true, !Ref AWS::NoValue]
    `,
      ebsEncryption,
    );
    assert.deepEqual(
      findings.map((f) => f.messageId),
      ['missing'],
    );
  });

  it("takes only the branch a resource's own Condition allows", () => {
    const findings = lint(
      't.yaml',
      `
      Resources:
        Vol:
          Type: AWS::EC2::Volume
          Condition: IsProd
          Properties:
            Encrypted: !If [IsProd, true, false]
    `,
      ebsEncryption,
    );
    assert.deepEqual(findings, []);
  });

  it('judges both branches of a Terraform conditional', () => {
    const findings = lint(
      'main.tf',
      `
      resource "aws_ebs_volume" "v" {
        availability_zone = "eu-west-1a"
        encrypted         = var.env == "prod" ? true : false
      }
    `,
      ebsEncryption,
    );
    assert.equal(findings.length, 1);
    assert.match(findings[0]?.message ?? '', /\(when `var\.env == "prod"` is false\)$/);
  });

  it('takes only the branch in which a Terraform count or for_each creates the resource', () => {
    const created = (meta: string, encrypted: string) =>
      lint(
        'main.tf',
        `
        resource "aws_ebs_volume" "v" {
          ${meta}
          availability_zone = "eu-west-1a"
          encrypted         = ${encrypted}
        }
      `,
        ebsEncryption,
      );
    // With var.create false there is no volume, so its unencrypted branch is never deployed.
    assert.deepEqual(created('count = var.create ? 1 : 0', 'var.create ? true : false'), []);
    assert.deepEqual(created('for_each = var.create ? toset(["a"]) : []', 'var.create ? true : false'), []);
    // The branch that does create it is still judged, and a count on another condition decides nothing.
    assert.equal(created('count = var.create ? 0 : 1', 'var.create ? true : false').length, 1);
    assert.equal(created('count = var.other ? 1 : 0', 'var.create ? true : false').length, 1);
  });

  it('reads Fn::FindInMap with literal keys, and Fn::Sub / Fn::Join of literals', () => {
    const findings = lint(
      't.yaml',
      `
      Parameters:
        Env:
          Type: String
          Default: dev
      Mappings:
        Settings:
          dev: { Cidr: 0.0.0.0/0 }
          prod: { Cidr: 10.0.0.0/8 }
      Resources:
        Sg:
          Type: AWS::EC2::SecurityGroup
          Properties:
            GroupDescription: x
            SecurityGroupIngress:
              - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !FindInMap [Settings, !Ref Env, Cidr] }
              - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Sub "0.0.0.0/0" }
              - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Join ["/", ["0.0.0.0", "0"]] }
              - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Sub "\${AWS::Region}" }
    `,
      sgOpenSsh,
    );
    assert.deepEqual(
      findings.map((f) => f.line),
      [15, 16, 17],
    );
  });

  it('lets a parameter file or tfvars value override the default', () => {
    const template = `
      Parameters:
        Validate:
          Type: String
          Default: "true"
      Resources:
        Trail:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: logs
            EnableLogFileValidation: !Ref Validate
    `;
    assert.deepEqual(lint('t.yaml', template, cloudtrailLogValidation), []);
    const overridden = lint('t.yaml', template, cloudtrailLogValidation, { inputValues: new Map([['Validate', scalar('false')]]) });
    assert.deepEqual(
      overridden.map((f) => f.messageId),
      ['disabled'],
    );
  });

  it('resolves Terraform locals and variables of sibling files', () => {
    const findings = lint(
      'main.tf',
      `
      resource "aws_ebs_volume" "v" {
        availability_zone = "eu-west-1a"
        encrypted         = local.encrypt
      }
    `,
      ebsEncryption,
      {},
      { 'locals.tf': 'locals {\n  encrypt = var.encrypt\n}\n', 'variables.tf': 'variable "encrypt" {\n  default = false\n}\n' },
    );
    assert.deepEqual(
      findings.map((f) => f.messageId),
      ['disabled'],
    );
  });

  it('reads data.aws_iam_policy_document.x.json and heredoc JSON with interpolations as policies', () => {
    const viaData = lint(
      'main.tf',
      `
      data "aws_iam_policy_document" "admin" {
        statement {
          actions   = ["*"]
          resources = ["*"]
        }
      }

      resource "aws_iam_policy" "p" {
        policy = data.aws_iam_policy_document.admin.json
      }
    `,
      iamAdminPolicy,
    );
    // Reported once, at the statement inside the data source; the policy that uses it is not reported again.
    assert.deepEqual(
      viaData.map((f) => f.line),
      [2],
    );
    const wildcard = lint(
      'main.tf',
      `
      data "aws_iam_policy_document" "s3" {
        statement {
          actions   = ["s3:*"]
          resources = ["arn:aws:s3:::b/*"]
        }
      }

      resource "aws_iam_role_policy" "p" {
        role   = "r"
        policy = data.aws_iam_policy_document.s3.json
      }
    `,
      iamWildcardAction,
    );
    assert.deepEqual(
      wildcard.map((f) => f.line),
      [2],
    );
    // A data source in a sibling file of the module: reported there, at its statement, not at this use.
    const elsewhere = lint(
      'main.tf',
      `
      resource "aws_iam_policy" "p" {
        policy = data.aws_iam_policy_document.admin.json
      }
    `,
      iamAdminPolicy,
      {},
      {
        'policies.tf': `
      data "aws_iam_policy_document" "admin" {
        statement {
          actions   = ["*"]
          resources = ["*"]
        }
      }
    `,
      },
    );
    assert.deepEqual(elsewhere, []);
    const heredoc = lint(
      'main.tf',
      `
      resource "aws_iam_policy" "p" {
        policy = <<EOF
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "\${aws_s3_bucket.b.arn}/*"}
      ]}
      EOF
      }
    `,
      iamAdminPolicy,
    );
    assert.deepEqual(
      heredoc.map((f) => f.line),
      [2],
    );
  });

  it('treats a Terraform argument set to null as not set, and fixes it in place', () => {
    const text = dedent(`
      resource "aws_ebs_volume" "v" {
        size      = 8
        encrypted = null
      }
    `);
    const doc = parseDocument('main.tf', text)!;
    const [finding, ...rest] = lintDocument(doc, { rules: [ebsEncryption] }).findings;
    assert.equal(rest.length, 0);
    assert.equal(finding?.messageId, 'missing');
    assert.equal(text.slice(finding.range.start, finding.range.end), 'null');
    assert.equal(applyEdits(text, finding.fixes[0]!.edits), text.replace('encrypted = null', 'encrypted = true'));
    // CloudFormation has no such rule: a YAML null is a written (wrong) value.
    assert.deepEqual(
      lint(
        't.yaml',
        `
      Resources:
        Vol:
          Type: AWS::EC2::Volume
          Properties:
            Encrypted: null
    `,
        ebsEncryption,
      ).map((f) => f.messageId),
      ['disabled'],
    );
  });

  it('reads a Terraform dynamic block whose for_each resolves empty as absent, and an unknown one as present once', () => {
    const group = (forEach: string) => `
      resource "aws_default_security_group" "d" {
        vpc_id = "vpc-1"
        dynamic "ingress" {
          for_each = ${forEach}
          content {
            from_port = ingress.value.port
          }
        }
      }
    `;
    const variable = (value: string) => ({ 'variables.tf': `variable "rules" {\n  ${value}\n}\n` });
    for (const empty of ['[]', '{}', 'null']) assert.deepEqual(lint('main.tf', group(empty), defaultSgRestrict), [], empty);
    assert.deepEqual(lint('main.tf', group('var.rules'), defaultSgRestrict, {}, variable('default = []')), []);
    assert.deepEqual(lint('main.tf', group('local.rules'), defaultSgRestrict, {}, { 'locals.tf': 'locals {\n  rules = {}\n}\n' }), []);
    // A default with items, no default at all, or a conditional: the block may exist.
    for (const [forEach, module] of [
      ['var.rules', variable('default = [{ port = 22 }]')],
      ['var.rules', variable('type = list(any)')],
      ['var.on ? [1] : []', {}],
    ] as const) {
      assert.deepEqual(
        lint('main.tf', group(forEach), defaultSgRestrict, {}, module).map((f) => [f.line, f.messageId]),
        [[3, 'inlineRulesMaybe']],
        forEach,
      );
    }
  });

  it('spells a resource-level path in messages without its marker', () => {
    assert.equal(spell({ policy: '/DeletionPolicy', rules: 'Rules[].Status' }, 'policy'), 'DeletionPolicy');
    assert.equal(spell({ policy: '/DeletionPolicy', rules: 'Rules[].Status' }, 'rules'), 'Rules.Status');
  });

  it('stays silent on unresolved values by default, and says what it could not verify when asked', () => {
    const code = `
      resource "aws_ebs_volume" "v" {
        availability_zone = "eu-west-1a"
        encrypted         = var.encrypt
      }

      variable "encrypt" {
        type = bool
      }
    `;
    assert.deepEqual(lint('main.tf', code, ebsEncryption), []);
    const noted = lint('main.tf', code, ebsEncryption, { config: { unresolved: 'info' } });
    assert.deepEqual(
      noted.map((f) => [f.line, f.severity, f.messageId]),
      [[3, 'info', 'cannotVerify']],
    );
    assert.match(noted[0]?.message ?? '', /depends on variable encrypt, which has no default/);
  });
});
