import assert from 'node:assert/strict';
import rule from '../../rules/cloudtrail/cloudtrail-bucket-public';
import { lintDocument } from '../../server/src/engine/lint/lint';
import { initParsers, parseDocument } from '../../server/src/parsers/index';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

const PUBLIC_POLICY_YAML = `
          LogsPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Logs
              PolicyDocument:
                Version: '2012-10-17'
                Statement:
                  - Sid: AWSCloudTrailWrite
                    Effect: Allow
                    Principal: { Service: cloudtrail.amazonaws.com }
                    Action: s3:PutObject
                    Resource: !Sub '\${Logs.Arn}/AWSLogs/*'
                  - Effect: Allow
                    Principal: '*'
                    Action: s3:GetObject
                    Resource: !Sub '\${Logs.Arn}/*'`;

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a private bucket with a CloudTrail-only policy',
      code: cfnYaml`
        Resources:
          Logs:
            Type: AWS::S3::Bucket
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: !Ref Logs
          LogsPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Logs
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: { Service: cloudtrail.amazonaws.com }
                    Action: s3:PutObject
                    Resource: !Sub '\${Logs.Arn}/AWSLogs/*'
      `,
    },
    {
      name: 'public ACL and policy neutralised by Block Public Access',
      code: cfnYaml`
        Resources:
          Logs:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: PublicRead
              PublicAccessBlockConfiguration:
                IgnorePublicAcls: true
                RestrictPublicBuckets: true
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: !Ref Logs${PUBLIC_POLICY_YAML}
      `,
    },
    {
      name: 'a public bucket that is not the trail bucket; a trail bucket outside the template',
      code: cfnYaml`
        Resources:
          Website:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: PublicRead
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: central-audit-logs
      `,
    },
    {
      name: 'an unresolved Block Public Access flag may block',
      code: cfnYaml`
        Parameters:
          Block:
            Type: String
        Resources:
          Logs:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: PublicRead
              PublicAccessBlockConfiguration:
                BlockPublicAcls: !Ref Block
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: !Ref Logs
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Logs": { "Type": "AWS::S3::Bucket", "Properties": { "AccessControl": "Private" } },
            "Trail": { "Type": "AWS::CloudTrail::Trail", "Properties": { "IsLogging": true, "S3BucketName": { "Ref": "Logs" } } }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_cloudtrail" "main" {
          name           = "main"
          s3_bucket_name = aws_s3_bucket.logs.id
        }

        resource "aws_s3_bucket" "logs" {
          bucket = "audit-logs"
          acl    = "private"
        }
      `,
    },
    {
      name: 'public ACL ignored by a public access block in a sibling file',
      code: tfHcl`
        resource "aws_cloudtrail" "main" {
          name           = "main"
          s3_bucket_name = aws_s3_bucket.logs.id
        }

        resource "aws_s3_bucket" "logs" {
          bucket = "audit-logs"
        }

        resource "aws_s3_bucket_acl" "logs" {
          bucket = aws_s3_bucket.logs.id
          acl    = "public-read"
        }
      `,
      module: {
        'pab.tf':
          'resource "aws_s3_bucket_public_access_block" "logs" {\n  bucket             = aws_s3_bucket.logs.id\n  block_public_acls  = true\n  ignore_public_acls = true\n}\n',
      },
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_cloudtrail": { "main": { "name": "main", "s3_bucket_name": "\${aws_s3_bucket.logs.id}" } },
            "aws_s3_bucket": { "logs": { "bucket": "audit-logs" } }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'a public canned ACL',
      code: cfnYaml`
        Resources:
          Logs:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: PublicRead
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: !Ref Logs
      `,
      errors: [{ messageId: 'public', line: 10, column: 21 }],
    },
    {
      name: 'a public bucket policy; BlockPublicAcls does not stop a policy',
      code: cfnYaml`
        Resources:
          Logs:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: audit-logs
              PublicAccessBlockConfiguration:
                BlockPublicAcls: true
                IgnorePublicAcls: true
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: audit-logs${PUBLIC_POLICY_YAML}
      `,
      errors: [{ messageId: 'public', line: 13, column: 21 }],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Logs": { "Type": "AWS::S3::Bucket", "Properties": { "AccessControl": "AuthenticatedRead" } },
            "Trail": { "Type": "AWS::CloudTrail::Trail", "Properties": { "IsLogging": true, "S3BucketName": { "Ref": "Logs" } } }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 4, column: 101 }],
    },
    {
      name: 'a legacy inline public ACL',
      code: tfHcl`
        resource "aws_cloudtrail" "foobar" {
          name                          = "tf-trail-foobar"
          s3_bucket_name                = aws_s3_bucket.b.id
          s3_key_prefix                 = "prefix"
          include_global_service_events = false
        }

        resource "aws_s3_bucket" "b" {
          bucket = "my-tf-test-bucket"
          acl    = "public-read"
        }
      `,
      errors: [{ messageId: 'public', line: 3, column: 35 }],
    },
    {
      name: 'a public aws_s3_bucket_policy in a sibling file, the bucket named by its literal name',
      code: tfHcl`
        resource "aws_cloudtrail" "main" {
          name           = "main"
          s3_bucket_name = "audit-logs"
        }

        resource "aws_s3_bucket" "logs" {
          bucket = "audit-logs"
        }

        resource "aws_s3_bucket_public_access_block" "logs" {
          bucket            = aws_s3_bucket.logs.id
          block_public_acls = true
        }
      `,
      module: {
        'policy.tf':
          'resource "aws_s3_bucket_policy" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = "*"\n      Action    = "s3:GetObject"\n      Resource  = "${aws_s3_bucket.logs.arn}/*"\n    }]\n  })\n}\n',
      },
      errors: [{ messageId: 'public', line: 3, column: 20 }],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_cloudtrail": { "main": { "name": "main", "s3_bucket_name": "\${aws_s3_bucket.logs.id}" } },
            "aws_s3_bucket": { "logs": { "bucket": "audit-logs", "acl": "public-read-write" } }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 3, column: 69 }],
    },
  ],
});

describe('cloudtrail-bucket-public › related locations', () => {
  before(() => initParsers());

  function relatedLines(name: string, code: string, module: Record<string, string> = {}): string[] {
    const doc = parseDocument(name, code);
    assert.ok(doc);
    const siblings = Object.entries(module)
      .map(([n, c]) => parseDocument(n, c))
      .filter((d) => d !== undefined);
    const result = lintDocument(doc, { rules: [rule], config: { rules: { [rule.id]: 'on' } }, module: siblings });
    return result.findings.flatMap((f) => (f.related ?? []).map((r) => `${r.uri.split('/').pop()}:${r.start.line + 1}: ${r.message}`));
  }

  it('points at the public statement of a CloudFormation bucket policy', () => {
    const code = `Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: !Ref Logs${PUBLIC_POLICY_YAML.replace(/^ {8}/gm, '')}\n`;
    assert.deepEqual(relatedLines('template.yaml', code), [
      "template.yaml:21: This statement allows everyone with no Condition, so the trail's bucket is public.",
    ]);
  });

  it('points at a jsonencode() policy as a whole, naming the statement', () => {
    const main =
      'resource "aws_cloudtrail" "main" {\n  s3_bucket_name = aws_s3_bucket.logs.id\n}\n\nresource "aws_s3_bucket" "logs" {\n  bucket = "audit-logs"\n}\n';
    const policy =
      'resource "aws_s3_bucket_policy" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  policy = jsonencode({\n    Statement = [\n      { Effect = "Deny", Principal = "*", Action = "s3:*", Condition = { Bool = { "aws:SecureTransport" = "false" } } },\n      { Effect = "Allow", Principal = "*", Action = "s3:GetObject" },\n    ]\n  })\n}\n';
    assert.deepEqual(relatedLines('main.tf', main, { 'policy.tf': policy }), [
      "policy.tf:3: Statement 2 of this policy allows everyone with no Condition, so the trail's bucket is public.",
    ]);
  });

  it('points at the ACL in another file of the module', () => {
    const main = 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.logs.id\n}\n';
    const bucket =
      'resource "aws_s3_bucket" "logs" {\n  bucket = "audit-logs"\n}\n\nresource "aws_s3_bucket_acl" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  acl    = "public-read"\n}\n';
    assert.deepEqual(relatedLines('main.tf', main, { 'bucket.tf': bucket }), [
      "bucket.tf:7: The canned ACL public-read makes the trail's bucket public.",
    ]);
  });
});
