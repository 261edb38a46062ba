// SNS topic policies must not allow everyone (Principal "*" or NotPrincipal) without a Condition.
import { defineRule } from '../define-rule';
import { publicActions, publicStatements } from '../lib/public-statement';

export default defineRule({
  id: 'sns-policy-public',
  meta: {
    title: 'SNS topic policy does not allow everyone',
    severity: 'high',
    whitepaper: 'Securing your infrastructure: protecting public endpoints (resource policies)',
    docs: 'https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html',
    related: {
      checkov: ['CKV_AWS_169'],
      kics: ['ae53ce91-42b5-46bf-a84f-9a13366a4f13', 'b26d2b7e-60f6-413d-a3a1-a57db24aa2b3'],
    },
    fsbp: ['SNS.4'],
    messages: {
      public:
        '{{resource}} allows {{actions}} to everyone (Principal "*" or NotPrincipal) with no Condition, so anyone can publish to or subscribe to the topic. Name the principals (accounts, roles, services), or add a Condition such as aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID.',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::SNS::TopicPolicy', props: { policy: 'PolicyDocument' } }],
    // `policy` may be jsonencode(...), heredoc JSON, or data.aws_iam_policy_document.x.json (read as the policy).
    terraform: [{ type: ['aws_sns_topic_policy', 'aws_sns_topic'], props: { policy: 'policy' } }],
  },
  check(resource, report) {
    const policy = resource.prop('policy');
    const open = publicStatements(policy.literal());
    // No fix: who should have access is the owner's decision.
    if (open.length > 0) report({ at: policy, messageId: 'public', data: { actions: publicActions(open) } });
  },
});
