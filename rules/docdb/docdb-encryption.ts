// DocumentDB clusters must encrypt storage at rest.
import { defineRule } from '../define-rule';
import { requireTrue } from '../lib/require-true';

export default defineRule({
  id: 'docdb-encryption',
  meta: {
    title: 'DocumentDB storage is encrypted at rest',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data at rest',
    docs: 'https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html',
    related: {
      checkov: ['CKV_AWS_74'],
      kics: ['bc1f9009-84a0-490f-ae09-3e0ea6d74ad6'],
      tfsec: ['aws-documentdb-enable-storage-encryption'],
      trivy: ['AVD-AWS-0021'],
    },
    fsbp: ['DocumentDB.1'],
    messages: {
      missing:
        '{{resource}} does not set {{encrypted}}; DocumentDB documents no default for it, so the storage is not known to be encrypted at rest.',
      disabled: '{{resource}} sets {{encrypted}} to false.',
      enable: 'Set {{encrypted}} to true',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::DocDB::DBCluster',
        props: { encrypted: 'StorageEncrypted', snapshot: 'SnapshotIdentifier', sourceCluster: 'SourceDBClusterIdentifier' },
      },
    ],
    terraform: [{ type: 'aws_docdb_cluster', props: { encrypted: 'storage_encrypted', snapshot: 'snapshot_identifier' } }],
  },
  check(cluster, report) {
    // A restore (from a snapshot or a point in time of another cluster) inherits the source's encryption unless the
    // flag is written out (the CloudFormation documentation of StorageEncrypted).
    const restored = !cluster.prop('snapshot').isMissing() || !cluster.prop('sourceCluster').isMissing();
    if (restored && cluster.prop('encrypted').isMissing()) return;
    // Encryption is chosen at creation: changing it replaces the cluster, so the fix is offered for review.
    requireTrue(cluster, 'encrypted', report, { missing: 'missing', disabled: 'disabled', enable: 'enable' }, 'review');
  },
});
