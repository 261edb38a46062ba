// IAM users should not be given long-lived access keys: roles and temporary credentials replace them.
import { defineRule } from '../define-rule';
import { isUnset } from '../lib/unset';

export default defineRule({
  id: 'iam-user-access-key',
  meta: {
    title: 'No active long-lived access key for an IAM user',
    severity: 'medium',
    whitepaper: 'Managing identities: roles and temporary credentials',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles',
    related: {},
    noEquivalent:
      'Checkov, KICS, tfsec/Trivy and cfn-nag have no check that reports an access key resource itself (Terrascan AC_AWS_0133 does; RelatedIds has no Terrascan field). FSBP IAM.3 (rotation within 90 days) and IAM.4 (root keys) are neighbouring controls, not equivalent.',
    messages: {
      active:
        '{{resource}} creates a long-lived access key for an IAM user ({{status}}); a leaked key works until someone deletes it. Use a role with temporary credentials instead: an instance profile, IRSA / EKS Pod Identity, or OIDC federation for CI.',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::IAM::AccessKey', props: { status: 'Status' } }],
    terraform: [{ type: 'aws_iam_access_key', props: { status: 'status' } }],
  },
  check(key, report) {
    const status = key.prop('status');
    // Missing means Active (the service default); an unresolved status is not judged.
    if (isUnset(status)) {
      report({ at: key, messageId: 'active', data: { status: 'Status missing: Active' } });
      return;
    }
    const value = status.asString();
    if (value !== undefined && value !== 'Inactive') report({ at: status, messageId: 'active', data: { status: `Status ${value}` } });
  },
});
