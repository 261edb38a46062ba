import rule from '../../rules/rds/rds-deletion-protection';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              DeletionProtection: true
      `,
    },
    {
      name: 'a cluster member is protected through its cluster',
      code: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::RDS::DBCluster
            Properties:
              Engine: aurora-postgresql
              DeletionProtection: true
          Member:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: aurora-postgresql
              DBClusterIdentifier: !Ref Cluster
              DBInstanceClass: db.r6g.large
      `,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          Protect:
            Type: String
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              DeletionProtection: !Ref Protect
      `,
    },
    {
      code: cfnJson`{"Resources":{"Cluster":{"Type":"AWS::RDS::DBCluster","Properties":{"DeletionProtection":"true"}}}}`,
    },
    {
      code: tfHcl`
        resource "aws_rds_cluster" "main" {
          engine              = "aurora-mysql"
          deletion_protection = true
        }
      `,
    },
    {
      name: 'a variable without default is not judged',
      code: tfHcl`
        resource "aws_db_instance" "db" {
          engine              = "mysql"
          deletion_protection = var.deletion_protection
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_db_instance":{"db":{"engine":"mysql","deletion_protection":true}}}}`,
    },
    {
      name: 'DocumentDB and Neptune clusters with protection',
      code: cfnYaml`
        Resources:
          Docs:
            Type: AWS::DocDB::DBCluster
            Properties:
              DeletionProtection: true
          Graph:
            Type: AWS::Neptune::DBCluster
            Properties:
              DeletionProtection: true
      `,
    },
    {
      code: tfHcl`
        resource "aws_docdb_cluster" "docs" {
          deletion_protection = true
        }

        resource "aws_neptune_cluster" "graph" {
          deletion_protection = true
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'false on an instance, missing on a cluster',
      code: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              DeletionProtection: false
          Cluster:
            Type: AWS::RDS::DBCluster
            Properties:
              Engine: aurora-postgresql
      `,
      errors: [
        { messageId: 'disabled', line: 6, column: 27 },
        { messageId: 'missing', line: 7, column: 3 },
      ],
      output: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              DeletionProtection: true
          Cluster:
            Type: AWS::RDS::DBCluster
            Properties:
              Engine: aurora-postgresql
              DeletionProtection: true
      `,
    },
    {
      name: 'a parameter whose Default is false decides',
      code: cfnYaml`
        Parameters:
          Protect:
            Type: String
            Default: "false"
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              DeletionProtection: !Ref Protect
      `,
      errors: [{ messageId: 'disabled', line: 9, column: 27 }],
      output: cfnYaml`
        Parameters:
          Protect:
            Type: String
            Default: "false"
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              DeletionProtection: true
      `,
    },
    {
      name: 'a branch of Fn::If that can be taken is judged',
      code: cfnYaml`
        Parameters:
          Env:
            Type: String
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              DeletionProtection: !If [IsProd, true, !Ref AWS::NoValue]
      `,
      errors: [{ messageId: 'missing', line: 10, column: 27 }],
      output: cfnYaml`
        Parameters:
          Env:
            Type: String
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              DeletionProtection: true
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Db": {
              "Type": "AWS::RDS::DBInstance",
              "Properties": {
                "Engine": "mysql"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 3, column: 5 }],
      output: cfnJson`
        {
          "Resources": {
            "Db": {
              "Type": "AWS::RDS::DBInstance",
              "Properties": {
                "Engine": "mysql",
                "DeletionProtection": true
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_db_instance" "db" {
          engine              = "mysql"
          deletion_protection = false
        }

        # Main cluster
        resource "aws_rds_cluster" "main" {
          engine = "aurora-mysql"
        }
      `,
      errors: [
        { messageId: 'disabled', line: 3, column: 25 },
        { messageId: 'missing', line: 7, column: 1 },
      ],
      output: tfHcl`
        resource "aws_db_instance" "db" {
          engine              = "mysql"
          deletion_protection = true
        }

        # Main cluster
        resource "aws_rds_cluster" "main" {
          engine              = "aurora-mysql"
          deletion_protection = true
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_rds_cluster": {
              "main": { "engine": "aurora-mysql", "deletion_protection": false }
            }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 4, column: 66 }],
      output: tfJson`
        {
          "resource": {
            "aws_rds_cluster": {
              "main": { "engine": "aurora-mysql", "deletion_protection": true }
            }
          }
        }
      `,
    },
    {
      name: 'DocumentDB and Neptune clusters (catalogue v2 amendment)',
      code: cfnYaml`
        Resources:
          Docs:
            Type: AWS::DocDB::DBCluster
            Properties:
              StorageEncrypted: true
          Graph:
            Type: AWS::Neptune::DBCluster
            Properties:
              DeletionProtection: false
      `,
      errors: [
        { messageId: 'missing', line: 2, column: 3 },
        { messageId: 'disabled', line: 9, column: 27 },
      ],
      output: cfnYaml`
        Resources:
          Docs:
            Type: AWS::DocDB::DBCluster
            Properties:
              StorageEncrypted: true
              DeletionProtection: true
          Graph:
            Type: AWS::Neptune::DBCluster
            Properties:
              DeletionProtection: true
      `,
    },
    {
      code: cfnJson`{"Resources":{"Graph":{"Type":"AWS::Neptune::DBCluster","Properties":{"StorageEncrypted":true}}}}`,
      errors: [{ messageId: 'missing', line: 1, column: 15 }],
      output: cfnJson`{"Resources":{"Graph":{"Type":"AWS::Neptune::DBCluster","Properties":{"StorageEncrypted":true,"DeletionProtection":true}}}}`,
    },
    {
      code: tfHcl`
        resource "aws_docdb_cluster" "docs" {
          deletion_protection = false
        }

        resource "aws_neptune_cluster" "graph" {
          storage_encrypted = true
        }
      `,
      errors: [
        { messageId: 'disabled', line: 2, column: 25 },
        { messageId: 'missing', line: 5, column: 1 },
      ],
      output: tfHcl`
        resource "aws_docdb_cluster" "docs" {
          deletion_protection = true
        }

        resource "aws_neptune_cluster" "graph" {
          storage_encrypted   = true
          deletion_protection = true
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_docdb_cluster":{"docs":{"deletion_protection":false}}}}`,
      errors: [{ messageId: 'disabled', line: 1, column: 65 }],
      output: tfJson`{"resource":{"aws_docdb_cluster":{"docs":{"deletion_protection":true}}}}`,
    },
  ],
});
