// Redshift clusters must not be reachable from the internet (publicly accessible endpoints).
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'redshift-public',
  meta: {
    title: 'Redshift cluster is not publicly accessible',
    severity: 'critical',
    whitepaper: 'Securing infrastructure: network and host-level boundaries',
    docs: 'https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html',
    related: {
      checkov: ['CKV_AWS_87'],
      kics: ['bdf8dcb4-75df-4370-92c4-606e4ae6c4d3', 'af173fde-95ea-4584-b904-bb3923ac4bda'],
    },
    fsbp: ['Redshift.1'],
    messages: {
      public: '{{resource}} sets {{public}} to true, so the cluster gets an address reachable from the internet.',
      private: 'Set {{public}} to false',
    },
  },
  targets: {
    // The service default is false (CloudFormation schema), so a missing flag is silent in both formats.
    cloudformation: [{ type: 'AWS::Redshift::Cluster', props: { public: 'PubliclyAccessible' } }],
    terraform: [{ type: 'aws_redshift_cluster', props: { public: 'publicly_accessible' } }],
  },
  check(cluster, report) {
    const flag = cluster.prop('public');
    if (flag.asBoolean() !== true) return;
    report({
      at: flag,
      messageId: 'public',
      // Whoever connects through the public endpoint today loses access: the user reviews it.
      fix: { messageId: 'private', safety: 'review', apply: (f) => f.set(cluster, 'public', false) },
    });
  },
});
