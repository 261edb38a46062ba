// IAM policies must not grant full administrator access (Allow * on *), inline or by attaching AdministratorAccess.
import { defineRule } from '../define-rule';
import { extendTargets, IDENTITY_POLICY_TARGETS, identityDocuments, isAdministratorAccess, type IdentityPolicyProp } from '../lib/identity-policy';
import { grantsFullAdmin } from '../lib/policy-document';

type Prop = IdentityPolicyProp | 'managed';

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
    fsbp: ['IAM.1'],
    messages: {
      admin:
        '{{resource}} allows every action ("*") on every resource ("*"). Grant only the actions and resources this principal needs (least privilege).',
      attached:
        '{{resource}} attaches the AWS managed policy AdministratorAccess, which allows every action on every resource. Attach policies that grant only the actions and resources this principal needs (least privilege).',
    },
  },
  targets: {
    cloudformation: extendTargets<Prop>(IDENTITY_POLICY_TARGETS.cloudformation, [
      { type: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'], props: { managed: 'ManagedPolicyArns' } },
    ]),
    terraform: extendTargets<Prop>(IDENTITY_POLICY_TARGETS.terraform, [
      { type: 'aws_iam_role', props: { managed: 'managed_policy_arns' } },
      {
        type: ['aws_iam_role_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_policy_attachment'],
        props: { managed: 'policy_arn' },
      },
      { type: ['aws_iam_role_policy_attachments_exclusive', 'aws_iam_user_policy_attachments_exclusive'], props: { managed: 'policy_arns' } },
    ]),
  },
  check(resource, report) {
    for (const doc of identityDocuments(resource)) {
      // One finding per place: a whole document once, each data-source statement block on its own.
      const anchors = new Set(doc.statements.filter((s) => grantsFullAdmin(s.statement)).map((s) => s.at));
      for (const at of anchors) report({ at, messageId: 'admin' });
    }
    if (resource.declares('managed')) {
      for (const arn of resource.prop('managed').items()) if (isAdministratorAccess(arn.literal())) report({ at: arn, messageId: 'attached' });
    }
    // SAM `Policies` names AWS managed policies by name or ARN.
    if (resource.declares('samPolicies')) {
      for (const item of resource.prop('samPolicies').items())
        if (isAdministratorAccess(item.literal(), { bareName: true })) report({ at: item, messageId: 'attached' });
    }
  },
});
