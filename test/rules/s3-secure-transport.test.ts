import rule from '../../rules/s3/s3-secure-transport';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a Deny on aws:SecureTransport false, by !Ref',
      code: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
          DataPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Data
              PolicyDocument:
                Version: '2012-10-17'
                Statement:
                  - Sid: DenyPlainHttp
                    Effect: Deny
                    Principal: '*'
                    Action: 's3:*'
                    Resource:
                      - !GetAtt Data.Arn
                      - !Sub '\${Data.Arn}/*'
                    Condition:
                      Bool:
                        'aws:SecureTransport': false
      `,
    },
    {
      name: 'the policy names the bucket by its literal name; a single statement object; a condition value list',
      code: cfnJson`
        {
          "Resources": {
            "Data": { "Type": "AWS::S3::Bucket", "Properties": { "BucketName": "example-data" } },
            "DataPolicy": {
              "Type": "AWS::S3::BucketPolicy",
              "Properties": {
                "Bucket": "example-data",
                "PolicyDocument": {
                  "Statement": {
                    "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::example-data/*",
                    "Condition": { "Bool": { "aws:SecureTransport": ["false"] } }
                  }
                }
              }
            }
          }
        }
      `,
    },
    {
      name: 'aws_s3_bucket_policy from a data.aws_iam_policy_document in a sibling file',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }

        resource "aws_s3_bucket_policy" "data" {
          bucket = aws_s3_bucket.data.id
          policy = data.aws_iam_policy_document.tls_only.json
        }
      `,
      module: {
        'policy.tf': `
data "aws_iam_policy_document" "tls_only" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::example-data/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
`,
      },
    },
    {
      name: 'a policy given by a variable without default is not judged',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }

        resource "aws_s3_bucket_policy" "data" {
          bucket = aws_s3_bucket.data.id
          policy = var.bucket_policy
        }
      `,
    },
    {
      name: 'the legacy inline policy, with jsonencode',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect    = "Deny"
              Principal = "*"
              Action    = "s3:*"
              Resource  = "arn:aws:s3:::example-data/*"
              Condition = { Bool = { "aws:SecureTransport" = "false" } }
            }]
          })
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_s3_bucket": { "data": { "bucket": "example-data" } },
            "aws_s3_bucket_policy": {
              "data": {
                "bucket": "\${aws_s3_bucket.data.id}",
                "policy": "{\\"Statement\\":[{\\"Effect\\":\\"Deny\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"s3:*\\",\\"Resource\\":\\"*\\",\\"Condition\\":{\\"Bool\\":{\\"aws:SecureTransport\\":\\"false\\"}}}]}"
              }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'no bucket policy at all',
      code: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: example-data
      `,
      errors: [{ messageId: 'noPolicy', line: 2, column: 3 }],
    },
    {
      name: 'an Allow on aws:SecureTransport true, and a Deny on true, do not refuse plain HTTP',
      code: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
          DataPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Data
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: { AWS: !Ref ReaderRole }
                    Action: s3:GetObject
                    Resource: !Sub '\${Data.Arn}/*'
                    Condition: { Bool: { 'aws:SecureTransport': true } }
                  - Effect: Deny
                    Principal: '*'
                    Action: s3:*
                    Resource: !Sub '\${Data.Arn}/*'
                    Condition: { Bool: { 'aws:SecureTransport': true } }
      `,
      errors: [{ messageId: 'noDeny', line: 9, column: 9 }],
    },
    {
      name: 'the policy of another bucket does not count',
      code: cfnJson`
        {
          "Resources": {
            "Data": { "Type": "AWS::S3::Bucket" },
            "Logs": { "Type": "AWS::S3::Bucket" },
            "LogsPolicy": {
              "Type": "AWS::S3::BucketPolicy",
              "Properties": {
                "Bucket": { "Ref": "Logs" },
                "PolicyDocument": {
                  "Statement": [{ "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "false" } } }]
                }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'noPolicy', line: 3, column: 5 }],
    },
    {
      name: 'a heredoc policy without the Deny',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }

        resource "aws_s3_bucket_policy" "data" {
          bucket = aws_s3_bucket.data.id

          policy = <<EOF
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Deny",
              "Principal": "*",
              "Action": "s3:*",
              "Resource": "arn:aws:s3:::example-data/*",
              "Condition": { "IpAddress": { "aws:SourceIp": "8.8.8.8/32" } }
            }
          ]
        }
        EOF
        }
      `,
      errors: [{ messageId: 'noDeny', line: 8, column: 12 }],
    },
    {
      name: 'the policy lives in a sibling file: reported on the bucket',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }
      `,
      module: {
        'policy.tf':
          'resource "aws_s3_bucket_policy" "data" {\n  bucket = aws_s3_bucket.data.id\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "*" }] })\n}\n',
      },
      errors: [{ messageId: 'noDeny', line: 1, column: 1 }],
    },
    {
      code: tfJson`{"resource":{"aws_s3_bucket":{"data":{"bucket":"example-data"}}}}`,
      errors: [{ messageId: 'noPolicy', line: 1 }],
    },
  ],
});
