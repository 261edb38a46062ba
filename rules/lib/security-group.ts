// Where security-group ingress lives in each syntax (rules/lib/ingress-ports.ts judges what it opens).
import type { TargetSpec } from '../define-rule';

export type IngressProp = 'ingress' | 'direction' | 'cidr' | 'cidrV6' | 'fromPort' | 'toPort' | 'protocol';

const cfnRule = { cidr: 'CidrIp', cidrV6: 'CidrIpv6', fromPort: 'FromPort', toPort: 'ToPort', protocol: 'IpProtocol' } as const;
const tfRule = { cidr: 'cidr_blocks', cidrV6: 'ipv6_cidr_blocks', fromPort: 'from_port', toPort: 'to_port', protocol: 'protocol' } as const;

/** Security groups with inline ingress, and the standalone ingress resources, in both families. */
export const INGRESS_TARGETS: { cloudformation: TargetSpec<IngressProp>[]; terraform: TargetSpec<IngressProp>[] } = {
  cloudformation: [
    { type: 'AWS::EC2::SecurityGroup', props: { ingress: 'SecurityGroupIngress[]', ...cfnRule } },
    { type: 'AWS::EC2::SecurityGroupIngress', props: { ingress: '', ...cfnRule } },
  ],
  terraform: [
    { type: 'aws_security_group', props: { ingress: 'ingress[]', ...tfRule } },
    { type: 'aws_security_group_rule', props: { ingress: '', direction: 'type', ...tfRule } },
    {
      type: 'aws_vpc_security_group_ingress_rule',
      props: { ingress: '', cidr: 'cidr_ipv4', cidrV6: 'cidr_ipv6', fromPort: 'from_port', toPort: 'to_port', protocol: 'ip_protocol' },
    },
  ],
};
