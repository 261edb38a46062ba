import rule from '../../rules/cloudtrail/cloudtrail-log-validation';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';
import type { Source } from '../harness/sources';

/** The same source with Windows line endings. */
const crlf = (source: Source): Source => ({ ...source, code: source.code.replace(/\n/g, '\r\n') });

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: !Ref LogBucket
              EnableLogFileValidation: true
      `,
    },
    {
      name: 'the string "true" counts as true',
      code: cfnYaml`
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties: { IsLogging: true, S3BucketName: logs, EnableLogFileValidation: 'true' }
      `,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          Validate:
            Type: String
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: logs
              EnableLogFileValidation: !Ref Validate
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Trail": {
              "Type": "AWS::CloudTrail::Trail",
              "Properties": { "IsLogging": true, "S3BucketName": "logs", "EnableLogFileValidation": true }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_cloudtrail" "main" {
          name                       = "main"
          s3_bucket_name             = aws_s3_bucket.logs.id
          enable_log_file_validation = true
        }
      `,
    },
    {
      name: 'a variable whose default is true',
      code: tfHcl`
        variable "validate_logs" {
          type    = bool
          default = true
        }

        resource "aws_cloudtrail" "main" {
          name                       = "main"
          s3_bucket_name             = "logs"
          enable_log_file_validation = var.validate_logs
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_cloudtrail": {
              "main": { "name": "main", "s3_bucket_name": "logs", "enable_log_file_validation": true }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'the string "false", under a comment line',
      code: cfnYaml`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          # The organisation trail
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: !Ref LogBucket
              EnableLogFileValidation: 'false'
      `,
      errors: [{ messageId: 'disabled', line: 9, column: 32 }],
      output: cfnYaml`
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          # The organisation trail
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: !Ref LogBucket
              EnableLogFileValidation: true
      `,
    },
    {
      name: 'missing, four-space indentation and a nested list last',
      code: cfnYaml`
        Resources:
            Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                    IsLogging: true
                    S3BucketName: !Ref LogBucket
                    Tags:
                        - Key: team
                          Value: security
      `,
      errors: [{ messageId: 'missing', line: 2, column: 5 }],
      output: cfnYaml`
        Resources:
            Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                    IsLogging: true
                    S3BucketName: !Ref LogBucket
                    Tags:
                        - Key: team
                          Value: security
                    EnableLogFileValidation: true
      `,
    },
    {
      name: 'missing, Properties followed by Metadata',
      code: cfnYaml`
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: logs
            Metadata:
              Owner: security
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
      output: cfnYaml`
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: logs
              EnableLogFileValidation: true
            Metadata:
              Owner: security
      `,
    },
    {
      name: 'a parameter whose Default is false decides',
      code: cfnYaml`
        Parameters:
          Validate:
            Type: String
            Default: 'false'
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: logs
              EnableLogFileValidation: !Ref Validate
      `,
      errors: [{ messageId: 'disabled', line: 11, column: 32 }],
      output: cfnYaml`
        Parameters:
          Validate:
            Type: String
            Default: 'false'
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: logs
              EnableLogFileValidation: true
      `,
    },
    {
      name: 'CRLF line endings are kept',
      code: crlf(cfnYaml`
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: logs
      `),
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
      output: crlf(cfnYaml`
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: logs
              EnableLogFileValidation: true
      `),
    },
    {
      name: 'missing, four-space indentation',
      code: cfnJson`
        {
            "Resources": {
                "Trail": {
                    "Type": "AWS::CloudTrail::Trail",
                    "Properties": {
                        "IsLogging": true,
                        "S3BucketName": { "Ref": "LogBucket" }
                    }
                }
            }
        }
      `,
      errors: [{ messageId: 'missing', line: 3, column: 9 }],
      output: cfnJson`
        {
            "Resources": {
                "Trail": {
                    "Type": "AWS::CloudTrail::Trail",
                    "Properties": {
                        "IsLogging": true,
                        "S3BucketName": { "Ref": "LogBucket" },
                        "EnableLogFileValidation": true
                    }
                }
            }
        }
      `,
    },
    {
      code: cfnJson`{"Resources":{"Trail":{"Type":"AWS::CloudTrail::Trail","Properties":{"IsLogging":true,"EnableLogFileValidation":false}}}}`,
      errors: [{ messageId: 'disabled', line: 1, column: 113 }],
      output: cfnJson`{"Resources":{"Trail":{"Type":"AWS::CloudTrail::Trail","Properties":{"IsLogging":true,"EnableLogFileValidation":true}}}}`,
    },
    {
      code: tfHcl`
        resource "aws_cloudtrail" "main" {
          name           = "main"
          s3_bucket_name = aws_s3_bucket.logs.id

          enable_log_file_validation = false
        }
      `,
      errors: [{ messageId: 'disabled', line: 5, column: 32 }],
      output: tfHcl`
        resource "aws_cloudtrail" "main" {
          name           = "main"
          s3_bucket_name = aws_s3_bucket.logs.id

          enable_log_file_validation = true
        }
      `,
    },
    {
      name: 'missing; the new argument goes after the last one',
      code: tfHcl`
        resource "aws_cloudtrail" "main" {
          name           = "main"
          s3_bucket_name = aws_s3_bucket.logs.id

          tags = {
            Team = "security"
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_cloudtrail" "main" {
          name           = "main"
          s3_bucket_name = aws_s3_bucket.logs.id

          tags = {
            Team = "security"
          }
          enable_log_file_validation = true
        }
      `,
    },
    {
      name: 'CRLF line endings are kept',
      code: crlf(tfHcl`
        resource "aws_cloudtrail" "main" {
          name = "main"
        }
      `),
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: crlf(tfHcl`
        resource "aws_cloudtrail" "main" {
          name                       = "main"
          enable_log_file_validation = true
        }
      `),
    },
    {
      name: 'a variable whose default is false decides',
      code: tfHcl`
        variable "validate_logs" {
          default = false
        }

        resource "aws_cloudtrail" "main" {
          name                       = "main"
          s3_bucket_name             = "logs"
          enable_log_file_validation = var.validate_logs
        }
      `,
      errors: [{ messageId: 'disabled', line: 8, column: 32 }],
      output: tfHcl`
        variable "validate_logs" {
          default = false
        }

        resource "aws_cloudtrail" "main" {
          name                       = "main"
          s3_bucket_name             = "logs"
          enable_log_file_validation = true
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_cloudtrail": {
              "main": {
                "name": "main",
                "s3_bucket_name": "\${aws_s3_bucket.logs.id}"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 4, column: 7 }],
      output: tfJson`
        {
          "resource": {
            "aws_cloudtrail": {
              "main": {
                "name": "main",
                "s3_bucket_name": "\${aws_s3_bucket.logs.id}",
                "enable_log_file_validation": true
              }
            }
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_cloudtrail": {
              "main": { "name": "main", "s3_bucket_name": "logs", "enable_log_file_validation": "false" }
            }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 4, column: 89 }],
      output: tfJson`
        {
          "resource": {
            "aws_cloudtrail": {
              "main": { "name": "main", "s3_bucket_name": "logs", "enable_log_file_validation": true }
            }
          }
        }
      `,
    },
  ],
});
