import rule from '../../rules/sqs/sqs-policy-public';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a service principal narrowed by aws:SourceArn; a Principal naming an account',
      code: cfnYaml`
        Resources:
          QueuePolicy:
            Type: AWS::SQS::QueuePolicy
            Properties:
              Queues: [!Ref Queue]
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: "*"
                    Action: sqs:SendMessage
                    Resource: !GetAtt Queue.Arn
                    Condition:
                      ArnEquals: { aws:SourceArn: !Ref Topic }
                  - Effect: Allow
                    Principal: { AWS: "arn:aws:iam::123456789012:root" }
                    Action: sqs:ReceiveMessage
                    Resource: "*"
      `,
    },
    {
      name: 'Deny to everyone is a guard rail',
      code: cfnJson`
        {
          "Resources": {
            "QueuePolicy": {
              "Type": "AWS::SQS::QueuePolicy",
              "Properties": {
                "Queues": [{ "Ref": "Queue" }],
                "PolicyDocument": {
                  "Statement": [{ "Effect": "Deny", "Principal": "*", "Action": "sqs:*", "Resource": "*",
                    "Condition": { "Bool": { "aws:SecureTransport": "false" } } }]
                }
              }
            }
          }
        }
      `,
    },
    {
      name: 'a data source with a condition block; a policy from a variable without default',
      code: tfHcl`
        variable "queue_policy" {}

        data "aws_iam_policy_document" "queue" {
          statement {
            actions   = ["sqs:SendMessage"]
            resources = ["*"]
            principals {
              type        = "AWS"
              identifiers = ["*"]
            }
            condition {
              test     = "StringEquals"
              variable = "aws:PrincipalOrgID"
              values   = ["o-abc123"]
            }
          }
        }

        resource "aws_sqs_queue_policy" "q" {
          queue_url = aws_sqs_queue.q.id
          policy    = data.aws_iam_policy_document.queue.json
        }

        resource "aws_sqs_queue" "other" {
          policy = var.queue_policy
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_sqs_queue_policy": {
              "q": {
                "queue_url": "\${aws_sqs_queue.q.id}",
                "policy": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":{\\"Service\\":\\"sns.amazonaws.com\\"},\\"Action\\":\\"sqs:SendMessage\\",\\"Resource\\":\\"*\\"}]}"
              }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'Principal "*" with no Condition, and NotPrincipal',
      code: cfnYaml`
        Resources:
          QueuePolicy:
            Type: AWS::SQS::QueuePolicy
            Properties:
              Queues: [!Ref Queue]
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: "*"
                    Action: [sqs:SendMessage, sqs:ReceiveMessage]
                    Resource: !GetAtt Queue.Arn
          OtherPolicy:
            Type: AWS::SQS::QueuePolicy
            Properties:
              Queues: [!Ref Other]
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" }
                    Action: sqs:*
                    Resource: "*"
      `,
      errors: [
        { messageId: 'public', line: 7, column: 9 },
        { messageId: 'public', line: 17, column: 9 },
      ],
    },
    {
      name: 'a policy given as JSON text, with an empty Condition',
      code: cfnJson`
        {
          "Resources": {
            "QueuePolicy": {
              "Type": "AWS::SQS::QueuePolicy",
              "Properties": {
                "Queues": [{ "Ref": "Queue" }],
                "PolicyDocument": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":{\\"AWS\\":\\"*\\"},\\"Action\\":\\"sqs:SendMessage\\",\\"Resource\\":\\"*\\",\\"Condition\\":{}}]}"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 7, column: 27 }],
    },
    {
      name: 'jsonencode on the queue, heredoc on a queue policy, a data source with principals "*"',
      code: tfHcl`
        resource "aws_sqs_queue" "q" {
          name = "q"
          policy = jsonencode({
            Statement = [{
              Effect    = "Allow"
              Principal = { AWS = ["arn:aws:iam::123456789012:root", "*"] }
              Action    = "sqs:SendMessage"
              Resource  = "*"
            }]
          })
        }

        resource "aws_sqs_queue_policy" "heredoc" {
          queue_url = aws_sqs_queue.q.id
          policy    = <<EOT
        {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:*", "Resource": "*"}]}
        EOT
        }

        data "aws_iam_policy_document" "open" {
          statement {
            actions   = ["sqs:SendMessage"]
            resources = ["*"]
            principals {
              type        = "*"
              identifiers = ["*"]
            }
          }
        }

        resource "aws_sqs_queue_policy" "from_data" {
          queue_url = aws_sqs_queue.q.id
          policy    = data.aws_iam_policy_document.open.json
        }
      `,
      errors: [
        { messageId: 'public', line: 3, column: 12 },
        { messageId: 'public', line: 15, column: 15 },
        { messageId: 'public', line: 33, column: 15 },
      ],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_sqs_queue_policy": {
              "q": {
                "queue_url": "\${aws_sqs_queue.q.id}",
                "policy": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"sqs:SendMessage\\",\\"Resource\\":\\"*\\"}]}"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 6, column: 19 }],
    },
  ],
});
