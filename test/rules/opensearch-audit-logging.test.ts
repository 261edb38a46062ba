import rule from '../../rules/opensearch/opensearch-audit-logging';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'error logs without fine-grained access control',
      code: cfnYaml`
        Resources:
          Domain:
            Type: AWS::OpenSearchService::Domain
            Properties:
              LogPublishingOptions:
                ES_APPLICATION_LOGS:
                  CloudWatchLogsLogGroupArn: !GetAtt AppLogs.Arn
                  Enabled: true
                SEARCH_SLOW_LOGS:
                  CloudWatchLogsLogGroupArn: !GetAtt SlowLogs.Arn
                  Enabled: false
      `,
    },
    {
      name: 'error and audit logs with fine-grained access control',
      code: cfnYaml`
        Resources:
          Domain:
            Type: AWS::Elasticsearch::Domain
            Properties:
              AdvancedSecurityOptions:
                Enabled: true
                InternalUserDatabaseEnabled: false
              LogPublishingOptions:
                ES_APPLICATION_LOGS: { CloudWatchLogsLogGroupArn: !GetAtt AppLogs.Arn, Enabled: "true" }
                AUDIT_LOGS: { CloudWatchLogsLogGroupArn: !GetAtt AuditLogs.Arn, Enabled: true }
      `,
    },
    {
      name: 'unresolved Enabled is not judged',
      code: cfnYaml`
        Parameters:
          Publish:
            Type: String
        Resources:
          Domain:
            Type: AWS::OpenSearchService::Domain
            Properties:
              LogPublishingOptions:
                ES_APPLICATION_LOGS: { CloudWatchLogsLogGroupArn: !GetAtt AppLogs.Arn, Enabled: !Ref Publish }
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Domain": {
              "Type": "AWS::OpenSearchService::Domain",
              "Properties": { "LogPublishingOptions": { "ES_APPLICATION_LOGS": { "CloudWatchLogsLogGroupArn": "arn:aws:logs:eu-west-1:111122223333:log-group:app", "Enabled": true } } }
            }
          }
        }
      `,
    },
    {
      name: 'enabled defaults to true',
      code: tfHcl`
        resource "aws_opensearch_domain" "main" {
          domain_name = "main"

          log_publishing_options {
            cloudwatch_log_group_arn = aws_cloudwatch_log_group.app.arn
            log_type                 = "ES_APPLICATION_LOGS"
          }
        }
      `,
    },
    {
      name: 'fine-grained access control with both types',
      code: tfHcl`
        resource "aws_opensearch_domain" "main" {
          domain_name = "main"

          advanced_security_options {
            enabled = true
          }
          log_publishing_options {
            cloudwatch_log_group_arn = aws_cloudwatch_log_group.app.arn
            log_type                 = "ES_APPLICATION_LOGS"
          }
          log_publishing_options {
            cloudwatch_log_group_arn = aws_cloudwatch_log_group.audit.arn
            log_type                 = "AUDIT_LOGS"
            enabled                  = true
          }
        }
      `,
    },
    {
      name: 'a dynamic block over an unknown list may publish anything',
      code: tfHcl`
        resource "aws_opensearch_domain" "main" {
          domain_name = "main"

          dynamic "log_publishing_options" {
            for_each = var.log_publishing_options
            content {
              log_type                 = log_publishing_options.value.log_type
              cloudwatch_log_group_arn = log_publishing_options.value.arn
            }
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_elasticsearch_domain": {
              "main": { "domain_name": "main", "log_publishing_options": [{ "log_type": "ES_APPLICATION_LOGS", "cloudwatch_log_group_arn": "arn:aws:logs:eu-west-1:111122223333:log-group:app" }] }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'no log publishing at all',
      code: cfnYaml`
        Resources:
          Domain:
            Type: AWS::Elasticsearch::Domain
            Properties:
              ElasticsearchVersion: '7.10'
      `,
      errors: [{ messageId: 'noErrorLogs', line: 2, column: 3 }],
    },
    {
      name: 'error logs off, audit logs missing under fine-grained access control',
      code: cfnYaml`
        Resources:
          Domain:
            Type: AWS::OpenSearchService::Domain
            Properties:
              AdvancedSecurityOptions:
                Enabled: true
              LogPublishingOptions:
                ES_APPLICATION_LOGS:
                  CloudWatchLogsLogGroupArn: !GetAtt AppLogs.Arn
                  Enabled: false
      `,
      errors: [
        { messageId: 'noAuditLogs', line: 8, column: 9 },
        { messageId: 'noErrorLogs', line: 10, column: 20 },
      ],
    },
    {
      name: 'only slow logs',
      code: cfnJson`
        {
          "Resources": {
            "Domain": {
              "Type": "AWS::OpenSearchService::Domain",
              "Properties": { "LogPublishingOptions": { "SEARCH_SLOW_LOGS": { "CloudWatchLogsLogGroupArn": "arn:aws:logs:eu-west-1:111122223333:log-group:slow", "Enabled": true } } }
            }
          }
        }
      `,
      errors: [{ messageId: 'noErrorLogs', line: 5, column: 47 }],
    },
    {
      name: 'only slow logs',
      code: tfHcl`
        resource "aws_elasticsearch_domain" "main" {
          log_publishing_options {
            cloudwatch_log_group_arn = aws_cloudwatch_log_group.example.arn
            log_type                 = "INDEX_SLOW_LOGS"
          }
        }
      `,
      errors: [{ messageId: 'noErrorLogs', line: 1, column: 1 }],
    },
    {
      name: 'error logs written off; audit logs missing',
      code: tfHcl`
        resource "aws_opensearch_domain" "main" {
          advanced_security_options {
            enabled = true
          }
          log_publishing_options {
            cloudwatch_log_group_arn = aws_cloudwatch_log_group.app.arn
            log_type                 = "ES_APPLICATION_LOGS"
            enabled                  = false
          }
        }
      `,
      errors: [
        { messageId: 'noAuditLogs', line: 1, column: 1 },
        { messageId: 'noErrorLogs', line: 8, column: 32 },
      ],
    },
    {
      code: tfJson`{ "resource": { "aws_opensearch_domain": { "main": { "domain_name": "main" } } } }`,
      errors: [{ messageId: 'noErrorLogs', line: 1, column: 44 }],
    },
  ],
});
