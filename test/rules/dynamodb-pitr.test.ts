import rule from '../../rules/dynamodb/dynamodb-pitr';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
              PointInTimeRecoverySpecification:
                PointInTimeRecoveryEnabled: true
      `,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          Recovery:
            Type: String
            AllowedValues: ["true", "false"]
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: !Ref Recovery }
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Table": {
              "Type": "AWS::DynamoDB::Table",
              "Properties": { "PointInTimeRecoverySpecification": { "PointInTimeRecoveryEnabled": "true" } }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_dynamodb_table" "scores" {
          name     = "scores"
          hash_key = "id"

          point_in_time_recovery {
            enabled = true
          }
        }
      `,
    },
    {
      name: 'a variable with a true default',
      code: tfHcl`
        variable "pitr" {
          default = true
        }

        resource "aws_dynamodb_table" "scores" {
          name = "scores"
          point_in_time_recovery {
            enabled = var.pitr
          }
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_dynamodb_table":{"scores":{"name":"scores","point_in_time_recovery":[{"enabled":true}]}}}}`,
    },
    {
      name: 'a SAM SimpleTable with recovery on',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Sessions:
            Type: AWS::Serverless::SimpleTable
            Properties:
              PrimaryKey:
                Name: id
                Type: String
              PointInTimeRecoverySpecification:
                PointInTimeRecoveryEnabled: true
      `,
    },
  ],
  invalid: [
    {
      name: 'disabled, missing, and an empty specification',
      code: cfnYaml`
        Resources:
          Disabled:
            Type: AWS::DynamoDB::Table
            Properties:
              PointInTimeRecoverySpecification:
                PointInTimeRecoveryEnabled: false
          Missing:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: my-table
          # An empty specification
          Empty:
            Type: AWS::DynamoDB::Table
            Properties:
              PointInTimeRecoverySpecification: {}
      `,
      errors: [
        { messageId: 'disabled', line: 6, column: 37 },
        { messageId: 'missing', line: 7, column: 3 },
        { messageId: 'missing', line: 15, column: 7 },
      ],
      output: cfnYaml`
        Resources:
          Disabled:
            Type: AWS::DynamoDB::Table
            Properties:
              PointInTimeRecoverySpecification:
                PointInTimeRecoveryEnabled: true
          Missing:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: my-table
              PointInTimeRecoverySpecification:
                PointInTimeRecoveryEnabled: true
          # An empty specification
          Empty:
            Type: AWS::DynamoDB::Table
            Properties:
              PointInTimeRecoverySpecification:
                PointInTimeRecoveryEnabled: true
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Table": {
              "Type": "AWS::DynamoDB::Table",
              "Properties": {
                "TableName": "my-table"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 3, column: 5 }],
      output: cfnJson`
        {
          "Resources": {
            "Table": {
              "Type": "AWS::DynamoDB::Table",
              "Properties": {
                "TableName": "my-table",
                "PointInTimeRecoverySpecification": {
                  "PointInTimeRecoveryEnabled": true
                }
              }
            }
          }
        }
      `,
    },
    {
      name: 'disabled block, and a table without one (the new block goes after the last attribute)',
      code: tfHcl`
        resource "aws_dynamodb_table" "scores" {
          name     = "scores"
          hash_key = "id"

          point_in_time_recovery {
            enabled = false # for now
          }
        }

        resource "aws_dynamodb_table" "events" {
          name     = "events"
          hash_key = "id"

          attribute {
            name = "id"
            type = "S"
          }
        }
      `,
      errors: [
        { messageId: 'disabled', line: 6, column: 15 },
        { messageId: 'missing', line: 10, column: 1 },
      ],
      output: tfHcl`
        resource "aws_dynamodb_table" "scores" {
          name     = "scores"
          hash_key = "id"

          point_in_time_recovery {
            enabled = true # for now
          }
        }

        resource "aws_dynamodb_table" "events" {
          name     = "events"
          hash_key = "id"

          attribute {
            name = "id"
            type = "S"
          }

          point_in_time_recovery {
            enabled = true
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_dynamodb_table": {
              "scores": {
                "name": "scores"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 4, column: 7 }],
      output: tfJson`
        {
          "resource": {
            "aws_dynamodb_table": {
              "scores": {
                "name": "scores",
                "point_in_time_recovery": {
                  "enabled": true
                }
              }
            }
          }
        }
      `,
    },
    {
      name: 'a SAM SimpleTable without recovery (catalogue v2: SAM types v1 rules cover)',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          SimpleTable:
            SSESpecification:
              SSEEnabled: true
        Resources:
          Sessions:
            Type: AWS::Serverless::SimpleTable
            Properties:
              PrimaryKey:
                Name: id
                Type: String
          Carts:
            Type: AWS::Serverless::SimpleTable
            Properties:
              PointInTimeRecoverySpecification:
                PointInTimeRecoveryEnabled: false
      `,
      errors: [
        { messageId: 'missing', line: 7, column: 3 },
        { messageId: 'disabled', line: 17, column: 37 },
      ],
      output: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          SimpleTable:
            SSESpecification:
              SSEEnabled: true
        Resources:
          Sessions:
            Type: AWS::Serverless::SimpleTable
            Properties:
              PrimaryKey:
                Name: id
                Type: String
              PointInTimeRecoverySpecification:
                PointInTimeRecoveryEnabled: true
          Carts:
            Type: AWS::Serverless::SimpleTable
            Properties:
              PointInTimeRecoverySpecification:
                PointInTimeRecoveryEnabled: true
      `,
    },
    {
      name: 'a SAM SimpleTable in JSON',
      code: cfnJson`{"Transform":"AWS::Serverless-2016-10-31","Resources":{"Sessions":{"Type":"AWS::Serverless::SimpleTable"}}}`,
      errors: [{ messageId: 'missing', line: 1, column: 56 }],
      output: cfnJson`{"Transform":"AWS::Serverless-2016-10-31","Resources":{"Sessions":{"Type":"AWS::Serverless::SimpleTable","Properties":{"PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}}}}}`,
    },
  ],
});
