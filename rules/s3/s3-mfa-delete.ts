// Versioned S3 buckets require MFA to delete object versions or suspend versioning (Terraform only: CloudFormation cannot set it).
import { defineRule } from '../define-rule';

export default defineRule({
  id: 's3-mfa-delete',
  meta: {
    title: 'S3 bucket versioning requires MFA Delete',
    severity: 'low',
    whitepaper: 'Securing your data: protecting data integrity (MFA Delete)',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html',
    related: { kics: ['c5b31ab9-0f26-4a49-b8aa-4cc064392f4d'] },
    messages: {
      missing:
        '{{resource}} does not set {{mfaDelete}}, so object versions can be deleted without MFA. Only the root user of the bucket owner account can enable MFA Delete, with its MFA device; no automatic fix is offered.',
      disabled:
        '{{resource}} sets {{mfaDelete}} to {{value}}, so object versions can be deleted without MFA. Only the root user of the bucket owner account can enable MFA Delete, with its MFA device; no automatic fix is offered.',
    },
  },
  targets: {
    terraform: [
      { type: 'aws_s3_bucket_versioning', props: { versioning: 'versioning_configuration', mfaDelete: 'versioning_configuration.mfa_delete' } },
      // The legacy inline block of provider v3 counts like the separate resource (a boolean there).
      { type: 'aws_s3_bucket', props: { versioning: 'versioning', mfaDelete: 'versioning.mfa_delete' } },
    ],
  },
  check(resource, report) {
    const versioning = resource.prop('versioning');
    // A bucket without any versioning block is s3-versioning's finding; unresolved blocks are not judged.
    if (versioning.isMissing() || versioning.isUnresolved()) return;
    const mfa = resource.prop('mfaDelete');
    if (mfa.isUnresolved() || mfa.asString() === 'Enabled' || mfa.asBoolean() === true) return;
    report({ at: mfa, messageId: mfa.isMissing() ? 'missing' : 'disabled', data: { value: mfa.asString() ?? '' } });
  },
});
