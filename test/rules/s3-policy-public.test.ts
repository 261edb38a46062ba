import rule from '../../rules/s3/s3-policy-public';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'named principals',
      code: cfnYaml`
        Resources:
          Policy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Bucket
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal:
                      AWS:
                        - arn:aws:iam::111122223333:user/Alice
                    Action: s3:GetObject
                    Resource: arn:aws:s3:::example/*
      `,
    },
    {
      name: 'everyone, narrowed by a Condition; and a Deny to everyone',
      code: cfnYaml`
        Resources:
          Policy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Bucket
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: { AWS: "*" }
                    Action: s3:GetObject
                    Resource: arn:aws:s3:::example/*
                    Condition:
                      StringEquals: { aws:SourceVpce: vpce-1a2b3c4d }
                  - Effect: Deny
                    Principal: "*"
                    Action: s3:*
                    Resource: arn:aws:s3:::example/*
                    Condition:
                      Bool: { aws:SecureTransport: "false" }
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Policy": {
              "Type": "AWS::S3::BucketPolicy",
              "Properties": {
                "Bucket": "example",
                "PolicyDocument": {
                  "Statement": [{ "Effect": "Allow", "Principal": { "Service": "cloudfront.amazonaws.com" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example/*" }]
                }
              }
            }
          }
        }
      `,
    },
    {
      name: 'a Deny heredoc policy',
      code: tfHcl`
        resource "aws_s3_bucket_policy" "data" {
          bucket = aws_s3_bucket.b.id

          policy = <<POLICY
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Deny",
              "Principal": "*",
              "Action": "s3:*",
              "Resource": "arn:aws:s3:::example/*",
              "Condition": { "Bool": { "aws:SecureTransport": "false" } }
            }
          ]
        }
        POLICY
        }
      `,
    },
    {
      name: 'a policy document data source with a condition',
      code: tfHcl`
        data "aws_iam_policy_document" "read" {
          statement {
            actions   = ["s3:GetObject"]
            resources = ["arn:aws:s3:::example/*"]
            principals {
              type        = "*"
              identifiers = ["*"]
            }
            condition {
              test     = "StringEquals"
              variable = "aws:PrincipalOrgID"
              values   = ["o-abc123"]
            }
          }
        }

        resource "aws_s3_bucket_policy" "data" {
          bucket = aws_s3_bucket.b.id
          policy = data.aws_iam_policy_document.read.json
        }
      `,
    },
    {
      name: 'a principal from a variable without default is not judged',
      code: tfHcl`
        resource "aws_s3_bucket_policy" "data" {
          bucket = "example"
          policy = jsonencode({
            Statement = [{ Effect = "Allow", Principal = { AWS = var.reader_arn }, Action = "s3:GetObject", Resource = "arn:aws:s3:::example/*" }]
          })
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_s3_bucket_policy": {
              "data": {
                "bucket": "example",
                "policy": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":{\\"AWS\\":\\"arn:aws:iam::111122223333:root\\"},\\"Action\\":\\"s3:GetObject\\",\\"Resource\\":\\"*\\"}]}"
              }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'Principal "*" and {AWS: ["*"]}',
      code: cfnYaml`
        Resources:
          Website:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Bucket
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: "*"
                    Action: s3:GetObject
                    Resource: !Sub "arn:aws:s3:::\${Bucket}/*"
          Uploads:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Uploads
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal:
                      AWS: [arn:aws:iam::111122223333:root, "*"]
                    Action: [s3:PutObject, s3:GetObject]
                    Resource: "*"
      `,
      errors: [
        { messageId: 'public', line: 7, column: 9 },
        { messageId: 'public', line: 17, column: 9 },
      ],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Policy": {
              "Type": "AWS::S3::BucketPolicy",
              "Properties": {
                "Bucket": "example",
                "PolicyDocument": {
                  "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "s3:*", "Resource": "*", "Condition": {} }]
                }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 7, column: 27 }],
    },
    {
      name: 'jsonencode, heredoc JSON, a data source, and the legacy bucket argument',
      code: tfHcl`
        resource "aws_s3_bucket_policy" "encoded" {
          bucket = aws_s3_bucket.a.id
          policy = jsonencode({
            Version   = "2012-10-17"
            Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "\${aws_s3_bucket.a.arn}/*" }]
          })
        }

        resource "aws_s3_bucket_policy" "heredoc" {
          bucket = aws_s3_bucket.b.id
          policy = <<EOF
        {
          "Statement": [
            { "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "s3:ListBucket", "Resource": "\${aws_s3_bucket.b.arn}" }
          ]
        }
        EOF
        }

        data "aws_iam_policy_document" "public" {
          statement {
            actions   = ["s3:GetObject"]
            resources = ["arn:aws:s3:::example/*"]
            principals {
              type        = "AWS"
              identifiers = ["*"]
            }
          }
        }

        resource "aws_s3_bucket_policy" "from_document" {
          bucket = "example"
          policy = data.aws_iam_policy_document.public.json
        }

        resource "aws_s3_bucket" "legacy" {
          bucket = "legacy"
          policy = "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"s3:GetObject\\",\\"Resource\\":\\"arn:aws:s3:::legacy/*\\"}]}"
        }
      `,
      errors: [
        { messageId: 'public', line: 3, column: 12 },
        { messageId: 'public', line: 11, column: 12 },
        { messageId: 'public', line: 33, column: 12 },
        { messageId: 'public', line: 38, column: 12 },
      ],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_s3_bucket_policy": {
              "data": {
                "bucket": "example",
                "policy": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"s3:GetObject\\",\\"Resource\\":\\"*\\"}]}"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 6, column: 19 }],
    },
  ],
});
