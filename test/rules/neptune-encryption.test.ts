import rule from '../../rules/neptune/neptune-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Graph:
            Type: AWS::Neptune::DBCluster
            Properties:
              MasterUsername: admin
              StorageEncrypted: true
      `,
    },
    {
      name: 'a restore from a snapshot inherits its encryption',
      code: cfnYaml`
        Resources:
          Graph:
            Type: AWS::Neptune::DBCluster
            Properties:
              SnapshotIdentifier: graph-final
      `,
    },
    {
      name: 'a point-in-time restore of another cluster inherits its encryption',
      code: cfnJson`{"Resources":{"Graph":{"Type":"AWS::Neptune::DBCluster","Properties":{"SourceDBClusterIdentifier":"graph-prod","RestoreType":"copy-on-write"}}}}`,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          Encrypt:
            Type: String
        Resources:
          Graph:
            Type: AWS::Neptune::DBCluster
            Properties:
              StorageEncrypted: !Ref Encrypt
      `,
    },
    {
      code: tfHcl`
        resource "aws_neptune_cluster" "graph" {
          cluster_identifier = "graph"
          storage_encrypted  = true
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_neptune_cluster" "graph" {
          snapshot_identifier = "graph-final"
        }
      `,
    },
    {
      name: 'a replica of another cluster inherits its encryption',
      code: tfHcl`
        resource "aws_neptune_cluster" "replica" {
          replication_source_identifier = aws_neptune_cluster.primary.arn
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_neptune_cluster":{"graph":{"storage_encrypted":"true"}}}}`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Graph:
            Type: AWS::Neptune::DBCluster
            Properties:
              MasterUsername: admin
          Restored:
            Type: AWS::Neptune::DBCluster
            Properties:
              SnapshotIdentifier: graph-final
              StorageEncrypted: false
      `,
      errors: [
        { messageId: 'missing', line: 2, column: 3 },
        { messageId: 'disabled', line: 10, column: 25 },
      ],
      output: cfnYaml`
        Resources:
          Graph:
            Type: AWS::Neptune::DBCluster
            Properties:
              MasterUsername: admin
              StorageEncrypted: true
          Restored:
            Type: AWS::Neptune::DBCluster
            Properties:
              SnapshotIdentifier: graph-final
              StorageEncrypted: true
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Graph": {
              "Type": "AWS::Neptune::DBCluster",
              "Properties": { "MasterUsername": "admin", "StorageEncrypted": false }
            }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 5, column: 70 }],
      output: cfnJson`
        {
          "Resources": {
            "Graph": {
              "Type": "AWS::Neptune::DBCluster",
              "Properties": { "MasterUsername": "admin", "StorageEncrypted": true }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_neptune_cluster" "graph" {
          cluster_identifier = "graph"
        }

        resource "aws_neptune_cluster" "old" {
          cluster_identifier = "old"
          storage_encrypted  = false
        }
      `,
      errors: [
        { messageId: 'missing', line: 1, column: 1 },
        { messageId: 'disabled', line: 7, column: 24 },
      ],
      output: tfHcl`
        resource "aws_neptune_cluster" "graph" {
          cluster_identifier = "graph"
          storage_encrypted  = true
        }

        resource "aws_neptune_cluster" "old" {
          cluster_identifier = "old"
          storage_encrypted  = true
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_neptune_cluster":{"graph":{"cluster_identifier":"graph"}}}}`,
      errors: [{ messageId: 'missing', line: 1, column: 37 }],
      output: tfJson`{"resource":{"aws_neptune_cluster":{"graph":{"cluster_identifier":"graph","storage_encrypted":true}}}}`,
    },
  ],
});
