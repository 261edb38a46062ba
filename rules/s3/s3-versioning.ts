// S3 buckets keep object versions, so overwrites and deletions can be undone.
import type { Report, ResourceView, RuleContext } from '../api';
import { defineRule } from '../define-rule';

type Keys = 'name' | 'status' | 'legacyEnabled' | 'bucket';
type Messages = 'missing' | 'notEnabled' | 'legacyDisabled' | 'companionOff' | 'enable' | 'addCompanion';

/** CloudFormation: `VersioningConfiguration.Status` on the bucket. */
function checkStatus(bucket: ResourceView<Keys>, report: Report<Messages, Keys>): void {
  const status = bucket.prop('status');
  if (status.isUnresolved() || status.asString() === 'Enabled') return;
  report({
    at: status,
    messageId: status.isMissing() ? 'missing' : 'notEnabled',
    data: { value: status.asString() ?? '' },
    fix: { messageId: 'enable', safety: 'safe', apply: (f) => f.set(bucket, 'status', 'Enabled') },
  });
}

/** Terraform: the legacy inline `versioning` block and a separate aws_s3_bucket_versioning count alike. */
function checkVersioningResource(bucket: ResourceView<Keys>, report: Report<Messages, Keys>, ctx: RuleContext<Keys>): void {
  const legacy = bucket.prop('legacyEnabled');
  if (legacy.isUnresolved() || legacy.asBoolean() === true) return;
  const separate = ctx.referencing('versioning', 'bucket', bucket);
  const statuses = separate.map((v) => v.prop('status'));
  if (statuses.some((s) => s.isUnresolved() || s.asString() === 'Enabled')) return;
  const off = separate[0];
  if (off) {
    // Reported at the companion's status; the engine moves it to the bucket when that lives in another file.
    const status = off.prop('status');
    report({
      at: status.isMissing() ? off : status,
      messageId: 'companionOff',
      data: { versioningType: off.address },
      fix: { messageId: 'enable', safety: 'safe', apply: (f) => f.set(off, 'status', 'Enabled') },
    });
  } else if (!legacy.isMissing()) {
    report({
      at: legacy,
      messageId: 'legacyDisabled',
      fix: { messageId: 'enable', safety: 'safe', apply: (f) => f.set(bucket, 'legacyEnabled', true) },
    });
  } else {
    report({
      at: bucket,
      messageId: 'missing',
      fix: {
        messageId: 'addCompanion',
        safety: 'safe',
        apply: (f) => f.insertCompanion('versioning', bucket, { bucket: f.ref(bucket), status: 'Enabled' }),
      },
    });
  }
}

export default defineRule<Keys, Messages>({
  id: 's3-versioning',
  meta: {
    title: 'S3 bucket versioning is enabled',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data integrity (versioning)',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
    related: {
      checkov: ['CKV_AWS_21'],
      kics: ['a227ec01-f97a-4084-91a4-47b350c1db54', '568a4d22-3517-44a6-a7ad-6a7eed88722c'],
      tfsec: ['aws-s3-enable-versioning'],
      trivy: ['AVD-AWS-0090'],
    },
    messages: {
      missing: '{{resource}} does not enable versioning; overwritten or deleted objects cannot be recovered.',
      notEnabled: '{{resource}} sets {{status}} to {{value}} instead of Enabled.',
      legacyDisabled: '{{resource}} sets {{legacyEnabled}} to false.',
      companionOff: '{{resource}} is versioned by {{versioningType}}, whose status is not Enabled.',
      enable: 'Enable versioning',
      addCompanion: 'Add an aws_s3_bucket_versioning resource with status Enabled',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::S3::Bucket', props: { name: 'BucketName', status: 'VersioningConfiguration.Status' }, check: checkStatus }],
    terraform: [{ type: 'aws_s3_bucket', props: { name: 'bucket', legacyEnabled: 'versioning.enabled' }, check: checkVersioningResource }],
  },
  companions: {
    versioning: {
      terraform: { type: 'aws_s3_bucket_versioning', props: { bucket: 'bucket', status: 'versioning_configuration.status' } },
    },
  },
});
