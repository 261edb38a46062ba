// SSM documents must not be shared with every AWS account.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'ssm-document-public',
  meta: {
    title: 'SSM documents are not shared publicly',
    severity: 'critical',
    whitepaper: 'Securing your data: controlling who can access your resources',
    docs: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html',
    related: { checkov: ['CKV_AWS_303'] },
    fsbp: ['SSM.4'],
    messages: {
      public:
        '{{resource}} shares the document with All accounts ({{accountIds}} is {{value}}), so any AWS account can read and run it. Share it with named account ids.',
    },
  },
  // CloudFormation's AWS::SSM::Document has no sharing property.
  targets: {
    terraform: [{ type: 'aws_ssm_document', props: { shareType: 'permissions.type', accountIds: 'permissions.account_ids' } }],
  },
  // No fix: which accounts should see the document is the owner's choice.
  check(doc, report) {
    if (doc.prop('shareType').asString() !== 'Share') return;
    const accountIds = doc.prop('accountIds');
    const text = accountIds.asString();
    if (text === undefined || !text.split(',').some((id) => id.trim() === 'All')) return;
    report({ at: accountIds, messageId: 'public', data: { value: text } });
  },
});
