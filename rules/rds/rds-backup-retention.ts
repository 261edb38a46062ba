// RDS automated backups must not be switched off (a retention period of 0 days); DocumentDB and Neptune clusters,
// which always keep backups, must keep them for at least a week.
import { defineRule } from '../define-rule';
import { isUnset } from '../lib/unset';

/** Seven days: the RDS console default, and enough to notice a problem over a weekend. */
const RETENTION_DAYS = 7;

/** Cluster types whose backups cannot be turned off (1–35 days, default 1): a short period is the risk there. */
const ALWAYS_BACKED_UP = new Set(['AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster', 'aws_docdb_cluster', 'aws_neptune_cluster']);

export default defineRule({
  id: 'rds-backup-retention',
  meta: {
    title: 'RDS, DocumentDB and Neptune automated backups are kept',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data integrity (backup)',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
    related: {
      checkov: ['CKV_AWS_133', 'CKV_AWS_360', 'CKV_AWS_361'],
      kics: ['8c415f6f-7b90-4a27-a44a-51047e1506f9', '1dc73fb4-5b51-430c-8c5f-25dcf9090b02'],
      tfsec: ['aws-rds-specify-backup-retention'],
    },
    fsbp: ['DocumentDB.2', 'Neptune.5'],
    messages: {
      disabled: '{{resource}} sets {{retention}} to 0, which turns off automated backups and point-in-time restore.',
      missing: `{{resource}} does not set {{retention}}, so point-in-time restore reaches back only 1 day (the default); keep at least ${RETENTION_DAYS}.`,
      short: `{{resource}} sets {{retention}} to {{days}} days, so point-in-time restore reaches back less than ${RETENTION_DAYS} days.`,
      enable: `Set {{retention}} to ${RETENTION_DAYS} days`,
    },
  },
  targets: {
    cloudformation: [
      { type: 'AWS::RDS::DBInstance', props: { retention: 'BackupRetentionPeriod', cluster: 'DBClusterIdentifier' } },
      { type: ['AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster'], props: { retention: 'BackupRetentionPeriod' } },
    ],
    terraform: [
      { type: ['aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster'], props: { retention: 'backup_retention_period' } },
    ],
  },
  check(db, report) {
    // Aurora cluster members ignore the instance value; the DB cluster keeps the backups.
    if (!db.prop('cluster').isMissing()) return;
    const retention = db.prop('retention');
    if (ALWAYS_BACKED_UP.has(db.type)) {
      if (retention.isUnresolved()) return;
      const unset = isUnset(retention);
      const days = retention.asNumber();
      if (!unset && (days === undefined || days >= RETENTION_DAYS)) return;
      report({
        at: retention,
        messageId: unset ? 'missing' : 'short',
        data: { days: days ?? '' },
        // A longer period is an in-place change without interruption: these clusters back up continuously anyway.
        fix: { messageId: 'enable', safety: 'safe', apply: (f) => f.set(db, 'retention', RETENTION_DAYS) },
      });
      return;
    }
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
