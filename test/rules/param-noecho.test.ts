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
    },
    {
      code: tfHcl`
        variable "master_password" {
          description = "Master password" # rotate yearly
          type        = string
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
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
    },
  ],
});
