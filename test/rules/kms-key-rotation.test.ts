import rule from '../../rules/kms/kms-key-rotation';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Key:
            Type: AWS::KMS::Key
            Properties:
              Description: app data
              EnableKeyRotation: true
      `,
    },
    {
      name: 'asymmetric, HMAC and imported keys cannot rotate automatically',
      code: cfnYaml`
        Resources:
          Signing:
            Type: AWS::KMS::Key
            Properties:
              KeySpec: RSA_2048
              KeyUsage: SIGN_VERIFY
          Mac:
            Type: AWS::KMS::Key
            Properties:
              KeySpec: HMAC_256
              KeyUsage: GENERATE_VERIFY_MAC
          Imported:
            Type: AWS::KMS::Key
            Properties:
              Origin: EXTERNAL
      `,
    },
    {
      name: 'a key spec from a parameter without Default is not judged',
      code: cfnJson`
        {
          "Parameters": { "Spec": { "Type": "String" } },
          "Resources": {
            "Key": { "Type": "AWS::KMS::Key", "Properties": { "KeySpec": { "Ref": "Spec" } } }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_kms_key" "data" {
          description         = "app data"
          enable_key_rotation = true
        }
      `,
    },
    {
      name: 'asymmetric keys and keys in a custom key store',
      code: tfHcl`
        resource "aws_kms_key" "signing" {
          customer_master_key_spec = "ECC_NIST_P256"
          key_usage                = "SIGN_VERIFY"
        }

        resource "aws_kms_key" "hsm" {
          custom_key_store_id = "cks-1234567890abcdef0"
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_kms_key":{"data":{"description":"app data","enable_key_rotation":true}}}}`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Key:
            Type: AWS::KMS::Key
            Properties:
              Description: app data
              KeySpec: SYMMETRIC_DEFAULT
          Disabled:
            Type: AWS::KMS::Key
            Properties:
              EnableKeyRotation: false
              Origin: AWS_KMS
      `,
      errors: [
        { messageId: 'missing', line: 2, column: 3 },
        { messageId: 'disabled', line: 10, column: 26 },
      ],
      output: cfnYaml`
        Resources:
          Key:
            Type: AWS::KMS::Key
            Properties:
              Description: app data
              KeySpec: SYMMETRIC_DEFAULT
              EnableKeyRotation: true
          Disabled:
            Type: AWS::KMS::Key
            Properties:
              EnableKeyRotation: true
              Origin: AWS_KMS
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Key": {
              "Type": "AWS::KMS::Key",
              "Properties": {
                "Description": "app data"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 3, column: 5 }],
      output: cfnJson`
        {
          "Resources": {
            "Key": {
              "Type": "AWS::KMS::Key",
              "Properties": {
                "Description": "app data",
                "EnableKeyRotation": true
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_kms_key" "data" {
          description = "app data"
        }

        resource "aws_kms_key" "disabled" {
          customer_master_key_spec = "SYMMETRIC_DEFAULT"
          enable_key_rotation      = false
        }
      `,
      errors: [
        { messageId: 'missing', line: 1, column: 1 },
        { messageId: 'disabled', line: 7, column: 30 },
      ],
      output: tfHcl`
        resource "aws_kms_key" "data" {
          description         = "app data"
          enable_key_rotation = true
        }

        resource "aws_kms_key" "disabled" {
          customer_master_key_spec = "SYMMETRIC_DEFAULT"
          enable_key_rotation      = true
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_kms_key": {
              "data": { "description": "app data", "enable_key_rotation": false }
            }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 4, column: 67 }],
      output: tfJson`
        {
          "resource": {
            "aws_kms_key": {
              "data": { "description": "app data", "enable_key_rotation": true }
            }
          }
        }
      `,
    },
  ],
});
