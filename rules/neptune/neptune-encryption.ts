// Neptune clusters must encrypt storage at rest.
import { defineRule } from '../define-rule';
import { requireTrue } from '../lib/require-true';

export default defineRule({
  id: 'neptune-encryption',
  meta: {
    title: 'Neptune storage is encrypted at rest',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data at rest',
    docs: 'https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html',
    related: {
      checkov: ['CKV_AWS_44'],
      kics: ['bf4473f1-c8a2-4b1b-8134-bd32efabab93', '98d59056-f745-4ef5-8613-32bca8d40b7e'],
      tfsec: ['aws-neptune-enable-storage-encryption'],
      trivy: ['AVD-AWS-0076'],
    },
    fsbp: ['Neptune.1'],
    messages: {
      missing: '{{resource}} does not set {{encrypted}}; Neptune documents no default for it, so the storage is not known to be encrypted at rest.',
      disabled: '{{resource}} sets {{encrypted}} to false.',
      enable: 'Set {{encrypted}} to true',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::Neptune::DBCluster',
        props: { encrypted: 'StorageEncrypted', snapshot: 'SnapshotIdentifier', source: 'SourceDBClusterIdentifier' },
      },
    ],
    terraform: [
      {
        type: 'aws_neptune_cluster',
        props: { encrypted: 'storage_encrypted', snapshot: 'snapshot_identifier', source: 'replication_source_identifier' },
      },
    ],
  },
  check(cluster, report) {
    // A restore or a replica inherits the source's encryption unless the flag is written out (the CloudFormation
    // documentation of StorageEncrypted).
    const fromSource = !cluster.prop('snapshot').isMissing() || !cluster.prop('source').isMissing();
    if (fromSource && cluster.prop('encrypted').isMissing()) return;
    // Encryption is chosen at creation: changing it replaces the cluster, so the fix is offered for review.
    requireTrue(cluster, 'encrypted', report, { missing: 'missing', disabled: 'disabled', enable: 'enable' }, 'review');
  },
});
