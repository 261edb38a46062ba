import rule from '../../rules/opensearch/opensearch-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Search:
            Type: AWS::OpenSearchService::Domain
            Properties:
              EngineVersion: OpenSearch_2.11
              EncryptionAtRestOptions:
                Enabled: true
              NodeToNodeEncryptionOptions:
                Enabled: true
      `,
    },
    {
      name: 'a legacy Elasticsearch domain',
      code: cfnJson`
        {
          "Resources": {
            "Search": {
              "Type": "AWS::Elasticsearch::Domain",
              "Properties": {
                "ElasticsearchVersion": "7.10",
                "EncryptionAtRestOptions": { "Enabled": "true", "KmsKeyId": { "Ref": "Key" } },
                "NodeToNodeEncryptionOptions": { "Enabled": true }
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_opensearch_domain" "search" {
          domain_name    = "search"
          engine_version = "OpenSearch_2.11"

          encrypt_at_rest {
            enabled = true
          }

          node_to_node_encryption {
            enabled = true
          }
        }
      `,
    },
    {
      name: 'values from variables without default are not judged',
      code: tfHcl`
        variable "encrypt" {
          type = bool
        }

        resource "aws_elasticsearch_domain" "search" {
          domain_name = "search"
          encrypt_at_rest {
            enabled = var.encrypt
          }
          node_to_node_encryption {
            enabled = var.encrypt
          }
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_elasticsearch_domain":{"search":{"encrypt_at_rest":[{"enabled":true}],"node_to_node_encryption":{"enabled":true}}}}}`,
    },
  ],
  invalid: [
    {
      name: 'one finding per flag; both blocks are added',
      code: cfnYaml`
        Resources:
          Search:
            Type: AWS::OpenSearchService::Domain
            Properties:
              EngineVersion: OpenSearch_2.11
          Legacy:
            Type: AWS::Elasticsearch::Domain
            Properties:
              ElasticsearchVersion: "7.10"
              EncryptionAtRestOptions:
                Enabled: false
                KmsKeyId: alias/search
              NodeToNodeEncryptionOptions: {}
      `,
      errors: [
        { messageId: 'atRestMissing', line: 2, column: 3 },
        { messageId: 'nodeToNodeMissing', line: 2, column: 3 },
        { messageId: 'atRestDisabled', line: 11, column: 18 },
        { messageId: 'nodeToNodeMissing', line: 13, column: 7 },
      ],
      output: cfnYaml`
        Resources:
          Search:
            Type: AWS::OpenSearchService::Domain
            Properties:
              EngineVersion: OpenSearch_2.11
              EncryptionAtRestOptions:
                Enabled: true
              NodeToNodeEncryptionOptions:
                Enabled: true
          Legacy:
            Type: AWS::Elasticsearch::Domain
            Properties:
              ElasticsearchVersion: "7.10"
              EncryptionAtRestOptions:
                Enabled: true
                KmsKeyId: alias/search
              NodeToNodeEncryptionOptions:
                Enabled: true
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Search": {
              "Type": "AWS::OpenSearchService::Domain",
              "Properties": {
                "EngineVersion": "OpenSearch_2.11",
                "NodeToNodeEncryptionOptions": { "Enabled": false }
              }
            }
          }
        }
      `,
      errors: [
        { messageId: 'atRestMissing', line: 3, column: 5 },
        { messageId: 'nodeToNodeDisabled', line: 7, column: 53 },
      ],
      output: cfnJson`
        {
          "Resources": {
            "Search": {
              "Type": "AWS::OpenSearchService::Domain",
              "Properties": {
                "EngineVersion": "OpenSearch_2.11",
                "NodeToNodeEncryptionOptions": { "Enabled": true },
                "EncryptionAtRestOptions": {
                  "Enabled": true
                }
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_opensearch_domain" "search" {
          domain_name = "search"
          cluster_config {
            instance_type = "r6g.large.search"
          }
        }

        resource "aws_elasticsearch_domain" "legacy" {
          domain_name = "legacy"

          encrypt_at_rest {
            enabled = false
          }

          node_to_node_encryption {
            enabled = true
          }
        }
      `,
      errors: [
        { messageId: 'atRestMissing', line: 1, column: 1 },
        { messageId: 'nodeToNodeMissing', line: 1, column: 1 },
        { messageId: 'atRestDisabled', line: 12, column: 15 },
      ],
      output: tfHcl`
        resource "aws_opensearch_domain" "search" {
          domain_name = "search"
          cluster_config {
            instance_type = "r6g.large.search"
          }
          encrypt_at_rest {
            enabled = true
          }
          node_to_node_encryption {
            enabled = true
          }
        }

        resource "aws_elasticsearch_domain" "legacy" {
          domain_name = "legacy"

          encrypt_at_rest {
            enabled = true
          }

          node_to_node_encryption {
            enabled = true
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_opensearch_domain": {
              "search": {
                "domain_name": "search",
                "node_to_node_encryption": { "enabled": true }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'atRestMissing', line: 4, column: 7 }],
      output: tfJson`
        {
          "resource": {
            "aws_opensearch_domain": {
              "search": {
                "domain_name": "search",
                "node_to_node_encryption": { "enabled": true },
                "encrypt_at_rest": {
                  "enabled": true
                }
              }
            }
          }
        }
      `,
    },
  ],
});
