import rule from '../../rules/s3/s3-public-access-block';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              PublicAccessBlockConfiguration:
                BlockPublicAcls: true
                BlockPublicPolicy: true
                IgnorePublicAcls: true
                RestrictPublicBuckets: true
      `,
    },
    {
      name: 'no configuration: new buckets block public access by default',
      code: cfnYaml`
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
      `,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          BlockAcls:
            Type: String
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              PublicAccessBlockConfiguration:
                BlockPublicAcls: !Ref BlockAcls
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Bucket": {
              "Type": "AWS::S3::Bucket",
              "Properties": {
                "PublicAccessBlockConfiguration": {
                  "BlockPublicAcls": "true",
                  "BlockPublicPolicy": true,
                  "IgnorePublicAcls": true,
                  "RestrictPublicBuckets": true
                }
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_s3_bucket_public_access_block" "data" {
          bucket = aws_s3_bucket.data.id

          block_public_acls       = true
          block_public_policy     = true
          ignore_public_acls      = true
          restrict_public_buckets = true
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_s3_bucket_public_access_block":{"data":{"bucket":"example","block_public_acls":true}}}}`,
    },
  ],
  invalid: [
    {
      name: 'two flags off: two findings, one fix turns on all four',
      code: cfnYaml`
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              PublicAccessBlockConfiguration:
                BlockPublicAcls: false
                BlockPublicPolicy: false # website
                IgnorePublicAcls: true
      `,
      errors: [
        { messageId: 'blockAcls', line: 6, column: 26 },
        { messageId: 'blockPolicy', line: 7, column: 28 },
      ],
      output: cfnYaml`
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              PublicAccessBlockConfiguration:
                BlockPublicAcls: true
                BlockPublicPolicy: true # website
                IgnorePublicAcls: true
                RestrictPublicBuckets: true
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Bucket": {
              "Type": "AWS::S3::Bucket",
              "Properties": {
                "PublicAccessBlockConfiguration": {
                  "BlockPublicAcls": true,
                  "BlockPublicPolicy": true,
                  "IgnorePublicAcls": true,
                  "RestrictPublicBuckets": false
                },
                "AccessControl": "Private"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'restrictBuckets', line: 10, column: 36 }],
      output: cfnJson`
        {
          "Resources": {
            "Bucket": {
              "Type": "AWS::S3::Bucket",
              "Properties": {
                "PublicAccessBlockConfiguration": {
                  "BlockPublicAcls": true,
                  "BlockPublicPolicy": true,
                  "IgnorePublicAcls": true,
                  "RestrictPublicBuckets": true
                },
                "AccessControl": "Private"
              }
            }
          }
        }
      `,
    },
    {
      name: 'the settings resource is judged even when its bucket is elsewhere',
      code: tfHcl`
        resource "aws_s3_bucket_public_access_block" "data" {
          bucket = aws_s3_bucket.data.id

          block_public_acls   = true
          block_public_policy = true
          ignore_public_acls  = false
        }
      `,
      errors: [{ messageId: 'ignoreAcls', line: 6, column: 25 }],
      output: tfHcl`
        resource "aws_s3_bucket_public_access_block" "data" {
          bucket = aws_s3_bucket.data.id

          block_public_acls       = true
          block_public_policy     = true
          ignore_public_acls      = true
          restrict_public_buckets = true
        }
      `,
    },
    {
      name: 'a variable whose default is false decides',
      code: tfHcl`
        variable "public" {
          default = false
        }

        resource "aws_s3_bucket_public_access_block" "data" {
          bucket                  = "example"
          block_public_acls       = true
          block_public_policy     = true
          ignore_public_acls      = true
          restrict_public_buckets = var.public
        }
      `,
      errors: [{ messageId: 'restrictBuckets', line: 10, column: 29 }],
      output: tfHcl`
        variable "public" {
          default = false
        }

        resource "aws_s3_bucket_public_access_block" "data" {
          bucket                  = "example"
          block_public_acls       = true
          block_public_policy     = true
          ignore_public_acls      = true
          restrict_public_buckets = true
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_s3_bucket_public_access_block": {
              "data": {
                "bucket": "example",
                "block_public_policy": false
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'blockPolicy', line: 6, column: 32 }],
      output: tfJson`
        {
          "resource": {
            "aws_s3_bucket_public_access_block": {
              "data": {
                "bucket": "example",
                "block_public_policy": true,
                "block_public_acls": true,
                "ignore_public_acls": true,
                "restrict_public_buckets": true
              }
            }
          }
        }
      `,
    },
  ],
});
