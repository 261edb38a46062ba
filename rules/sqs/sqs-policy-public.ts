// SQS queue policies must not allow everyone (Principal "*" or NotPrincipal) without a Condition.
import { defineRule } from '../define-rule';
import { publicActions, publicStatements } from '../lib/public-statement';

export default defineRule({
  id: 'sqs-policy-public',
  meta: {
    title: 'SQS queue policy does not allow everyone',
    severity: 'high',
    whitepaper: 'Securing your infrastructure: protecting public endpoints (resource policies)',
    docs: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html',
    related: {
      checkov: ['CKV_AWS_168', 'CKV_AWS_387'],
      kics: ['9b6a3f5b-5fd6-40ee-9bc0-ed604911212d', '730675f9-52ed-49b6-8ead-0acb5dd7df7f', 'abb06e5f-ef9a-4a99-98c6-376d396bfcdf'],
    },
    messages: {
      public:
        '{{resource}} allows {{actions}} to everyone (Principal "*" or NotPrincipal) with no Condition, so anyone can read, send or delete messages. Name the principals (accounts, roles, services), or add a Condition such as aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID.',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::SQS::QueuePolicy', props: { policy: 'PolicyDocument' } }],
    // `policy` may be jsonencode(...), heredoc JSON, or data.aws_iam_policy_document.x.json (read as the policy).
    terraform: [{ type: ['aws_sqs_queue_policy', 'aws_sqs_queue'], props: { policy: 'policy' } }],
  },
  check(resource, report) {
    const policy = resource.prop('policy');
    const open = publicStatements(policy.literal());
    // No fix: who should have access is the owner's decision.
    if (open.length > 0) report({ at: policy, messageId: 'public', data: { actions: publicActions(open) } });
  },
});
