import rule from '../../rules/iam/iam-privilege-escalation';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'named resources; a cancelling Deny; NotResource; admin left to iam-admin-policy; PassRole alone',
      code: cfnYaml`
        Resources:
          Scoped:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: [iam:CreateAccessKey, iam:PutUserPolicy]
                    Resource: !Sub "arn:aws:iam::\${AWS::AccountId}:user/ci-*"
          Cancelled:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: iam:*
                    Resource: "*"
                  - Effect: Deny
                    Action: [iam:*]
                    Resource: "*"
          Skipped:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: skipped
              Roles: [app]
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: lambda:UpdateFunctionCode
                    NotResource: arn:aws:lambda:us-east-1:123456789012:function:prod-*
          Admin:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: admin
              Roles: [app]
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: "*"
                    Resource: "*"
          PassOnly:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: {}
              Policies:
                - PolicyName: pass
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [iam:PassRole, lambda:CreateFunction]
                        Resource: "*"
      `,
    },
    {
      name: 'a conditional Deny does not cancel, but here nothing escalates',
      code: cfnJson`
        {
          "Resources": {
            "Read": {
              "Type": "AWS::IAM::ManagedPolicy",
              "Properties": {
                "PolicyDocument": { "Statement": [{ "Effect": "Allow", "Action": ["iam:Get*", "iam:List*"], "Resource": "*" }] }
              }
            }
          }
        }
      `,
    },
    {
      name: 'a combination split across two documents; statements with principals belong to resource policies',
      code: tfHcl`
        resource "aws_iam_role_policy" "run" {
          role   = "app"
          policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "ec2:RunInstances", Resource = "*" }] })
        }

        resource "aws_iam_role_policy" "pass" {
          role   = "app"
          policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }] })
        }

        data "aws_iam_policy_document" "key" {
          statement {
            actions   = ["iam:CreateAccessKey"]
            resources = ["*"]
            principals {
              type        = "AWS"
              identifiers = ["arn:aws:iam::123456789012:root"]
            }
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "data": {
            "aws_iam_policy_document": {
              "read": { "statement": [{ "actions": ["iam:PassRole", "ec2:DescribeInstances"], "resources": ["*"] }] }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'one action, by wildcard and in another case; a Condition does not exempt; PassRole combinations in one document; SAM',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Keys:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: IAM:createaccesskey
                    Resource: "*"
                    Condition:
                      Bool: { aws:MultiFactorAuthPresent: "true" }
          Inline:
            Type: AWS::IAM::RolePolicy
            Properties:
              RoleName: app
              PolicyName: put
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: iam:Put*
                    Resource: ["*"]
          Deployer:
            Type: AWS::IAM::User
            Properties:
              Policies:
                - PolicyName: deploy
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [lambda:CreateFunction, lambda:InvokeFunction]
                        Resource: "*"
                      - Effect: Allow
                        Action: iam:PassRole
                        Resource: "*"
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: python3.12
              CodeUri: src/
              Policies:
                - Statement:
                    - Effect: Allow
                      Action: [iam:PassRole, cloudformation:CreateStack]
                      Resource: "*"
      `,
      errors: [
        { messageId: 'escalation', line: 7, column: 9 },
        { messageId: 'escalation', line: 19, column: 9 },
        { messageId: 'escalation', line: 29, column: 13 },
        { messageId: 'escalation', line: 43, column: 11 },
      ],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Glue": {
              "Type": "AWS::IAM::GroupPolicy",
              "Properties": {
                "GroupName": "data",
                "PolicyName": "glue",
                "PolicyDocument": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"glue:UpdateDevEndpoint\\",\\"Resource\\":\\"*\\"}]}"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'escalation', line: 8, column: 27 }],
    },
    {
      name: 'jsonencode; a data source whose combination spans two statements; a source document merged first',
      code: tfHcl`
        resource "aws_iam_user_policy" "ci" {
          user   = "ci"
          policy = jsonencode({
            Statement = [{ Effect = "Allow", Action = ["iam:AttachRolePolicy"], Resource = "*" }]
          })
        }

        data "aws_iam_policy_document" "runner" {
          statement {
            actions   = ["ec2:RunInstances"]
            resources = ["*"]
          }
          statement {
            actions   = ["iam:PassRole"]
            resources = ["*"]
          }
        }

        data "aws_iam_policy_document" "base" {
          statement {
            actions   = ["datapipeline:CreatePipeline"]
            resources = ["*"]
          }
        }

        data "aws_iam_policy_document" "extended" {
          source_policy_documents = [data.aws_iam_policy_document.base.json]
          statement {
            actions   = ["iam:PassRole"]
            resources = ["*"]
          }
        }
      `,
      errors: [
        { messageId: 'escalation', line: 3, column: 12 },
        { messageId: 'escalation', line: 9, column: 14 },
        { messageId: 'escalation', line: 27, column: 29 },
      ],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_iam_group_policy": {
              "ops": {
                "group": "ops",
                "policy": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"iam:*\\",\\"Resource\\":\\"*\\"}]}"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'escalation', line: 6, column: 19 }],
    },
  ],
});
