// Permissions belong to groups and roles, not to individual IAM users.
import { defineRule } from '../define-rule';

const ADVICE = 'Attach the policy to an IAM group and add the user to it (or use a role), so access is granted and revoked in one place.';

export default defineRule({
  id: 'iam-user-policy',
  meta: {
    title: 'IAM policies are not attached to users',
    severity: 'medium',
    whitepaper: 'Managing identities: groups and roles',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html',
    related: {
      checkov: ['CKV_AWS_40'],
      kics: [
        'edc95c10-7366-4f30-9b4b-f995c84eceb5',
        'e4239438-e639-44aa-adb8-866e400e3ade',
        '0e5872b4-19a0-4165-8b2f-56d9e14b909f',
        'b4378389-a9aa-44ee-91e7-ef183f11079e',
      ],
      tfsec: ['aws-iam-no-user-attached-policies'],
    },
    fsbp: ['IAM.2'],
    messages: {
      inline: `{{resource}} has its own {{inline}}. ${ADVICE}`,
      managed: `{{resource}} attaches {{managed}} to the user directly. ${ADVICE}`,
      users: `{{resource}} is attached to users through {{users}}. ${ADVICE}`,
      user: `{{resource}} gives permissions to one user ({{user}}). ${ADVICE}`,
    },
  },
  targets: {
    cloudformation: [
      { type: 'AWS::IAM::User', props: { inline: 'Policies', managed: 'ManagedPolicyArns' } },
      { type: ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'], props: { users: 'Users' } },
      // Exists only to give one user an inline policy, as aws_iam_user_policy does.
      { type: 'AWS::IAM::UserPolicy', props: { user: 'UserName' } },
    ],
    terraform: [
      // These two resource types exist only to give one user permissions.
      { type: ['aws_iam_user_policy', 'aws_iam_user_policy_attachment'], props: { user: 'user' } },
      { type: 'aws_iam_policy_attachment', props: { users: 'users' } },
    ],
  },
  check(resource, report) {
    if (resource.declares('user')) {
      const user = resource.prop('user');
      report({ at: user.isMissing() ? resource : user, messageId: 'user' });
      return;
    }
    for (const key of ['inline', 'managed', 'users'] as const) {
      const value = resource.prop(key);
      // An empty list attaches nothing; a parameter or variable without a default is not judged.
      if (value.isUnresolved() || value.items().length === 0) continue;
      report({ at: value, messageId: key });
    }
  },
});
