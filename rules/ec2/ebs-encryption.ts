// EBS volumes (standalone, instance, launch template/configuration block devices) must be encrypted at rest.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'ebs-encryption',
  meta: {
    title: 'EBS volumes are encrypted at rest',
    severity: 'high',
    whitepaper: 'Securing your data: protecting data at rest',
    docs: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
    related: {
      checkov: ['CKV_AWS_3', 'CKV_AWS_8', 'CKV_AWS_189'],
      kics: ['80b7ac3f-d2b7-4577-9b10-df7913497162', 'cc997676-481b-4e93-aa81-d19f8c5e9b12', '4de9de27-254e-424f-bd70-4c1e95790838'],
      tfsec: ['aws-ebs-enable-volume-encryption', 'aws-ec2-enable-at-rest-encryption', 'aws-ec2-enable-launch-config-at-rest-encryption'],
      trivy: ['AVD-AWS-0026', 'AVD-AWS-0131', 'AVD-AWS-0008'],
      cfnNag: ['F1'],
    },
    messages: {
      missing: '{{resource}} does not set {{encrypted}}; EBS volumes are unencrypted unless encryption by default is on.',
      disabled: '{{resource}} sets {{encrypted}} to false.',
      noRoot: '{{resource}} has no {{rootVolume}} block, so its root volume is unencrypted.',
      enable: 'Set {{encrypted}} to true',
    },
  },
  targets: {
    cloudformation: [
      { type: 'AWS::EC2::Volume', props: { volumes: '', encrypted: 'Encrypted' } },
      {
        type: ['AWS::EC2::Instance', 'AWS::AutoScaling::LaunchConfiguration'],
        props: { volumes: 'BlockDeviceMappings[].Ebs', encrypted: 'Encrypted' },
      },
      { type: 'AWS::EC2::LaunchTemplate', props: { volumes: 'LaunchTemplateData.BlockDeviceMappings[].Ebs', encrypted: 'Encrypted' } },
    ],
    terraform: [
      { type: 'aws_ebs_volume', props: { volumes: '', encrypted: 'encrypted' } },
      { type: 'aws_instance', props: { volumes: 'ebs_block_device[]', rootVolume: 'root_block_device', encrypted: 'encrypted' } },
      // A launch configuration's root volume follows its AMI when no block is given, so only written blocks are judged.
      { type: 'aws_launch_configuration', props: { volumes: 'root_block_device[]', moreVolumes: 'ebs_block_device[]', encrypted: 'encrypted' } },
      { type: 'aws_launch_template', props: { volumes: 'block_device_mappings[].ebs', encrypted: 'encrypted' } },
    ],
  },
  companions: {
    byDefault: { terraform: { type: 'aws_ebs_encryption_by_default', props: { enabled: 'enabled' } } },
  },
  check(resource, report, ctx) {
    // `aws_ebs_encryption_by_default` (enabled defaults to true) encrypts every new volume in the region.
    if (ctx.companions('byDefault').some((c) => c.prop('enabled').asBoolean() !== false)) return;
    const volumes = [...resource.list('volumes'), ...resource.list('moreVolumes')];
    if (resource.declares('rootVolume')) {
      const root = resource.prop('rootVolume');
      if (root.isMissing()) {
        // The provider creates an unencrypted root volume when no block says otherwise.
        report({
          at: root,
          messageId: 'noRoot',
          fix: { messageId: 'enable', safety: 'review', apply: (f) => f.set(root, 'encrypted', true) },
        });
      } else volumes.push(...root.items());
    }
    for (const volume of volumes) {
      if (volume.isUnresolved()) continue;
      const encrypted = volume.prop('encrypted');
      if (encrypted.isUnresolved() || encrypted.asBoolean() === true) continue;
      report({
        at: encrypted,
        messageId: encrypted.isMissing() ? 'missing' : 'disabled',
        // Encrypting an existing volume replaces it, so the user confirms.
        fix: { messageId: 'enable', safety: 'review', apply: (f) => f.set(volume, 'encrypted', true) },
      });
    }
  },
});
