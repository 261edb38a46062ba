// SNS topics encrypt stored messages with a KMS key.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'sns-encryption',
  meta: {
    title: 'SNS topics are encrypted at rest',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data at rest',
    docs: 'https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html',
    related: {
      checkov: ['CKV_AWS_26'],
      kics: ['9d13b150-a2ab-42a1-b6f4-142e41f81e52', '28545147-2fc6-42d5-a1f9-cf226658e591'],
      tfsec: ['aws-sns-enable-topic-encryption'],
      trivy: ['AVD-AWS-0095'],
    },
    messages: {
      missing: '{{resource}} does not set {{key}}; messages are stored unencrypted.',
      empty: '{{resource}} sets {{key}} to an empty string, which leaves the topic unencrypted.',
      useAwsKey: 'Encrypt with the AWS managed key alias/aws/sns',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::SNS::Topic', props: { key: 'KmsMasterKeyId' } }],
    terraform: [{ type: 'aws_sns_topic', props: { key: 'kms_master_key_id' } }],
  },
  check(topic, report) {
    const key = topic.prop('key');
    if (key.isUnresolved()) return;
    // Terraform's null (often a variable's default) leaves the argument unset.
    const unset = key.isMissing() || key.literal() === null;
    if (!unset && key.asString()?.trim() !== '') return;
    report({
      at: key,
      messageId: unset ? 'missing' : 'empty',
      // AWS services that publish to a topic (CloudWatch alarms, S3 and EventBridge events) cannot use the AWS
      // managed key, whose policy cannot grant them access, so the user must check the topic's publishers:
      // https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
      fix: { messageId: 'useAwsKey', safety: 'review', apply: (f) => f.set(topic, 'key', 'alias/aws/sns') },
    });
  },
});
