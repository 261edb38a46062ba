// OpenSearch / Elasticsearch domains publish their error logs, and their audit logs when fine-grained access control is on.
import type { ResourceView, ValueView } from '../api';
import { defineRule } from '../define-rule';

type Prop = 'logs' | 'logType' | 'enabled' | 'fgac' | 'ES_APPLICATION_LOGS' | 'AUDIT_LOGS';
type LogType = 'ES_APPLICATION_LOGS' | 'AUDIT_LOGS';

/**
 * Whether the domain publishes `type`: 'yes', 'unknown' (a value it depends on is unresolved), or the place to
 * report at when it does not (the entry's `Enabled` when written false, else the options or the resource).
 */
function publishes(domain: ResourceView<Prop>, type: LogType): 'yes' | 'unknown' | ValueView<Prop> {
  const logs = domain.prop('logs');
  if (logs.isUnresolved()) return 'unknown';
  if (domain.family === 'cloudformation') {
    // A map keyed by log type (`type` is declared as the path of that entry's `Enabled`); only `Enabled: true` counts.
    const enabled = domain.prop(type);
    if (enabled.isUnresolved()) return 'unknown';
    if (enabled.asBoolean() === true) return 'yes';
    return enabled.isMissing() ? logs : enabled;
  }
  // Terraform: one `log_publishing_options` block per type; `enabled` defaults to true.
  let off: ValueView<Prop> | undefined;
  for (const block of logs.items()) {
    const logType = block.prop('logType');
    if (logType.isUnresolved()) return 'unknown';
    if (logType.asString() !== type) continue;
    const enabled = block.prop('enabled');
    if (enabled.isUnresolved()) return 'unknown';
    if (enabled.asBoolean() !== false) return 'yes';
    off = enabled;
  }
  return off ?? domain;
}

export default defineRule({
  id: 'opensearch-audit-logging',
  meta: {
    title: 'OpenSearch domains publish error and audit logs',
    severity: 'medium',
    whitepaper: 'Monitoring, alerting, audit trail and incident response',
    docs: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html',
    related: {
      checkov: ['CKV_AWS_84', 'CKV_AWS_317'],
      kics: ['edbd62d4-8700-41de-b000-b3cfebb5e996', 'acb6b4e2-a086-4f35-aefd-4db6ea51ada2'],
      tfsec: ['aws-elasticsearch-enable-domain-logging'],
      trivy: ['AVD-AWS-0042'],
    },
    fsbp: ['OpenSearch.4', 'OpenSearch.5', 'ES.4', 'ES.5'],
    messages: {
      noErrorLogs:
        '{{resource}} does not publish ES_APPLICATION_LOGS (error logs) to CloudWatch Logs, so failures and errors of the domain leave no record.',
      noAuditLogs:
        '{{resource}} uses fine-grained access control but does not publish AUDIT_LOGS to CloudWatch Logs, so who read or changed which index is not recorded.',
    },
  },
  targets: {
    cloudformation: [
      {
        type: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
        props: {
          logs: 'LogPublishingOptions',
          ES_APPLICATION_LOGS: 'LogPublishingOptions.ES_APPLICATION_LOGS.Enabled',
          AUDIT_LOGS: 'LogPublishingOptions.AUDIT_LOGS.Enabled',
          fgac: 'AdvancedSecurityOptions.Enabled',
        },
      },
    ],
    terraform: [
      {
        type: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
        props: { logs: 'log_publishing_options', logType: 'log_type', enabled: 'enabled', fgac: 'advanced_security_options.enabled' },
      },
    ],
  },
  check(domain, report) {
    // No fix: publishing needs a log group and a resource policy that lets the service write to it.
    const errors = publishes(domain, 'ES_APPLICATION_LOGS');
    if (errors !== 'yes' && errors !== 'unknown') report({ at: errors, messageId: 'noErrorLogs' });
    // Audit logs exist only with fine-grained access control, so a domain without it is judged on error logs alone.
    if (domain.prop('fgac').asBoolean() !== true) return;
    const audit = publishes(domain, 'AUDIT_LOGS');
    if (audit !== 'yes' && audit !== 'unknown') report({ at: audit, messageId: 'noAuditLogs' });
  },
});
