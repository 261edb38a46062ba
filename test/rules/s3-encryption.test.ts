import rule from '../../rules/s3/s3-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

/** A bucket with nothing about encryption in its own block: the module's other files decide. */
const bareBucket = tfHcl`
  resource "aws_s3_bucket" "data" {
    bucket = "example-data"
  }
`;

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              BucketEncryption:
                ServerSideEncryptionConfiguration:
                  - ServerSideEncryptionByDefault:
                      SSEAlgorithm: aws:kms
                      KMSMasterKeyID: alias/data
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Data": {
              "Type": "AWS::S3::Bucket",
              "Properties": {
                "BucketEncryption": {
                  "ServerSideEncryptionConfiguration": [{ "ServerSideEncryptionByDefault": { "SSEAlgorithm": "AES256" } }]
                }
              }
            }
          }
        }
      `,
    },
    {
      name: 'legacy inline server_side_encryption_configuration',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"

          server_side_encryption_configuration {
            rule {
              apply_server_side_encryption_by_default {
                sse_algorithm = "aws:kms"
              }
            }
          }
        }
      `,
    },
    {
      name: 'a separate configuration in the same file, by .id',
      code: tfHcl`
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        }

        resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
          bucket = aws_s3_bucket.data.id

          rule {
            apply_server_side_encryption_by_default {
              sse_algorithm = "AES256"
            }
          }
        }
      `,
    },
    {
      name: 'a separate configuration in a sibling file, by the literal bucket name',
      code: bareBucket,
      module: {
        'encryption.tf': `
resource "aws_s3_bucket_server_side_encryption_configuration" "by_name" {
  bucket = "example-data"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
`,
      },
    },
    {
      name: 'a separate configuration iterating the bucket instances with for_each',
      code: tfHcl`
        resource "aws_s3_bucket" "tenants" {
          for_each = toset(["a", "b"])
          bucket   = "tenant-\${each.key}"
        }

        resource "aws_s3_bucket_server_side_encryption_configuration" "tenants" {
          for_each = aws_s3_bucket.tenants
          bucket   = each.value.id
          rule {
            apply_server_side_encryption_by_default {
              sse_algorithm = "AES256"
            }
          }
        }
      `,
    },
    {
      name: 'a counted bucket and its counted configuration',
      code: tfHcl`
        resource "aws_s3_bucket" "logs" {
          count  = 2
          bucket = "logs-\${count.index}"
        }

        resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
          count  = 2
          bucket = aws_s3_bucket.logs[count.index].id
          rule {
            apply_server_side_encryption_by_default {
              sse_algorithm = "AES256"
            }
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_s3_bucket": {
              "data": { "bucket": "example-data" }
            },
            "aws_s3_bucket_server_side_encryption_configuration": {
              "data": {
                "bucket": "\${aws_s3_bucket.data.id}",
                "rule": { "apply_server_side_encryption_by_default": { "sse_algorithm": "AES256" } }
              }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'comments, DeletionPolicy and Outputs stay where they are',
      code: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            DeletionPolicy: Retain
            Properties:
              BucketName: example-data # the data
              VersioningConfiguration:
                Status: Enabled
          Bare:
            Type: AWS::S3::Bucket
        Outputs:
          Data:
            Value: !Ref Data
      `,
      errors: [
        { messageId: 'missing', line: 2, column: 3 },
        { messageId: 'missing', line: 9, column: 3 },
      ],
      output: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            DeletionPolicy: Retain
            Properties:
              BucketName: example-data # the data
              VersioningConfiguration:
                Status: Enabled
              BucketEncryption:
                ServerSideEncryptionConfiguration:
                  - ServerSideEncryptionByDefault:
                      SSEAlgorithm: AES256
          Bare:
            Type: AWS::S3::Bucket
            Properties:
              BucketEncryption:
                ServerSideEncryptionConfiguration:
                  - ServerSideEncryptionByDefault:
                      SSEAlgorithm: AES256
        Outputs:
          Data:
            Value: !Ref Data
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
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 3, column: 5 }],
      output: cfnJson`
        {
          "Resources": {
            "Data": {
              "Type": "AWS::S3::Bucket",
              "Properties": {
                "BucketName": "example-data",
                "BucketEncryption": {
                  "ServerSideEncryptionConfiguration": [
                    {
                      "ServerSideEncryptionByDefault": {
                        "SSEAlgorithm": "AES256"
                      }
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
      name: 'the fix inserts the configuration after the bucket, past the comment trailing its brace',
      code: tfHcl`
        # Application data
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        } # end data

        resource "aws_s3_bucket_server_side_encryption_configuration" "other" {
          bucket = aws_s3_bucket.other.id
          rule {
            apply_server_side_encryption_by_default {
              sse_algorithm = "aws:kms"
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 2, column: 1 }],
      output: tfHcl`
        # Application data
        resource "aws_s3_bucket" "data" {
          bucket = "example-data"
        } # end data

        resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
          bucket = aws_s3_bucket.data.id
          rule {
            apply_server_side_encryption_by_default {
              sse_algorithm = "AES256"
            }
          }
        }

        resource "aws_s3_bucket_server_side_encryption_configuration" "other" {
          bucket = aws_s3_bucket.other.id
          rule {
            apply_server_side_encryption_by_default {
              sse_algorithm = "aws:kms"
            }
          }
        }
      `,
    },
    {
      name: 'a counted bucket gets no fix: the new resource would need the same count',
      code: tfHcl`
        resource "aws_s3_bucket" "logs" {
          count  = 2
          bucket = "logs-\${count.index}"
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
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
            "aws_s3_bucket_server_side_encryption_configuration": {
              "data": {
                "bucket": "\${aws_s3_bucket.data.id}",
                "rule": {
                  "apply_server_side_encryption_by_default": {
                    "sse_algorithm": "AES256"
                  }
                }
              }
            }
          }
        }
      `,
    },
  ],
});
