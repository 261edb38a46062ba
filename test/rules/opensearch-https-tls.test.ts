import rule from '../../rules/opensearch/opensearch-https-tls';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    cfnYaml`
      Resources:
        Search:
          Type: AWS::OpenSearchService::Domain
          Properties:
            DomainEndpointOptions:
              EnforceHTTPS: true
              TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07
    `,
    {
      name: 'options from a parameter without Default are not judged',
      code: cfnYaml`
        Parameters:
          Policy:
            Type: String
        Resources:
          Search:
            Type: AWS::Elasticsearch::Domain
            Properties:
              DomainEndpointOptions:
                EnforceHTTPS: 'true'
                TLSSecurityPolicy: !Ref Policy
      `,
    },
    cfnJson`
      {
        "Resources": {
          "Search": {
            "Type": "AWS::Elasticsearch::Domain",
            "Properties": {
              "DomainEndpointOptions": { "EnforceHTTPS": true, "TLSSecurityPolicy": "Policy-Min-TLS-1-2-PFS-2023-10" }
            }
          }
        }
      }
    `,
    tfHcl`
      resource "aws_opensearch_domain" "search" {
        domain_name = "search"
        domain_endpoint_options {
          enforce_https       = true
          tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
        }
      }
    `,
    {
      name: 'a variable without default is not judged',
      code: tfHcl`
        variable "https" {
          type = bool
        }

        resource "aws_elasticsearch_domain" "search" {
          domain_name = "search"
          domain_endpoint_options {
            enforce_https       = var.https
            tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
          }
        }
      `,
    },
    tfJson`{"resource":{"aws_elasticsearch_domain":{"search":{"domain_endpoint_options":{"enforce_https":true,"tls_security_policy":"Policy-Min-TLS-1-2-PFS-2023-10"}}}}}`,
  ],
  invalid: [
    {
      name: 'no endpoint options at all; HTTPS off and the TLS 1.0 policy',
      code: cfnYaml`
        Resources:
          Search:
            Type: AWS::OpenSearchService::Domain
            Properties:
              EngineVersion: OpenSearch_2.11
          Legacy:
            Type: AWS::Elasticsearch::Domain
            Properties:
              DomainEndpointOptions:
                EnforceHTTPS: false
                TLSSecurityPolicy: Policy-Min-TLS-1-0-2019-07
      `,
      errors: [
        { messageId: 'httpsMissing', line: 2, column: 3 },
        { messageId: 'policyMissing', line: 2, column: 3 },
        { messageId: 'httpsDisabled', line: 10, column: 23 },
        { messageId: 'policyOutdated', line: 11, column: 28 },
      ],
      output: cfnYaml`
        Resources:
          Search:
            Type: AWS::OpenSearchService::Domain
            Properties:
              EngineVersion: OpenSearch_2.11
              DomainEndpointOptions:
                EnforceHTTPS: true
                TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10
          Legacy:
            Type: AWS::Elasticsearch::Domain
            Properties:
              DomainEndpointOptions:
                EnforceHTTPS: true
                TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Search": {
              "Type": "AWS::OpenSearchService::Domain",
              "Properties": {
                "DomainEndpointOptions": { "EnforceHTTPS": true }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'policyMissing', line: 6, column: 9 }],
      output: cfnJson`
        {
          "Resources": {
            "Search": {
              "Type": "AWS::OpenSearchService::Domain",
              "Properties": {
                "DomainEndpointOptions": { "EnforceHTTPS": true, "TLSSecurityPolicy": "Policy-Min-TLS-1-2-PFS-2023-10" }
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_elasticsearch_domain" "search" {
          domain_name = "search"

          domain_endpoint_options {
            enforce_https       = false
            tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
          }
        }

        resource "aws_opensearch_domain" "bare" {
          domain_name = "bare"
        }
      `,
      errors: [
        { messageId: 'httpsDisabled', line: 5, column: 27 },
        { messageId: 'policyOutdated', line: 6, column: 27 },
        { messageId: 'httpsMissing', line: 10, column: 1 },
        { messageId: 'policyMissing', line: 10, column: 1 },
      ],
      output: tfHcl`
        resource "aws_elasticsearch_domain" "search" {
          domain_name = "search"

          domain_endpoint_options {
            enforce_https       = true
            tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
          }
        }

        resource "aws_opensearch_domain" "bare" {
          domain_name = "bare"
          domain_endpoint_options {
            enforce_https       = true
            tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_opensearch_domain": {
              "search": { "domain_endpoint_options": [{ "enforce_https": true }] }
            }
          }
        }
      `,
      errors: [{ messageId: 'policyMissing', line: 4, column: 19 }],
      output: tfJson`
        {
          "resource": {
            "aws_opensearch_domain": {
              "search": { "domain_endpoint_options": [{ "enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-PFS-2023-10" }] }
            }
          }
        }
      `,
    },
  ],
});
