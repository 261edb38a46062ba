// S3 Block Public Access settings, where written, must all be on: any flag set false lets public ACLs or policies through.
import { defineRule } from '../define-rule';

/** The four Block Public Access settings, by logical key. */
const FLAGS = ['blockAcls', 'blockPolicy', 'ignoreAcls', 'restrictBuckets'] as const;

export default defineRule({
  id: 's3-public-access-block',
  meta: {
    title: 'S3 Block Public Access settings are all on',
    severity: 'high',
    whitepaper: 'Securing your data: permissions',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    related: {
      checkov: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'],
      kics: [
        '48f100d9-f499-4c6d-b2b8-deafe47ffb26',
        '860ba89b-b8de-4e72-af54-d6aee4138a69',
        '6c8d51af-218d-4bfb-94a9-94eabaa0703a',
        '350cd468-0e2c-44ef-9d22-cfb73a62523c',
        'd0cc8694-fcad-43ff-ac86-32331d7e867f',
        '1a4bc881-9f69-4d44-8c9a-d37d08f54c50',
        '4fa66806-0dd9-4f8d-9480-3174d39c7c91',
        '1ec253ab-c220-4d63-b2de-5b40e0af9293',
      ],
      tfsec: ['aws-s3-block-public-acls', 'aws-s3-block-public-policy', 'aws-s3-ignore-public-acls', 'aws-s3-no-public-buckets'],
    },
    messages: {
      blockAcls: '{{resource}} sets {{blockAcls}} to false, so new public ACLs are accepted.',
      blockPolicy: '{{resource}} sets {{blockPolicy}} to false, so a bucket policy may grant public access.',
      ignoreAcls: '{{resource}} sets {{ignoreAcls}} to false, so public ACLs on the bucket and its objects take effect.',
      restrictBuckets: '{{resource}} sets {{restrictBuckets}} to false, so a public bucket policy gives anyone access.',
      enable: 'Turn on all four Block Public Access settings',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::S3::Bucket',
        props: {
          blockAcls: 'PublicAccessBlockConfiguration.BlockPublicAcls',
          blockPolicy: 'PublicAccessBlockConfiguration.BlockPublicPolicy',
          ignoreAcls: 'PublicAccessBlockConfiguration.IgnorePublicAcls',
          restrictBuckets: 'PublicAccessBlockConfiguration.RestrictPublicBuckets',
        },
      },
    ],
    // The settings resource is judged itself: it may name its bucket by a reference, a variable or a literal.
    terraform: [
      {
        type: 'aws_s3_bucket_public_access_block',
        props: {
          blockAcls: 'block_public_acls',
          blockPolicy: 'block_public_policy',
          ignoreAcls: 'ignore_public_acls',
          restrictBuckets: 'restrict_public_buckets',
        },
      },
    ],
  },
  check(resource, report) {
    // Only a flag written as false is judged; the fix turns on all four, also any left out (an omitted flag is false).
    for (const key of FLAGS) {
      const flag = resource.prop(key);
      if (flag.asBoolean() !== false) continue;
      report({
        at: flag,
        messageId: key,
        // Blocking public access can cut off consumers that rely on it.
        fix: { messageId: 'enable', safety: 'review', apply: (f) => FLAGS.forEach((k) => f.set(resource, k, true)) },
      });
    }
  },
});
