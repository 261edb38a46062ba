import rule from '../../rules/s3/s3-public-acl';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: Private
      `,
    },
    {
      name: 'log delivery and bucket-owner ACLs are not public',
      code: cfnYaml`
        Resources:
          Logs:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: LogDeliveryWrite
          Uploads:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: BucketOwnerFullControl
      `,
    },
    {
      name: 'no AccessControl at all',
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
          Acl:
            Type: String
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: !Ref Acl
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Bucket": { "Type": "AWS::S3::Bucket", "Properties": { "AccessControl": "Private" } }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_s3_bucket" "b" {
          bucket = "example-bucket"
          acl    = "private"
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_s3_bucket_acl" "b" {
          bucket = aws_s3_bucket.b.id
          acl    = "log-delivery-write"
        }
      `,
    },
    {
      name: 'an explicit grant policy instead of a canned ACL',
      code: tfHcl`
        resource "aws_s3_bucket_acl" "b" {
          bucket = aws_s3_bucket.b.id

          access_control_policy {
            owner {
              id = data.aws_canonical_user_id.current.id
            }
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_s3_bucket_acl": {
              "b": { "bucket": "example-bucket", "acl": "private" }
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
          Site:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: PublicRead
      `,
      errors: [{ messageId: 'public', line: 5, column: 22 }],
      output: cfnYaml`
        Resources:
          Site:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: Private
      `,
    },
    {
      name: 'each public ACL, keeping each quoting style',
      code: cfnYaml`
        Resources:
          Shared:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: "AuthenticatedRead"
          Open:
            Type: AWS::S3::Bucket
            Properties: { AccessControl: 'PublicReadWrite' }
          Logs:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: LogDeliveryWrite
      `,
      errors: [
        { messageId: 'public', line: 5, column: 22 },
        { messageId: 'public', line: 8, column: 34 },
      ],
      output: cfnYaml`
        Resources:
          Shared:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: "Private"
          Open:
            Type: AWS::S3::Bucket
            Properties: { AccessControl: 'Private' }
          Logs:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: LogDeliveryWrite
      `,
    },
    {
      name: 'a parameter whose Default is public decides',
      code: cfnYaml`
        Parameters:
          Acl:
            Type: String
            Default: PublicRead
        Resources:
          Site:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: !Ref Acl
      `,
      errors: [{ messageId: 'public', line: 9, column: 22 }],
      output: cfnYaml`
        Parameters:
          Acl:
            Type: String
            Default: PublicRead
        Resources:
          Site:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: Private
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Site": {
              "Type": "AWS::S3::Bucket",
              "Properties": { "AccessControl": "PublicReadWrite" }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 5, column: 40 }],
      output: cfnJson`
        {
          "Resources": {
            "Site": {
              "Type": "AWS::S3::Bucket",
              "Properties": { "AccessControl": "Private" }
            }
          }
        }
      `,
    },
    {
      name: 'legacy aws_s3_bucket.acl',
      code: tfHcl`
        resource "aws_s3_bucket" "site" {
          bucket = "example-site"
          acl    = "public-read"
        }
      `,
      errors: [{ messageId: 'public', line: 3, column: 12 }],
      output: tfHcl`
        resource "aws_s3_bucket" "site" {
          bucket = "example-site"
          acl    = "private"
        }
      `,
    },
    {
      name: 'aws_s3_bucket_acl, the trailing comment stays',
      code: tfHcl`
        resource "aws_s3_bucket_acl" "shared" {
          bucket = aws_s3_bucket.shared.id
          acl    = "authenticated-read"
        }

        resource "aws_s3_bucket_acl" "open" {
          bucket = aws_s3_bucket.open.id
          acl    = "public-read-write" # legacy uploader
        }
      `,
      errors: [
        { messageId: 'public', line: 3, column: 12 },
        { messageId: 'public', line: 8, column: 12 },
      ],
      output: tfHcl`
        resource "aws_s3_bucket_acl" "shared" {
          bucket = aws_s3_bucket.shared.id
          acl    = "private"
        }

        resource "aws_s3_bucket_acl" "open" {
          bucket = aws_s3_bucket.open.id
          acl    = "private" # legacy uploader
        }
      `,
    },
    {
      name: 'a variable whose default is public decides',
      code: tfHcl`
        variable "acl" {
          type    = string
          default = "public-read"
        }

        resource "aws_s3_bucket_acl" "site" {
          bucket = aws_s3_bucket.site.id
          acl    = var.acl
        }
      `,
      errors: [{ messageId: 'public', line: 8, column: 12 }],
      output: tfHcl`
        variable "acl" {
          type    = string
          default = "public-read"
        }

        resource "aws_s3_bucket_acl" "site" {
          bucket = aws_s3_bucket.site.id
          acl    = "private"
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_s3_bucket_acl": {
              "site": { "bucket": "example-site", "acl": "public-read" }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 4, column: 50 }],
      output: tfJson`
        {
          "resource": {
            "aws_s3_bucket_acl": {
              "site": { "bucket": "example-site", "acl": "private" }
            }
          }
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_s3_bucket":{"site":{"bucket":"example-site","acl":"public-read-write"}}}}`,
      errors: [{ messageId: 'public', line: 1 }],
      output: tfJson`{"resource":{"aws_s3_bucket":{"site":{"bucket":"example-site","acl":"private"}}}}`,
    },
  ],
});
