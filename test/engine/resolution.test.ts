// Resolution: what the engine can know is judged (branches, mappings, locals, overrides); what it cannot is not guessed.
import assert from 'node:assert/strict';
import cloudtrailLogValidation from '../../rules/cloudtrail/cloudtrail-log-validation';
import ebsEncryption from '../../rules/ec2/ebs-encryption';
import sgOpenSsh from '../../rules/ec2/sg-open-ssh';
import iamAdminPolicy from '../../rules/iam/iam-admin-policy';
import type { AnyRule } from '../../rules/define-rule';
import { lintDocument, type LintOptions } from '../../server/src/engine/lint';
import { lineStarts, positionAt } from '../../server/src/engine/positions';
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
  return result.findings.map((f) => ({ line: positionAt(starts, f.range.start).line + 1, messageId: f.messageId, message: f.message, severity: f.severity }));
}

const scalar = (value: string): IacNode => ({ kind: 'scalar', value, range: { start: 0, end: 0 } });

describe('resolution', () => {
  before(() => initParsers());

  it('judges both branches of !If and says which condition leads to the violation', () => {
    const findings = lint('t.yaml', `
      Conditions:
        IsProd: !Equals [!Ref Env, prod]
      Resources:
        Vol:
          Type: AWS::EC2::Volume
          Properties:
            Encrypted: !If [IsProd, true, false]
    `, ebsEncryption);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.line, 7);
    assert.match(findings[0]?.message ?? '', /\(when condition IsProd is false\)$/);
  });

  it('treats an AWS::NoValue branch as the property being absent', () => {
    const findings = lint('t.yaml', `
      Resources:
        Vol:
          Type: AWS::EC2::Volume
          Properties:
            Encrypted: !If [Secure, true, !Ref AWS::NoValue]
    `, ebsEncryption);
    assert.deepEqual(findings.map((f) => f.messageId), ['missing']);
  });

  it("takes only the branch a resource's own Condition allows", () => {
    const findings = lint('t.yaml', `
      Resources:
        Vol:
          Type: AWS::EC2::Volume
          Condition: IsProd
          Properties:
            Encrypted: !If [IsProd, true, false]
    `, ebsEncryption);
    assert.deepEqual(findings, []);
  });

  it('judges both branches of a Terraform conditional', () => {
    const findings = lint('main.tf', `
      resource "aws_ebs_volume" "v" {
        availability_zone = "eu-west-1a"
        encrypted         = var.env == "prod" ? true : false
      }
    `, ebsEncryption);
    assert.equal(findings.length, 1);
    assert.match(findings[0]?.message ?? '', /\(when `var\.env == "prod"` is false\)$/);
  });

  it('reads Fn::FindInMap with literal keys, and Fn::Sub / Fn::Join of literals', () => {
    const findings = lint('t.yaml', `
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
    `, sgOpenSsh);
    assert.deepEqual(findings.map((f) => f.line), [15, 16, 17]);
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
    assert.deepEqual(overridden.map((f) => f.messageId), ['disabled']);
  });

  it('resolves Terraform locals and variables of sibling files', () => {
    const findings = lint('main.tf', `
      resource "aws_ebs_volume" "v" {
        availability_zone = "eu-west-1a"
        encrypted         = local.encrypt
      }
    `, ebsEncryption, {}, { 'locals.tf': 'locals {\n  encrypt = var.encrypt\n}\n', 'variables.tf': 'variable "encrypt" {\n  default = false\n}\n' });
    assert.deepEqual(findings.map((f) => f.messageId), ['disabled']);
  });

  it('reads data.aws_iam_policy_document.x.json and heredoc JSON with interpolations as policies', () => {
    const viaData = lint('main.tf', `
      data "aws_iam_policy_document" "admin" {
        statement {
          actions   = ["*"]
          resources = ["*"]
        }
      }

      resource "aws_iam_policy" "p" {
        policy = data.aws_iam_policy_document.admin.json
      }
    `, iamAdminPolicy);
    // The data source itself is reported, and so is the policy that uses it.
    assert.deepEqual(viaData.map((f) => f.line), [2, 9]);
    const heredoc = lint('main.tf', `
      resource "aws_iam_policy" "p" {
        policy = <<EOF
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "\${aws_s3_bucket.b.arn}/*"}
      ]}
      EOF
      }
    `, iamAdminPolicy);
    assert.deepEqual(heredoc.map((f) => f.line), [2]);
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
    assert.deepEqual(noted.map((f) => [f.line, f.severity, f.messageId]), [[3, 'info', 'cannotVerify']]);
    assert.match(noted[0]?.message ?? '', /depends on variable encrypt, which has no default/);
  });
});
