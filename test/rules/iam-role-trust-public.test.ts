import rule from '../../rules/iam/iam-role-trust-public';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a service, an account, "*" with sts:ExternalId, and GitHub pinned to one repository',
      code: cfnYaml`
        Resources:
          Service:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: { Service: lambda.amazonaws.com }
                    Action: sts:AssumeRole
          CrossAccount:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: { AWS: ["123456789012", "arn:aws:iam::210987654321:root"] }
                    Action: sts:AssumeRole
                  - Effect: Allow
                    Principal: { AWS: "*" }
                    Action: sts:AssumeRole
                    Condition:
                      StringEquals: { sts:ExternalId: "a-secret-id" }
          Deploy:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: { Federated: !Ref GithubOidc }
                    Action: sts:AssumeRoleWithWebIdentity
                    Condition:
                      StringEquals: { token.actions.githubusercontent.com:aud: sts.amazonaws.com }
                      StringLike: { token.actions.githubusercontent.com:sub: "repo:acme/app:ref:refs/heads/main" }
          GithubOidc:
            Type: AWS::IAM::OIDCProvider
            Properties:
              Url: https://token.actions.githubusercontent.com
              ClientIdList: [sts.amazonaws.com]
      `,
    },
    {
      name: 'another OIDC provider by reference (EKS) without a GitHub provider in the template',
      code: cfnJson`
        {
          "Resources": {
            "Irsa": {
              "Type": "AWS::IAM::Role",
              "Properties": {
                "AssumeRolePolicyDocument": {
                  "Statement": [{
                    "Effect": "Allow",
                    "Principal": { "Federated": { "Ref": "EksOidc" } },
                    "Action": "sts:AssumeRoleWithWebIdentity"
                  }]
                }
              }
            }
          }
        }
      `,
    },
    {
      name: 'GitHub with a sub condition from a data source; an unresolved principal is not judged',
      code: tfHcl`
        variable "trusted" {}

        data "aws_iam_policy_document" "github" {
          statement {
            actions = ["sts:AssumeRoleWithWebIdentity"]
            principals {
              type        = "Federated"
              identifiers = [aws_iam_openid_connect_provider.github.arn]
            }
            condition {
              test     = "StringLike"
              variable = "token.actions.githubusercontent.com:sub"
              values   = ["repo:acme/app:*"]
            }
          }
        }

        resource "aws_iam_openid_connect_provider" "github" {
          url            = "https://token.actions.githubusercontent.com"
          client_id_list = ["sts.amazonaws.com"]
        }

        resource "aws_iam_role" "deploy" {
          assume_role_policy = data.aws_iam_policy_document.github.json
        }

        resource "aws_iam_role" "chosen" {
          assume_role_policy = jsonencode({
            Statement = [{ Effect = "Allow", Principal = { AWS = var.trusted }, Action = "sts:AssumeRole" }]
          })
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_iam_role": {
              "app": {
                "assume_role_policy": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":{\\"Service\\":\\"ec2.amazonaws.com\\"},\\"Action\\":\\"sts:AssumeRole\\"}]}"
              }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: "SAM Globals.Function.AssumeRolePolicyDocument reaches every function; its Statement list is concatenated with a function's own (translator merge)",
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            AssumeRolePolicyDocument:
              Statement:
                - Effect: Allow
                  Principal: { AWS: "*" }
                  Action: sts:AssumeRole
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: python3.12
              CodeUri: src/
          Own:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: python3.12
              CodeUri: src/
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: { Service: lambda.amazonaws.com }
                    Action: sts:AssumeRole
      `,
      errors: [
        { messageId: 'public', line: 10, column: 3 },
        { messageId: 'public', line: 23, column: 9 },
      ],
    },
    {
      name: 'Principal "*"; NotPrincipal; GitHub by ARN without sub; GitHub provider by reference without any condition; SAM',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Open:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: { AWS: "*" }
                    Action: sts:AssumeRole
          AllButOne:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" }
                    Action: sts:AssumeRole
          AnyRepo:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal:
                      Federated: arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com
                    Action: sts:AssumeRoleWithWebIdentity
                    Condition:
                      StringEquals: { token.actions.githubusercontent.com:aud: sts.amazonaws.com }
          ByRef:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: { Federated: !GetAtt GithubOidc.Arn }
                    Action: sts:AssumeRoleWithWebIdentity
          GithubOidc:
            Type: AWS::IAM::OIDCProvider
            Properties:
              Url: https://token.actions.githubusercontent.com
              ClientIdList: [sts.amazonaws.com]
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: python3.12
              CodeUri: src/
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: "*"
                    Action: sts:AssumeRole
      `,
      errors: [
        { messageId: 'public', line: 7, column: 9 },
        { messageId: 'public', line: 15, column: 9 },
        { messageId: 'github', line: 23, column: 9 },
        { messageId: 'github', line: 34, column: 9 },
        { messageId: 'public', line: 50, column: 9 },
      ],
    },
    {
      name: 'a JSON string trust policy open to everyone',
      code: cfnJson`
        {
          "Resources": {
            "Open": {
              "Type": "AWS::IAM::Role",
              "Properties": {
                "AssumeRolePolicyDocument": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"sts:AssumeRole\\"}]}"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 6, column: 37 }],
    },
    {
      name: 'data sources: principals "*" without condition; GitHub provider by reference with only aud; jsonencode and heredoc',
      code: tfHcl`
        data "aws_iam_policy_document" "open" {
          statement {
            actions = ["sts:AssumeRole"]
            principals {
              type        = "AWS"
              identifiers = ["*"]
            }
          }
        }

        data "aws_iam_policy_document" "github" {
          statement {
            actions = ["sts:AssumeRoleWithWebIdentity"]
            principals {
              type        = "Federated"
              identifiers = [aws_iam_openid_connect_provider.github.arn]
            }
            condition {
              test     = "StringEquals"
              variable = "token.actions.githubusercontent.com:aud"
              values   = ["sts.amazonaws.com"]
            }
          }
        }

        resource "aws_iam_openid_connect_provider" "github" {
          url            = "https://token.actions.githubusercontent.com"
          client_id_list = ["sts.amazonaws.com"]
        }

        resource "aws_iam_role" "open" {
          assume_role_policy = data.aws_iam_policy_document.open.json
        }

        resource "aws_iam_role" "deploy" {
          assume_role_policy = data.aws_iam_policy_document.github.json
        }

        resource "aws_iam_role" "inline" {
          assume_role_policy = jsonencode({
            Statement = [{
              Effect    = "Allow"
              Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
              Action    = "sts:AssumeRoleWithWebIdentity"
            }]
          })
        }

        resource "aws_iam_role" "heredoc" {
          assume_role_policy = <<EOT
        {"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": "sts:AssumeRole", "Condition": {}}]}
        EOT
        }
      `,
      errors: [
        { messageId: 'public', line: 32, column: 24 },
        { messageId: 'github', line: 36, column: 24 },
        { messageId: 'github', line: 40, column: 24 },
        { messageId: 'public', line: 50, column: 24 },
      ],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_iam_role": {
              "open": {
                "assume_role_policy": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":{\\"AWS\\":\\"*\\"},\\"Action\\":\\"sts:AssumeRole\\"}]}"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 5, column: 31 }],
    },
  ],
});
