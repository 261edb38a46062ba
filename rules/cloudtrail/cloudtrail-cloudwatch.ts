// CloudTrail trails also deliver events to CloudWatch Logs, where metric filters and alarms can react to them.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'cloudtrail-cloudwatch',
  meta: {
    title: 'CloudTrail trails deliver to CloudWatch Logs',
    severity: 'low',
    whitepaper: 'Monitoring, alerting, audit trail and incident response',
    docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html',
    related: {
      checkov: ['CKV2_AWS_10'],
      kics: ['65d07da5-9af5-44df-8983-52d2e6f24c44', '17b30f8f-8dfb-4597-adf6-57600b6cf25e'],
      tfsec: ['aws-cloudtrail-ensure-cloudwatch-integration'],
      trivy: ['AVD-AWS-0162'],
    },
    fsbp: ['CloudTrail.5'],
    messages: {
      missing:
        '{{resource}} does not set {{logGroup}}: its events reach only S3, so no metric filter or alarm can react to them (root sign-ins, policy changes, disabled trails). Send them to a log group, with {{role}} naming a role CloudTrail can assume to write to it.',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::CloudTrail::Trail', props: { logGroup: 'CloudWatchLogsLogGroupArn', role: 'CloudWatchLogsRoleArn' } }],
    terraform: [{ type: 'aws_cloudtrail', props: { logGroup: 'cloud_watch_logs_group_arn', role: 'cloud_watch_logs_role_arn' } }],
  },
  check(trail, report) {
    const logGroup = trail.prop('logGroup');
    if (logGroup.isUnresolved()) return;
    // Terraform's null and an empty string leave the trail without a log group, as a missing argument does.
    if (!logGroup.isMissing() && logGroup.literal() !== null && logGroup.asString()?.trim() !== '') return;
    // No fix: it needs a log group and a role CloudTrail can assume, both the owner's to create.
    report({ at: logGroup, messageId: 'missing' });
  },
});
