import rule from '../../rules/opensearch/opensearch-not-in-vpc';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'subnets given, and subnets from a parameter without Default',
      code: cfnYaml`
        Parameters:
          Subnets:
            Type: List<AWS::EC2::Subnet::Id>
        Resources:
          InVpc:
            Type: AWS::OpenSearchService::Domain
            Properties:
              VPCOptions:
                SubnetIds: [subnet-1]
                SecurityGroupIds: [sg-1]
          Chosen:
            Type: AWS::Elasticsearch::Domain
            Properties:
              VPCOptions:
                SubnetIds: !Ref Subnets
      `,
    },
    { code: cfnJson`{"Resources":{"D":{"Type":"AWS::Elasticsearch::Domain","Properties":{"VPCOptions":{"SubnetIds":["subnet-1"]}}}}}` },
    {
      name: 'subnets given, and a dynamic block whose content the engine cannot know',
      code: tfHcl`
        resource "aws_opensearch_domain" "a" {
          domain_name = "a"
          vpc_options {
            subnet_ids         = [aws_subnet.private.id]
            security_group_ids = [aws_security_group.search.id]
          }
        }

        resource "aws_elasticsearch_domain" "b" {
          domain_name = "b"
          dynamic "vpc_options" {
            for_each = var.vpc
            content {
              subnet_ids = vpc_options.value.subnets
            }
          }
        }
      `,
    },
    { code: tfJson`{"resource":{"aws_opensearch_domain":{"d":{"vpc_options":{"subnet_ids":"\${var.subnets}"}}}}}` },
  ],
  invalid: [
    {
      name: 'no VPCOptions, VPCOptions without SubnetIds, and an empty SubnetIds',
      code: cfnYaml`
        Resources:
          A:
            Type: AWS::OpenSearchService::Domain
            Properties:
              EngineVersion: OpenSearch_2.11
          B:
            Type: AWS::Elasticsearch::Domain
            Properties:
              VPCOptions:
                SecurityGroupIds: [sg-1]
          C:
            Type: AWS::OpenSearchService::Domain
            Properties:
              VPCOptions:
                SubnetIds: []
      `,
      errors: [
        { messageId: 'noVpc', line: 2 },
        { messageId: 'noSubnets', line: 10 },
        { messageId: 'noSubnets', line: 15 },
      ],
    },
    {
      code: cfnJson`{"Resources":{"D":{"Type":"AWS::Elasticsearch::Domain","Properties":{"ElasticsearchVersion":"7.10"}}}}`,
      errors: [{ messageId: 'noVpc', line: 1 }],
    },
    {
      code: tfHcl`
        resource "aws_opensearch_domain" "a" {
          domain_name = "a"
        }

        resource "aws_elasticsearch_domain" "b" {
          domain_name = "b"
          vpc_options {
            subnet_ids = []
          }
        }
      `,
      errors: [
        { messageId: 'noVpc', line: 1 },
        { messageId: 'noSubnets', line: 8 },
      ],
    },
    {
      name: 'a dynamic vpc_options block over an empty default generates no block',
      code: tfHcl`
        resource "aws_opensearch_domain" "d" {
          domain_name = "d"
          dynamic "vpc_options" {
            for_each = var.vpc
            content {
              subnet_ids = vpc_options.value.subnets
            }
          }
        }

        variable "vpc" {
          default = []
        }
      `,
      errors: [{ messageId: 'noVpc', line: 1 }],
    },
    {
      code: tfJson`{"resource":{"aws_opensearch_domain":{"d":{"domain_name":"d","vpc_options":{"security_group_ids":["sg-1"]}}}}}`,
      errors: [{ messageId: 'noSubnets', line: 1 }],
    },
  ],
});
