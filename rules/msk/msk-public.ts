// MSK brokers must not take public IP addresses (public access through service-provided Elastic IPs).
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'msk-public',
  meta: {
    title: 'MSK brokers are not publicly accessible',
    severity: 'high',
    whitepaper: 'Securing infrastructure: network and host-level boundaries',
    docs: 'https://docs.aws.amazon.com/msk/latest/developerguide/public-access.html',
    related: {
      checkov: ['CKV_AWS_291'],
      kics: ['0ce1ba20-8ba8-4364-836f-40c24b8cb0ab', '54378d69-dd7c-4b08-a43e-80d563396857'],
    },
    messages: {
      public: '{{resource}} sets {{accessType}} to SERVICE_PROVIDED_EIPS, so every broker gets a public IP address reachable from the internet.',
      disable: 'Set {{accessType}} to DISABLED',
    },
  },
  targets: {
    // Missing means DISABLED (public access can only be turned on for an existing cluster).
    cloudformation: [{ type: 'AWS::MSK::Cluster', props: { accessType: 'BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type' } }],
    terraform: [{ type: 'aws_msk_cluster', props: { accessType: 'broker_node_group_info.connectivity_info.public_access.type' } }],
  },
  check(cluster, report) {
    const type = cluster.prop('accessType');
    if (type.asString() !== 'SERVICE_PROVIDED_EIPS') return;
    report({
      at: type,
      messageId: 'public',
      // Clients that reach the brokers through their public addresses lose access: the user reviews it.
      fix: { messageId: 'disable', safety: 'review', apply: (f) => f.replace(type, 'DISABLED') },
    });
  },
});
