// IAM policies should name the actions a principal needs, not every action of a service (`s3:*`).
import { defineRule } from '../define-rule';
import { statementFromParts, statementsOf } from '../lib/iam-policy';
import { IAM_POLICY_TARGETS, serviceWildcards } from '../lib/policy-grants';

export default defineRule({
  id: 'iam-wildcard-action',
  meta: {
    title: 'IAM policy does not allow every action of a service',
    severity: 'medium',
    whitepaper: 'Managing identities: least privilege',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    related: { tfsec: ['aws-iam-no-policy-wildcards'] },
    messages: {
      wildcard:
        '{{resource}} allows {{actions}}: every action of the service, including ones added later. List only the actions this principal needs (least privilege); IAM Access Analyzer can generate them from CloudTrail activity.',
    },
  },
  targets: IAM_POLICY_TARGETS,
  check(resource, report) {
    for (const policy of resource.list('policies')) {
      const actions = statementsOf(policy.literal()).flatMap(serviceWildcards);
      if (actions.length > 0) report({ at: policy, messageId: 'wildcard', data: { actions: [...new Set(actions)].join(', ') } });
    }
    for (const st of resource.list('statements')) {
      // A statement naming principals belongs to a resource policy (e.g. the default KMS key policy's `kms:*` for the account).
      if (!st.prop('principals').isMissing()) continue;
      const statement = statementFromParts(st.prop('effect').literal(), st.prop('actions').literal(), st.prop('resources').literal());
      const actions = serviceWildcards(statement);
      if (actions.length > 0) report({ at: st, messageId: 'wildcard', data: { actions: [...new Set(actions)].join(', ') } });
    }
  },
});
