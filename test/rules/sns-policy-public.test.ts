import rule from '../../rules/sns/sns-policy-public';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a service principal narrowed by aws:SourceArn; a Principal naming an account',
      code: cfnYaml`
        Resources:
          TopicPolicy:
            Type: AWS::SNS::TopicPolicy
            Properties:
              Topics: [!Ref Topic]
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: "*"
                    Action: sns:Publish
                    Resource: !GetAtt Topic.TopicName
                    Condition:
                      ArnEquals: { aws:SourceArn: !Ref Topic }
                  - Effect: Allow
                    Principal: { AWS: "arn:aws:iam::123456789012:root" }
                    Action: sns:Subscribe
                    Resource: "*"
      `,
    },
    {
      name: 'Deny to everyone is a guard rail',
      code: cfnJson`
        {
          "Resources": {
            "TopicPolicy": {
              "Type": "AWS::SNS::TopicPolicy",
              "Properties": {
                "Topics": [{ "Ref": "Topic" }],
                "PolicyDocument": {
                  "Statement": [{ "Effect": "Deny", "Principal": "*", "Action": "sns:*", "Resource": "*",
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
        variable "topic_policy" {}

        data "aws_iam_policy_document" "topic" {
          statement {
            actions   = ["sns:Publish"]
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

        resource "aws_sns_topic_policy" "q" {
          arn =       aws_sns_topic.q.id
          policy    = data.aws_iam_policy_document.topic.json
        }

        resource "aws_sns_topic" "other" {
          policy = var.topic_policy
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_sns_topic_policy": {
              "q": {
                "arn": "\${aws_sns_topic.q.id}",
                "policy": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":{\\"Service\\":\\"sns.amazonaws.com\\"},\\"Action\\":\\"sns:Publish\\",\\"Resource\\":\\"*\\"}]}"
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
          TopicPolicy:
            Type: AWS::SNS::TopicPolicy
            Properties:
              Topics: [!Ref Topic]
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: "*"
                    Action: [sns:Publish, sns:Subscribe]
                    Resource: !GetAtt Topic.TopicName
          OtherPolicy:
            Type: AWS::SNS::TopicPolicy
            Properties:
              Topics: [!Ref Other]
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" }
                    Action: sns:*
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
            "TopicPolicy": {
              "Type": "AWS::SNS::TopicPolicy",
              "Properties": {
                "Topics": [{ "Ref": "Topic" }],
                "PolicyDocument": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":{\\"AWS\\":\\"*\\"},\\"Action\\":\\"sns:Publish\\",\\"Resource\\":\\"*\\",\\"Condition\\":{}}]}"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 7, column: 27 }],
    },
    {
      name: 'jsonencode on the topic, heredoc on a topic policy, a data source with principals "*"',
      code: tfHcl`
        resource "aws_sns_topic" "q" {
          name = "q"
          policy = jsonencode({
            Statement = [{
              Effect    = "Allow"
              Principal = { AWS = ["arn:aws:iam::123456789012:root", "*"] }
              Action    = "sns:Publish"
              Resource  = "*"
            }]
          })
        }

        resource "aws_sns_topic_policy" "heredoc" {
          arn =       aws_sns_topic.q.id
          policy    = <<EOT
        {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sns:*", "Resource": "*"}]}
        EOT
        }

        data "aws_iam_policy_document" "open" {
          statement {
            actions   = ["sns:Publish"]
            resources = ["*"]
            principals {
              type        = "*"
              identifiers = ["*"]
            }
          }
        }

        resource "aws_sns_topic_policy" "from_data" {
          arn =       aws_sns_topic.q.id
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
            "aws_sns_topic_policy": {
              "q": {
                "arn": "\${aws_sns_topic.q.id}",
                "policy": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"sns:Publish\\",\\"Resource\\":\\"*\\"}]}"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 6, column: 19 }],
    },
  ],
});
