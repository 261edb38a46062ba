import rule from '../../rules/rds/rds-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties: { Engine: mysql, StorageEncrypted: true }
      `,
    },
    {
      name: 'a cluster member takes its encryption from the cluster',
      code: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::RDS::DBCluster
            Properties:
              Engine: aurora-postgresql
              StorageEncrypted: true
          Member:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: aurora-postgresql
              DBClusterIdentifier: !Ref Cluster
              DBInstanceClass: db.r6g.large
      `,
    },
    {
      name: 'an Aurora instance is skipped even without DBClusterIdentifier',
      code: cfnYaml`
        Resources:
          Member:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: aurora-mysql
              DBInstanceClass: db.r6g.large
      `,
    },
    {
      name: 'a read replica inherits the source encryption',
      code: cfnYaml`
        Resources:
          Replica:
            Type: AWS::RDS::DBInstance
            Properties:
              SourceDBInstanceIdentifier: arn:aws:rds:eu-west-1:123456789012:db:primary
              DBInstanceClass: db.t3.micro
      `,
    },
    {
      name: 'a serverless cluster',
      code: cfnYaml`
        Resources:
          Serverless:
            Type: AWS::RDS::DBCluster
            Properties:
              Engine: aurora-mysql
              EngineMode: serverless
      `,
    },
    {
      name: 'an unresolved value is not judged',
      code: cfnJson`{"Resources":{"Db":{"Type":"AWS::RDS::DBInstance","Properties":{"StorageEncrypted":{"Ref":"Encrypt"}}}}}`,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Cluster": {
              "Type": "AWS::RDS::DBCluster",
              "Properties": { "Engine": "aurora-mysql", "StorageEncrypted": "true" }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_db_instance" "db" {
          engine            = "mysql"
          storage_encrypted = true
        }
      `,
    },
    {
      name: 'aurora inherits encryption from its cluster',
      code: tfHcl`resource "aws_db_instance" "a" { engine = "aurora-mysql" }`,
    },
    {
      name: 'a read replica inherits the source encryption',
      code: tfHcl`
        resource "aws_db_instance" "replica" {
          replicate_source_db = aws_db_instance.primary.identifier
          instance_class      = "db.t3.micro"
        }
      `,
    },
    {
      name: 'a cluster restored from a snapshot inherits its encryption',
      code: tfHcl`
        resource "aws_rds_cluster" "restored" {
          engine              = "aurora-postgresql"
          snapshot_identifier = "arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:nightly"
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_rds_cluster" "main" {
          engine            = "aurora-postgresql"
          storage_encrypted = true
        }
      `,
    },
    {
      name: 'Aurora Serverless v1 clusters are always encrypted',
      code: tfHcl`
        resource "aws_rds_cluster" "serverless" {
          engine      = "aurora-mysql"
          engine_mode = "serverless"
        }
      `,
    },
    {
      name: 'a variable without default is not judged',
      code: tfHcl`
        variable "encrypted" {
          type = bool
        }

        resource "aws_db_instance" "db" {
          engine            = "mysql"
          storage_encrypted = var.encrypted
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_rds_cluster":{"main":{"engine":"aurora-mysql","storage_encrypted":true}}}}`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: mysql
              StorageEncrypted: false
      `,
      errors: [{ messageId: 'disabled', line: 6, column: 25 }],
      output: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: mysql
              StorageEncrypted: true
      `,
    },
    {
      name: 'standalone instance and cluster are reported, the member and the replica are not',
      code: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: mysql
              DBInstanceClass: db.t3.micro
          Cluster:
            Type: AWS::RDS::DBCluster
            Properties:
              Engine: aurora-postgresql
              StorageEncrypted: false
          Member:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: aurora-postgresql
              DBClusterIdentifier: !Ref Cluster
              DBInstanceClass: db.r6g.large
          Replica:
            Type: AWS::RDS::DBInstance
            Properties:
              SourceDBInstanceIdentifier: !Ref Db
      `,
      errors: [
        { messageId: 'missing', line: 2, column: 3 },
        { messageId: 'disabled', line: 11, column: 25 },
      ],
      output: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: mysql
              DBInstanceClass: db.t3.micro
              StorageEncrypted: true
          Cluster:
            Type: AWS::RDS::DBCluster
            Properties:
              Engine: aurora-postgresql
              StorageEncrypted: true
          Member:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: aurora-postgresql
              DBClusterIdentifier: !Ref Cluster
              DBInstanceClass: db.r6g.large
          Replica:
            Type: AWS::RDS::DBInstance
            Properties:
              SourceDBInstanceIdentifier: !Ref Db
      `,
    },
    {
      name: 'flow-style Properties',
      code: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties: {Engine: mysql, DBInstanceClass: db.t3.micro}
      `,
      errors: [{ messageId: 'missing', line: 2 }],
      output: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties: {Engine: mysql, DBInstanceClass: db.t3.micro, StorageEncrypted: true}
      `,
    },
    {
      name: 'a parameter whose Default is false decides',
      code: cfnYaml`
        Parameters:
          Encrypt:
            Type: String
            AllowedValues: ['true', 'false']
            Default: 'false'
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              StorageEncrypted: !Ref Encrypt
      `,
      errors: [{ messageId: 'disabled', line: 11, column: 25 }],
      output: cfnYaml`
        Parameters:
          Encrypt:
            Type: String
            AllowedValues: ['true', 'false']
            Default: 'false'
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              StorageEncrypted: true
      `,
    },
    {
      name: 'a snapshot restore that writes StorageEncrypted false is judged',
      code: cfnYaml`
        Resources:
          Restored:
            Type: AWS::RDS::DBCluster
            Properties:
              Engine: aurora-mysql
              SnapshotIdentifier: nightly
              StorageEncrypted: false
      `,
      errors: [{ messageId: 'disabled', line: 7, column: 25 }],
      output: cfnYaml`
        Resources:
          Restored:
            Type: AWS::RDS::DBCluster
            Properties:
              Engine: aurora-mysql
              SnapshotIdentifier: nightly
              StorageEncrypted: true
      `,
    },
    {
      name: 'a cluster without StorageEncrypted, one-line Properties',
      code: cfnJson`
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Resources": {
            "Cluster": {
              "Type": "AWS::RDS::DBCluster",
              "Properties": {"Engine": "aurora-mysql", "MasterUsername": "admin"}
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 4, column: 5 }],
      output: cfnJson`
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Resources": {
            "Cluster": {
              "Type": "AWS::RDS::DBCluster",
              "Properties": {"Engine": "aurora-mysql", "MasterUsername": "admin", "StorageEncrypted": true}
            }
          }
        }
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Db": {
              "Type": "AWS::RDS::DBInstance",
              "Properties": {
                "Engine": "postgres",
                "StorageEncrypted": false
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 7, column: 29 }],
      output: cfnJson`
        {
          "Resources": {
            "Db": {
              "Type": "AWS::RDS::DBInstance",
              "Properties": {
                "Engine": "postgres",
                "StorageEncrypted": true
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_db_instance" "db" {
          engine = "mysql"
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_db_instance" "db" {
          engine            = "mysql"
          storage_encrypted = true
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_rds_cluster" "main" {
          engine            = "aurora-postgresql"
          storage_encrypted = false
        }

        resource "aws_db_instance" "aurora" { engine = "aurora-postgresql" }
      `,
      errors: [{ messageId: 'disabled', line: 3, column: 23 }],
      output: tfHcl`
        resource "aws_rds_cluster" "main" {
          engine            = "aurora-postgresql"
          storage_encrypted = true
        }

        resource "aws_db_instance" "aurora" { engine = "aurora-postgresql" }
      `,
    },
    {
      name: 'a cluster without storage_encrypted',
      code: tfHcl`
        resource "aws_rds_cluster" "main" {
          engine = "aurora-mysql" # MySQL 8.0 compatible
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_rds_cluster" "main" {
          engine            = "aurora-mysql" # MySQL 8.0 compatible
          storage_encrypted = true
        }
      `,
    },
    {
      name: 'a read replica that writes storage_encrypted = false is judged',
      code: tfHcl`
        resource "aws_db_instance" "replica" {
          replicate_source_db = aws_db_instance.primary.identifier
          storage_encrypted   = false
        }
      `,
      errors: [{ messageId: 'disabled', line: 3, column: 25 }],
      output: tfHcl`
        resource "aws_db_instance" "replica" {
          replicate_source_db = aws_db_instance.primary.identifier
          storage_encrypted   = true
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_db_instance":{"db":{"engine":"mysql","storage_encrypted":false}}}}`,
      errors: [{ messageId: 'disabled', line: 1, column: 76 }],
      output: tfJson`{"resource":{"aws_db_instance":{"db":{"engine":"mysql","storage_encrypted":true}}}}`,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_rds_cluster": {
              "main": {
                "engine": "aurora-mysql"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 4, column: 7 }],
      output: tfJson`
        {
          "resource": {
            "aws_rds_cluster": {
              "main": {
                "engine": "aurora-mysql",
                "storage_encrypted": true
              }
            }
          }
        }
      `,
    },
  ],
});
