import rule from '../../rules/s3/s3-versioning';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

/** A bucket with nothing about versioning in its own block: the module's other files decide. */
const bareBucket = tfHcl`
  resource "aws_s3_bucket" "data" {
    bucket = "example-data"
  }
`;

new RuleTester().run(rule, {
  valid: [
    {
      name: 'Terraform JSON may write a nested block as a list of objects',
      code: tfJson`{"resource":{"aws_s3_bucket":{"b":{"bucket":"x","versioning":[{"enabled":true}]}}}}`,
    },
    {
      code: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: example-data
              VersioningConfiguration:
                Status: Enabled
      `,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          VersioningStatus:
            Type: String
            AllowedValues: [Enabled, Suspended]
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              VersioningConfiguration: { Status: !Ref VersioningStatus }
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Data": {
              "Type": "AWS::S3::Bucket",
              "Properties": { "VersioningConfiguration": { "Status": "Enabled" } }
            }
          }
        }
      `,
    },
    {
      name: 'legacy inline versioning block',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"

          versioning {
            enabled = true
          }
        }
      `,
    },
    {
      name: 'aws_s3_bucket_versioning in the same file, by .id',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }

        resource "aws_s3_bucket_versioning" "data" {
          bucket = aws_s3_bucket.data.id
          versioning_configuration {
            status = "Enabled"
          }
        }
      `,
    },
    {
      name: 'aws_s3_bucket_versioning in a sibling file, by .bucket',
      code: bareBucket,
      module: {
        'versioning.tf': `
resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.bucket
  versioning_configuration {
    status = "Enabled"
  }
}
`,
      },
    },
    {
      name: 'aws_s3_bucket_versioning in a sibling file, by the literal bucket name',
      code: bareBucket,
      module: {
        'versioning.tf': `
resource "aws_s3_bucket_versioning" "by_name" {
  bucket = "example-data"
  versioning_configuration {
    status = "Enabled"
  }
}
`,
      },
    },
    {
      name: 'bucket and versioning name the bucket with the same variable',
      code: tfHcl`
        variable "bucket_name" {
          type = string
        }

        resource "aws_s3_bucket" "data" {
          bucket = var.bucket_name
        }

        resource "aws_s3_bucket_versioning" "data" {
          bucket = var.bucket_name
          versioning_configuration {
            status = "Enabled"
          }
        }
      `,
    },
    {
      name: 'a versioning status from a variable without default is not judged',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }

        resource "aws_s3_bucket_versioning" "data" {
          bucket = aws_s3_bucket.data.id
          versioning_configuration {
            status = var.versioning_status
          }
        }
      `,
    },
    {
      name: 'aws_s3_bucket_versioning in the same .tf.json',
      code: tfJson`
        {
          "resource": {
            "aws_s3_bucket": {
              "data": { "bucket": "example-data" }
            },
            "aws_s3_bucket_versioning": {
              "data": {
                "bucket": "\${aws_s3_bucket.data.id}",
                "versioning_configuration": { "status": "Enabled" }
              }
            }
          }
        }
      `,
    },
    {
      name: 'aws_s3_bucket_versioning in a sibling .tf file of a .tf.json bucket',
      code: tfJson`
        {
          "resource": {
            "aws_s3_bucket": {
              "data": { "bucket": "example-data" }
            }
          }
        }
      `,
      module: {
        'versioning.tf': `
resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}
`,
      },
    },
    {
      code: tfJson`{"resource":{"aws_s3_bucket":{"data":{"bucket":"example-data","versioning":{"enabled":true}}}}}`,
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
      output: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: example-data
              VersioningConfiguration:
                Status: Enabled
      `,
    },
    {
      name: 'Suspended, and a bucket without Properties',
      code: cfnYaml`
        Resources:
          Logs:
            Type: AWS::S3::Bucket
            Properties:
              VersioningConfiguration:
                Status: Suspended
          Bare:
            Type: AWS::S3::Bucket
      `,
      errors: [
        { messageId: 'notEnabled', line: 6, column: 17 },
        { messageId: 'missing', line: 7, column: 3 },
      ],
      output: cfnYaml`
        Resources:
          Logs:
            Type: AWS::S3::Bucket
            Properties:
              VersioningConfiguration:
                Status: Enabled
          Bare:
            Type: AWS::S3::Bucket
            Properties:
              VersioningConfiguration:
                Status: Enabled
      `,
    },
    {
      name: 'comments, DeletionPolicy and Outputs stay where they are',
      code: cfnYaml`
        AWSTemplateFormatVersion: '2010-09-09'
        # Buckets for the app
        Resources:
          Data:
            Type: AWS::S3::Bucket
            DeletionPolicy: Retain
            Properties:
              BucketName: example-data
              # Versioning: decided later
          Logs:
            Type: AWS::S3::Bucket
            DeletionPolicy: Retain
        Outputs:
          Data:
            Value: !Ref Data
      `,
      errors: [
        { messageId: 'missing', line: 4, column: 3 },
        { messageId: 'missing', line: 10, column: 3 },
      ],
      output: cfnYaml`
        AWSTemplateFormatVersion: '2010-09-09'
        # Buckets for the app
        Resources:
          Data:
            Type: AWS::S3::Bucket
            DeletionPolicy: Retain
            Properties:
              BucketName: example-data
              VersioningConfiguration:
                Status: Enabled
              # Versioning: decided later
          Logs:
            Type: AWS::S3::Bucket
            DeletionPolicy: Retain
            Properties:
              VersioningConfiguration:
                Status: Enabled
        Outputs:
          Data:
            Value: !Ref Data
      `,
    },
    {
      name: 'an empty VersioningConfiguration',
      code: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: example-data
              VersioningConfiguration: {}
      `,
      errors: [{ messageId: 'missing', line: 6, column: 7 }],
      output: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: example-data
              VersioningConfiguration:
                Status: Enabled
      `,
    },
    {
      name: 'a parameter whose Default is Suspended decides',
      code: cfnYaml`
        Parameters:
          VersioningStatus:
            Type: String
            Default: Suspended
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              VersioningConfiguration:
                Status: !Ref VersioningStatus
      `,
      errors: [{ messageId: 'notEnabled', line: 10, column: 17 }],
      output: cfnYaml`
        Parameters:
          VersioningStatus:
            Type: String
            Default: Suspended
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              VersioningConfiguration:
                Status: Enabled
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Data": {
              "Type": "AWS::S3::Bucket",
              "Properties": {
                "BucketName": "example-data"
              }
            },
            "Bare": {
              "Type": "AWS::S3::Bucket"
            }
          }
        }
      `,
      errors: [
        { messageId: 'missing', line: 3, column: 5 },
        { messageId: 'missing', line: 9, column: 5 },
      ],
      output: cfnJson`
        {
          "Resources": {
            "Data": {
              "Type": "AWS::S3::Bucket",
              "Properties": {
                "BucketName": "example-data",
                "VersioningConfiguration": {
                  "Status": "Enabled"
                }
              }
            },
            "Bare": {
              "Type": "AWS::S3::Bucket",
              "Properties": {
                "VersioningConfiguration": {
                  "Status": "Enabled"
                }
              }
            }
          }
        }
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Data": {
              "Type": "AWS::S3::Bucket",
              "Properties": { "VersioningConfiguration": { "Status": "Suspended" } }
            }
          }
        }
      `,
      errors: [{ messageId: 'notEnabled', line: 5, column: 62 }],
      output: cfnJson`
        {
          "Resources": {
            "Data": {
              "Type": "AWS::S3::Bucket",
              "Properties": { "VersioningConfiguration": { "Status": "Enabled" } }
            }
          }
        }
      `,
    },
    {
      name: 'the fix inserts aws_s3_bucket_versioning after the bucket',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }

        resource "aws_s3_bucket_versioning" "data" {
          bucket = aws_s3_bucket.data.id
          versioning_configuration {
            status = "Enabled"
          }
        }
      `,
    },
    {
      name: 'each bucket gets its own versioning resource, after the comment trailing its brace',
      code: tfHcl`
        # Application data
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        } # end data

        resource "aws_s3_bucket" "logs" {
          bucket = "example-logs"
        }
      `,
      errors: [
        { messageId: 'missing', line: 2, column: 1 },
        { messageId: 'missing', line: 6, column: 1 },
      ],
      output: tfHcl`
        # Application data
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        } # end data

        resource "aws_s3_bucket_versioning" "data" {
          bucket = aws_s3_bucket.data.id
          versioning_configuration {
            status = "Enabled"
          }
        }

        resource "aws_s3_bucket" "logs" {
          bucket = "example-logs"
        }

        resource "aws_s3_bucket_versioning" "logs" {
          bucket = aws_s3_bucket.logs.id
          versioning_configuration {
            status = "Enabled"
          }
        }
      `,
    },
    {
      name: 'a versioning resource for another bucket does not count',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }

        resource "aws_s3_bucket_versioning" "other" {
          bucket = aws_s3_bucket.other.id
          versioning_configuration {
            status = "Enabled"
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }

        resource "aws_s3_bucket_versioning" "data" {
          bucket = aws_s3_bucket.data.id
          versioning_configuration {
            status = "Enabled"
          }
        }

        resource "aws_s3_bucket_versioning" "other" {
          bucket = aws_s3_bucket.other.id
          versioning_configuration {
            status = "Enabled"
          }
        }
      `,
    },
    {
      name: 'legacy versioning block disabled',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"

          versioning {
            enabled = false
          }
        }
      `,
      errors: [{ messageId: 'legacyDisabled', line: 5, column: 15 }],
      output: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"

          versioning {
            enabled = true
          }
        }
      `,
    },
    {
      name: 'Suspended in the same file: the status is fixed in place',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }

        resource "aws_s3_bucket_versioning" "data" {
          bucket = aws_s3_bucket.data.id
          versioning_configuration {
            status = "Suspended"
          }
        }
      `,
      errors: [{ messageId: 'companionOff', line: 8, column: 14 }],
      output: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }

        resource "aws_s3_bucket_versioning" "data" {
          bucket = aws_s3_bucket.data.id
          versioning_configuration {
            status = "Enabled"
          }
        }
      `,
    },
    {
      name: 'a versioning resource without status',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }

        resource "aws_s3_bucket_versioning" "data" {
          bucket = aws_s3_bucket.data.id
          versioning_configuration {
            mfa_delete = "Disabled"
          }
        }
      `,
      errors: [{ messageId: 'companionOff', line: 5, column: 1 }],
      output: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }

        resource "aws_s3_bucket_versioning" "data" {
          bucket = aws_s3_bucket.data.id
          versioning_configuration {
            mfa_delete = "Disabled"
            status     = "Enabled"
          }
        }
      `,
    },
    {
      name: 'Suspended in a sibling file: reported on the bucket, no fix from here',
      code: bareBucket,
      module: {
        'versioning.tf': `
resource "aws_s3_bucket_versioning" "data" {
  bucket = "example-data"

  versioning_configuration {
    status = "Suspended"
  }
}
`,
      },
      errors: [{ messageId: 'companionOff', line: 1, column: 1 }],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_s3_bucket": {
              "data": {
                "bucket": "example-data"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 4, column: 7 }],
      output: tfJson`
        {
          "resource": {
            "aws_s3_bucket": {
              "data": {
                "bucket": "example-data"
              }
            },
            "aws_s3_bucket_versioning": {
              "data": {
                "bucket": "\${aws_s3_bucket.data.id}",
                "versioning_configuration": {
                  "status": "Enabled"
                }
              }
            }
          }
        }
      `,
    },
    {
      name: 'the new versioning resource joins the existing aws_s3_bucket_versioning group',
      code: tfJson`
        {
          "resource": {
            "aws_s3_bucket": {
              "data": { "bucket": "example-data" }
            },
            "aws_s3_bucket_versioning": {
              "other": {
                "bucket": "\${aws_s3_bucket.other.id}",
                "versioning_configuration": { "status": "Enabled" }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 4, column: 7 }],
      output: tfJson`
        {
          "resource": {
            "aws_s3_bucket": {
              "data": { "bucket": "example-data" }
            },
            "aws_s3_bucket_versioning": {
              "other": {
                "bucket": "\${aws_s3_bucket.other.id}",
                "versioning_configuration": { "status": "Enabled" }
              },
              "data": {
                "bucket": "\${aws_s3_bucket.data.id}",
                "versioning_configuration": {
                  "status": "Enabled"
                }
              }
            }
          }
        }
      `,
    },
    {
      name: 'legacy versioning disabled',
      code: tfJson`
        {
          "resource": {
            "aws_s3_bucket": {
              "data": { "bucket": "example-data", "versioning": { "enabled": false } }
            }
          }
        }
      `,
      errors: [{ messageId: 'legacyDisabled', line: 4, column: 70 }],
      output: tfJson`
        {
          "resource": {
            "aws_s3_bucket": {
              "data": { "bucket": "example-data", "versioning": { "enabled": true } }
            }
          }
        }
      `,
    },
  ],
});
