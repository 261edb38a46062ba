// Kinesis data streams encrypt records at rest with KMS.
import { defineRule } from '../define-rule';

const AWS_MANAGED_KEY = 'alias/aws/kinesis';

export default defineRule({
  id: 'kinesis-encryption',
  meta: {
    title: 'Kinesis streams are encrypted at rest',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data at rest',
    docs: 'https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html',
    related: {
      checkov: ['CKV_AWS_43'],
      kics: ['7f65be75-90ab-4036-8c2a-410aef7bb650', '862fe4bf-3eec-4767-a517-40f378886b88'],
      tfsec: ['aws-kinesis-enable-in-transit-encryption'],
      trivy: ['AVD-AWS-0064'],
    },
    messages: {
      missing: '{{resource}} does not set {{encryption}}; records are stored unencrypted.',
      notKms: '{{resource}} sets {{type}} to {{value}} instead of KMS.',
      useAwsKey: 'Encrypt with KMS using the AWS managed key alias/aws/kinesis',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::Kinesis::Stream',
        props: { encryption: 'StreamEncryption', type: 'StreamEncryption.EncryptionType', key: 'StreamEncryption.KeyId' },
      },
    ],
    terraform: [{ type: 'aws_kinesis_stream', props: { encryption: 'encryption_type', type: 'encryption_type', key: 'kms_key_id' } }],
  },
  check(stream, report) {
    // CloudFormation's StreamEncryption allows only EncryptionType KMS, so a written block is encryption;
    // Terraform's encryption_type is both the switch and the type.
    const encryption = stream.prop('encryption');
    const type = stream.prop('type');
    if (encryption.isUnresolved() || type.isUnresolved()) return;
    if (!encryption.isMissing() && (type.isMissing() || type.asString() === 'KMS')) return;
    report({
      at: type.isMissing() ? encryption : type,
      messageId: encryption.isMissing() ? 'missing' : 'notKms',
      data: { value: type.asString() ?? '' },
      fix: {
        messageId: 'useAwsKey',
        // Consumers in other accounts cannot use the AWS managed key, so the user checks who reads the stream.
        safety: 'review',
        apply: (f) => {
          f.set(stream, 'type', 'KMS');
          if (stream.prop('key').isMissing()) f.set(stream, 'key', AWS_MANAGED_KEY);
        },
      },
    });
  },
});
