import rule from '../../rules/s3/s3-mfa-delete';
import { RuleTester, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }

        resource "aws_s3_bucket_versioning" "data" {
          bucket = aws_s3_bucket.data.id
          mfa    = "\${var.root_mfa_serial} \${var.root_mfa_code}"

          versioning_configuration {
            status     = "Enabled"
            mfa_delete = "Enabled"
          }
        }
      `,
    },
    {
      name: 'legacy inline versioning with mfa_delete = true',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"

          versioning {
            enabled    = true
            mfa_delete = true
          }
        }
      `,
    },
    {
      name: 'a bucket without versioning is left to s3-versioning',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }
      `,
    },
    {
      name: 'a variable without default is not judged',
      code: tfHcl`
        resource "aws_s3_bucket_versioning" "data" {
          bucket = "example-data"
          versioning_configuration {
            status     = "Enabled"
            mfa_delete = var.mfa_delete
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_s3_bucket_versioning": {
              "data": {
                "bucket": "example-data",
                "versioning_configuration": { "status": "Enabled", "mfa_delete": "Enabled" }
              }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }

        resource "aws_s3_bucket_versioning" "data" {
          bucket = aws_s3_bucket.data.id

          versioning_configuration {
            status     = "Enabled"
            mfa_delete = "Disabled"
          }
        }

        resource "aws_s3_bucket_versioning" "logs" {
          bucket = "example-logs"

          versioning_configuration {
            status = "Enabled"
          }
        }
      `,
      errors: [
        { messageId: 'disabled', line: 10, column: 18 },
        { messageId: 'missing', line: 17, column: 3 },
      ],
    },
    {
      name: 'legacy inline versioning without mfa_delete, and with false',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"

          versioning {
            enabled = true
          }
        }

        resource "aws_s3_bucket" "logs" {
          bucket = "example-logs"

          versioning {
            enabled    = true
            mfa_delete = false
          }
        }
      `,
      errors: [
        { messageId: 'missing', line: 4, column: 3 },
        { messageId: 'disabled', line: 14, column: 18 },
      ],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_s3_bucket_versioning": {
              "data": {
                "bucket": "example-data",
                "versioning_configuration": { "status": "Enabled" }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 6, column: 9 }],
    },
  ],
});
