import rule from '../../rules/sns/sns-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Alerts:
            Type: AWS::SNS::Topic
            Properties:
              TopicName: alerts
              KmsMasterKeyId: alias/aws/sns
      `,
    },
    {
      name: 'a customer managed key by reference',
      code: cfnYaml`
        Resources:
          Key:
            Type: AWS::KMS::Key
            Properties:
              EnableKeyRotation: true
          Alerts:
            Type: AWS::SNS::Topic
            Properties:
              KmsMasterKeyId: !GetAtt Key.Arn
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Alerts": {
              "Type": "AWS::SNS::Topic",
              "Properties": { "KmsMasterKeyId": { "Ref": "TopicKey" } }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_sns_topic" "alerts" {
          name              = "alerts"
          kms_master_key_id = aws_kms_key.sns.id
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_sns_topic":{"alerts":{"name":"alerts","kms_master_key_id":"alias/aws/sns"}}}}`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Alerts:
            Type: AWS::SNS::Topic
            Properties:
              TopicName: alerts # paging
          Empty:
            Type: AWS::SNS::Topic
            Properties:
              KmsMasterKeyId: ""
      `,
      errors: [
        { messageId: 'missing', line: 2, column: 3 },
        { messageId: 'empty', line: 9, column: 23 },
      ],
      output: cfnYaml`
        Resources:
          Alerts:
            Type: AWS::SNS::Topic
            Properties:
              TopicName: alerts # paging
              KmsMasterKeyId: alias/aws/sns
          Empty:
            Type: AWS::SNS::Topic
            Properties:
              KmsMasterKeyId: "alias/aws/sns"
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Alerts": {
              "Type": "AWS::SNS::Topic"
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 3, column: 5 }],
      output: cfnJson`
        {
          "Resources": {
            "Alerts": {
              "Type": "AWS::SNS::Topic",
              "Properties": {
                "KmsMasterKeyId": "alias/aws/sns"
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_sns_topic" "alerts" {
          name = "alerts"
        }

        resource "aws_sns_topic" "empty" {
          name              = "empty"
          kms_master_key_id = ""
        }
      `,
      errors: [
        { messageId: 'missing', line: 1, column: 1 },
        { messageId: 'empty', line: 7, column: 23 },
      ],
      output: tfHcl`
        resource "aws_sns_topic" "alerts" {
          name              = "alerts"
          kms_master_key_id = "alias/aws/sns"
        }

        resource "aws_sns_topic" "empty" {
          name              = "empty"
          kms_master_key_id = "alias/aws/sns"
        }
      `,
    },
    {
      name: 'a variable whose default is null leaves the key unset',
      code: tfHcl`
        variable "kms_master_key_id" {
          type    = string
          default = null
        }

        resource "aws_sns_topic" "alerts" {
          name              = "alerts"
          kms_master_key_id = var.kms_master_key_id
        }
      `,
      errors: [{ messageId: 'missing', line: 8, column: 23 }],
      output: tfHcl`
        variable "kms_master_key_id" {
          type    = string
          default = null
        }

        resource "aws_sns_topic" "alerts" {
          name              = "alerts"
          kms_master_key_id = "alias/aws/sns"
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_sns_topic": {
              "alerts": {
                "name": "alerts"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 4, column: 7 }],
      output: tfJson`
        {
          "resource": {
            "aws_sns_topic": {
              "alerts": {
                "name": "alerts",
                "kms_master_key_id": "alias/aws/sns"
              }
            }
          }
        }
      `,
    },
  ],
});
