import rule from '../../rules/ssm/ssm-parameter-plaintext-secret';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'plain settings, names about a secret, and a SecureString',
      code: cfnYaml`
        Resources:
          Endpoint:
            Type: AWS::SSM::Parameter
            Properties:
              Name: /prod/db/endpoint
              Type: String
              Value: db.example.com
          DbPasswordArn:
            Type: AWS::SSM::Parameter
            Properties:
              Type: String
              Value: arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db
          Named:
            Type: AWS::SSM::Parameter
            Properties:
              Name: /prod/db/password_rotation
              Type: String
              Value: '30'
      `,
    },
    cfnJson`
      {
        "Resources": {
          "ApiToken": { "Type": "AWS::SSM::Parameter", "Properties": { "Name": "/prod/api/token-ttl", "Type": "String", "Value": "3600" } }
        }
      }
    `,
    {
      name: 'SecureString, and a type nothing decides',
      code: tfHcl`
        resource "aws_ssm_parameter" "db_password" {
          name  = "/prod/db/password"
          type  = "SecureString"
          value = random_password.db.result
        }

        resource "aws_ssm_parameter" "token" {
          name  = "/prod/token"
          type  = var.parameter_type
          value = var.token
        }
      `,
    },
    tfJson`{"resource":{"aws_ssm_parameter":{"bucket":{"name":"/prod/bucket","type":"String","value":"my-bucket"}}}}`,
  ],
  invalid: [
    {
      name: 'a secret-like name (literal, or the logical id without one)',
      code: cfnYaml`
        Resources:
          Password:
            Type: AWS::SSM::Parameter
            Properties:
              Name: !Sub /\${AWS::StackName}/db/password
              Type: String
              Value: !GetAtt Db.Endpoint.Address
          GithubToken:
            Type: AWS::SSM::Parameter
            Properties:
              Type: StringList
              Value: a,b
      `,
      errors: [
        { messageId: 'secretName', line: 6, column: 13 },
        { messageId: 'secretName', line: 11, column: 13 },
      ],
    },
    {
      name: 'a secret value, also from a NoEcho parameter default',
      code: cfnJson`
        {
          "Parameters": { "Key": { "Type": "String", "NoEcho": true, "Default": "-----BEGIN RSA PRIVATE KEY-----\\nMIIE" } },
          "Resources": {
            "Deploy": { "Type": "AWS::SSM::Parameter", "Properties": { "Name": "/ci/deploy", "Type": "String", "Value": { "Ref": "Key" } } },
            "Keys": { "Type": "AWS::SSM::Parameter", "Properties": { "Name": "/ci/keys", "Type": "String", "Value": "id=AKIAIOSFODNN7EXAMPLE" } }
          }
        }
      `,
      errors: [
        { messageId: 'secretValueDefault', line: 4 },
        { messageId: 'secretValue', line: 5 },
      ],
    },
    {
      name: 'the fix makes it a SecureString',
      code: tfHcl`
        resource "aws_ssm_parameter" "db_password" {
          name  = "/prod/db/password"
          type  = "String"
          value = random_password.db.result
        }
      `,
      errors: [{ messageId: 'secretName', line: 3, column: 11 }],
      output: tfHcl`
        resource "aws_ssm_parameter" "db_password" {
          name  = "/prod/db/password"
          type  = "SecureString"
          value = random_password.db.result
        }
      `,
    },
    {
      name: 'insecure_value is renamed to value (SecureString refuses it)',
      code: tfHcl`
        resource "aws_ssm_parameter" "keys" {
          name           = "/ci/keys"
          type           = "String"
          insecure_value = "AKIAIOSFODNN7EXAMPLE"
        }
      `,
      errors: [{ messageId: 'secretValue', line: 4, column: 20 }],
      output: tfHcl`
        resource "aws_ssm_parameter" "keys" {
          name           = "/ci/keys"
          type           = "SecureString"
          value          = "AKIAIOSFODNN7EXAMPLE"
        }
      `,
    },
    {
      name: 'without a name, the resource name',
      code: tfJson`{"resource":{"aws_ssm_parameter":{"api_key":{"type":"String","value":"\${var.key}"}}}}`,
      errors: [{ messageId: 'secretName', line: 1 }],
      output: tfJson`{"resource":{"aws_ssm_parameter":{"api_key":{"type":"SecureString","value":"\${var.key}"}}}}`,
    },
  ],
});
