// KMS key policies must not allow everyone (Principal "*" or NotPrincipal) without a Condition.
import { defineRule } from '../define-rule';
import { publicActions, publicStatements } from '../lib/public-statement';

export default defineRule({
  id: 'kms-key-policy-public',
  meta: {
    title: 'KMS key policy does not allow everyone',
    severity: 'critical',
    whitepaper: 'Securing your data: protecting data at rest (key management)',
    docs: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html',
    related: {
      checkov: ['CKV_AWS_33'],
      kics: ['f6049677-ec4a-43af-8779-5190b6d03cba'],
    },
    fsbp: ['KMS.5'],
    messages: {
      public:
        '{{resource}} allows {{actions}} to everyone (Principal "*" or NotPrincipal) with no Condition, so any AWS account can use (or manage) the key. Name the principals, or add a kms:CallerAccount or kms:ViaService condition.',
    },
  },
  targets: {
    cloudformation: [{ type: ['AWS::KMS::Key', 'AWS::KMS::ReplicaKey'], props: { policy: 'KeyPolicy' } }],
    terraform: [
      {
        type: ['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key', 'aws_kms_key_policy'],
        props: { policy: 'policy' },
      },
    ],
  },
  check(resource, report) {
    const policy = resource.prop('policy');
    const open = publicStatements(policy.literal());
    // No fix: who should have access is the owner's decision.
    if (open.length > 0) report({ at: policy, messageId: 'public', data: { actions: publicActions(open) } });
  },
});
