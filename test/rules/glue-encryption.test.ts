import rule from '../../rules/glue/glue-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Encrypted:
            Type: AWS::Glue::SecurityConfiguration
            Properties:
              Name: encrypted
              EncryptionConfiguration:
                S3Encryptions:
                  - S3EncryptionMode: SSE-S3
                CloudWatchEncryption:
                  CloudWatchEncryptionMode: SSE-KMS
                  KmsKeyArn: !GetAtt GlueKey.Arn
                JobBookmarksEncryption:
                  JobBookmarksEncryptionMode: CSE-KMS
                  KmsKeyArn: !GetAtt GlueKey.Arn
          Catalog:
            Type: AWS::Glue::DataCatalogEncryptionSettings
            Properties:
              CatalogId: !Ref AWS::AccountId
              DataCatalogEncryptionSettings:
                EncryptionAtRest:
                  CatalogEncryptionMode: SSE-KMS
                ConnectionPasswordEncryption:
                  ReturnConnectionPasswordEncrypted: true
          Etl:
            Type: AWS::Glue::Job
            Properties:
              Role: !Ref GlueRole
              Command: { Name: glueetl, ScriptLocation: s3://scripts/etl.py }
              SecurityConfiguration: !Ref Encrypted
          Crawl:
            Type: AWS::Glue::Crawler
            Properties:
              Role: !Ref GlueRole
              CrawlerSecurityConfiguration: encrypted
      `,
    },
    {
      name: 'one enabled S3 mode among several is enough; values nothing decides are not judged',
      code: cfnJson`
        {
          "Parameters": { "Mode": { "Type": "String" } },
          "Resources": {
            "Config": {
              "Type": "AWS::Glue::SecurityConfiguration",
              "Properties": {
                "Name": "c",
                "EncryptionConfiguration": {
                  "S3Encryptions": [{ "S3EncryptionMode": "DISABLED" }, { "S3EncryptionMode": "SSE-KMS" }],
                  "CloudWatchEncryption": { "CloudWatchEncryptionMode": { "Ref": "Mode" } },
                  "JobBookmarksEncryption": { "JobBookmarksEncryptionMode": "CSE-KMS" }
                }
              }
            },
            "Dev": { "Type": "AWS::Glue::DevEndpoint", "Properties": { "SecurityConfiguration": { "Ref": "Mode" } } }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_glue_security_configuration" "encrypted" {
          name = "encrypted"
          encryption_configuration {
            s3_encryption {
              s3_encryption_mode = "SSE-KMS"
              kms_key_arn        = aws_kms_key.glue.arn
            }
            cloudwatch_encryption {
              cloudwatch_encryption_mode = "SSE-KMS"
              kms_key_arn                = aws_kms_key.glue.arn
            }
            job_bookmarks_encryption {
              job_bookmarks_encryption_mode = "CSE-KMS"
              kms_key_arn                   = aws_kms_key.glue.arn
            }
          }
        }

        resource "aws_glue_data_catalog_encryption_settings" "catalog" {
          data_catalog_encryption_settings {
            connection_password_encryption {
              return_connection_password_encrypted = true
            }
            encryption_at_rest {
              catalog_encryption_mode = "SSE-KMS"
            }
          }
        }

        resource "aws_glue_job" "etl" {
          name                   = "etl"
          role_arn               = aws_iam_role.glue.arn
          security_configuration = aws_glue_security_configuration.encrypted.name
          command {
            script_location = "s3://scripts/etl.py"
          }
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_glue_crawler":{"crawl":{"security_configuration":"encrypted"}}}}`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Weak:
            Type: AWS::Glue::SecurityConfiguration
            Properties:
              Name: weak
              EncryptionConfiguration:
                S3Encryptions:
                  - S3EncryptionMode: SSE-KMS
                CloudWatchEncryption:
                  CloudWatchEncryptionMode: DISABLED
          Catalog:
            Type: AWS::Glue::DataCatalogEncryptionSettings
            Properties:
              CatalogId: !Ref AWS::AccountId
              DataCatalogEncryptionSettings:
                EncryptionAtRest:
                  CatalogEncryptionMode: DISABLED
          Etl:
            Type: AWS::Glue::Job
            Properties:
              Role: !Ref GlueRole
          Crawl:
            Type: AWS::Glue::Crawler
            Properties:
              Role: !Ref GlueRole
      `,
      errors: [
        { messageId: 'bookmarksMissing', line: 6, column: 7 },
        { messageId: 'cloudwatchDisabled', line: 10, column: 37 },
        { messageId: 'passwordsMissing', line: 15, column: 7 },
        { messageId: 'catalogDisabled', line: 17, column: 34 },
        { messageId: 'noSecurityConfiguration', line: 18, column: 3 },
        { messageId: 'noSecurityConfiguration', line: 22, column: 3 },
      ],
    },
    {
      name: 'the S3 fix sets SSE-S3 on the disabled item',
      code: cfnYaml`
        Resources:
          Weak:
            Type: AWS::Glue::SecurityConfiguration
            Properties:
              Name: weak
              EncryptionConfiguration:
                S3Encryptions:
                  - S3EncryptionMode: DISABLED
                CloudWatchEncryption:
                  CloudWatchEncryptionMode: SSE-KMS
                JobBookmarksEncryption:
                  JobBookmarksEncryptionMode: CSE-KMS
      `,
      errors: [{ messageId: 's3Off', line: 8, column: 31 }],
      output: cfnYaml`
        Resources:
          Weak:
            Type: AWS::Glue::SecurityConfiguration
            Properties:
              Name: weak
              EncryptionConfiguration:
                S3Encryptions:
                  - S3EncryptionMode: SSE-S3
                CloudWatchEncryption:
                  CloudWatchEncryptionMode: SSE-KMS
                JobBookmarksEncryption:
                  JobBookmarksEncryptionMode: CSE-KMS
      `,
    },
    {
      name: 'no S3Encryptions at all: the fix adds one',
      code: cfnJson`
        {
          "Resources": {
            "Config": {
              "Type": "AWS::Glue::SecurityConfiguration",
              "Properties": {
                "Name": "c",
                "EncryptionConfiguration": {
                  "CloudWatchEncryption": { "CloudWatchEncryptionMode": "SSE-KMS" },
                  "JobBookmarksEncryption": { "JobBookmarksEncryptionMode": "CSE-KMS" }
                }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 's3Off', line: 7, column: 9 }],
      output: cfnJson`
        {
          "Resources": {
            "Config": {
              "Type": "AWS::Glue::SecurityConfiguration",
              "Properties": {
                "Name": "c",
                "EncryptionConfiguration": {
                  "CloudWatchEncryption": { "CloudWatchEncryptionMode": "SSE-KMS" },
                  "JobBookmarksEncryption": { "JobBookmarksEncryptionMode": "CSE-KMS" },
                  "S3Encryptions": [
                    {
                      "S3EncryptionMode": "SSE-S3"
                    }
                  ]
                }
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_glue_security_configuration" "weak" {
          name = "weak"
          encryption_configuration {
            cloudwatch_encryption {
              cloudwatch_encryption_mode = "SSE-KMS"
              kms_key_arn                = aws_kms_key.glue.arn
            }
            job_bookmarks_encryption {
              kms_key_arn = aws_kms_key.glue.arn
            }
            s3_encryption {
              s3_encryption_mode = "SSE-KMS"
            }
          }
        }

        resource "aws_glue_data_catalog_encryption_settings" "catalog" {
          data_catalog_encryption_settings {
            connection_password_encryption {
              return_connection_password_encrypted = false
            }
            encryption_at_rest {
              catalog_encryption_mode = "SSE-KMS"
            }
          }
        }

        resource "aws_glue_dev_endpoint" "dev" {
          name     = "dev"
          role_arn = aws_iam_role.glue.arn
        }
      `,
      errors: [
        { messageId: 'bookmarksMissing', line: 8, column: 5 },
        { messageId: 'passwordsDisabled', line: 20, column: 46 },
        { messageId: 'noSecurityConfiguration', line: 28, column: 1 },
      ],
    },
    {
      name: 'no s3_encryption block: the fix adds one',
      code: tfHcl`
        resource "aws_glue_security_configuration" "weak" {
          name = "weak"
          encryption_configuration {
            cloudwatch_encryption {
              cloudwatch_encryption_mode = "SSE-KMS"
            }
            job_bookmarks_encryption {
              job_bookmarks_encryption_mode = "CSE-KMS"
            }
          }
        }
      `,
      errors: [{ messageId: 's3Off', line: 3, column: 3 }],
      output: tfHcl`
        resource "aws_glue_security_configuration" "weak" {
          name = "weak"
          encryption_configuration {
            cloudwatch_encryption {
              cloudwatch_encryption_mode = "SSE-KMS"
            }
            job_bookmarks_encryption {
              job_bookmarks_encryption_mode = "CSE-KMS"
            }
            s3_encryption {
              s3_encryption_mode = "SSE-S3"
            }
          }
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_glue_data_catalog_encryption_settings":{"catalog":{"data_catalog_encryption_settings":{"encryption_at_rest":{"catalog_encryption_mode":"DISABLED"},"connection_password_encryption":{"return_connection_password_encrypted":true}}}}}}`,
      errors: [{ messageId: 'catalogDisabled', line: 1, column: 154 }],
    },
    {
      code: tfJson`{"resource":{"aws_glue_security_configuration":{"c":{"name":"c","encryption_configuration":{"s3_encryption":{"s3_encryption_mode":"DISABLED"},"cloudwatch_encryption":{"cloudwatch_encryption_mode":"SSE-KMS"},"job_bookmarks_encryption":{"job_bookmarks_encryption_mode":"CSE-KMS"}}}}}}`,
      errors: [{ messageId: 's3Off', line: 1, column: 131 }],
      output: tfJson`{"resource":{"aws_glue_security_configuration":{"c":{"name":"c","encryption_configuration":{"s3_encryption":{"s3_encryption_mode":"SSE-S3"},"cloudwatch_encryption":{"cloudwatch_encryption_mode":"SSE-KMS"},"job_bookmarks_encryption":{"job_bookmarks_encryption_mode":"CSE-KMS"}}}}}}`,
    },
    {
      name: 'CloudWatch encryption not set, bookmarks disabled, catalog encryption at rest not set',
      code: cfnYaml`
        Resources:
          Config:
            Type: AWS::Glue::SecurityConfiguration
            Properties:
              Name: config
              EncryptionConfiguration:
                S3Encryptions:
                  - S3EncryptionMode: SSE-KMS
                JobBookmarksEncryption:
                  JobBookmarksEncryptionMode: DISABLED
          Catalog:
            Type: AWS::Glue::DataCatalogEncryptionSettings
            Properties:
              CatalogId: !Ref AWS::AccountId
              DataCatalogEncryptionSettings:
                ConnectionPasswordEncryption:
                  ReturnConnectionPasswordEncrypted: true
      `,
      errors: [
        { messageId: 'cloudwatchMissing', line: 6 },
        { messageId: 'bookmarksDisabled', line: 10 },
        { messageId: 'catalogMissing', line: 15 },
      ],
    },
  ],
});
