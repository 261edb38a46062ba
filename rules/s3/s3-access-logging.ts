// S3 buckets record server access logs, so requests to their objects can be audited.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 's3-access-logging',
  meta: {
    title: 'S3 bucket server access logging is enabled',
    severity: 'low',
    whitepaper: 'Monitoring, alerting, audit trail and incident response',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
    related: {
      checkov: ['CKV_AWS_18'],
      kics: ['4552b71f-0a2a-4bc4-92dd-ed7ec1b4674c', 'f861041c-8c9f-4156-acfc-5e6e524f5884'],
      tfsec: ['aws-s3-enable-bucket-logging'],
      trivy: ['AVD-AWS-0089'],
      cfnNag: ['W35'],
    },
    messages: {
      missing: '{{resource}} does not log server access requests; set {{logging}} to a log bucket of your choice.',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::S3::Bucket', props: { name: 'BucketName', logging: 'LoggingConfiguration', acl: 'AccessControl' } }],
    terraform: [{ type: 'aws_s3_bucket', props: { name: 'bucket', logging: 'logging', acl: 'acl' } }],
  },
  companions: {
    // Another bucket that logs into this one (CloudFormation, and the legacy Terraform inline block).
    source: {
      cloudformation: { type: 'AWS::S3::Bucket', props: { target: 'LoggingConfiguration.DestinationBucketName' } },
      terraform: { type: 'aws_s3_bucket', props: { target: 'logging.target_bucket' } },
    },
    logging: { terraform: { type: 'aws_s3_bucket_logging', props: { bucket: 'bucket', target: 'target_bucket' } } },
    acl: { terraform: { type: 'aws_s3_bucket_acl', props: { bucket: 'bucket', acl: 'acl' } } },
  },
  check(bucket, report, ctx) {
    // Written (or decided by a dynamic block / an expression): logging is configured.
    if (!bucket.prop('logging').isMissing()) return;
    if (ctx.referencing('logging', 'bucket', bucket).length > 0) return;
    // The log target itself is skipped: logging it would need yet another bucket, and into itself it would loop.
    if (ctx.referencing('source', 'target', bucket).length > 0) return;
    if (ctx.referencing('logging', 'target', bucket).length > 0) return;
    const acls = [bucket.prop('acl'), ...ctx.referencing('acl', 'bucket', bucket).map((a) => a.prop('acl'))];
    if (acls.some((a) => /^log-?delivery-?write$/i.test(a.asString() ?? ''))) return;
    // No fix: the target bucket (and its permissions for the logging service) is the user's choice.
    report({ at: bucket, messageId: 'missing' });
  },
});
