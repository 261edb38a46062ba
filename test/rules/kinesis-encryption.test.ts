import rule from '../../rules/kinesis/kinesis-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Events:
            Type: AWS::Kinesis::Stream
            Properties:
              ShardCount: 1
              StreamEncryption:
                EncryptionType: KMS
                KeyId: alias/aws/kinesis
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Events": {
              "Type": "AWS::Kinesis::Stream",
              "Properties": {
                "ShardCount": 1,
                "StreamEncryption": { "EncryptionType": "KMS", "KeyId": { "Ref": "StreamKey" } }
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_kinesis_stream" "events" {
          name            = "events"
          shard_count     = 1
          encryption_type = "KMS"
          kms_key_id      = "alias/aws/kinesis"
        }
      `,
    },
    {
      name: 'an encryption type from a variable without default is not judged',
      code: tfHcl`
        variable "encryption_type" {
          type = string
        }

        resource "aws_kinesis_stream" "events" {
          name            = "events"
          encryption_type = var.encryption_type
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_kinesis_stream":{"events":{"name":"events","encryption_type":"KMS","kms_key_id":"alias/aws/kinesis"}}}}`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Events:
            Type: AWS::Kinesis::Stream
            Properties:
              Name: events
              ShardCount: 1 # one is plenty
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
      output: cfnYaml`
        Resources:
          Events:
            Type: AWS::Kinesis::Stream
            Properties:
              Name: events
              ShardCount: 1 # one is plenty
              StreamEncryption:
                EncryptionType: KMS
                KeyId: alias/aws/kinesis
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Events": {
              "Type": "AWS::Kinesis::Stream",
              "Properties": {
                "ShardCount": 1
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 3, column: 5 }],
      output: cfnJson`
        {
          "Resources": {
            "Events": {
              "Type": "AWS::Kinesis::Stream",
              "Properties": {
                "ShardCount": 1,
                "StreamEncryption": {
                  "EncryptionType": "KMS",
                  "KeyId": "alias/aws/kinesis"
                }
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_kinesis_stream" "events" {
          name        = "events"
          shard_count = 1
        }

        resource "aws_kinesis_stream" "plain" {
          name            = "plain"
          encryption_type = "NONE"
        }

        resource "aws_kinesis_stream" "own_key" {
          name            = "own-key"
          encryption_type = "NONE"
          kms_key_id      = aws_kms_key.stream.arn
        }
      `,
      errors: [
        { messageId: 'missing', line: 1, column: 1 },
        { messageId: 'notKms', line: 8, column: 21 },
        { messageId: 'notKms', line: 13, column: 21 },
      ],
      output: tfHcl`
        resource "aws_kinesis_stream" "events" {
          name            = "events"
          shard_count     = 1
          encryption_type = "KMS"
          kms_key_id      = "alias/aws/kinesis"
        }

        resource "aws_kinesis_stream" "plain" {
          name            = "plain"
          encryption_type = "KMS"
          kms_key_id      = "alias/aws/kinesis"
        }

        resource "aws_kinesis_stream" "own_key" {
          name            = "own-key"
          encryption_type = "KMS"
          kms_key_id      = aws_kms_key.stream.arn
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_kinesis_stream": {
              "events": {
                "name": "events",
                "shard_count": 1
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 4, column: 7 }],
      output: tfJson`
        {
          "resource": {
            "aws_kinesis_stream": {
              "events": {
                "name": "events",
                "shard_count": 1,
                "encryption_type": "KMS",
                "kms_key_id": "alias/aws/kinesis"
              }
            }
          }
        }
      `,
    },
  ],
});
