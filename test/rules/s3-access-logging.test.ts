import rule from '../../rules/s3/s3-access-logging';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'the log target, named by Ref, is skipped',
      code: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              LoggingConfiguration:
                DestinationBucketName: !Ref Logs
                LogFilePrefix: data/
          Logs:
            Type: AWS::S3::Bucket
      `,
    },
    {
      name: 'a bucket granting LogDeliveryWrite is a log target',
      code: cfnYaml`
        Resources:
          Logs:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: LogDeliveryWrite
      `,
    },
    {
      name: 'the log target, named by its literal bucket name',
      code: cfnJson`
        {
          "Resources": {
            "Data": {
              "Type": "AWS::S3::Bucket",
              "Properties": { "LoggingConfiguration": { "DestinationBucketName": "example-logs" } }
            },
            "Logs": { "Type": "AWS::S3::Bucket", "Properties": { "BucketName": "example-logs" } }
          }
        }
      `,
    },
    {
      name: 'legacy inline logging block',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"

          logging {
            target_bucket = "example-logs"
          }
        }
      `,
    },
    {
      name: 'aws_s3_bucket_logging; its target is skipped',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }

        resource "aws_s3_bucket" "logs" {
          bucket = "example-logs"
        }

        resource "aws_s3_bucket_logging" "data" {
          bucket        = aws_s3_bucket.data.id
          target_bucket = aws_s3_bucket.logs.id
          target_prefix = "data/"
        }
      `,
    },
    {
      name: 'aws_s3_bucket_logging in a sibling file, by the literal bucket name',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }
      `,
      module: {
        'logging.tf': `
resource "aws_s3_bucket_logging" "data" {
  bucket        = "example-data"
  target_bucket = "example-logs"
}
`,
      },
    },
    {
      name: 'a dynamic logging block is not judged',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = var.name

          dynamic "logging" {
            for_each = var.logging
            content {
              target_bucket = logging.value.bucket
            }
          }
        }
      `,
    },
    {
      name: 'a log target marked by aws_s3_bucket_acl log-delivery-write',
      code: tfHcl`
        resource "aws_s3_bucket" "logs" {
          bucket = "example-logs"
        }

        resource "aws_s3_bucket_acl" "logs" {
          bucket = aws_s3_bucket.logs.id
          acl    = "log-delivery-write"
        }
      `,
    },
    {
      name: "the target of another bucket's legacy logging block",
      code: tfJson`
        {
          "resource": {
            "aws_s3_bucket": {
              "data": { "bucket": "example-data", "logging": { "target_bucket": "\${aws_s3_bucket.logs.id}" } },
              "logs": { "bucket": "example-logs" }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: example-data
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
    },
    {
      name: 'only the bucket that neither logs nor receives logs',
      code: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              LoggingConfiguration: { DestinationBucketName: !Ref Logs }
          Logs:
            Type: AWS::S3::Bucket
          Scratch:
            Type: AWS::S3::Bucket
      `,
      errors: [{ messageId: 'missing', line: 8, column: 3 }],
    },
    {
      code: cfnJson`{"Resources":{"Data":{"Type":"AWS::S3::Bucket","Properties":{"AccessControl":"Private"}}}}`,
      errors: [{ messageId: 'missing', line: 1, column: 15 }],
    },
    {
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
    },
    {
      name: 'aws_s3_bucket_logging for another bucket',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }

        resource "aws_s3_bucket_logging" "other" {
          bucket        = aws_s3_bucket.other.id
          target_bucket = "example-logs"
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_s3_bucket": {
              "data": { "bucket": "example-data" }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 4, column: 7 }],
    },
  ],
});
