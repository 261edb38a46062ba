// RDS automated backups must not be switched off (a retention period of 0 days).
import { defineRule } from '../define-rule';

/** Seven days: the RDS console default, and enough to notice a problem over a weekend. */
const RETENTION_DAYS = 7;

export default defineRule({
  id: 'rds-backup-retention',
  meta: {
    title: 'RDS automated backups are enabled',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data integrity (backup)',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
    related: {
      checkov: ['CKV_AWS_133'],
      kics: ['8c415f6f-7b90-4a27-a44a-51047e1506f9', '1dc73fb4-5b51-430c-8c5f-25dcf9090b02'],
      tfsec: ['aws-rds-specify-backup-retention'],
    },
    messages: {
      disabled: '{{resource}} sets {{retention}} to 0, which turns off automated backups and point-in-time restore.',
      enable: `Set {{retention}} to ${RETENTION_DAYS} days`,
    },
  },
  targets: {
    cloudformation: [
      { type: 'AWS::RDS::DBInstance', props: { retention: 'BackupRetentionPeriod', cluster: 'DBClusterIdentifier' } },
      { type: 'AWS::RDS::DBCluster', props: { retention: 'BackupRetentionPeriod' } },
    ],
    terraform: [{ type: ['aws_db_instance', 'aws_rds_cluster'], props: { retention: 'backup_retention_period' } }],
  },
  check(db, report) {
    // Aurora cluster members ignore the instance value; the DB cluster keeps the backups.
    if (!db.prop('cluster').isMissing()) return;
    const retention = db.prop('retention');
    // Absent means the AWS default (1 day), which keeps backups; only an explicit 0 turns them off.
    if (retention.asNumber() !== 0) return;
    report({
      at: retention,
      messageId: 'disabled',
      // Going from 0 to a positive value reboots a DB instance (a brief outage), so the user picks the moment.
      // https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBInstance.html
      fix: { messageId: 'enable', safety: 'review', apply: (f) => f.set(db, 'retention', RETENTION_DAYS) },
    });
  },
});
