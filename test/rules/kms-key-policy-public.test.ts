import rule from '../../rules/kms/kms-key-policy-public';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'the default key policy (the account root), and "*" narrowed by kms:CallerAccount',
      code: cfnYaml`
        Resources:
          Key:
            Type: AWS::KMS::Key
            Properties:
              KeyPolicy:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: { AWS: !Sub "arn:aws:iam::\${AWS::AccountId}:root" }
                    Action: kms:*
                    Resource: "*"
                  - Effect: Allow
                    Principal: { AWS: "*" }
                    Action: [kms:Decrypt, kms:DescribeKey]
                    Resource: "*"
                    Condition:
                      StringEquals:
                        kms:CallerAccount: "123456789012"
                        kms:ViaService: ec2.us-east-1.amazonaws.com
      `,
    },
    {
      name: 'a replica key naming a role',
      code: cfnJson`
        {
          "Resources": {
            "Replica": {
              "Type": "AWS::KMS::ReplicaKey",
              "Properties": {
                "PrimaryKeyArn": "arn:aws:kms:us-east-1:123456789012:key/mrk-1",
                "KeyPolicy": { "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:role/app" }, "Action": "kms:Decrypt", "Resource": "*" }] }
              }
            }
          }
        }
      `,
    },
    {
      name: 'a key policy resource from a data source that names the account',
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

        resource "aws_kms_key_policy" "key" {
          key_id = aws_kms_key.key.id
          policy = data.aws_iam_policy_document.key.json
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_kms_key": {
              "key": { "description": "app", "policy": "\${data.aws_iam_policy_document.missing.json}" }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'AWS::KMS::Key and AWS::KMS::ReplicaKey',
      code: cfnYaml`
        Resources:
          Key:
            Type: AWS::KMS::Key
            Properties:
              KeyPolicy:
                Statement:
                  - Effect: Allow
                    Principal: "*"
                    Action: kms:*
                    Resource: "*"
          Replica:
            Type: AWS::KMS::ReplicaKey
            Properties:
              PrimaryKeyArn: arn:aws:kms:us-east-1:123456789012:key/mrk-1
              KeyPolicy:
                Statement:
                  - Effect: Allow
                    NotPrincipal: { AWS: "arn:aws:iam::123456789012:role/blocked" }
                    Action: kms:Decrypt
                    Resource: "*"
      `,
      errors: [
        { messageId: 'public', line: 6, column: 9 },
        { messageId: 'public', line: 16, column: 9 },
      ],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Key": {
              "Type": "AWS::KMS::Key",
              "Properties": {
                "KeyPolicy": { "Statement": [{ "Effect": "Allow", "Principal": { "AWS": ["*"] }, "Action": "kms:Decrypt", "Resource": "*" }] }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 6, column: 22 }],
    },
    {
      name: 'aws_kms_key, aws_kms_external_key, aws_kms_replica_key, aws_kms_replica_external_key, aws_kms_key_policy',
      code: tfHcl`
        locals {
          open = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "kms:*", Resource = "*" }] })
        }

        resource "aws_kms_key" "a" {
          policy = local.open
        }

        resource "aws_kms_external_key" "b" {
          policy = local.open
        }

        resource "aws_kms_replica_key" "c" {
          primary_key_arn = "arn:aws:kms:us-east-1:123456789012:key/mrk-1"
          policy          = local.open
        }

        resource "aws_kms_replica_external_key" "d" {
          primary_key_arn = "arn:aws:kms:us-east-1:123456789012:key/mrk-2"
          policy          = local.open
        }

        resource "aws_kms_key_policy" "e" {
          key_id = aws_kms_key.a.id
          policy = <<EOT
        {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Decrypt", "Resource": "*"}]}
        EOT
        }
      `,
      errors: [
        { messageId: 'public', line: 6, column: 12 },
        { messageId: 'public', line: 10, column: 12 },
        { messageId: 'public', line: 15, column: 21 },
        { messageId: 'public', line: 20, column: 21 },
        { messageId: 'public', line: 25, column: 12 },
      ],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_kms_key": {
              "key": { "policy": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"kms:*\\",\\"Resource\\":\\"*\\"}]}" }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 4, column: 26 }],
    },
  ],
});
