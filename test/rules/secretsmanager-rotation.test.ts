import rule from '../../rules/secrets/secretsmanager-rotation';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a schedule by Ref, and one by the literal name',
      code: cfnYaml`
        Resources:
          DbSecret:
            Type: AWS::SecretsManager::Secret
            Properties:
              GenerateSecretString: { PasswordLength: 32 }
          DbRotation:
            Type: AWS::SecretsManager::RotationSchedule
            Properties:
              SecretId: !Ref DbSecret
              HostedRotationLambda: { RotationType: PostgreSQLSingleUser }
              RotationRules: { AutomaticallyAfterDays: 30 }
          ApiSecret:
            Type: AWS::SecretsManager::Secret
            Properties:
              Name: prod/api
          ApiRotation:
            Type: AWS::SecretsManager::RotationSchedule
            Properties:
              SecretId: prod/api
              RotationLambdaARN: arn:aws:lambda:us-east-1:123456789012:function:rotate
      `,
    },
    {
      name: 'a schedule under the same condition as the secret',
      code: cfnJson`
        {
          "Conditions": { "IsProd": { "Fn::Equals": [{ "Ref": "AWS::AccountId" }, "123456789012"] } },
          "Resources": {
            "Secret": { "Type": "AWS::SecretsManager::Secret", "Condition": "IsProd", "Properties": {} },
            "Rotation": {
              "Type": "AWS::SecretsManager::RotationSchedule",
              "Condition": "IsProd",
              "Properties": { "SecretId": { "Ref": "Secret" }, "RotationLambdaARN": "arn:aws:lambda:us-east-1:123456789012:function:rotate" }
            }
          }
        }
      `,
    },
    {
      name: 'rotation by id, in another file of the module',
      code: tfHcl`
        resource "aws_secretsmanager_secret" "db" {
          name = "prod/db"
        }
      `,
      module: {
        'rotation.tf': `
resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn
  rotation_rules {
    automatically_after_days = 30
  }
}
`,
      },
    },
    {
      name: 'secret and rotation created under the same count condition',
      code: tfHcl`
        resource "aws_secretsmanager_secret" "db" {
          count = var.rotate ? 1 : 0
          name  = "prod/db"
        }

        resource "aws_secretsmanager_secret_rotation" "db" {
          count               = var.rotate ? 1 : 0
          secret_id           = aws_secretsmanager_secret.db[0].id
          rotation_lambda_arn = aws_lambda_function.rotate.arn
        }
      `,
    },
    tfJson`{"resource":{"aws_secretsmanager_secret":{"s":{"name":"prod/s"}},"aws_secretsmanager_secret_rotation":{"r":{"secret_id":"\${aws_secretsmanager_secret.s.arn}","rotation_lambda_arn":"arn:aws:lambda:us-east-1:123456789012:function:rotate"}}}}`,
  ],
  invalid: [
    {
      name: 'no schedule, and one for another secret',
      code: cfnYaml`
        Resources:
          DbSecret:
            Type: AWS::SecretsManager::Secret
            Properties:
              GenerateSecretString: { PasswordLength: 32 }
          OtherSecret:
            Type: AWS::SecretsManager::Secret
            Properties: {}
          OtherRotation:
            Type: AWS::SecretsManager::RotationSchedule
            Properties:
              SecretId: !Ref OtherSecret
              RotationLambdaARN: arn:aws:lambda:us-east-1:123456789012:function:rotate
      `,
      errors: [{ messageId: 'noRotation', line: 2, column: 3 }],
    },
    {
      name: 'a schedule only under a condition the secret does not have (clarification 7)',
      code: cfnJson`
        {
          "Parameters": { "Rotate": { "Type": "String", "AllowedValues": ["yes", "no"] } },
          "Conditions": { "EnableRotation": { "Fn::Equals": [{ "Ref": "Rotate" }, "yes"] } },
          "Resources": {
            "Secret": { "Type": "AWS::SecretsManager::Secret", "Properties": {} },
            "Rotation": {
              "Type": "AWS::SecretsManager::RotationSchedule",
              "Condition": "EnableRotation",
              "Properties": { "SecretId": { "Ref": "Secret" }, "RotationLambdaARN": "arn:aws:lambda:us-east-1:123456789012:function:rotate" }
            }
          }
        }
      `,
      errors: [{ messageId: 'noRotation', line: 5, when: 'condition EnableRotation is false' }],
    },
    {
      name: 'a rotation whose count can create nothing',
      code: tfHcl`
        resource "aws_secretsmanager_secret" "db" {
          name = "prod/db"
        }

        resource "aws_secretsmanager_secret_rotation" "db" {
          count               = var.rotate ? 1 : 0
          secret_id           = aws_secretsmanager_secret.db.id
          rotation_lambda_arn = aws_lambda_function.rotate.arn
        }
      `,
      // The engine counts the schedule only where its count creates it (clarification 7): the message names the variant.
      errors: [{ messageId: 'noRotation', line: 1, when: '`var.rotate` is false' }],
    },
    {
      code: tfJson`{"resource":{"aws_secretsmanager_secret":{"s":{"name":"prod/s"}}}}`,
      errors: [{ messageId: 'noRotation', line: 1 }],
    },
  ],
});
