// ECS task definitions mount EFS volumes over TLS, so file data is encrypted between the task and the file system.
import { defineRule } from '../define-rule';
import { isUnset } from '../lib/unset';

export default defineRule({
  id: 'ecs-efs-transit-encryption',
  meta: {
    title: 'ECS EFS volumes encrypt data in transit',
    severity: 'high',
    whitepaper: 'Securing your data: protecting data in transit',
    docs: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html',
    related: {
      checkov: ['CKV_AWS_97'],
      kics: ['c1282e03-b285-4637-aee7-eefe3a7bb658', '4d46ff3b-7160-41d1-a310-71d6d370b08f'],
      tfsec: ['aws-ecs-enable-in-transit-encryption'],
      trivy: ['AVD-AWS-0035'],
    },
    messages: {
      missing: '{{resource}} mounts an EFS volume without {{transit}}, which defaults to DISABLED: file data crosses the network unencrypted.',
      disabled: '{{resource}} sets {{transit}} to DISABLED on an EFS volume: file data crosses the network unencrypted.',
      enable: 'Set {{transit}} to ENABLED',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::ECS::TaskDefinition', props: { efs: 'Volumes[].EFSVolumeConfiguration', transit: 'TransitEncryption' } }],
    terraform: [{ type: 'aws_ecs_task_definition', props: { efs: 'volume[].efs_volume_configuration', transit: 'transit_encryption' } }],
  },
  check(task, report) {
    for (const efs of task.list('efs')) {
      if (efs.isMissing() || efs.isUnresolved()) continue;
      const transit = efs.prop('transit');
      if (transit.isUnresolved() || transit.asString() === 'ENABLED') continue;
      report({
        at: transit,
        messageId: isUnset(transit) ? 'missing' : 'disabled',
        // A new revision mounts through the EFS mount helper's TLS tunnel: container instances without
        // amazon-efs-utils (custom AMIs) then fail to start the task, so the user checks the hosts first.
        fix: { messageId: 'enable', safety: 'review', apply: (f) => f.set(efs, 'transit', 'ENABLED') },
      });
    }
  },
});
