// ECR repositories make image tags immutable, so a tag that was reviewed and deployed cannot be re-pointed to other code.
import { defineRule } from '../define-rule';

/** The mutable settings (service enum `ImageTagMutability`); `IMMUTABLE` and `IMMUTABLE_WITH_EXCLUSION` pass. */
const MUTABLE = new Set(['MUTABLE', 'MUTABLE_WITH_EXCLUSION']);

export default defineRule({
  id: 'ecr-tag-immutability',
  meta: {
    title: 'ECR image tags are immutable',
    severity: 'medium',
    whitepaper: 'Securing your operating systems and applications',
    docs: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
    related: {
      checkov: ['CKV_AWS_51'],
      kics: ['33f41d31-86b1-46a4-81f7-9c9a671f59ac', 'd1846b12-20c5-4d45-8798-fc35b79268eb'],
      tfsec: ['aws-ecr-enforce-immutable-repository'],
      trivy: ['AVD-AWS-0031'],
    },
    fsbp: ['ECR.2'],
    messages: {
      missing:
        '{{resource}} does not set {{mutability}}, so tags are mutable (the default): pushing an existing tag silently replaces the image that deployments pull.',
      mutable: '{{resource}} sets {{mutability}} to {{value}}: pushing an existing tag silently replaces the image that deployments pull.',
      immutable: 'Set {{mutability}} to IMMUTABLE (pipelines that push the same tag twice, such as latest, then fail)',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::ECR::Repository', props: { mutability: 'ImageTagMutability', filters: 'ImageTagMutabilityExclusionFilters' } }],
    // `image_tag_mutability_exclusion_filter` exists in provider 6.x only.
    terraform: [{ type: 'aws_ecr_repository', props: { mutability: 'image_tag_mutability', filters: 'image_tag_mutability_exclusion_filter' } }],
  },
  check(repo, report) {
    const mutability = repo.prop('mutability');
    if (mutability.isUnresolved()) return;
    const value = mutability.asString();
    // Terraform's null leaves the argument unset, which means MUTABLE.
    const unset = mutability.isMissing() || mutability.literal() === null;
    if (!unset && (value === undefined || !MUTABLE.has(value))) return;
    // Exclusion filters only go with a *_WITH_EXCLUSION value, so IMMUTABLE drops them; the fix is written only where
    // they are one property (Terraform may repeat the block, which one removal cannot take out).
    const filters = repo.prop('filters');
    const fixable = repo.family === 'cloudformation' || filters.items().length <= 1;
    report({
      at: mutability,
      messageId: unset ? 'missing' : 'mutable',
      data: { value: value ?? '' },
      fix: fixable
        ? {
            messageId: 'immutable',
            // A pipeline that re-pushes a tag (latest, a branch name) fails after the change: the user checks first.
            safety: 'review',
            apply: (f) => {
              f.set(repo, 'mutability', 'IMMUTABLE');
              if (!filters.isMissing()) f.remove(repo, 'filters');
            },
          }
        : undefined,
    });
  },
});
