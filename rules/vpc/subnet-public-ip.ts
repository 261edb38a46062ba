// Subnets must not give every instance launched in them a public IPv4 address by default.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'subnet-public-ip',
  meta: {
    title: 'Subnet does not assign public IP addresses on launch',
    severity: 'low',
    whitepaper: 'Securing infrastructure: network and host-level boundaries',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html',
    related: {
      checkov: ['CKV_AWS_130'],
      kics: ['b3de4e4c-14be-4159-b99d-9ad194365e4c', '52f04a44-6bfa-4c41-b1d3-4ae99a2de05c'],
      tfsec: ['aws-ec2-no-public-ip-subnet'],
      trivy: ['AVD-AWS-0164'],
      cfnNag: ['W33'],
    },
    messages: {
      mapsPublic: '{{resource}} sets {{mapPublicIp}} to true, so every instance launched in it gets a public IP address.',
      disable: 'Set {{mapPublicIp}} to false',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::EC2::Subnet', props: { mapPublicIp: 'MapPublicIpOnLaunch' } }],
    terraform: [{ type: 'aws_subnet', props: { mapPublicIp: 'map_public_ip_on_launch' } }],
  },
  check(subnet, report) {
    const flag = subnet.prop('mapPublicIp');
    if (flag.asBoolean() !== true) return;
    report({
      at: flag,
      messageId: 'mapsPublic',
      // Instances that relied on an automatic public address lose internet reachability: the user reviews it.
      fix: { messageId: 'disable', safety: 'review', apply: (f) => f.set(subnet, 'mapPublicIp', false) },
    });
  },
});
