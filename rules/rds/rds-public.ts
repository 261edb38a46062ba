// RDS databases must not be reachable from the internet (publicly accessible endpoints).
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'rds-public',
  meta: {
    title: 'RDS database is not publicly accessible',
    severity: 'high',
    whitepaper: 'Securing infrastructure: network and host-level boundaries',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding',
    related: {
      checkov: ['CKV_AWS_17'],
      kics: ['de38e1d5-54cb-4111-a868-6f7722695007', '35113e6f-2c6b-414d-beec-7a9482d3b2d1'],
      tfsec: ['aws-rds-no-public-db-access'],
      trivy: ['AVD-AWS-0082'],
      cfnNag: ['F22'],
    },
    messages: {
      public: '{{resource}} sets {{public}} to true, so the database gets an address reachable from the internet.',
      private: 'Set {{public}} to false',
    },
  },
  targets: {
    // Cluster members are judged too: each instance of an Aurora cluster has its own endpoint and flag.
    cloudformation: [{ type: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'], props: { public: 'PubliclyAccessible' } }],
    terraform: [{ type: ['aws_db_instance', 'aws_rds_cluster_instance'], props: { public: 'publicly_accessible' } }],
  },
  check(db, report) {
    const flag = db.prop('public');
    if (flag.asBoolean() !== true) return;
    report({
      at: flag,
      messageId: 'public',
      // Taking the endpoint off the internet cuts off whoever connects through it today.
      fix: { messageId: 'private', safety: 'review', apply: (f) => f.set(db, 'public', false) },
    });
  },
});
