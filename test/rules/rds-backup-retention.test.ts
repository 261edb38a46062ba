import rule from '../../rules/rds/rds-backup-retention';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'absent means the AWS default of one day',
      code: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: mysql
          Cluster:
            Type: AWS::RDS::DBCluster
            Properties:
              Engine: aurora-mysql
              BackupRetentionPeriod: 7
      `,
    },
    {
      name: 'a cluster member takes its backups from the cluster',
      code: cfnYaml`
        Resources:
          Member:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: aurora-mysql
              DBClusterIdentifier: !Ref Cluster
              BackupRetentionPeriod: 0
      `,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnJson`
        {
          "Parameters": { "Days": { "Type": "Number" } },
          "Resources": {
            "Db": { "Type": "AWS::RDS::DBInstance", "Properties": { "BackupRetentionPeriod": { "Ref": "Days" } } }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_db_instance" "db" {
          engine                  = "mysql"
          backup_retention_period = 12
        }

        resource "aws_rds_cluster" "main" {
          engine = "aurora-mysql"
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_db_instance":{"db":{"engine":"mysql","backup_retention_period":"7"}}}}`,
    },
    {
      name: 'DocumentDB and Neptune clusters keeping a week or more',
      code: cfnYaml`
        Resources:
          Docs:
            Type: AWS::DocDB::DBCluster
            Properties:
              BackupRetentionPeriod: 7
          Graph:
            Type: AWS::Neptune::DBCluster
            Properties:
              BackupRetentionPeriod: 35
      `,
    },
    {
      name: 'a DocumentDB retention from a variable without default is not judged',
      code: tfHcl`
        resource "aws_docdb_cluster" "docs" {
          backup_retention_period = var.backup_days
        }

        resource "aws_neptune_cluster" "graph" {
          backup_retention_period = 14
        }
      `,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: oracle-ee
              BackupRetentionPeriod: 0
            DeletionPolicy: Snapshot
          Cluster:
            Type: AWS::RDS::DBCluster
            Properties:
              BackupRetentionPeriod: "0" # quoted
      `,
      errors: [
        { messageId: 'disabled', line: 6, column: 30 },
        { messageId: 'disabled', line: 11, column: 30 },
      ],
      output: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: oracle-ee
              BackupRetentionPeriod: 7
            DeletionPolicy: Snapshot
          Cluster:
            Type: AWS::RDS::DBCluster
            Properties:
              BackupRetentionPeriod: 7 # quoted
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Db": {
              "Type": "AWS::RDS::DBInstance",
              "Properties": {
                "BackupRetentionPeriod": 0,
                "Engine": "oracle-ee"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 6, column: 34 }],
      output: cfnJson`
        {
          "Resources": {
            "Db": {
              "Type": "AWS::RDS::DBInstance",
              "Properties": {
                "BackupRetentionPeriod": 7,
                "Engine": "oracle-ee"
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_db_instance" "db" {
          engine                  = "mysql"
          backup_retention_period =  0
        }
      `,
      errors: [{ messageId: 'disabled', line: 3, column: 30 }],
      output: tfHcl`
        resource "aws_db_instance" "db" {
          engine                  = "mysql"
          backup_retention_period =  7
        }
      `,
    },
    {
      name: 'a variable whose default is 0 decides',
      code: tfHcl`
        variable "backup_days" {
          default = 0
        }

        resource "aws_db_instance" "db" {
          engine                  = "mysql"
          backup_retention_period = var.backup_days
        }
      `,
      errors: [{ messageId: 'disabled', line: 7, column: 29 }],
      output: tfHcl`
        variable "backup_days" {
          default = 0
        }

        resource "aws_db_instance" "db" {
          engine                  = "mysql"
          backup_retention_period = 7
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_rds_cluster":{"main":{"engine":"aurora-mysql","backup_retention_period":0}}}}`,
      errors: [{ messageId: 'disabled', line: 1 }],
      output: tfJson`{"resource":{"aws_rds_cluster":{"main":{"engine":"aurora-mysql","backup_retention_period":7}}}}`,
    },
    {
      name: 'DocumentDB and Neptune: missing (default 1 day) or under 7 days (catalogue v2 amendment)',
      code: cfnYaml`
        Resources:
          Docs:
            Type: AWS::DocDB::DBCluster
            Properties:
              StorageEncrypted: true
          Graph:
            Type: AWS::Neptune::DBCluster
            Properties:
              BackupRetentionPeriod: 1
      `,
      errors: [
        { messageId: 'missing', line: 2, column: 3 },
        { messageId: 'short', line: 9, column: 30 },
      ],
      output: cfnYaml`
        Resources:
          Docs:
            Type: AWS::DocDB::DBCluster
            Properties:
              StorageEncrypted: true
              BackupRetentionPeriod: 7
          Graph:
            Type: AWS::Neptune::DBCluster
            Properties:
              BackupRetentionPeriod: 7
      `,
    },
    {
      code: cfnJson`{"Resources":{"Graph":{"Type":"AWS::Neptune::DBCluster","Properties":{"BackupRetentionPeriod":"3"}}}}`,
      errors: [{ messageId: 'short', line: 1, column: 95 }],
      output: cfnJson`{"Resources":{"Graph":{"Type":"AWS::Neptune::DBCluster","Properties":{"BackupRetentionPeriod":7}}}}`,
    },
    {
      code: tfHcl`
        variable "backup_days" {
          default = 5
        }

        resource "aws_docdb_cluster" "docs" {
          backup_retention_period = var.backup_days
        }

        resource "aws_neptune_cluster" "graph" {
          storage_encrypted = true
        }
      `,
      errors: [
        { messageId: 'short', line: 6, column: 29 },
        { messageId: 'missing', line: 9, column: 1 },
      ],
      output: tfHcl`
        variable "backup_days" {
          default = 5
        }

        resource "aws_docdb_cluster" "docs" {
          backup_retention_period = 7
        }

        resource "aws_neptune_cluster" "graph" {
          storage_encrypted       = true
          backup_retention_period = 7
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_docdb_cluster":{"docs":{"backup_retention_period":null}}}}`,
      errors: [{ messageId: 'missing', line: 1, column: 69 }],
      output: tfJson`{"resource":{"aws_docdb_cluster":{"docs":{"backup_retention_period":7}}}}`,
    },
  ],
});
