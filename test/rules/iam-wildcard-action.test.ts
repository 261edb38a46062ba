import rule from '../../rules/iam/iam-wildcard-action';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'named actions, a prefix wildcard, and a Deny of a whole service',
      code: cfnYaml`
        Resources:
          Read:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: [s3:GetObject, s3:List*]
                    Resource: "*"
                  - Effect: Deny
                    Action: iam:*
                    Resource: "*"
      `,
    },
    {
      name: '"*" alone is iam-admin-policy\'s; NotAction is not Action',
      code: cfnJson`
        {
          "Resources": {
            "Admin": {
              "Type": "AWS::IAM::Policy",
              "Properties": {
                "PolicyName": "admin",
                "PolicyDocument": {
                  "Statement": [
                    { "Effect": "Allow", "Action": "*", "Resource": "*" },
                    { "Effect": "Allow", "NotAction": "iam:*", "Resource": "*" }
                  ]
                }
              }
            }
          }
        }
      `,
    },
    {
      name: 'key policies are not identity policies',
      code: cfnYaml`
        Resources:
          Key:
            Type: AWS::KMS::Key
            Properties:
              KeyPolicy:
                Statement:
                  - Effect: Allow
                    Principal: { AWS: !Sub "arn:aws:iam::\${AWS::AccountId}:root" }
                    Action: kms:*
                    Resource: "*"
      `,
    },
    {
      code: tfHcl`
        data "aws_iam_policy_document" "read" {
          statement {
            actions   = ["s3:GetObject"]
            resources = ["*"]
          }
          statement {
            effect    = "Deny"
            actions   = ["ec2:*"]
            resources = ["*"]
          }
        }
      `,
    },
    {
      name: 'a policy document for a key policy (statements with principals) is a resource policy',
      code: tfHcl`
        data "aws_iam_policy_document" "key" {
          statement {
            sid       = "Enable IAM User Permissions"
            actions   = ["kms:*"]
            resources = ["*"]
            principals {
              type        = "AWS"
              identifiers = ["arn:aws:iam::111122223333:root"]
            }
          }
        }
      `,
    },
    {
      name: 'an action from a variable without default is not judged',
      code: tfHcl`
        resource "aws_iam_policy" "p" {
          policy = jsonencode({
            Statement = [{ Effect = "Allow", Action = var.actions, Resource = "*" }]
          })
        }
      `,
    },
    {
      code: tfJson`{"data":{"aws_iam_policy_document":{"read":{"statement":[{"actions":["s3:GetObject"],"resources":["*"]}]}}}}`,
    },
  ],
  invalid: [
    {
      name: 'SAM Policies: an inline document is judged, a policy template and a managed policy name are not; GroupPolicy',
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
                - AmazonS3FullAccess
                - DynamoDBCrudPolicy: { TableName: t }
                - Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Action: [dynamodb:*, s3:GetObject]
                      Resource: "*"
          Ops:
            Type: AWS::IAM::GroupPolicy
            Properties:
              GroupName: ops
              PolicyName: ec2
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: ec2:*
                    Resource: "*"
      `,
      errors: [
        { messageId: 'wildcard', line: 12, column: 11 },
        { messageId: 'wildcard', line: 23, column: 9 },
      ],
    },
    {
      name: 'a managed policy, and one inline role policy of two',
      code: cfnYaml`
        Resources:
          Queue:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: [sqs:*, sns:Publish]
                    Resource: !GetAtt Queue.Arn
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: { Service: lambda.amazonaws.com }
                    Action: sts:AssumeRole
              Policies:
                - PolicyName: read
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource: "*"
                - PolicyName: tables
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [dynamodb:*, S3:*]
                        Resource: "*"
      `,
      errors: [
        { messageId: 'wildcard', line: 6, column: 9 },
        { messageId: 'wildcard', line: 27, column: 13 },
      ],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "User": {
              "Type": "AWS::IAM::User",
              "Properties": {
                "Policies": [
                  {
                    "PolicyName": "ec2",
                    "PolicyDocument": { "Statement": { "Effect": "Allow", "Action": "ec2:*", "Resource": "*" } }
                  }
                ]
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'wildcard', line: 9, column: 31 }],
    },
    {
      name: 'jsonencode, heredoc, role inline policy, and a data source statement',
      code: tfHcl`
        resource "aws_iam_policy" "s3" {
          name = "s3"
          policy = jsonencode({
            Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }]
          })
        }

        resource "aws_iam_user_policy" "lambda" {
          user   = "deployer"
          policy = <<EOF
        {
          "Statement": [
            { "Effect": "Allow", "Action": ["lambda:*", "logs:CreateLogGroup"], "Resource": "*" }
          ]
        }
        EOF
        }

        resource "aws_iam_role" "app" {
          name               = "app"
          assume_role_policy = "{}"

          inline_policy {
            name   = "sqs"
            policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["sqs:*"], Resource = "*" }] })
          }
        }

        data "aws_iam_policy_document" "ec2" {
          statement {
            actions   = ["ec2:*"]
            resources = ["*"]
          }
        }
      `,
      errors: [
        { messageId: 'wildcard', line: 3, column: 12 },
        { messageId: 'wildcard', line: 10, column: 12 },
        { messageId: 'wildcard', line: 25, column: 14 },
        { messageId: 'wildcard', line: 30, column: 14 },
      ],
    },
    {
      code: tfJson`
        {
          "data": {
            "aws_iam_policy_document": {
              "logs": {
                "statement": [
                  { "actions": ["logs:*"], "resources": ["*"] }
                ]
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'wildcard', line: 6, column: 11 }],
    },
  ],
});
