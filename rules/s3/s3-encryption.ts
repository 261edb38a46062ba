// S3 buckets state their default encryption explicitly instead of relying on the service default.
import { defineRule } from '../define-rule';

/** SSE-S3 as CloudFormation writes it. */
const SSE_S3 = { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] };

export default defineRule({
  id: 's3-encryption',
  meta: {
    title: 'S3 bucket default encryption is configured',
    severity: 'low',
    whitepaper: 'Securing your data: protecting data at rest',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html',
    related: {
      checkov: ['CKV_AWS_19'],
      kics: ['b2e8752c-3497-4255-98d2-e4ae5b46bbf5'],
      tfsec: ['aws-s3-enable-bucket-encryption'],
      trivy: ['AVD-AWS-0088'],
    },
    messages: {
      missing: '{{resource}} has no default encryption configuration; state one (SSE-S3 or SSE-KMS) so the choice is explicit.',
      addInline: 'Add a default encryption configuration with SSE-S3 (AES256)',
      addCompanion: 'Add an aws_s3_bucket_server_side_encryption_configuration resource with SSE-S3 (AES256)',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::S3::Bucket', props: { name: 'BucketName', inline: 'BucketEncryption' } }],
    // The provider's legacy inline block counts like the separate resource.
    terraform: [
      { type: 'aws_s3_bucket', props: { name: 'bucket', inline: 'server_side_encryption_configuration', count: 'count', forEach: 'for_each' } },
    ],
  },
  companions: {
    separate: {
      terraform: {
        type: 'aws_s3_bucket_server_side_encryption_configuration',
        props: { bucket: 'bucket', forEach: 'for_each', algorithm: 'rule.apply_server_side_encryption_by_default.sse_algorithm' },
      },
    },
  },
  check(bucket, report, ctx) {
    if (!bucket.prop('inline').isMissing()) return;
    // A separate configuration names the bucket, or iterates its instances (`for_each = aws_s3_bucket.b`, `bucket = each.value.id`).
    if (ctx.referencing('separate', 'bucket', bucket).length > 0 || ctx.referencing('separate', 'forEach', bucket).length > 0) return;
    // An inserted resource would have to repeat the bucket's count / for_each; that is left to the user.
    const repeated = !bucket.prop('count').isMissing() || !bucket.prop('forEach').isMissing();
    report({
      at: bucket,
      messageId: 'missing',
      // Since January 2023 S3 encrypts new objects with SSE-S3 anyway, so writing that down changes nothing:
      // https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html
      fix: repeated
        ? undefined
        : ctx.hasCompanion('separate')
          ? {
              messageId: 'addCompanion',
              safety: 'safe',
              apply: (f) => f.insertCompanion('separate', bucket, { bucket: f.ref(bucket), algorithm: 'AES256' }),
            }
          : { messageId: 'addInline', safety: 'safe', apply: (f) => f.set(bucket, 'inline', SSE_S3) },
    });
  },
});
