// IAM policies should name the actions a principal needs, not every action of a service (`s3:*`).
import { defineRule } from '../define-rule';
import { IDENTITY_POLICY_TARGETS, identityDocuments } from '../lib/identity-policy';
import { serviceWildcards } from '../lib/policy-document';

export default defineRule({
  id: 'iam-wildcard-action',
  meta: {
    title: 'IAM policy does not allow every action of a service',
    severity: 'medium',
    whitepaper: 'Managing identities: least privilege',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    related: { tfsec: ['aws-iam-no-policy-wildcards'] },
    fsbp: ['IAM.21'],
    messages: {
      wildcard:
        '{{resource}} allows {{actions}}: every action of the service, including ones added later. List only the actions this principal needs (least privilege); IAM Access Analyzer can generate them from CloudTrail activity.',
    },
  },
  // Data-source statements naming principals belong to resource policies (e.g. a KMS key policy's `kms:*` for the
  // account) and are left out by identityDocuments.
  targets: IDENTITY_POLICY_TARGETS,
  check(resource, report) {
    for (const doc of identityDocuments(resource)) {
      const byAnchor = new Map<(typeof doc.statements)[number]['at'], Set<string>>();
      for (const { statement, at } of doc.statements) {
        const actions = serviceWildcards(statement);
        if (actions.length === 0) continue;
        const seen = byAnchor.get(at) ?? new Set<string>();
        actions.forEach((a) => seen.add(a));
        byAnchor.set(at, seen);
      }
      for (const [at, actions] of byAnchor) report({ at, messageId: 'wildcard', data: { actions: [...actions].join(', ') } });
    }
  },
});
