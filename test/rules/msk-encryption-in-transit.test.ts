import rule from '../../rules/msk/msk-encryption-in-transit';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'no EncryptionInfo: TLS and in-cluster encryption are the defaults',
      code: cfnYaml`
        Resources:
          Kafka:
            Type: AWS::MSK::Cluster
            Properties:
              ClusterName: events
              KafkaVersion: 3.6.0
              NumberOfBrokerNodes: 3
      `,
    },
    {
      code: cfnYaml`
        Resources:
          Kafka:
            Type: AWS::MSK::Cluster
            Properties:
              EncryptionInfo:
                EncryptionInTransit:
                  ClientBroker: TLS
                  InCluster: true
      `,
    },
    {
      name: 'a value from a parameter without Default is not judged',
      code: cfnJson`
        {
          "Parameters": { "ClientBroker": { "Type": "String" } },
          "Resources": {
            "Kafka": {
              "Type": "AWS::MSK::Cluster",
              "Properties": { "EncryptionInfo": { "EncryptionInTransit": { "ClientBroker": { "Ref": "ClientBroker" } } } }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_msk_cluster" "events" {
          cluster_name = "events"
          encryption_info {
            encryption_at_rest_kms_key_arn = aws_kms_key.msk.arn
            encryption_in_transit {
              client_broker = "TLS"
            }
          }
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_msk_cluster":{"events":{"cluster_name":"events"}}}}`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Kafka:
            Type: AWS::MSK::Cluster
            Properties:
              EncryptionInfo:
                EncryptionInTransit:
                  ClientBroker: TLS_PLAINTEXT
                  InCluster: false
      `,
      errors: [
        { messageId: 'clientPlaintext', line: 7, column: 25 },
        { messageId: 'inClusterOff', line: 8, column: 22 },
      ],
      output: cfnYaml`
        Resources:
          Kafka:
            Type: AWS::MSK::Cluster
            Properties:
              EncryptionInfo:
                EncryptionInTransit:
                  ClientBroker: TLS
                  InCluster: true
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Kafka": {
              "Type": "AWS::MSK::Cluster",
              "Properties": { "EncryptionInfo": { "EncryptionInTransit": { "InCluster": "false" } } }
            }
          }
        }
      `,
      errors: [{ messageId: 'inClusterOff', line: 5, column: 81 }],
      output: cfnJson`
        {
          "Resources": {
            "Kafka": {
              "Type": "AWS::MSK::Cluster",
              "Properties": { "EncryptionInfo": { "EncryptionInTransit": { "InCluster": true } } }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        variable "client_broker" {
          default = "PLAINTEXT"
        }

        resource "aws_msk_cluster" "events" {
          cluster_name = "events"
          encryption_info {
            encryption_in_transit {
              client_broker = var.client_broker
            }
          }
        }
      `,
      errors: [{ messageId: 'clientPlaintext', line: 9, column: 23 }],
      output: tfHcl`
        variable "client_broker" {
          default = "PLAINTEXT"
        }

        resource "aws_msk_cluster" "events" {
          cluster_name = "events"
          encryption_info {
            encryption_in_transit {
              client_broker = "TLS"
            }
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_msk_cluster": {
              "events": {
                "encryption_info": { "encryption_in_transit": { "client_broker": "PLAINTEXT", "in_cluster": false } }
              }
            }
          }
        }
      `,
      errors: [
        { messageId: 'clientPlaintext', line: 5, column: 74 },
        { messageId: 'inClusterOff', line: 5, column: 101 },
      ],
      output: tfJson`
        {
          "resource": {
            "aws_msk_cluster": {
              "events": {
                "encryption_info": { "encryption_in_transit": { "client_broker": "TLS", "in_cluster": true } }
              }
            }
          }
        }
      `,
    },
  ],
});
