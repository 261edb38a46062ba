import rule from '../../rules/secrets/param-noecho';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    cfnYaml`
      Parameters:
        DbPassword:
          Type: String
          NoEcho: true
        GitHubToken:
          Type: String
          NoEcho: 'true'
        BucketName:
          Type: String
      Resources:
        Topic:
          Type: AWS::SNS::Topic
    `,
    {
      name: 'settings about a secret are not secrets',
      code: cfnYaml`
        Parameters:
          PasswordLength:
            Type: Number
            Default: 16
          SecretsManagerKMSKey:
            Type: String
          AdminPasswordSsmName:
            Type: AWS::SSM::Parameter::Name
        Resources:
          Topic:
            Type: AWS::SNS::Topic
      `,
    },
    cfnJson`{"Parameters":{"ApiSecret":{"Type":"String","NoEcho":true}},"Resources":{"Topic":{"Type":"AWS::SNS::Topic"}}}`,
    tfHcl`
      variable "db_password" {
        type      = string
        sensitive = true
      }

      variable "master_user_secret_kms_key_id" {
        type    = string
        default = null
      }
    `,
    {
      name: 'flags and numbers about a secret are not secrets',
      code: tfHcl`
        variable "create_random_password" {
          type    = bool
          default = true
        }

        variable "random_password_length" {
          default = 16
        }
      `,
    },
    tfJson`{"variable":{"auth_token":{"type":"string","sensitive":true}}}`,
    {
      name: 'idempotency tokens are no secrets',
      code: tfHcl`
        variable "creation_token" {
          type = string
        }
        variable "client_request_token" {
          type = string
        }
      `,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Parameters:
          # The database admin password
          DBPassword:
            Description: Admin password
            Type: String
            MinLength: 8
        Resources:
          Topic:
            Type: AWS::SNS::Topic
      `,
      errors: [{ messageId: 'missing', line: 3, column: 3 }],
      output: cfnYaml`
        Parameters:
          # The database admin password
          DBPassword:
            Description: Admin password
            Type: String
            MinLength: 8
            NoEcho: true
        Resources:
          Topic:
            Type: AWS::SNS::Topic
      `,
    },
    {
      code: cfnJson`
        {
          "Parameters": {
            "ClientSecret": {
              "Type": "String"
            }
          },
          "Resources": { "Topic": { "Type": "AWS::SNS::Topic" } }
        }
      `,
      errors: [{ messageId: 'missing', line: 3, column: 5 }],
      output: cfnJson`
        {
          "Parameters": {
            "ClientSecret": {
              "Type": "String",
              "NoEcho": true
            }
          },
          "Resources": { "Topic": { "Type": "AWS::SNS::Topic" } }
        }
      `,
    },
    {
      code: tfHcl`
        variable "master_password" {
          description = "Master password" # rotate yearly
          type        = string
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: tfHcl`
        variable "master_password" {
          description = "Master password" # rotate yearly
          type        = string
          sensitive   = true
        }
      `,
    },
    {
      code: tfJson`
        {
          "variable": {
            "api_secret": { "type": "string" }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 3, column: 5 }],
      output: tfJson`
        {
          "variable": {
            "api_secret": { "type": "string", "sensitive": true }
          }
        }
      `,
    },
    {
      name: 'sensitive turned off',
      code: tfHcl`
        variable "db_password" {
          type      = string
          sensitive = false
        }
      `,
      errors: [{ messageId: 'disabled', line: 3, column: 15 }],
      output: tfHcl`
        variable "db_password" {
          type      = string
          sensitive = true
        }
      `,
    },
  ],
});
