// A CloudTrail trail that is declared but stopped records nothing.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'cloudtrail-logging-off',
  meta: {
    title: 'CloudTrail trails are logging',
    severity: 'high',
    whitepaper: 'Monitoring, alerting, audit trail and incident response',
    docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-turning-off-logging.html',
    related: {
      kics: ['5c0b06d5-b7a4-484c-aeb0-75a836269ff0', '4bb76f17-3d63-4529-bdca-2b454529d774'],
    },
    messages: {
      disabled: '{{resource}} sets {{logging}} to false; the trail records no events.',
      enable: 'Set {{logging}} to true',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::CloudTrail::Trail', props: { logging: 'IsLogging' } }],
    terraform: [{ type: 'aws_cloudtrail', props: { logging: 'enable_logging' } }],
  },
  check(trail, report) {
    // Only an explicit false is judged: CloudFormation requires IsLogging, and Terraform's enable_logging defaults to true.
    const logging = trail.prop('logging');
    if (logging.isUnresolved() || logging.asBoolean() !== false) return;
    report({
      at: logging,
      messageId: 'disabled',
      fix: { messageId: 'enable', safety: 'safe', apply: (f) => f.set(trail, 'logging', true) },
    });
  },
});
