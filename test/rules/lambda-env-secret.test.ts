import rule from '../../rules/lambda/lambda-env-secret';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'names and ARNs of secrets, references, dynamic references and flags',
      code: cfnYaml`
        Parameters:
          ApiToken:
            Type: String
            NoEcho: true
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/fn
              Code: { ZipFile: "def handler(e, c): pass" }
              Environment:
                Variables:
                  DB_PASSWORD_ARN: arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db
                  SECRET_NAME: prod/db
                  DB_PASSWORD: !Ref DbSecret
                  API_TOKEN: !Ref ApiToken
                  GITHUB_TOKEN: '{{resolve:secretsmanager:github:SecretString:token}}'
                  TOKEN_PARAM: /prod/token
                  ROTATE_SECRET: 'true'
                  LOG_LEVEL: debug
          DbSecret:
            Type: AWS::SecretsManager::Secret
            Properties:
              GenerateSecretString: { PasswordLength: 32 }
      `,
    },
    {
      name: 'SAM: a placeholder and an attribute',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: nodejs20.x
              Handler: index.handler
              InlineCode: "exports.handler = async () => {}"
              Environment:
                Variables:
                  CLIENT_SECRET: '<set-me>'
                  DB_PASSWORD: !GetAtt Db.Endpoint.Address
      `,
    },
    cfnJson`
      {
        "Resources": {
          "Fn": {
            "Type": "AWS::Lambda::Function",
            "Properties": {
              "Runtime": "python3.12",
              "Handler": "app.handler",
              "Role": "arn:aws:iam::123456789012:role/fn",
              "Code": { "ZipFile": "x" },
              "Environment": { "Variables": { "TABLE_NAME": "orders", "DB_PASSWORD": { "Fn::Sub": "\${AWS::StackName}-\${Db.Endpoint.Address}" } } }
            }
          }
        }
      }
    `,
    {
      name: 'generated and read secrets',
      code: tfHcl`
        variable "api_key" {
          type      = string
          sensitive = true
        }

        resource "aws_lambda_function" "fn" {
          function_name = "fn"
          role          = aws_iam_role.fn.arn
          handler       = "index.handler"
          runtime       = "nodejs20.x"
          filename      = "fn.zip"

          environment {
            variables = {
              DB_PASSWORD = random_password.db.result
              API_KEY     = var.api_key
              TOKEN       = data.aws_secretsmanager_secret_version.token.secret_string
              SECRET_ARN  = aws_secretsmanager_secret.s.arn
            }
          }
        }
      `,
    },
    tfJson`{"resource":{"aws_lambda_function":{"fn":{"function_name":"fn","role":"r","handler":"h","runtime":"nodejs20.x","environment":{"variables":{"DB_PASSWORD":"\${var.db_password}","PASSWORD_LENGTH":"32"}}}}}}`,
  ],
  invalid: [
    {
      name: 'a literal for a secret-like name, and an access key id under any name',
      code: cfnYaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/fn
              Code: { ZipFile: "def handler(e, c): pass" }
              Environment:
                Variables:
                  DB_PASSWORD: Sup3rS3cret
                  KEY_FOR_S3: AKIAIOSFODNN7EXAMPLE
      `,
      errors: [
        { messageId: 'literal', line: 11, column: 24 },
        { messageId: 'secretValue', line: 12, column: 23 },
      ],
    },
    {
      name: 'SAM: a NoEcho parameter default (clarification 1)',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          StripeKey:
            Type: String
            NoEcho: true
            Default: sk_live_1234567890
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: nodejs20.x
              Handler: index.handler
              InlineCode: "exports.handler = async () => {}"
              Environment:
                Variables:
                  STRIPE_API_KEY: !Ref StripeKey
      `,
      errors: [{ messageId: 'literalDefault', line: 16, column: 27 }],
    },
    {
      name: 'SAM: Globals.Function.Environment.Variables merged into each function (reported at the function)',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: nodejs20.x
            Environment:
              Variables:
                DB_PASSWORD: Sup3rS3cret
                STAGE: prod
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              InlineCode: "exports.handler = async () => {}"
              Environment:
                Variables:
                  API_TOKEN: tok-123
          Other:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              InlineCode: "exports.handler = async () => {}"
          Ignored:
            Type: AWS::Serverless::Function
            IgnoreGlobals: '*'
            Properties:
              Handler: index.handler
              InlineCode: "exports.handler = async () => {}"
      `,
      errors: [
        { messageId: 'literal', line: 16, column: 9 },
        { messageId: 'literal', line: 17, column: 22 },
        { messageId: 'literal', line: 18, column: 3 },
      ],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Fn": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Runtime": "python3.12",
                "Handler": "app.handler",
                "Role": "arn:aws:iam::123456789012:role/fn",
                "Code": { "ZipFile": "x" },
                "Environment": { "Variables": { "slackWebhookToken": "xoxb-123-456" } }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'literal', line: 10, column: 62 }],
    },
    {
      name: 'a literal, a sensitive variable default through interpolation, and a local',
      code: tfHcl`
        variable "db_password" {
          type      = string
          sensitive = true
          default   = "Sup3rS3cret"
        }

        locals {
          env = {
            GITHUB_TOKEN = "ghp_0123456789abcdef"
          }
        }

        resource "aws_lambda_function" "fn" {
          function_name = "fn"
          role          = aws_iam_role.fn.arn
          handler       = "index.handler"
          runtime       = "nodejs20.x"
          filename      = "fn.zip"

          environment {
            variables = {
              API_KEY     = "abc123"
              DB_PASSWORD = "\${var.db_password}"
            }
          }
        }

        resource "aws_lambda_function" "other" {
          function_name = "other"
          role          = aws_iam_role.fn.arn
          handler       = "index.handler"
          runtime       = "nodejs20.x"
          filename      = "fn.zip"

          environment {
            variables = local.env
          }
        }
      `,
      errors: [
        { messageId: 'literal', line: 22, column: 21 },
        { messageId: 'literalDefault', line: 23, column: 21 },
        { messageId: 'literal', line: 36, column: 17 },
      ],
    },
    {
      code: tfJson`{"variable":{"secret_key":{"default":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}},"resource":{"aws_lambda_function":{"fn":{"function_name":"fn","role":"r","handler":"h","runtime":"nodejs20.x","environment":{"variables":{"AWS_SECRET_ACCESS_KEY":"\${var.secret_key}"}}}}}}`,
      errors: [{ messageId: 'literalDefault', line: 1 }],
    },
    {
      name: 'a secret access key in a parameter default, through Fn::Sub, under a name that is not secret-like',
      code: cfnJson`
        {
          "Parameters": {
            "Creds": { "Type": "String", "NoEcho": true, "Default": "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" }
          },
          "Resources": {
            "Fn": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Runtime": "python3.12",
                "Handler": "app.handler",
                "Role": "arn:aws:iam::123456789012:role/fn",
                "Code": { "ZipFile": "x" },
                "Environment": { "Variables": { "AWS_CONFIG": { "Fn::Sub": "[default]\\n\${Creds}" } } }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'secretValueDefault', line: 13, column: 55 }],
    },
    {
      name: 'an access key id in a variable default, through a local',
      code: tfHcl`
        variable "upload_key" {
          type    = string
          default = "ASIAIOSFODNN7EXAMPLE"
        }

        locals {
          upload = var.upload_key
        }

        resource "aws_lambda_function" "fn" {
          function_name = "fn"
          role          = aws_iam_role.fn.arn
          handler       = "index.handler"
          runtime       = "nodejs20.x"
          filename      = "fn.zip"

          environment {
            variables = {
              UPLOAD_ID = local.upload
            }
          }
        }
      `,
      errors: [{ messageId: 'secretValueDefault', line: 19, column: 19 }],
    },
  ],
});
