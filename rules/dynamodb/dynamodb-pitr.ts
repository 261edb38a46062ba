// DynamoDB tables keep continuous backups (point-in-time recovery) so writes and deletes can be rolled back.
import { defineRule } from '../define-rule';
import { requireTrue } from '../lib/require-true';

export default defineRule({
  id: 'dynamodb-pitr',
  meta: {
    title: 'DynamoDB point-in-time recovery is enabled',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data integrity (backup)',
    docs: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html',
    related: {
      checkov: ['CKV_AWS_28'],
      kics: ['0f04217d-488f-4e7a-bec8-f16159686cd6', '741f1291-47ac-4a85-a07b-3d32a9d6bd3e'],
      tfsec: ['aws-dynamodb-enable-recovery'],
    },
    messages: {
      missing: '{{resource}} does not enable {{pitr}}; a bad write or delete cannot be rolled back.',
      disabled: '{{resource}} sets {{pitr}} to false.',
      enable: 'Enable point-in-time recovery',
    },
  },
  targets: {
    cloudformation: [
      {
        // SAM copies a SimpleTable's PointInTimeRecoverySpecification to the table it generates (aws-sam-translator
        // SamSimpleTable.to_cloudformation); Globals.SimpleTable cannot set it, so the resource's own value decides.
        type: ['AWS::DynamoDB::Table', 'AWS::Serverless::SimpleTable'],
        props: { pitr: 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled' },
      },
    ],
    terraform: [{ type: 'aws_dynamodb_table', props: { pitr: 'point_in_time_recovery.enabled' } }],
  },
  check(table, report) {
    // Turning recovery on is an in-place update; it adds cost but replaces nothing and changes no access.
    requireTrue(table, 'pitr', report, { missing: 'missing', disabled: 'disabled', enable: 'enable' });
  },
});
