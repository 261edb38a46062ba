import rule from '../../rules/redshift/redshift-public';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'false, absent (service default false), and a parameter without Default',
      code: cfnYaml`
        Parameters:
          Public:
            Type: String
        Resources:
          Private:
            Type: AWS::Redshift::Cluster
            Properties: { NodeType: dc2.large, PubliclyAccessible: false }
          Unset:
            Type: AWS::Redshift::Cluster
            Properties: { NodeType: dc2.large }
          Chosen:
            Type: AWS::Redshift::Cluster
            Properties: { NodeType: dc2.large, PubliclyAccessible: !Ref Public }
      `,
    },
    { code: cfnJson`{"Resources":{"C":{"Type":"AWS::Redshift::Cluster","Properties":{"NodeType":"dc2.large","PubliclyAccessible":"false"}}}}` },
    {
      code: tfHcl`
        resource "aws_redshift_cluster" "private" {
          cluster_identifier  = "a"
          publicly_accessible = false
        }

        resource "aws_redshift_cluster" "unset" {
          cluster_identifier = "b"
        }

        resource "aws_redshift_cluster" "chosen" {
          cluster_identifier  = "c"
          publicly_accessible = var.public
        }
      `,
    },
    { code: tfJson`{"resource":{"aws_redshift_cluster":{"c":{"cluster_identifier":"c"}}}}` },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::Redshift::Cluster
            Properties:
              NodeType: dc2.large
              PubliclyAccessible: true
      `,
      errors: [{ messageId: 'public', line: 6, column: 27 }],
      output: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::Redshift::Cluster
            Properties:
              NodeType: dc2.large
              PubliclyAccessible: false
      `,
    },
    {
      name: 'a parameter whose Default is true',
      code: cfnYaml`
        Parameters:
          Public:
            Type: String
            Default: "true"
        Resources:
          Cluster:
            Type: AWS::Redshift::Cluster
            Properties:
              NodeType: dc2.large
              PubliclyAccessible: !Ref Public
      `,
      errors: [{ messageId: 'public', line: 10, column: 27 }],
      output: cfnYaml`
        Parameters:
          Public:
            Type: String
            Default: "true"
        Resources:
          Cluster:
            Type: AWS::Redshift::Cluster
            Properties:
              NodeType: dc2.large
              PubliclyAccessible: false
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Cluster": { "Type": "AWS::Redshift::Cluster", "Properties": { "PubliclyAccessible": "true" } }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 3, column: 90 }],
      output: cfnJson`
        {
          "Resources": {
            "Cluster": { "Type": "AWS::Redshift::Cluster", "Properties": { "PubliclyAccessible": false } }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_redshift_cluster" "c" {
          cluster_identifier  = "c"
          publicly_accessible = true
        }
      `,
      errors: [{ messageId: 'public', line: 3, column: 25 }],
      output: tfHcl`
        resource "aws_redshift_cluster" "c" {
          cluster_identifier  = "c"
          publicly_accessible = false
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_redshift_cluster":{"c":{"cluster_identifier":"c","publicly_accessible":true}}}}`,
      errors: [{ messageId: 'public', line: 1 }],
      output: tfJson`{"resource":{"aws_redshift_cluster":{"c":{"cluster_identifier":"c","publicly_accessible":false}}}}`,
    },
  ],
});
