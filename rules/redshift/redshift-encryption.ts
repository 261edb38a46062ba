// Redshift clusters must encrypt data at rest.
import { defineRule } from '../define-rule';
import { requireTrue } from '../lib/require-true';

export default defineRule({
  id: 'redshift-encryption',
  meta: {
    title: 'Redshift clusters are encrypted at rest',
    severity: 'high',
    whitepaper: 'Securing your data: protecting data at rest',
    docs: 'https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html',
    related: {
      checkov: ['CKV_AWS_64'],
      kics: ['3b316b05-564c-44a7-9c3f-405bb95e211e', 'cfdcabb0-fc06-427c-865b-c59f13e898ce'],
    },
    messages: {
      missing: '{{resource}} does not set {{encrypted}}; older API and provider defaults create the cluster unencrypted.',
      disabled: '{{resource}} sets {{encrypted}} to false.',
      enable: 'Set {{encrypted}} to true',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::Redshift::Cluster', props: { encrypted: 'Encrypted', source: 'SnapshotIdentifier' } }],
    terraform: [{ type: 'aws_redshift_cluster', props: { encrypted: 'encrypted', source: 'snapshot_identifier' } }],
  },
  check(cluster, report) {
    // A cluster restored from a snapshot takes the snapshot's encryption unless the flag is written out.
    if (!cluster.prop('source').isMissing() && cluster.prop('encrypted').isMissing()) return;
    // Encrypting an existing cluster migrates its data to a new cluster; it is read-only meanwhile.
    requireTrue(cluster, 'encrypted', report, { missing: 'missing', disabled: 'disabled', enable: 'enable' }, 'review');
  },
});
