import rule from '../../rules/logs/logs-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          AppLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              KmsKeyId: !GetAtt LogsKey.Arn
      `,
    },
    {
      name: 'a key from a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          LogsKeyArn:
            Type: String
        Resources:
          AppLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              KmsKeyId: !Ref LogsKeyArn
      `,
    },
    {
      code: cfnJson`{"Resources":{"AppLogs":{"Type":"AWS::Logs::LogGroup","Properties":{"KmsKeyId":"arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}}}`,
    },
    {
      code: tfHcl`
        resource "aws_cloudwatch_log_group" "app" {
          name       = "/app"
          kms_key_id = aws_kms_key.logs.arn
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_cloudwatch_log_group":{"app":{"kms_key_id":"\${aws_kms_key.logs.arn}"}}}}`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          AppLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 365
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "AppLogs": { "Type": "AWS::Logs::LogGroup", "Properties": { "KmsKeyId": "" } }
          }
        }
      `,
      errors: [{ messageId: 'empty', line: 3, column: 77 }],
    },
    {
      name: 'null is unset',
      code: tfHcl`
        resource "aws_cloudwatch_log_group" "app" {
          name       = "/app"
          kms_key_id = null
        }

        resource "aws_cloudwatch_log_group" "audit" {
          name = "/audit"
        }
      `,
      errors: [
        { messageId: 'missing', line: 3, column: 16 },
        { messageId: 'missing', line: 6, column: 1 },
      ],
    },
    {
      code: tfJson`{"resource":{"aws_cloudwatch_log_group":{"app":{"name":"/app"}}}}`,
      errors: [{ messageId: 'missing', line: 1, column: 42 }],
    },
  ],
});
