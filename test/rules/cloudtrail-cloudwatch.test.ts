import rule from '../../rules/cloudtrail/cloudtrail-cloudwatch';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

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
              CloudWatchLogsLogGroupArn: !GetAtt TrailLogGroup.Arn
              CloudWatchLogsRoleArn: !GetAtt TrailLogsRole.Arn
      `,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          LogGroupArn:
            Type: String
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: logs
              CloudWatchLogsLogGroupArn: !Ref LogGroupArn
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Trail": {
              "Type": "AWS::CloudTrail::Trail",
              "Properties": { "IsLogging": true, "S3BucketName": "logs", "CloudWatchLogsLogGroupArn": { "Fn::GetAtt": ["TrailLogGroup", "Arn"] } }
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
          cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"
          cloud_watch_logs_role_arn  = aws_iam_role.trail_logs.arn
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_cloudtrail": {
              "main": { "name": "main", "s3_bucket_name": "logs", "cloud_watch_logs_group_arn": "\${aws_cloudwatch_log_group.trail.arn}:*" }
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
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: !Ref LogBucket
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
    },
    {
      name: 'an empty string is no log group',
      code: cfnJson`
        {
          "Resources": {
            "Trail": {
              "Type": "AWS::CloudTrail::Trail",
              "Properties": { "IsLogging": true, "S3BucketName": "logs", "CloudWatchLogsLogGroupArn": "" }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 5, column: 95 }],
    },
    {
      code: tfHcl`
        resource "aws_cloudtrail" "main" {
          name           = "main"
          s3_bucket_name = aws_s3_bucket.logs.id
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
    },
    {
      name: 'a variable whose default is null leaves it unset',
      code: tfHcl`
        variable "log_group_arn" {
          default = null
        }

        resource "aws_cloudtrail" "main" {
          name                       = "main"
          s3_bucket_name             = "logs"
          cloud_watch_logs_group_arn = var.log_group_arn
        }
      `,
      errors: [{ messageId: 'missing', line: 8, column: 32 }],
    },
    {
      code: tfJson`{ "resource": { "aws_cloudtrail": { "main": { "name": "main", "s3_bucket_name": "logs" } } } }`,
      errors: [{ messageId: 'missing', line: 1, column: 37 }],
    },
  ],
});
