import rule from '../../rules/general/stateful-deletion-policy';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'SAM: a SimpleTable retained (the attribute passes to the generated table)',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Scores:
            Type: AWS::Serverless::SimpleTable
            DeletionPolicy: RetainExceptOnCreate
            UpdateReplacePolicy: Retain
      `,
    },
    {
      code: cfnYaml`
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            DeletionPolicy: Retain
            UpdateReplacePolicy: Retain
            Properties:
              TableName: scores
          Volume:
            Type: AWS::EC2::Volume
            DeletionPolicy: Snapshot
            Properties:
              Size: 10
          Files:
            Type: AWS::EFS::FileSystem
            DeletionPolicy: RetainExceptOnCreate
      `,
    },
    {
      name: 'RDS clusters and standalone instances default to Snapshot; cluster members hold no data',
      code: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::RDS::DBCluster
            Properties:
              Engine: aurora-mysql
          Member:
            Type: AWS::RDS::DBInstance
            DeletionPolicy: Delete
            Properties:
              DBClusterIdentifier: !Ref Cluster
          Standalone:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
      `,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnYaml`
        Transform: AWS::LanguageExtensions
        Parameters:
          Policy:
            Type: String
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            DeletionPolicy: !Ref Policy
      `,
    },
    {
      code: cfnJson`{"Resources":{"Table":{"Type":"AWS::DynamoDB::Table","DeletionPolicy":"Retain"}}}`,
    },
    {
      name: 'types without data are not judged',
      code: cfnJson`{"Resources":{"Topic":{"Type":"AWS::SNS::Topic"}}}`,
    },
    {
      code: tfHcl`
        resource "aws_dynamodb_table" "scores" {
          name = "scores"

          lifecycle {
            prevent_destroy = true
          }
        }

        resource "aws_s3_bucket" "not_covered" {
          bucket = "example"
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_efs_file_system":{"files":{"lifecycle":{"prevent_destroy":true}}}}}`,
    },
  ],
  invalid: [
    {
      name: 'SAM: a SimpleTable without DeletionPolicy',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Scores:
            Type: AWS::Serverless::SimpleTable
            Properties:
              PrimaryKey: { Name: id, Type: String }
      `,
      errors: [{ messageId: 'missing', line: 3 }],
      output: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Scores:
            Type: AWS::Serverless::SimpleTable
            Properties:
              PrimaryKey: { Name: id, Type: String }
            DeletionPolicy: Retain
            UpdateReplacePolicy: Retain
      `,
    },
    {
      name: 'SAM: a SimpleTable deleted with the stack (JSON)',
      code: cfnJson`
        {
          "Transform": "AWS::Serverless-2016-10-31",
          "Resources": {
            "Scores": { "Type": "AWS::Serverless::SimpleTable", "DeletionPolicy": "Delete" }
          }
        }
      `,
      errors: [{ messageId: 'deletes', line: 4 }],
      output: cfnJson`
        {
          "Transform": "AWS::Serverless-2016-10-31",
          "Resources": {
            "Scores": { "Type": "AWS::Serverless::SimpleTable", "DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain" }
          }
        }
      `,
    },
    {
      name: 'Retain for tables and file systems, Snapshot for volumes and databases',
      code: cfnYaml`
        Resources:
          # Scores
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: scores
          Files:
            Type: AWS::EFS::FileSystem
          Volume:
            Type: AWS::EC2::Volume
            Properties:
              Size: 10
            DeletionPolicy: Delete
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
            DeletionPolicy: Delete
            UpdateReplacePolicy: Retain
      `,
      errors: [
        { messageId: 'missing', line: 3, column: 3 },
        { messageId: 'missing', line: 7, column: 3 },
        { messageId: 'deletes', line: 13, column: 21 },
        { messageId: 'deletes', line: 18, column: 21 },
      ],
      output: cfnYaml`
        Resources:
          # Scores
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: scores
            DeletionPolicy: Retain
            UpdateReplacePolicy: Retain
          Files:
            Type: AWS::EFS::FileSystem
            DeletionPolicy: Retain
            UpdateReplacePolicy: Retain
          Volume:
            Type: AWS::EC2::Volume
            Properties:
              Size: 10
            DeletionPolicy: Snapshot
            UpdateReplacePolicy: Snapshot
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
            DeletionPolicy: Snapshot
            UpdateReplacePolicy: Retain
      `,
    },
    {
      name: 'an explicit Delete on an RDS cluster',
      code: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::RDS::DBCluster
            DeletionPolicy: Delete
            UpdateReplacePolicy: Delete
            Properties:
              Engine: aurora-postgresql
      `,
      errors: [{ messageId: 'deletes', line: 4, column: 21 }],
      output: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::RDS::DBCluster
            DeletionPolicy: Snapshot
            UpdateReplacePolicy: Snapshot
            Properties:
              Engine: aurora-postgresql
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Table": {
              "Type": "AWS::DynamoDB::Table",
              "Properties": {
                "TableName": "scores"
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
                "TableName": "scores"
              },
              "DeletionPolicy": "Retain",
              "UpdateReplacePolicy": "Retain"
            }
          }
        }
      `,
    },
    {
      name: 'a new lifecycle block, an existing one, and prevent_destroy = false',
      code: tfHcl`
        resource "aws_dynamodb_table" "scores" {
          name = "scores"
        }

        resource "aws_ebs_volume" "data" {
          size = 10

          lifecycle {
            ignore_changes = [tags]
          }
        }

        resource "aws_db_instance" "db" {
          engine = "postgres"

          lifecycle {
            prevent_destroy = false # while testing
          }
        }
      `,
      errors: [
        { messageId: 'noPrevent', line: 1, column: 1 },
        { messageId: 'noPrevent', line: 8, column: 3 },
        { messageId: 'noPrevent', line: 17, column: 23 },
      ],
      output: tfHcl`
        resource "aws_dynamodb_table" "scores" {
          name = "scores"
          lifecycle {
            prevent_destroy = true
          }
        }

        resource "aws_ebs_volume" "data" {
          size = 10

          lifecycle {
            ignore_changes  = [tags]
            prevent_destroy = true
          }
        }

        resource "aws_db_instance" "db" {
          engine = "postgres"

          lifecycle {
            prevent_destroy = true # while testing
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_rds_cluster": {
              "main": {
                "engine": "aurora-mysql"
              }
            },
            "aws_efs_file_system": {
              "files": {
                "lifecycle": { "ignore_changes": ["tags"] }
              }
            }
          }
        }
      `,
      errors: [
        { messageId: 'noPrevent', line: 4, column: 7 },
        { messageId: 'noPrevent', line: 10, column: 9 },
      ],
      output: tfJson`
        {
          "resource": {
            "aws_rds_cluster": {
              "main": {
                "engine": "aurora-mysql",
                "lifecycle": {
                  "prevent_destroy": true
                }
              }
            },
            "aws_efs_file_system": {
              "files": {
                "lifecycle": { "ignore_changes": ["tags"], "prevent_destroy": true }
              }
            }
          }
        }
      `,
    },
  ],
});
