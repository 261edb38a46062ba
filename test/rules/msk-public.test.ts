import rule from '../../rules/msk/msk-public';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'DISABLED, no public access block, and a parameter without Default',
      code: cfnYaml`
        Parameters:
          Access:
            Type: String
        Resources:
          Disabled:
            Type: AWS::MSK::Cluster
            Properties:
              BrokerNodeGroupInfo:
                ConnectivityInfo:
                  PublicAccess:
                    Type: DISABLED
          Unset:
            Type: AWS::MSK::Cluster
            Properties:
              BrokerNodeGroupInfo:
                InstanceType: kafka.m5.large
          Chosen:
            Type: AWS::MSK::Cluster
            Properties:
              BrokerNodeGroupInfo:
                ConnectivityInfo:
                  PublicAccess:
                    Type: !Ref Access
      `,
    },
    {
      code: cfnJson`{"Resources":{"C":{"Type":"AWS::MSK::Cluster","Properties":{"BrokerNodeGroupInfo":{"ConnectivityInfo":{"PublicAccess":{"Type":"DISABLED"}}}}}}}`,
    },
    {
      code: tfHcl`
        resource "aws_msk_cluster" "disabled" {
          cluster_name = "a"
          broker_node_group_info {
            connectivity_info {
              public_access {
                type = "DISABLED"
              }
            }
          }
        }

        resource "aws_msk_cluster" "unset" {
          cluster_name = "b"
          broker_node_group_info {
            instance_type = "kafka.m5.large"
          }
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_msk_cluster":{"c":{"broker_node_group_info":{"connectivity_info":{"public_access":{"type":"\${var.access}"}}}}}}}`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::MSK::Cluster
            Properties:
              BrokerNodeGroupInfo:
                ConnectivityInfo:
                  PublicAccess:
                    Type: SERVICE_PROVIDED_EIPS
      `,
      errors: [{ messageId: 'public', line: 8, column: 19 }],
      output: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::MSK::Cluster
            Properties:
              BrokerNodeGroupInfo:
                ConnectivityInfo:
                  PublicAccess:
                    Type: DISABLED
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Cluster": {
              "Type": "AWS::MSK::Cluster",
              "Properties": { "BrokerNodeGroupInfo": { "ConnectivityInfo": { "PublicAccess": { "Type": "SERVICE_PROVIDED_EIPS" } } } }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 5, column: 96 }],
      output: cfnJson`
        {
          "Resources": {
            "Cluster": {
              "Type": "AWS::MSK::Cluster",
              "Properties": { "BrokerNodeGroupInfo": { "ConnectivityInfo": { "PublicAccess": { "Type": "DISABLED" } } } }
            }
          }
        }
      `,
    },
    {
      name: 'a variable whose default turns public access on',
      code: tfHcl`
        resource "aws_msk_cluster" "c" {
          cluster_name = "c"
          broker_node_group_info {
            connectivity_info {
              public_access {
                type = var.access
              }
            }
          }
        }
      `,
      module: { 'variables.tf': 'variable "access" {\n  default = "SERVICE_PROVIDED_EIPS"\n}\n' },
      errors: [{ messageId: 'public', line: 6, column: 16 }],
      output: tfHcl`
        resource "aws_msk_cluster" "c" {
          cluster_name = "c"
          broker_node_group_info {
            connectivity_info {
              public_access {
                type = "DISABLED"
              }
            }
          }
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_msk_cluster":{"c":{"broker_node_group_info":{"connectivity_info":{"public_access":{"type":"SERVICE_PROVIDED_EIPS"}}}}}}}`,
      errors: [{ messageId: 'public', line: 1 }],
      output: tfJson`{"resource":{"aws_msk_cluster":{"c":{"broker_node_group_info":{"connectivity_info":{"public_access":{"type":"DISABLED"}}}}}}}`,
    },
  ],
});
