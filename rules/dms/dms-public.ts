// DMS replication instances must not be reachable from the internet; the service makes them public by default.
import { defineRule } from '../define-rule';
import { isUnset } from '../lib/unset';

export default defineRule({
  id: 'dms-public',
  meta: {
    title: 'DMS replication instance is not publicly accessible',
    severity: 'critical',
    whitepaper: 'Securing infrastructure: network and host-level boundaries',
    docs: 'https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html',
    related: {
      checkov: ['CKV_AWS_89'],
      kics: ['5864fb39-d719-4182-80e2-89dbe627be63', '030d3b18-1821-45b4-9e08-50efbe7becbb'],
    },
    fsbp: ['DMS.1'],
    messages: {
      missing: '{{resource}} does not set {{public}}; DMS then gives the replication instance a public IP address (the default is true).',
      public: '{{resource}} sets {{public}} to true, so the replication instance gets a public IP address.',
      private: 'Set {{public}} to false (replaces the replication instance)',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::DMS::ReplicationInstance', props: { public: 'PubliclyAccessible' } }],
    terraform: [{ type: 'aws_dms_replication_instance', props: { public: 'publicly_accessible' } }],
  },
  check(instance, report) {
    const flag = instance.prop('public');
    // Missing means the service default, true (CloudFormation schema); Terraform is read the same way (catalogue
    // clarification 5: writing the safe value costs nothing).
    if (flag.isUnresolved() || flag.asBoolean() === false) return;
    if (!isUnset(flag) && flag.asBoolean() !== true) return;
    report({
      at: flag,
      messageId: isUnset(flag) ? 'missing' : 'public',
      // The property replaces the instance (running tasks restart on a new one): never part of a fix-all.
      fix: { messageId: 'private', safety: 'review', apply: (f) => f.set(instance, 'public', false) },
    });
  },
});
