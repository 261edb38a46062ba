// S3 bucket policies must not allow everyone (Principal "*") without a Condition that narrows who gets in.
import { defineRule } from '../define-rule';
import { publicActions, publicStatements } from '../lib/public-statement';

export default defineRule({
  id: 's3-policy-public',
  meta: {
    title: 'S3 bucket policy does not allow everyone',
    severity: 'critical',
    whitepaper: 'Securing your data: permissions',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status',
    related: {
      checkov: ['CKV_AWS_70'],
      kics: ['7772bb8c-c0f3-42d4-8e4e-f1b8939ad085', '7af43613-6bb9-4a0e-8c4d-1314b799425e'],
    },
    messages: {
      public:
        '{{resource}} allows {{actions}} to everyone (Principal "*" or NotPrincipal) with no Condition, so anyone on the internet can use it. Name the principals (accounts, roles, or a CloudFront origin access control), or add a Condition such as aws:SourceVpce or aws:PrincipalOrgID.',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::S3::BucketPolicy', props: { policy: 'PolicyDocument' } }],
    // `policy` may be jsonencode(...), heredoc JSON, or data.aws_iam_policy_document.x.json (read as the policy).
    terraform: [{ type: ['aws_s3_bucket_policy', 'aws_s3_bucket'], props: { policy: 'policy' } }],
  },
  check(resource, report) {
    const policy = resource.prop('policy');
    const open = publicStatements(policy.literal());
    if (open.length === 0) return;
    // No fix: who should have access is the owner's decision, and removing access can break a public website.
    report({ at: policy, messageId: 'public', data: { actions: publicActions(open) } });
  },
});
