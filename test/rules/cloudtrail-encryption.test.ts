import rule from '../../rules/cloudtrail/cloudtrail-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    cfnYaml`
      Resources:
        Trail:
          Type: AWS::CloudTrail::Trail
          Properties:
            IsLogging: true
            S3BucketName: logs
            KMSKeyId: !GetAtt TrailKey.Arn
    `,
    cfnJson`{"Resources":{"Trail":{"Type":"AWS::CloudTrail::Trail","Properties":{"IsLogging":true,"S3BucketName":"logs","KMSKeyId":"alias/trail"}}}}`,
    tfHcl`
      resource "aws_cloudtrail" "main" {
        name           = "main"
        s3_bucket_name = "logs"
        kms_key_id     = aws_kms_key.trail.arn
      }
    `,
    {
      name: 'a variable without default is not judged',
      code: tfHcl`
        resource "aws_cloudtrail" "main" {
          name       = "main"
          kms_key_id = var.trail_key_arn
        }
      `,
    },
    tfJson`{"resource":{"aws_cloudtrail":{"main":{"name":"main","kms_key_id":"\${aws_kms_key.trail.arn}"}}}}`,
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: logs
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
    },
    {
      name: 'an empty key id',
      code: cfnYaml`
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: logs
              KMSKeyId: ''
      `,
      errors: [{ messageId: 'empty', line: 7, column: 17 }],
    },
    {
      name: 'a parameter whose Default is empty decides',
      code: cfnJson`
        {
          "Parameters": { "TrailKey": { "Type": "String", "Default": "" } },
          "Resources": {
            "Trail": {
              "Type": "AWS::CloudTrail::Trail",
              "Properties": { "IsLogging": true, "S3BucketName": "logs", "KMSKeyId": { "Ref": "TrailKey" } }
            }
          }
        }
      `,
      errors: [{ messageId: 'empty', line: 6, column: 78 }],
    },
    {
      code: tfHcl`
        resource "aws_cloudtrail" "main" {
          name           = "main"
          s3_bucket_name = "logs"
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
    },
    {
      code: tfJson`{"resource":{"aws_cloudtrail":{"main":{"name":"main","kms_key_id":""}}}}`,
      errors: [{ messageId: 'empty', line: 1, column: 67 }],
    },
  ],
});
