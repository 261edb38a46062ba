import rule from '../../rules/cloudtrail/cloudtrail-multi-region';
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
            IsMultiRegionTrail: true
    `,
    {
      name: 'a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          AllRegions:
            Type: String
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties: { IsLogging: true, S3BucketName: logs, IsMultiRegionTrail: !Ref AllRegions }
      `,
    },
    cfnJson`{"Resources":{"Trail":{"Type":"AWS::CloudTrail::Trail","Properties":{"IsLogging":true,"S3BucketName":"logs","IsMultiRegionTrail":"true"}}}}`,
    tfHcl`
      resource "aws_cloudtrail" "main" {
        name                  = "main"
        s3_bucket_name        = aws_s3_bucket.logs.id
        is_multi_region_trail = true
      }
    `,
    {
      name: 'a variable without default is not judged',
      code: tfHcl`
        resource "aws_cloudtrail" "main" {
          name                  = "main"
          s3_bucket_name        = "logs"
          is_multi_region_trail = var.multi_region
        }
      `,
    },
    tfJson`{"resource":{"aws_cloudtrail":{"main":{"name":"main","s3_bucket_name":"logs","is_multi_region_trail":true}}}}`,
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          # Organisation trail
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: !Ref LogBucket
              IsMultiRegionTrail: false # single region for now
      `,
      errors: [{ messageId: 'disabled', line: 8, column: 27 }],
      output: cfnYaml`
        Resources:
          # Organisation trail
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: !Ref LogBucket
              IsMultiRegionTrail: true # single region for now
      `,
    },
    {
      name: 'missing',
      code: cfnYaml`
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: logs
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
      output: cfnYaml`
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: logs
              IsMultiRegionTrail: true
      `,
    },
    {
      name: 'a parameter whose Default is false decides',
      code: cfnYaml`
        Parameters:
          AllRegions:
            Type: String
            Default: 'false'
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: logs
              IsMultiRegionTrail: !Ref AllRegions
      `,
      errors: [{ messageId: 'disabled', line: 11, column: 27 }],
      output: cfnYaml`
        Parameters:
          AllRegions:
            Type: String
            Default: 'false'
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              S3BucketName: logs
              IsMultiRegionTrail: true
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Trail": {
              "Type": "AWS::CloudTrail::Trail",
              "Properties": {
                "IsLogging": true,
                "S3BucketName": "logs"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 3, column: 5 }],
      output: cfnJson`
        {
          "Resources": {
            "Trail": {
              "Type": "AWS::CloudTrail::Trail",
              "Properties": {
                "IsLogging": true,
                "S3BucketName": "logs",
                "IsMultiRegionTrail": true
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_cloudtrail" "main" {
          name                  = "main"
          s3_bucket_name        = aws_s3_bucket.logs.id
          is_multi_region_trail = false
        }
      `,
      errors: [{ messageId: 'disabled', line: 4, column: 27 }],
      output: tfHcl`
        resource "aws_cloudtrail" "main" {
          name                  = "main"
          s3_bucket_name        = aws_s3_bucket.logs.id
          is_multi_region_trail = true
        }
      `,
    },
    {
      name: 'missing; the provider default is a single-region trail',
      code: tfHcl`
        resource "aws_cloudtrail" "main" {
          name           = "main"
          s3_bucket_name = aws_s3_bucket.logs.id
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_cloudtrail" "main" {
          name                  = "main"
          s3_bucket_name        = aws_s3_bucket.logs.id
          is_multi_region_trail = true
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_cloudtrail": {
              "main": { "name": "main", "s3_bucket_name": "logs", "is_multi_region_trail": false }
            }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 4, column: 84 }],
      output: tfJson`
        {
          "resource": {
            "aws_cloudtrail": {
              "main": { "name": "main", "s3_bucket_name": "logs", "is_multi_region_trail": true }
            }
          }
        }
      `,
    },
  ],
});
