import rule from '../../rules/iam/iam-admin-policy';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'specific actions on every resource',
      code: cfnYaml`
        Resources:
          Read:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: read
              Roles: [!Ref Role]
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: [s3:GetObject, s3:ListBucket]
                    Resource: "*"
      `,
    },
    {
      name: 'Deny * on * is a guard rail, not a grant',
      code: cfnYaml`
        Resources:
          Guard:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Deny
                    Action: "*"
                    Resource: "*"
                    Condition:
                      Bool: { aws:MultiFactorAuthPresent: "false" }
      `,
    },
    {
      name: 'every action on one bucket only',
      code: cfnYaml`
        Resources:
          Group:
            Type: AWS::IAM::Group
            Properties:
              Policies:
                - PolicyName: bucket
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: "*"
                        Resource: !Sub "arn:aws:s3:::\${Bucket}/*"
      `,
    },
    {
      name: 'NotAction is not Action',
      code: cfnJson`
        {
          "Resources": {
            "PowerUser": {
              "Type": "AWS::IAM::ManagedPolicy",
              "Properties": {
                "PolicyDocument": {
                  "Statement": [{ "Effect": "Allow", "NotAction": "iam:*", "Resource": "*" }]
                }
              }
            }
          }
        }
      `,
    },
    {
      name: 'a service wildcard is not full admin (iam-wildcard-action covers it)',
      code: tfHcl`
        resource "aws_iam_policy" "s3" {
          name = "s3"
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect   = "Allow"
              Action   = "s3:*"
              Resource = "*"
            }]
          })
        }
      `,
    },
    {
      name: 'a policy document data source with specific actions, and the policy using it',
      code: tfHcl`
        data "aws_iam_policy_document" "read" {
          statement {
            actions   = ["s3:GetObject", "s3:ListBucket"]
            resources = ["*"]
          }
        }

        resource "aws_iam_policy" "read" {
          name   = "read"
          policy = data.aws_iam_policy_document.read.json
        }
      `,
    },
    {
      name: 'Deny in a policy document data source',
      code: tfHcl`
        data "aws_iam_policy_document" "deny" {
          statement {
            effect    = "Deny"
            actions   = ["*"]
            resources = ["*"]
          }
        }
      `,
    },
    {
      name: 'an interpolated heredoc is not judged',
      code: tfHcl`
        resource "aws_iam_user_policy" "scoped" {
          user   = "alice"
          policy = <<-EOT
            {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "\${var.bucket_arn}"}]}
          EOT
        }
      `,
    },
    {
      code: tfJson`
        {
          "data": {
            "aws_iam_policy_document": {
              "read": {
                "statement": [
                  { "actions": ["s3:GetObject"], "resources": ["*"] }
                ]
              }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'AWS::IAM::Policy, ManagedPolicy (single statement, *:* in a list), Role Policies',
      code: cfnYaml`
        Resources:
          Admin:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: admin
              Roles: [!Ref Role]
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: "*"
                    Resource: "*"
          Managed:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  Effect: Allow
                  Action: [s3:GetObject, "*:*"]
                  Resource: ["*"]
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: { Service: ec2.amazonaws.com }
                    Action: sts:AssumeRole
              Policies:
                - PolicyName: read
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource: "*"
                - PolicyName: everything
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: "*"
                        Resource: "*"
      `,
      errors: [
        { messageId: 'admin', line: 8 },
        { messageId: 'admin', line: 17 },
        { messageId: 'admin', line: 39 },
      ],
    },
    {
      name: 'AWS::IAM::User with a flow-style policy document',
      code: cfnYaml`
        Resources:
          User:
            Type: AWS::IAM::User
            Properties:
              Policies:
                - PolicyName: admin
                  PolicyDocument: {"Statement": [{"Effect": "Allow", "Action": "*:*", "Resource": "*"}]}
      `,
      errors: [{ messageId: 'admin', line: 7, column: 27 }],
    },
    {
      name: 'a policy document written as a JSON string',
      code: cfnYaml`
        Resources:
          Admin:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument: |
                {
                  "Version": "2012-10-17",
                  "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
                }
      `,
      errors: [{ messageId: 'admin', line: 5, column: 23 }],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Admin": {
              "Type": "AWS::IAM::ManagedPolicy",
              "Properties": {
                "PolicyDocument": {
                  "Version": "2012-10-17",
                  "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }]
                }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'admin', line: 6, column: 27 }],
    },
    {
      name: 'jsonencode, heredoc JSON, and one admin statement among others in a policy document',
      code: tfHcl`
        resource "aws_iam_policy" "admin" {
          name = "admin"
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect   = "Allow"
              Action   = "*"
              Resource = "*"
            }]
          })
        }

        resource "aws_iam_role_policy" "heredoc" {
          role   = aws_iam_role.app.id
          policy = <<EOT
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Effect": "Allow", "Action": ["*"], "Resource": "*" }
          ]
        }
        EOT
        }

        data "aws_iam_policy_document" "admin" {
          statement {
            actions   = ["s3:GetObject"]
            resources = ["*"]
          }
          statement {
            actions   = ["*"]
            resources = ["*"]
          }
        }
      `,
      errors: [
        { messageId: 'admin', line: 3, column: 12 },
        { messageId: 'admin', line: 15, column: 12 },
        { messageId: 'admin', line: 30 },
      ],
    },
    {
      name: 'aws_iam_role inline_policy and aws_iam_group_policy',
      code: tfHcl`
        resource "aws_iam_role" "app" {
          name               = "app"
          assume_role_policy = data.aws_iam_policy_document.assume.json

          inline_policy {
            name = "all"
            policy = jsonencode({
              Statement = [{ Effect = "Allow", Action = ["*"], Resource = "*" }]
            })
          }
        }

        resource "aws_iam_group_policy" "ops" {
          group  = aws_iam_group.ops.name
          policy = "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"*\\",\\"Resource\\":\\"*\\"}]}"
        }
      `,
      errors: [
        { messageId: 'admin', line: 7, column: 14 },
        { messageId: 'admin', line: 15, column: 12 },
      ],
    },
    {
      name: 'a policy given as a JSON string, and a data source statement',
      code: tfJson`
        {
          "resource": {
            "aws_iam_user_policy": {
              "admin": {
                "user": "alice",
                "policy": "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"*\\",\\"Resource\\":\\"*\\"}]}"
              }
            }
          },
          "data": {
            "aws_iam_policy_document": {
              "admin": {
                "statement": [
                  { "actions": ["*"], "resources": ["*"] }
                ]
              }
            }
          }
        }
      `,
      errors: [
        { messageId: 'admin', line: 6, column: 19 },
        { messageId: 'admin', line: 14, column: 11 },
      ],
    },
  ],
});
