// SQS queues keep server-side encryption (SSE-SQS or a KMS key) for stored messages.
import { defineRule } from '../define-rule';
import { isBlank } from '../lib/unset';

export default defineRule({
  id: 'sqs-encryption',
  meta: {
    title: 'SQS queues are encrypted at rest',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data at rest',
    docs: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html',
    related: {
      checkov: ['CKV_AWS_27'],
      kics: ['12726829-93ed-4d51-9cbe-13423f4299e1', '6e8849c1-3aa7-40e3-9063-b85ee300f29f'],
      tfsec: ['aws-sqs-enable-queue-encryption'],
      trivy: ['AVD-AWS-0096'],
    },
    fsbp: ['SQS.1'],
    messages: {
      disabled: '{{resource}} sets {{sse}} to false and names no {{key}}; messages are stored unencrypted.',
      enable: 'Set {{sse}} to true (SSE-SQS)',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::SQS::Queue', props: { sse: 'SqsManagedSseEnabled', key: 'KmsMasterKeyId' } }],
    terraform: [{ type: 'aws_sqs_queue', props: { sse: 'sqs_managed_sse_enabled', key: 'kms_master_key_id' } }],
  },
  check(queue, report) {
    // Only an explicit false turns encryption off: unset, SQS applies SSE-SQS by default (the CloudFormation schema's
    // documentation of SqsManagedSseEnabled), and the catalogue reads Terraform the same way.
    const sse = queue.prop('sse');
    if (sse.asBoolean() !== false) return;
    // A KMS key (SSE-KMS) encrypts the queue whatever SqsManagedSseEnabled says; an unresolved key may be one.
    const key = queue.prop('key');
    if (key.isUnresolved()) return;
    // Terraform's null and an empty string leave the queue without a key.
    if (!isBlank(key)) return;
    report({
      at: sse,
      messageId: 'disabled',
      // SSE-SQS needs no key policy or KMS permissions for producers and consumers: an in-place change.
      fix: { messageId: 'enable', safety: 'safe', apply: (f) => f.set(queue, 'sse', true) },
    });
  },
});
