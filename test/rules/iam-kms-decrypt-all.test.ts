import rule from '../../rules/iam/iam-kms-decrypt-all';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'named keys; narrowed by kms:ViaService, an encryption context key, a resource tag; admin left to iam-admin-policy',
      code: cfnYaml`
        Resources:
          Named:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: kms:Decrypt
                    Resource: !GetAtt Key.Arn
                  - Effect: Allow
                    Action: [kms:Decrypt, kms:GenerateDataKey]
                    Resource: "*"
                    Condition:
                      StringEquals: { kms:ViaService: s3.us-east-1.amazonaws.com }
                  - Effect: Allow
                    Action: kms:Decrypt
                    Resource: "*"
                    Condition:
                      StringEquals: { "kms:EncryptionContext:app": orders }
                  - Effect: Allow
                    Action: kms:*
                    Resource: "*"
                    Condition:
                      StringEquals: { aws:ResourceTag/team: payments }
          Admin:
            Type: AWS::IAM::Policy
            Properties:
              PolicyName: admin
              Roles: [ops]
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: "*"
                    Resource: "*"
      `,
    },
    {
      name: 'encrypt-only actions, and a Deny',
      code: cfnJson`
        {
          "Resources": {
            "Writer": {
              "Type": "AWS::IAM::ManagedPolicy",
              "Properties": {
                "PolicyDocument": { "Statement": [
                  { "Effect": "Allow", "Action": ["kms:Encrypt", "kms:GenerateDataKey*"], "Resource": "*" },
                  { "Effect": "Deny", "Action": "kms:Decrypt", "Resource": "*" }
                ] }
              }
            }
          }
        }
      `,
    },
    {
      name: 'a key policy built with a data source (principals) is not an identity policy; NotResource is skipped',
      code: tfHcl`
        data "aws_iam_policy_document" "key" {
          statement {
            actions   = ["kms:*"]
            resources = ["*"]
            principals {
              type        = "AWS"
              identifiers = ["arn:aws:iam::123456789012:root"]
            }
          }
        }

        resource "aws_iam_policy" "most" {
          policy = jsonencode({
            Statement = [{ Effect = "Allow", Action = "kms:Decrypt", NotResource = "arn:aws:kms:us-east-1:123456789012:key/secret" }]
          })
        }
      `,
    },
    {
      code: tfJson`
        {
          "data": {
            "aws_iam_policy_document": {
              "ctx": { "statement": [{ "actions": ["kms:Decrypt"], "resources": ["*"],
                "condition": [{ "test": "ForAnyValue:StringEquals", "variable": "kms:EncryptionContextKeys", "values": ["app"] }] }] }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'kms:Decrypt, kms:ReEncrypt* and kms:* on "*"; a condition that does not narrow keys; SAM',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Reader:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: [kms:Decrypt, kms:ReEncrypt*]
                    Resource: "*"
                    Condition:
                      Bool: { aws:SecureTransport: "true" }
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: python3.12
              CodeUri: src/
              Policies:
                - Statement:
                    - Effect: Allow
                      Action: KMS:*
                      Resource: "*"
      `,
      errors: [
        { messageId: 'decrypt', line: 7, column: 9 },
        { messageId: 'decrypt', line: 20, column: 11 },
      ],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Role": {
              "Type": "AWS::IAM::Role",
              "Properties": {
                "AssumeRolePolicyDocument": {},
                "Policies": [{ "PolicyName": "kms", "PolicyDocument": { "Statement": [{ "Effect": "Allow", "Action": "kms:ReEncryptFrom", "Resource": ["*"] }] } }]
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'decrypt', line: 7, column: 63 }],
    },
    {
      code: tfHcl`
        resource "aws_iam_role_policy" "app" {
          role = "app"
          policy = jsonencode({
            Statement = [{ Effect = "Allow", Action = ["kms:Decrypt"], Resource = "*" }]
          })
        }

        data "aws_iam_policy_document" "app" {
          statement {
            actions   = ["kms:Decrypt"]
            resources = ["*"]
            condition {
              test     = "StringEquals"
              variable = "kms:CallerAccount"
              values   = ["123456789012"]
            }
          }
        }
      `,
      errors: [
        { messageId: 'decrypt', line: 3, column: 12 },
        { messageId: 'decrypt', line: 9, column: 14 },
      ],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_iam_policy": {
              "app": { "policy": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"kms:Decrypt\\",\\"Resource\\":\\"*\\"}]}" }
            }
          }
        }
      `,
      errors: [{ messageId: 'decrypt', line: 4, column: 26 }],
    },
  ],
});
