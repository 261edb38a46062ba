// RDS instances and clusters, and DocumentDB and Neptune clusters, refuse deletion until protection is turned off, so
// one API call cannot drop the data.
import { defineRule } from '../define-rule';
import { requireTrue } from '../lib/require-true';

export default defineRule({
  id: 'rds-deletion-protection',
  meta: {
    title: 'RDS, DocumentDB and Neptune deletion protection is enabled',
    severity: 'low',
    whitepaper: 'Securing your data: protecting data integrity (accidental deletion)',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection',
    related: {
      // CKV2_AWS_58 is Neptune's; Checkov has no DocumentDB deletion-protection check (CKV_AWS_360 is its backups).
      checkov: ['CKV_AWS_139', 'CKV2_AWS_58'],
      kics: ['2c161e58-cb52-454f-abea-6470c37b5e6e'],
      tfsec: ['aws-rds-enable-deletion-protection'],
    },
    fsbp: ['DocumentDB.5', 'Neptune.4'],
    messages: {
      missing: '{{resource}} does not set {{protection}}; the database can be deleted by a single API call or stack update.',
      disabled: '{{resource}} sets {{protection}} to false.',
      enable: 'Set {{protection}} to true',
    },
  },
  targets: {
    cloudformation: [
      { type: 'AWS::RDS::DBInstance', props: { protection: 'DeletionProtection', cluster: 'DBClusterIdentifier' } },
      { type: ['AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster'], props: { protection: 'DeletionProtection' } },
    ],
    terraform: [
      { type: ['aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster'], props: { protection: 'deletion_protection' } },
    ],
  },
  check(db, report) {
    // Aurora cluster members ignore the instance flag; the DB cluster's own setting protects the data.
    if (!db.prop('cluster').isMissing()) return;
    // Changes nothing but what the API accepts: no replacement, no interruption.
    requireTrue(db, 'protection', report, { missing: 'missing', disabled: 'disabled', enable: 'enable' });
  },
});
