// EFS file systems must encrypt data at rest.
import { defineRule } from '../define-rule';
import { requireTrue } from '../lib/require-true';

export default defineRule({
  id: 'efs-encryption',
  meta: {
    title: 'EFS file systems are encrypted at rest',
    severity: 'high',
    whitepaper: 'Securing your data: protecting data at rest',
    docs: 'https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html',
    related: {
      checkov: ['CKV_AWS_42'],
      kics: ['2ff8e83c-90e1-4d68-a300-6d652112e622', '48207659-729f-4b5c-9402-f884257d794f'],
      tfsec: ['aws-efs-enable-at-rest-encryption'],
      trivy: ['AVD-AWS-0037'],
    },
    messages: {
      missing: '{{resource}} does not set {{encrypted}}; EFS file systems are unencrypted unless it is true.',
      disabled: '{{resource}} sets {{encrypted}} to false.',
      enable: 'Set {{encrypted}} to true',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::EFS::FileSystem', props: { encrypted: 'Encrypted' } }],
    terraform: [{ type: 'aws_efs_file_system', props: { encrypted: 'encrypted' } }],
  },
  check(fs, report) {
    // Encryption can only be chosen at creation: changing it replaces the file system (and its data).
    requireTrue(fs, 'encrypted', report, { missing: 'missing', disabled: 'disabled', enable: 'enable' }, 'review');
  },
});
