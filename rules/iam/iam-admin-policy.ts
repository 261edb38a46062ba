// IAM policies must not grant full administrator access (Allow * on *).
import { defineRule } from '../define-rule';
import { grantsFullAdmin, statementFromParts, statementsOf } from '../lib/iam-policy';

export default defineRule({
  id: 'iam-admin-policy',
  meta: {
    title: 'IAM policy does not grant full administrator access',
    severity: 'critical',
    whitepaper: 'Managing identities: least privilege',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    related: {
      checkov: ['CKV_AWS_1', 'CKV_AWS_62', 'CKV_AWS_63'],
      kics: [
        '953b3cdb-ce13-428a-aa12-318726506661',
        'f62aa827-4ade-4dc4-89e4-1433d384a368',
        '2f37c4a3-58b9-4afe-8a87-d7f1d2286f84',
        '575a2155-6af1-4026-b1af-d5bc8fe2a904',
      ],
      tfsec: ['aws-iam-no-policy-wildcards'],
      trivy: ['AVD-AWS-0057'],
      cfnNag: ['F4', 'F5', 'F3'],
    },
    messages: {
      admin:
        '{{resource}} allows every action ("*") on every resource ("*"). Grant only the actions and resources this principal needs (least privilege).',
    },
  },
  targets: {
    cloudformation: [
      { type: ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'], props: { policies: 'PolicyDocument' } },
      { type: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'], props: { policies: 'Policies[].PolicyDocument' } },
    ],
    terraform: [
      { type: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'], props: { policies: 'policy' } },
      { type: 'aws_iam_role', props: { policies: 'inline_policy[].policy' } },
      {
        type: 'data.aws_iam_policy_document',
        props: { statements: 'statement[]', effect: 'effect', actions: 'actions', resources: 'resources' },
      },
    ],
  },
  check(resource, report) {
    for (const policy of resource.list('policies')) {
      if (statementsOf(policy.literal()).some(grantsFullAdmin)) report({ at: policy, messageId: 'admin' });
    }
    for (const st of resource.list('statements')) {
      const statement = statementFromParts(st.prop('effect').literal(), st.prop('actions').literal(), st.prop('resources').literal());
      if (grantsFullAdmin(statement)) report({ at: st, messageId: 'admin' });
    }
  },
});
