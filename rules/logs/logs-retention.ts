// CloudWatch log groups keep their events for at least a year, long enough to investigate an incident.
import { defineRule } from '../define-rule';

/** A year: the audit-trail period the catalogue asks for (and Security Hub CloudWatch.16's default). */
const MIN_RETENTION_DAYS = 365;

export default defineRule({
  id: 'logs-retention',
  meta: {
    title: 'CloudWatch log groups keep logs for at least a year',
    severity: 'low',
    whitepaper: 'Monitoring, alerting, audit trail and incident response',
    docs: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention',
    related: { checkov: ['CKV_AWS_338'] },
    messages: {
      short: `{{resource}} sets {{retention}} to {{days}} days; its events are deleted before a year has passed, which can be too soon to investigate an incident.`,
      keepYear: `Set {{retention}} to ${MIN_RETENTION_DAYS} days`,
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::Logs::LogGroup', props: { retention: 'RetentionInDays' } }],
    terraform: [{ type: 'aws_cloudwatch_log_group', props: { retention: 'retention_in_days' } }],
  },
  check(group, report) {
    const retention = group.prop('retention');
    const days = retention.asNumber();
    // Absent keeps events forever; so does 0 in Terraform (the provider's spelling of "never expire").
    if (days === undefined || days >= MIN_RETENTION_DAYS) return;
    if (days === 0 && group.family === 'terraform') return;
    report({
      at: retention,
      messageId: 'short',
      data: { days },
      // Keeping events longer breaks nothing; it only stores (and bills) more.
      fix: { messageId: 'keepYear', safety: 'safe', apply: (f) => f.set(group, 'retention', MIN_RETENTION_DAYS) },
    });
  },
});
