// CloudWatch log groups encrypt their log data with a KMS key the account controls.
import { defineRule } from '../define-rule';
import { isBlank, isUnset } from '../lib/unset';

export default defineRule({
  id: 'logs-encryption',
  meta: {
    title: 'CloudWatch log groups are encrypted with a KMS key',
    severity: 'low',
    whitepaper: 'Securing your data: protecting data at rest',
    docs: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html',
    related: {
      checkov: ['CKV_AWS_158'],
      tfsec: ['aws-cloudwatch-log-group-customer-key'],
      trivy: ['AVD-AWS-0017'],
    },
    messages: {
      missing:
        '{{resource}} does not set {{key}}; its log data is encrypted only with a key owned by the service, so no key policy limits who can read it. The KMS key must let the CloudWatch Logs service principal (logs.<region>.amazonaws.com) use it.',
      empty: '{{resource}} sets {{key}} to an empty string, which leaves the log group without a KMS key.',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::Logs::LogGroup', props: { key: 'KmsKeyId' } }],
    terraform: [{ type: 'aws_cloudwatch_log_group', props: { key: 'kms_key_id' } }],
  },
  check(group, report) {
    const key = group.prop('key');
    if (key.isUnresolved() || !isBlank(key)) return;
    // No fix: the key needs a policy that grants the CloudWatch Logs service principal, which only the user can write.
    report({ at: key, messageId: isUnset(key) ? 'missing' : 'empty' });
  },
});
