// EC2 instances, launch templates and launch configurations must not ask for a public IP address explicitly.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'ec2-public-ip',
  meta: {
    title: 'EC2 instances do not request a public IP address',
    severity: 'high',
    whitepaper: 'Securing infrastructure: network and host-level boundaries',
    docs: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses',
    related: {
      checkov: ['CKV_AWS_88'],
      kics: ['5a2486aa-facf-477d-a5c1-b010789459ce'],
      tfsec: ['aws-ec2-no-public-ip'],
      trivy: ['AVD-AWS-0009'],
    },
    fsbp: ['EC2.9', 'EC2.25', 'AutoScaling.5'],
    messages: {
      public: '{{resource}} sets {{associate}} to true, so the instance gets a public IP address reachable from the internet.',
      private: 'Set {{associate}} to false',
      privateReplace: 'Set {{associate}} to false (replaces the resource)',
    },
  },
  // `nic` is each network interface (the resource itself where the flag sits at the top level). Missing is
  // silent: the subnet decides (subnet-public-ip judges it).
  targets: {
    cloudformation: [
      { type: 'AWS::EC2::Instance', props: { nic: 'NetworkInterfaces[]', associate: 'AssociatePublicIpAddress' } },
      { type: 'AWS::EC2::LaunchTemplate', props: { nic: 'LaunchTemplateData.NetworkInterfaces[]', associate: 'AssociatePublicIpAddress' } },
      { type: 'AWS::AutoScaling::LaunchConfiguration', props: { nic: '', associate: 'AssociatePublicIpAddress' } },
    ],
    terraform: [
      { type: ['aws_instance', 'aws_launch_configuration'], props: { nic: '', associate: 'associate_public_ip_address' } },
      { type: 'aws_launch_template', props: { nic: 'network_interfaces[]', associate: 'associate_public_ip_address' } },
    ],
  },
  check(resource, report) {
    // Launch template versions are new objects; instance network interfaces and launch configurations are replaced.
    const replaces = resource.type !== 'AWS::EC2::LaunchTemplate' && resource.type !== 'aws_launch_template';
    // aws_launch_template's argument is a string ("true"/"false"); everywhere else a boolean.
    const off = resource.type === 'aws_launch_template' ? 'false' : false;
    for (const nic of resource.list('nic')) {
      const flag = nic.prop('associate');
      if (flag.asBoolean() !== true) continue;
      report({
        at: flag,
        messageId: 'public',
        // Whoever reaches the instance through its public address loses access: the user reviews it.
        fix: { messageId: replaces ? 'privateReplace' : 'private', safety: 'review', apply: (f) => f.set(nic, 'associate', off) },
      });
    }
  },
});
