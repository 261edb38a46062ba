import rule from '../../rules/sqs/sqs-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'unset means SSE-SQS, on by default',
      code: cfnYaml`
        Resources:
          Jobs:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: jobs
      `,
    },
    {
      name: 'a KMS key encrypts whatever SqsManagedSseEnabled says',
      code: cfnYaml`
        Resources:
          Jobs:
            Type: AWS::SQS::Queue
            Properties:
              SqsManagedSseEnabled: false
              KmsMasterKeyId: alias/aws/sqs
      `,
    },
    {
      name: 'a key from a parameter without default is not judged',
      code: cfnYaml`
        Parameters:
          QueueKey:
            Type: String
        Resources:
          Jobs:
            Type: AWS::SQS::Queue
            Properties:
              SqsManagedSseEnabled: false
              KmsMasterKeyId: !Ref QueueKey
      `,
    },
    {
      code: cfnJson`{"Resources":{"Jobs":{"Type":"AWS::SQS::Queue","Properties":{"SqsManagedSseEnabled":"true"}}}}`,
    },
    {
      code: tfHcl`
        resource "aws_sqs_queue" "jobs" {
          name = "jobs"
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_sqs_queue" "jobs" {
          sqs_managed_sse_enabled = false
          kms_master_key_id       = aws_kms_key.queue.arn
        }
      `,
    },
    {
      name: 'a variable without default is not judged',
      code: tfHcl`
        resource "aws_sqs_queue" "jobs" {
          sqs_managed_sse_enabled = var.sse
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_sqs_queue":{"jobs":{"sqs_managed_sse_enabled":true}}}}`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Jobs:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: jobs
              SqsManagedSseEnabled: false
      `,
      errors: [{ messageId: 'disabled', line: 6, column: 29 }],
      output: cfnYaml`
        Resources:
          Jobs:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: jobs
              SqsManagedSseEnabled: true
      `,
    },
    {
      name: 'an empty key is no key',
      code: cfnJson`
        {
          "Resources": {
            "Jobs": {
              "Type": "AWS::SQS::Queue",
              "Properties": { "SqsManagedSseEnabled": "false", "KmsMasterKeyId": "" }
            }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 5, column: 47 }],
      output: cfnJson`
        {
          "Resources": {
            "Jobs": {
              "Type": "AWS::SQS::Queue",
              "Properties": { "SqsManagedSseEnabled": true, "KmsMasterKeyId": "" }
            }
          }
        }
      `,
    },
    {
      name: 'a null key is no key',
      code: tfHcl`
        resource "aws_sqs_queue" "jobs" {
          name                    = "jobs"
          sqs_managed_sse_enabled = false
          kms_master_key_id       = null
        }
      `,
      errors: [{ messageId: 'disabled', line: 3, column: 29 }],
      output: tfHcl`
        resource "aws_sqs_queue" "jobs" {
          name                    = "jobs"
          sqs_managed_sse_enabled = true
          kms_master_key_id       = null
        }
      `,
    },
    {
      name: 'a variable whose default is false decides',
      code: tfHcl`
        variable "sse" {
          default = false
        }

        resource "aws_sqs_queue" "jobs" {
          sqs_managed_sse_enabled = var.sse
        }
      `,
      errors: [{ messageId: 'disabled', line: 6, column: 29 }],
      output: tfHcl`
        variable "sse" {
          default = false
        }

        resource "aws_sqs_queue" "jobs" {
          sqs_managed_sse_enabled = true
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_sqs_queue":{"jobs":{"sqs_managed_sse_enabled":false}}}}`,
      errors: [{ messageId: 'disabled', line: 1, column: 65 }],
      output: tfJson`{"resource":{"aws_sqs_queue":{"jobs":{"sqs_managed_sse_enabled":true}}}}`,
    },
  ],
});
