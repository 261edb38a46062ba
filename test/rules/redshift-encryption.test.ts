import rule from '../../rules/redshift/redshift-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Warehouse:
            Type: AWS::Redshift::Cluster
            Properties:
              ClusterType: single-node
              NodeType: ra3.xlplus
              Encrypted: true
      `,
    },
    {
      name: 'a cluster restored from a snapshot takes its encryption',
      code: cfnYaml`
        Resources:
          Restored:
            Type: AWS::Redshift::Cluster
            Properties:
              ClusterType: single-node
              SnapshotIdentifier: nightly
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Warehouse": {
              "Type": "AWS::Redshift::Cluster",
              "Properties": { "ClusterType": "single-node", "Encrypted": "true" }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_redshift_cluster" "warehouse" {
          cluster_identifier = "warehouse"
          node_type          = "ra3.xlplus"
          encrypted          = true
        }
      `,
    },
    {
      name: 'a variable without default is not judged',
      code: tfHcl`
        variable "encrypted" {
          type = bool
        }

        resource "aws_redshift_cluster" "warehouse" {
          cluster_identifier = "warehouse"
          encrypted          = var.encrypted
        }
      `,
    },
    {
      name: 'restored from a snapshot',
      code: tfHcl`
        resource "aws_redshift_cluster" "restored" {
          cluster_identifier  = "restored"
          snapshot_identifier = "nightly"
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_redshift_cluster":{"warehouse":{"cluster_identifier":"warehouse","encrypted":true}}}}`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Warehouse:
            Type: AWS::Redshift::Cluster
            Properties:
              ClusterType: single-node
              NodeType: ra3.xlplus
          Disabled:
            Type: AWS::Redshift::Cluster
            Properties:
              ClusterType: single-node
              Encrypted: false
      `,
      errors: [
        { messageId: 'missing', line: 2, column: 3 },
        { messageId: 'disabled', line: 11, column: 18 },
      ],
      output: cfnYaml`
        Resources:
          Warehouse:
            Type: AWS::Redshift::Cluster
            Properties:
              ClusterType: single-node
              NodeType: ra3.xlplus
              Encrypted: true
          Disabled:
            Type: AWS::Redshift::Cluster
            Properties:
              ClusterType: single-node
              Encrypted: true
      `,
    },
    {
      name: 'a snapshot restore that turns encryption off is judged',
      code: cfnYaml`
        Resources:
          Restored:
            Type: AWS::Redshift::Cluster
            Properties:
              SnapshotIdentifier: nightly
              Encrypted: false
      `,
      errors: [{ messageId: 'disabled', line: 6, column: 18 }],
      output: cfnYaml`
        Resources:
          Restored:
            Type: AWS::Redshift::Cluster
            Properties:
              SnapshotIdentifier: nightly
              Encrypted: true
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Warehouse": {
              "Type": "AWS::Redshift::Cluster",
              "Properties": {
                "ClusterType": "single-node"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 3, column: 5 }],
      output: cfnJson`
        {
          "Resources": {
            "Warehouse": {
              "Type": "AWS::Redshift::Cluster",
              "Properties": {
                "ClusterType": "single-node",
                "Encrypted": true
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_redshift_cluster" "warehouse" {
          cluster_identifier = "warehouse"
          node_type          = "ra3.xlplus"
        }

        resource "aws_redshift_cluster" "disabled" {
          cluster_identifier = "disabled"
          encrypted          = false # cost
        }
      `,
      errors: [
        { messageId: 'missing', line: 1, column: 1 },
        { messageId: 'disabled', line: 8, column: 24 },
      ],
      output: tfHcl`
        resource "aws_redshift_cluster" "warehouse" {
          cluster_identifier = "warehouse"
          node_type          = "ra3.xlplus"
          encrypted          = true
        }

        resource "aws_redshift_cluster" "disabled" {
          cluster_identifier = "disabled"
          encrypted          = true # cost
        }
      `,
    },
    {
      name: 'a variable whose default is false decides',
      code: tfHcl`
        variable "encrypted" {
          type    = bool
          default = false
        }

        resource "aws_redshift_cluster" "warehouse" {
          cluster_identifier = "warehouse"
          encrypted          = var.encrypted
        }
      `,
      errors: [{ messageId: 'disabled', line: 8, column: 24 }],
      output: tfHcl`
        variable "encrypted" {
          type    = bool
          default = false
        }

        resource "aws_redshift_cluster" "warehouse" {
          cluster_identifier = "warehouse"
          encrypted          = true
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_redshift_cluster":{"warehouse":{"cluster_identifier":"warehouse","encrypted":false}}}}`,
      errors: [{ messageId: 'disabled', line: 1 }],
      output: tfJson`{"resource":{"aws_redshift_cluster":{"warehouse":{"cluster_identifier":"warehouse","encrypted":true}}}}`,
    },
  ],
});
