// Resources and parameters that fixes insert take names nobody in the template or module uses yet.
import assert from 'node:assert/strict';
import s3Versioning from '../../rules/s3/s3-versioning';
import vpcFlowLogs from '../../rules/vpc/vpc-flow-logs';
import type { AnyRule } from '../../rules/define-rule';
import { lintDocument } from '../../server/src/engine/lint/lint';
import { applyEdits } from '../../server/src/engine/positions';
import { initParsers, parseDocument } from '../../server/src/parsers/index';
import { dedent } from '../harness/sources';

/** The text after the first fix of the only finding of `rule`. */
function fixed(uri: string, code: string, rule: AnyRule): string {
  const text = dedent(code);
  const doc = parseDocument(uri, text)!;
  const findings = lintDocument(doc, { rules: [rule] }).findings;
  assert.equal(findings.length, 1, findings.map((f) => f.message).join('\n'));
  const fix = findings[0]!.fixes[0];
  assert.ok(fix, 'a fix is offered');
  const out = applyEdits(text, fix.edits);
  assert.deepEqual(parseDocument(uri, out)!.errors, []);
  return out;
}

describe('names of inserted resources and parameters', () => {
  before(() => initParsers());

  it('a Terraform companion whose name is taken by another resource of its type gets a suffix', () => {
    const out = fixed(
      'main.tf',
      `
      resource "aws_s3_bucket" "data" {
        bucket = "data"
      }

      resource "aws_s3_bucket" "other" {
        bucket = "other"
      }

      resource "aws_s3_bucket_versioning" "data" {
        bucket = aws_s3_bucket.other.id
        versioning_configuration {
          status = "Enabled"
        }
      }
    `,
      s3Versioning,
    );
    assert.match(out, /resource "aws_s3_bucket_versioning" "data_2" \{\n  bucket = aws_s3_bucket\.data\.id\n/);
    assert.equal(out.match(/resource "aws_s3_bucket_versioning" "data" /g)?.length, 1);
  });

  it('a Terraform companion keeps the resource name when it is free', () => {
    const out = fixed(
      'main.tf',
      `
      resource "aws_s3_bucket" "data" {
        bucket = "data"
      }
    `,
      s3Versioning,
    );
    assert.match(out, /resource "aws_s3_bucket_versioning" "data" \{/);
  });

  it('a CloudFormation companion and its parameter avoid logical ids already in use', () => {
    const out = fixed(
      't.yaml',
      `
      Resources:
        Vpc:
          Type: AWS::EC2::VPC
          Properties:
            CidrBlock: 10.0.0.0/16
        VpcFlowLog:
          Type: AWS::SNS::Topic
        FlowLogBucketArn:
          Type: AWS::SNS::Topic
    `,
      vpcFlowLogs,
    );
    assert.match(out, /\n  VpcFlowLog2:\n    Type: AWS::EC2::FlowLog\n/);
    assert.match(out, /\n  FlowLogBucketArn2:\n    Type: String\n/);
    assert.match(out, /!Ref FlowLogBucketArn2/);
  });
});
