// Glue encrypts what its jobs, crawlers and the Data Catalog store: S3 output, CloudWatch logs, job bookmarks,
// catalog metadata and connection passwords.
import type { ValueView } from '../api';
import { defineRule } from '../define-rule';
import { isBlank, isUnset } from '../lib/unset';

const DISABLED = 'DISABLED';

/** A mode that is written, resolved, and not DISABLED (the values are the SDK's enums, upper case). */
function enabledMode(value: ValueView): boolean {
  return !isUnset(value) && !value.isUnresolved() && value.asString() !== DISABLED;
}

export default defineRule({
  id: 'glue-encryption',
  meta: {
    title: 'Glue encrypts job output, logs, bookmarks and the Data Catalog',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data at rest',
    docs: 'https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html',
    related: {
      checkov: ['CKV_AWS_99', 'CKV_AWS_94', 'CKV_AWS_195'],
      kics: ['ad5b4e97-2850-4adf-be17-1d293e0b85ee', '01d50b14-e933-4c99-b314-6d08cd37ad35'],
    },
    messages: {
      s3Off: '{{resource}} has no {{s3Mode}} other than DISABLED, so the data its jobs write to S3 is not encrypted by it.',
      cloudwatchMissing:
        '{{resource}} does not set {{cloudwatchMode}} (default DISABLED), so the logs its jobs write to CloudWatch are not encrypted with KMS.',
      cloudwatchDisabled: '{{resource}} sets {{cloudwatchMode}} to DISABLED, so the logs its jobs write to CloudWatch are not encrypted with KMS.',
      bookmarksMissing: '{{resource}} does not set {{bookmarksMode}} (default DISABLED), so job bookmarks are stored unencrypted.',
      bookmarksDisabled: '{{resource}} sets {{bookmarksMode}} to DISABLED, so job bookmarks are stored unencrypted.',
      catalogMissing: '{{resource}} does not set {{catalogMode}} (default DISABLED), so Data Catalog metadata is stored unencrypted.',
      catalogDisabled: '{{resource}} sets {{catalogMode}} to DISABLED, so Data Catalog metadata is stored unencrypted.',
      passwordsMissing:
        '{{resource}} does not set {{returnEncrypted}}, so connection passwords are returned in plaintext to whoever can read the connections.',
      passwordsDisabled:
        '{{resource}} sets {{returnEncrypted}} to false, so connection passwords are returned in plaintext to whoever can read the connections.',
      noSecurityConfiguration:
        '{{resource}} does not set {{securityConfiguration}}, so nothing encrypts the data it writes to S3, its CloudWatch logs or its job bookmarks.',
      useSseS3: 'Set {{s3Mode}} to SSE-S3',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::Glue::SecurityConfiguration',
        props: {
          s3: 'EncryptionConfiguration.S3Encryptions[]',
          s3List: 'EncryptionConfiguration.S3Encryptions',
          s3Mode: 'S3EncryptionMode',
          cloudwatchMode: 'EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode',
          bookmarksMode: 'EncryptionConfiguration.JobBookmarksEncryption.JobBookmarksEncryptionMode',
        },
      },
      {
        type: 'AWS::Glue::DataCatalogEncryptionSettings',
        props: {
          catalogMode: 'DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode',
          returnEncrypted: 'DataCatalogEncryptionSettings.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted',
        },
      },
      { type: ['AWS::Glue::Job', 'AWS::Glue::DevEndpoint'], props: { securityConfiguration: 'SecurityConfiguration' } },
      { type: 'AWS::Glue::Crawler', props: { securityConfiguration: 'CrawlerSecurityConfiguration' } },
    ],
    terraform: [
      {
        type: 'aws_glue_security_configuration',
        props: {
          s3: 'encryption_configuration.s3_encryption[]',
          s3List: 'encryption_configuration.s3_encryption',
          s3Mode: 's3_encryption_mode',
          cloudwatchMode: 'encryption_configuration.cloudwatch_encryption.cloudwatch_encryption_mode',
          bookmarksMode: 'encryption_configuration.job_bookmarks_encryption.job_bookmarks_encryption_mode',
        },
      },
      {
        type: 'aws_glue_data_catalog_encryption_settings',
        props: {
          catalogMode: 'data_catalog_encryption_settings.encryption_at_rest.catalog_encryption_mode',
          returnEncrypted: 'data_catalog_encryption_settings.connection_password_encryption.return_connection_password_encrypted',
        },
      },
      { type: ['aws_glue_job', 'aws_glue_crawler', 'aws_glue_dev_endpoint'], props: { securityConfiguration: 'security_configuration' } },
    ],
  },
  check(resource, report) {
    if (resource.declares('s3')) {
      const items = resource.list('s3');
      const undecided = items.some((i) => i.isUnresolved() || i.prop('s3Mode').isUnresolved());
      if (!undecided && !items.some((i) => enabledMode(i.prop('s3Mode')))) {
        const first = items[0];
        report({
          at: first ? first.prop('s3Mode') : resource.prop('s3List'),
          messageId: 's3Off',
          // A security configuration cannot be updated in place (replacement, and a fixed Name then collides), so
          // the fix is for review; SSE-S3 needs no key policy and is transparent to readers.
          fix: {
            messageId: 'useSseS3',
            safety: 'review',
            apply: (f) => {
              if (first) f.set(first, 's3Mode', 'SSE-S3');
              else if (resource.family === 'cloudformation') f.set(resource, 's3List', [{ S3EncryptionMode: 'SSE-S3' }]);
              else f.set(resource, 's3List', { s3_encryption_mode: 'SSE-S3' });
            },
          },
        });
      }
      // CloudWatch and bookmark encryption need a KMS key (and a key policy for the Logs service): no fix.
      for (const [key, missing, disabled] of [
        ['cloudwatchMode', 'cloudwatchMissing', 'cloudwatchDisabled'],
        ['bookmarksMode', 'bookmarksMissing', 'bookmarksDisabled'],
      ] as const) {
        const mode = resource.prop(key);
        if (mode.isUnresolved() || enabledMode(mode)) continue;
        report({ at: mode, messageId: isUnset(mode) ? missing : disabled });
      }
    }
    if (resource.declares('catalogMode')) {
      const mode = resource.prop('catalogMode');
      if (!mode.isUnresolved() && !enabledMode(mode)) report({ at: mode, messageId: isUnset(mode) ? 'catalogMissing' : 'catalogDisabled' });
      const returnEncrypted = resource.prop('returnEncrypted');
      if (!returnEncrypted.isUnresolved() && returnEncrypted.asBoolean() !== true) {
        report({ at: returnEncrypted, messageId: isUnset(returnEncrypted) ? 'passwordsMissing' : 'passwordsDisabled' });
      }
    }
    if (resource.declares('securityConfiguration')) {
      const configuration = resource.prop('securityConfiguration');
      if (configuration.isUnresolved()) return;
      if (isBlank(configuration)) report({ at: configuration, messageId: 'noSecurityConfiguration' });
    }
  },
});
