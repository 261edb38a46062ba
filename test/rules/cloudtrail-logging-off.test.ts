import rule from '../../rules/cloudtrail/cloudtrail-logging-off';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    cfnYaml`
      Resources:
        Trail:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: !Ref LogBucket
    `,
    {
      name: 'missing IsLogging is not judged (CloudFormation requires it)',
      code: cfnYaml`
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              S3BucketName: logs
      `,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnJson`
        {
          "Parameters": { "Logging": { "Type": "String", "AllowedValues": ["true", "false"] } },
          "Resources": {
            "Trail": {
              "Type": "AWS::CloudTrail::Trail",
              "Properties": { "IsLogging": { "Ref": "Logging" }, "S3BucketName": "logs" }
            }
          }
        }
      `,
    },
    {
      name: 'enable_logging defaults to true',
      code: tfHcl`
        resource "aws_cloudtrail" "main" {
          name           = "main"
          s3_bucket_name = "logs"
        }
      `,
    },
    tfHcl`
      resource "aws_cloudtrail" "main" {
        name           = "main"
        s3_bucket_name = "logs"
        enable_logging = true
      }
    `,
    tfJson`{"resource":{"aws_cloudtrail":{"main":{"name":"main","s3_bucket_name":"logs","enable_logging":"true"}}}}`,
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              # paused during the migration
              IsLogging: false
              S3BucketName: !Ref LogBucket
      `,
      errors: [{ messageId: 'disabled', line: 6, column: 18 }],
      output: cfnYaml`
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              # paused during the migration
              IsLogging: true
              S3BucketName: !Ref LogBucket
      `,
    },
    {
      name: 'a parameter whose Default is false decides',
      code: cfnYaml`
        Parameters:
          Logging:
            Type: String
            Default: 'false'
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: !Ref Logging
              S3BucketName: logs
      `,
      errors: [{ messageId: 'disabled', line: 9, column: 18 }],
      output: cfnYaml`
        Parameters:
          Logging:
            Type: String
            Default: 'false'
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: logs
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Trail": {
              "Type": "AWS::CloudTrail::Trail",
              "Properties": { "IsLogging": "false", "S3BucketName": "logs" }
            }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 5, column: 36 }],
      output: cfnJson`
        {
          "Resources": {
            "Trail": {
              "Type": "AWS::CloudTrail::Trail",
              "Properties": { "IsLogging": true, "S3BucketName": "logs" }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_cloudtrail" "main" {
          name           = "main"
          s3_bucket_name = "logs"
          enable_logging = false # stopped
        }
      `,
      errors: [{ messageId: 'disabled', line: 4, column: 20 }],
      output: tfHcl`
        resource "aws_cloudtrail" "main" {
          name           = "main"
          s3_bucket_name = "logs"
          enable_logging = true # stopped
        }
      `,
    },
    {
      name: 'a variable whose default is false decides',
      code: tfHcl`
        variable "trail_logging" {
          type    = bool
          default = false
        }

        resource "aws_cloudtrail" "main" {
          name           = "main"
          s3_bucket_name = "logs"
          enable_logging = var.trail_logging
        }
      `,
      errors: [{ messageId: 'disabled', line: 9, column: 20 }],
      output: tfHcl`
        variable "trail_logging" {
          type    = bool
          default = false
        }

        resource "aws_cloudtrail" "main" {
          name           = "main"
          s3_bucket_name = "logs"
          enable_logging = true
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
                "enable_logging": false
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 6, column: 27 }],
      output: tfJson`
        {
          "resource": {
            "aws_cloudtrail": {
              "main": {
                "name": "main",
                "enable_logging": true
              }
            }
          }
        }
      `,
    },
  ],
});
