// RDS instances and clusters must encrypt storage at rest.
import { defineRule } from '../define-rule';
import { requireTrue } from '../lib/require-true';

export default defineRule({
  id: 'rds-encryption',
  meta: {
    title: 'RDS storage is encrypted at rest',
    severity: 'high',
    whitepaper: 'Securing your data: protecting data at rest',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
    related: {
      checkov: ['CKV_AWS_16', 'CKV_AWS_96'],
      kics: [
        '65844ba3-03a1-40a8-b3dd-919f122e8c95',
        '5beacce3-4020-4a3d-9e1d-a36f953df630',
        '08bd0760-8752-44e1-9779-7bb369b2b4e4',
        '3199c26c-7871-4cb3-99c2-10a59244ce7f',
        '1a690d1d-0ae7-49fa-b2db-b75ae0dd1d3e',
      ],
      tfsec: ['aws-rds-encrypt-instance-storage-data', 'aws-rds-encrypt-cluster-storage-data'],
      trivy: ['AVD-AWS-0080', 'AVD-AWS-0079'],
      cfnNag: ['F26', 'F27'],
    },
    messages: {
      missing: '{{resource}} does not set {{encrypted}}; RDS storage is unencrypted by default.',
      disabled: '{{resource}} sets {{encrypted}} to false.',
      enable: 'Set {{encrypted}} to true',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::RDS::DBInstance',
        props: { encrypted: 'StorageEncrypted', cluster: 'DBClusterIdentifier', engine: 'Engine', source: 'SourceDBInstanceIdentifier' },
      },
      { type: 'AWS::RDS::DBCluster', props: { encrypted: 'StorageEncrypted', source: 'SnapshotIdentifier', mode: 'EngineMode' } },
    ],
    terraform: [
      { type: 'aws_db_instance', props: { encrypted: 'storage_encrypted', engine: 'engine', source: 'replicate_source_db' } },
      { type: 'aws_rds_cluster', props: { encrypted: 'storage_encrypted', source: 'snapshot_identifier', mode: 'engine_mode' } },
    ],
  },
  check(db, report) {
    // Members of a cluster, and Aurora instances, take their encryption from the DB cluster.
    if (!db.prop('cluster').isMissing()) return;
    if (db.prop('engine').asString()?.startsWith('aurora')) return;
    // Aurora Serverless v1 clusters are always encrypted; the flag cannot be false there.
    if (db.prop('mode').asString() === 'serverless') return;
    // Read replicas and snapshot restores inherit the source's encryption unless it is written out.
    if (!db.prop('source').isMissing() && db.prop('encrypted').isMissing()) return;
    // Changing encryption on an existing database forces replacement.
    requireTrue(db, 'encrypted', report, { missing: 'missing', disabled: 'disabled', enable: 'enable' }, 'review');
  },
});
