import rule from '../../rules/docdb/docdb-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Docs:
            Type: AWS::DocDB::DBCluster
            Properties:
              MasterUsername: admin
              StorageEncrypted: true
      `,
    },
    {
      name: 'a restore from a snapshot inherits its encryption',
      code: cfnYaml`
        Resources:
          Docs:
            Type: AWS::DocDB::DBCluster
            Properties:
              SnapshotIdentifier: docs-final
      `,
    },
    {
      name: 'a point-in-time restore of another cluster inherits its encryption',
      code: cfnJson`{"Resources":{"Docs":{"Type":"AWS::DocDB::DBCluster","Properties":{"SourceDBClusterIdentifier":"docs-prod","RestoreType":"copy-on-write"}}}}`,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          Encrypt:
            Type: String
        Resources:
          Docs:
            Type: AWS::DocDB::DBCluster
            Properties:
              StorageEncrypted: !Ref Encrypt
      `,
    },
    {
      code: tfHcl`
        resource "aws_docdb_cluster" "docs" {
          cluster_identifier = "docs"
          storage_encrypted  = true
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_docdb_cluster" "docs" {
          snapshot_identifier = "docs-final"
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_docdb_cluster":{"docs":{"storage_encrypted":"true"}}}}`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Docs:
            Type: AWS::DocDB::DBCluster
            Properties:
              MasterUsername: admin
          Restored:
            Type: AWS::DocDB::DBCluster
            Properties:
              SnapshotIdentifier: docs-final
              StorageEncrypted: false
      `,
      errors: [
        { messageId: 'missing', line: 2, column: 3 },
        { messageId: 'disabled', line: 10, column: 25 },
      ],
      output: cfnYaml`
        Resources:
          Docs:
            Type: AWS::DocDB::DBCluster
            Properties:
              MasterUsername: admin
              StorageEncrypted: true
          Restored:
            Type: AWS::DocDB::DBCluster
            Properties:
              SnapshotIdentifier: docs-final
              StorageEncrypted: true
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Docs": {
              "Type": "AWS::DocDB::DBCluster",
              "Properties": { "MasterUsername": "admin", "StorageEncrypted": false }
            }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 5, column: 70 }],
      output: cfnJson`
        {
          "Resources": {
            "Docs": {
              "Type": "AWS::DocDB::DBCluster",
              "Properties": { "MasterUsername": "admin", "StorageEncrypted": true }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_docdb_cluster" "docs" {
          cluster_identifier = "docs"
        }

        resource "aws_docdb_cluster" "old" {
          cluster_identifier = "old"
          storage_encrypted  = false
        }
      `,
      errors: [
        { messageId: 'missing', line: 1, column: 1 },
        { messageId: 'disabled', line: 7, column: 24 },
      ],
      output: tfHcl`
        resource "aws_docdb_cluster" "docs" {
          cluster_identifier = "docs"
          storage_encrypted  = true
        }

        resource "aws_docdb_cluster" "old" {
          cluster_identifier = "old"
          storage_encrypted  = true
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_docdb_cluster":{"docs":{"cluster_identifier":"docs"}}}}`,
      errors: [{ messageId: 'missing', line: 1, column: 35 }],
      output: tfJson`{"resource":{"aws_docdb_cluster":{"docs":{"cluster_identifier":"docs","storage_encrypted":true}}}}`,
    },
  ],
});
