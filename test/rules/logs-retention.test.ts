import rule from '../../rules/logs/logs-retention';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'absent: events never expire',
      code: cfnYaml`
        Resources:
          AppLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              LogGroupName: /app
      `,
    },
    {
      code: cfnYaml`
        Resources:
          AppLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 365
      `,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          Days:
            Type: Number
        Resources:
          AppLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: !Ref Days
      `,
    },
    {
      code: cfnJson`{"Resources":{"AppLogs":{"Type":"AWS::Logs::LogGroup","Properties":{"RetentionInDays":3653}}}}`,
    },
    {
      name: '0 is the provider spelling of never expire',
      code: tfHcl`
        resource "aws_cloudwatch_log_group" "app" {
          name              = "/app"
          retention_in_days = 0
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_cloudwatch_log_group" "app" {
          retention_in_days = var.log_retention_days
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_cloudwatch_log_group":{"app":{"retention_in_days":400}}}}`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          AppLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 30
      `,
      errors: [{ messageId: 'short', line: 5, column: 24 }],
      output: cfnYaml`
        Resources:
          AppLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 365
      `,
    },
    {
      name: 'a parameter whose Default is short decides',
      code: cfnYaml`
        Parameters:
          Days:
            Type: Number
            Default: 14
        Resources:
          AppLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: !Ref Days
      `,
      errors: [{ messageId: 'short', line: 9, column: 24 }],
      output: cfnYaml`
        Parameters:
          Days:
            Type: Number
            Default: 14
        Resources:
          AppLogs:
            Type: AWS::Logs::LogGroup
            Properties:
              RetentionInDays: 365
      `,
    },
    {
      code: cfnJson`{"Resources":{"AppLogs":{"Type":"AWS::Logs::LogGroup","Properties":{"RetentionInDays":"90"}}}}`,
      errors: [{ messageId: 'short', line: 1, column: 87 }],
      output: cfnJson`{"Resources":{"AppLogs":{"Type":"AWS::Logs::LogGroup","Properties":{"RetentionInDays":365}}}}`,
    },
    {
      code: tfHcl`
        variable "days" {
          default = 7
        }

        resource "aws_cloudwatch_log_group" "app" {
          name              = "/app"
          retention_in_days = 180
        }

        resource "aws_cloudwatch_log_group" "audit" {
          retention_in_days = var.days
        }
      `,
      errors: [
        { messageId: 'short', line: 7, column: 23 },
        { messageId: 'short', line: 11, column: 23 },
      ],
      output: tfHcl`
        variable "days" {
          default = 7
        }

        resource "aws_cloudwatch_log_group" "app" {
          name              = "/app"
          retention_in_days = 365
        }

        resource "aws_cloudwatch_log_group" "audit" {
          retention_in_days = 365
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_cloudwatch_log_group":{"app":{"retention_in_days":1}}}}`,
      errors: [{ messageId: 'short', line: 1, column: 69 }],
      output: tfJson`{"resource":{"aws_cloudwatch_log_group":{"app":{"retention_in_days":365}}}}`,
    },
  ],
});
