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
    {
      name: 'SAM: a managed policy by name, a policy template, and a scoped inline document',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: python3.12
              CodeUri: src/
              Policies:
                - ReadOnlyAccess
                - S3ReadPolicy: { BucketName: data }
                - Statement:
                    - Effect: Allow
                      Action: s3:GetObject
                      Resource: "*"
      `,
    },
    {
      name: 'other managed policies, and a policy ARN from a variable without default',
      code: tfHcl`
        variable "policy_arn" {}

        resource "aws_iam_role_policy_attachment" "read" {
          role       = aws_iam_role.app.name
          policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        }

        resource "aws_iam_user_policy_attachment" "chosen" {
          user       = "alice"
          policy_arn = var.policy_arn
        }

        resource "aws_iam_role" "app" {
          assume_role_policy  = "{}"
          managed_policy_arns = ["arn:aws:iam::123456789012:policy/AdministratorAccess"]
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
    {
      name: 'SAM inline documents (Function, StateMachine) and AdministratorAccess by name; RolePolicy; ManagedPolicyArns',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: python3.12
              CodeUri: src/
              Policies:
                - AdministratorAccess
                - Statement:
                    - Effect: Allow
                      Action: "*"
                      Resource: "*"
          Flow:
            Type: AWS::Serverless::StateMachine
            Properties:
              DefinitionUri: flow.asl.json
              Policies:
                Statement:
                  - Effect: Allow
                    Action: "*"
                    Resource: "*"
          Inline:
            Type: AWS::IAM::RolePolicy
            Properties:
              RoleName: app
              PolicyName: all
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: "*"
                    Resource: "*"
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {}
              ManagedPolicyArns:
                - arn:aws:iam::aws:policy/ReadOnlyAccess
                - arn:aws-us-gov:iam::aws:policy/AdministratorAccess
      `,
      errors: [
        { messageId: 'attached', line: 10, column: 11 },
        { messageId: 'admin', line: 11, column: 11 },
        { messageId: 'admin', line: 20, column: 9 },
        { messageId: 'admin', line: 30, column: 9 },
        { messageId: 'attached', line: 40, column: 11 },
      ],
    },
    {
      name: 'ManagedPolicyArns in JSON',
      code: cfnJson`
        {
          "Resources": {
            "Ops": {
              "Type": "AWS::IAM::Group",
              "Properties": { "ManagedPolicyArns": ["arn:aws:iam::aws:policy/AdministratorAccess"] }
            }
          }
        }
      `,
      errors: [{ messageId: 'attached', line: 5, column: 45 }],
    },
    {
      name: 'attachments of AdministratorAccess, also through data.aws_partition',
      code: tfHcl`
        data "aws_partition" "current" {}

        resource "aws_iam_role_policy_attachment" "admin" {
          role       = aws_iam_role.app.name
          policy_arn = "arn:\${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess"
        }

        resource "aws_iam_group_policy_attachment" "admin" {
          group      = "ops"
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }

        resource "aws_iam_policy_attachment" "admin" {
          name       = "admin"
          roles      = ["app"]
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }

        resource "aws_iam_role" "app" {
          assume_role_policy  = "{}"
          managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
        }

        resource "aws_iam_user_policy_attachments_exclusive" "alice" {
          user_name   = "alice"
          policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AdministratorAccess"]
        }
      `,
      errors: [
        { messageId: 'attached', line: 5, column: 16 },
        { messageId: 'attached', line: 10, column: 16 },
        { messageId: 'attached', line: 16, column: 16 },
        { messageId: 'attached', line: 21, column: 26 },
        { messageId: 'attached', line: 26, column: 60 },
      ],
    },
    {
      name: 'aws_iam_role_policy_attachments_exclusive in JSON',
      code: tfJson`
        {
          "resource": {
            "aws_iam_role_policy_attachments_exclusive": {
              "app": { "role_name": "app", "policy_arns": ["arn:aws:iam::aws:policy/AdministratorAccess"] }
            }
          }
        }
      `,
      errors: [{ messageId: 'attached', line: 4, column: 52 }],
    },
  ],
});
