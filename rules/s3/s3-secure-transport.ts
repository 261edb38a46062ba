// S3 buckets must refuse requests made over plain HTTP, with a bucket policy denying aws:SecureTransport false.
import { defineRule } from '../define-rule';
import { deniesInsecureTransport } from '../lib/secure-transport';

export default defineRule({
  id: 's3-secure-transport',
  meta: {
    title: 'S3 bucket policy denies requests without TLS',
    severity: 'low',
    whitepaper: 'Securing your data: protecting data in transit (secure HTTPS access points)',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html',
    related: { kics: ['38c64e76-c71e-4d92-a337-60174d1de1c9', '4bc4dd4c-7d8d-405e-a0fb-57fa4c31b4d9'] },
    messages: {
      noPolicy:
        '{{resource}} has no bucket policy denying requests made without TLS, so it can be used over plain HTTP. Add a statement with Effect Deny, Principal "*", Action "s3:*" and Condition Bool aws:SecureTransport "false".',
      noDeny:
        '{{resource}} has a bucket policy, but no statement of it denies requests made without TLS. Add a statement with Effect Deny, Principal "*", Action "s3:*" and Condition Bool aws:SecureTransport "false".',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::S3::Bucket', props: { name: 'BucketName' } }],
    terraform: [{ type: 'aws_s3_bucket', props: { name: 'bucket', legacyPolicy: 'policy' } }],
  },
  companions: {
    policy: {
      cloudformation: { type: 'AWS::S3::BucketPolicy', props: { bucket: 'Bucket', document: 'PolicyDocument' } },
      terraform: { type: 'aws_s3_bucket_policy', props: { bucket: 'bucket', document: 'policy' } },
    },
  },
  check(bucket, report, ctx) {
    const documents = [bucket.prop('legacyPolicy'), ...ctx.referencing('policy', 'bucket', bucket).map((p) => p.prop('document'))].filter(
      (d) => !d.isMissing(),
    );
    // A policy whose bucket comes through a local/parameter that cannot be resolved may be this bucket's.
    const maybeOurs = ctx.companions('policy').filter((p) => p.prop('bucket').isReference() && p.prop('bucket').isUnresolved());
    if ([...documents, ...maybeOurs.map((p) => p.prop('document'))].some((d) => deniesInsecureTransport(d.literal()) !== false)) return;
    const [first] = documents;
    // A policy in another file of the module is reported on the bucket by the engine.
    report(first ? { at: first, messageId: 'noDeny' } : { at: bucket, messageId: 'noPolicy' });
  },
});
