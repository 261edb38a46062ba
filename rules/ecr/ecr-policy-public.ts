// ECR repository policies must not allow everyone (Principal "*" or NotPrincipal) without a Condition.
import { defineRule } from '../define-rule';
import { publicActions, publicStatements } from '../lib/public-statement';

export default defineRule({
  id: 'ecr-policy-public',
  meta: {
    title: 'ECR repository policy does not allow everyone',
    severity: 'high',
    whitepaper: 'Securing your infrastructure: protecting public endpoints (resource policies)',
    docs: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html',
    related: {
      checkov: ['CKV_AWS_32'],
      kics: ['75be209d-1948-41f6-a8c8-e22dd0121134', 'e86e26fc-489e-44f0-9bcd-97305e4ba69a'],
      tfsec: ['aws-ecr-no-public-access'],
      trivy: ['AVD-AWS-0032'],
    },
    messages: {
      public:
        '{{resource}} allows {{actions}} to everyone (Principal "*" or NotPrincipal) with no Condition, so anyone can pull (or push) its images. Name the accounts or roles, or add a Condition such as aws:PrincipalOrgID. An intentionally public image belongs in an ECR Public repository.',
    },
  },
  targets: {
    // AWS::ECR::PublicRepository is public by design and not judged.
    cloudformation: [{ type: 'AWS::ECR::Repository', props: { policy: 'RepositoryPolicyText' } }],
    terraform: [{ type: 'aws_ecr_repository_policy', props: { policy: 'policy' } }],
  },
  check(resource, report) {
    const policy = resource.prop('policy');
    const open = publicStatements(policy.literal());
    // No fix: who should have access is the owner's decision.
    if (open.length > 0) report({ at: policy, messageId: 'public', data: { actions: publicActions(open) } });
  },
});
