// S3 buckets must not grant the public (or every AWS account) access through a canned ACL.
import { defineRule } from '../define-rule';
import { aclGrantee, isPublicCannedAcl } from '../lib/public-acl';

export default defineRule({
  id: 's3-public-acl',
  meta: {
    title: 'S3 bucket ACL is not public',
    severity: 'critical',
    whitepaper: 'Securing your data: permissions',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl',
    related: {
      checkov: ['CKV_AWS_20', 'CKV_AWS_57'],
      kics: [
        '07dda8de-d90d-469e-9b37-1aca53526ced',
        '219f4c95-aa50-44e0-97de-cf71f4641170',
        '835d5497-a526-4aea-a23f-98a9afd1635f',
        '38c5ee0d-7f22-4260-ab72-5073048df100',
        '57b9893d-33b1-4419-bcea-a717ea87e139',
      ],
      tfsec: ['aws-s3-no-public-access-with-acl'],
      trivy: ['AVD-AWS-0092'],
      cfnNag: ['F14', 'W31'],
    },
    messages: {
      public: '{{resource}} uses the canned ACL {{value}}, which grants access to {{who}}.',
      private: 'Set {{acl}} to {{privateValue}}',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::S3::Bucket', props: { acl: 'AccessControl' } }],
    terraform: [{ type: ['aws_s3_bucket', 'aws_s3_bucket_acl'], props: { acl: 'acl' } }],
  },
  check(bucket, report) {
    const acl = bucket.prop('acl');
    const value = acl.asString();
    if (value === undefined || !isPublicCannedAcl(value)) return;
    // Keep the spelling family of the value that was written: PublicRead → Private, public-read → private.
    const privateValue = value.includes('-') || value === value.toLowerCase() ? 'private' : 'Private';
    report({
      at: acl,
      messageId: 'public',
      data: { value, privateValue, who: aclGrantee(value) },
      // Removing public access can break consumers that rely on it.
      fix: { messageId: 'private', safety: 'review', apply: (f) => f.replace(acl, privateValue) },
    });
  },
});
