// MSK clusters encrypt traffic between clients and brokers, and between brokers, with TLS.
import { defineRule } from '../define-rule';

/** ClientBroker values that let clients talk to the brokers without TLS. */
const PLAINTEXT_ALLOWED = new Set(['PLAINTEXT', 'TLS_PLAINTEXT']);

export default defineRule({
  id: 'msk-encryption-in-transit',
  meta: {
    title: 'MSK clusters encrypt data in transit',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data in transit',
    docs: 'https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html#msk-encryption-in-transit',
    related: {
      checkov: ['CKV_AWS_81'],
      kics: ['a976d63f-af0e-46e8-b714-8c1a9c4bf768', '6db52fa6-d4da-4608-908a-89f0c59e743e'],
      tfsec: ['aws-msk-enable-in-transit-encryption'],
      trivy: ['AVD-AWS-0073'],
    },
    fsbp: ['MSK.1'],
    messages: {
      clientPlaintext: '{{resource}} sets {{clientBroker}} to {{value}}, so clients can exchange messages with the brokers unencrypted.',
      inClusterOff: '{{resource}} sets {{inCluster}} to false, so brokers replicate messages to each other unencrypted.',
      requireTls: 'Set {{clientBroker}} to TLS',
      encryptInCluster: 'Set {{inCluster}} to true',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::MSK::Cluster',
        props: {
          clientBroker: 'EncryptionInfo.EncryptionInTransit.ClientBroker',
          inCluster: 'EncryptionInfo.EncryptionInTransit.InCluster',
        },
      },
    ],
    terraform: [
      {
        type: 'aws_msk_cluster',
        props: {
          clientBroker: 'encryption_info.encryption_in_transit.client_broker',
          inCluster: 'encryption_info.encryption_in_transit.in_cluster',
        },
      },
    ],
  },
  check(cluster, report) {
    // Missing values are the service defaults, TLS and true, both safe: only written values are judged.
    const clientBroker = cluster.prop('clientBroker');
    const value = clientBroker.asString();
    if (value !== undefined && PLAINTEXT_ALLOWED.has(value)) {
      report({
        at: clientBroker,
        messageId: 'clientPlaintext',
        data: { value },
        // Clients still connecting on the plaintext port (9092) lose access: the user moves them first.
        fix: { messageId: 'requireTls', safety: 'review', apply: (f) => f.set(cluster, 'clientBroker', 'TLS') },
      });
    }
    const inCluster = cluster.prop('inCluster');
    if (inCluster.asBoolean() === false) {
      report({
        at: inCluster,
        messageId: 'inClusterOff',
        // InCluster cannot change on a running cluster: the CloudFormation schema marks it as replacing the cluster.
        fix: { messageId: 'encryptInCluster', safety: 'review', apply: (f) => f.set(cluster, 'inCluster', true) },
      });
    }
  },
});
