// CloudTrail log files are encrypted with a customer-managed KMS key (SSE-KMS) rather than only SSE-S3.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'cloudtrail-encryption',
  meta: {
    title: 'CloudTrail log files are encrypted with KMS',
    severity: 'medium',
    whitepaper: 'Monitoring, alerting, audit trail and incident response',
    docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
    related: {
      checkov: ['CKV_AWS_35'],
      kics: ['050a9ba8-d1cb-4c61-a5e8-8805a70d3b85', '5d9e3164-9265-470c-9a10-57ae454ac0c7'],
      tfsec: ['aws-cloudtrail-enable-at-rest-encryption'],
      trivy: ['AVD-AWS-0015'],
    },
    messages: {
      missing:
        '{{resource}} does not set {{kmsKey}}; its log files get only S3-managed encryption. Create a KMS key whose policy lets CloudTrail use it and set {{kmsKey}} to it.',
      empty: '{{resource}} sets {{kmsKey}} to an empty value, so its log files are not encrypted with KMS.',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::CloudTrail::Trail', props: { kmsKey: 'KMSKeyId' } }],
    terraform: [{ type: 'aws_cloudtrail', props: { kmsKey: 'kms_key_id' } }],
  },
  check(trail, report) {
    // No fix: the key, and a key policy that lets CloudTrail encrypt with it, are the user's to choose.
    const key = trail.prop('kmsKey');
    if (key.isUnresolved()) return;
    if (key.isMissing()) report({ at: key, messageId: 'missing' });
    else if (key.asString()?.trim() === '' || key.literal() === null) report({ at: key, messageId: 'empty' });
  },
});
