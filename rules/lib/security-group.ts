// Where security-group ingress lives in each syntax, and which ingress entries open a port to the world.
import type { ResourceView, ValueView } from '../api';
import type { TargetSpec } from '../define-rule';
import { isWorldCidr } from './cidr';

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

/** Protocols that carry ports; ICMP's from/to are type/code, so they never open a port. */
const PORTED = new Set(['tcp', 'udp', '6', '17']);
const ALL = new Set(['-1', 'all']);

/** Whether an ingress entry covers `port`: true, false, or undefined when a parameter/variable decides. */
function coversPort(entry: ValueView<IngressProp>, port: number): boolean | undefined {
  const protocolView = entry.prop('protocol');
  if (protocolView.isUnresolved()) return undefined;
  const protocol = protocolView.asString()?.toLowerCase();
  if (protocol !== undefined && ALL.has(protocol)) return true;
  if (protocol === undefined || !PORTED.has(protocol)) return false;
  const from = entry.prop('fromPort');
  const to = entry.prop('toPort');
  if (from.isUnresolved() || to.isUnresolved()) return undefined;
  const lo = from.asNumber();
  const hi = to.asNumber();
  // -1 with tcp/udp means every port; EC2 treats an absent range the same way.
  if ((lo === undefined || lo === -1) && (hi === undefined || hi === -1)) return true;
  if (lo === undefined || hi === undefined) return false;
  return lo <= port && port <= hi;
}

/** A world-open CIDR value and whether it sits in the IPv6 property (which needs an IPv6 replacement). */
export interface OpenCidr {
  value: ValueView<IngressProp>;
  ipv6: boolean;
}

/** Every world-open CIDR value (IPv4 or IPv6) of an ingress entry that covers `port`. */
export function worldOpenCidrs(resource: ResourceView<IngressProp>, port: number): OpenCidr[] {
  if (resource.declares('direction')) {
    const direction = resource.prop('direction').asString();
    if (direction !== 'ingress') return [];
  }
  const open: OpenCidr[] = [];
  for (const entry of resource.list('ingress')) {
    if (entry.isUnresolved() || coversPort(entry, port) !== true) continue;
    for (const [key, ipv6] of [['cidr', false], ['cidrV6', true]] as const) {
      for (const value of entry.prop(key).items()) {
        // Asked first so a range the engine cannot resolve becomes a "cannot verify" note, not a silent pass.
        if (value.isUnresolved()) continue;
        const text = value.asString();
        if (text !== undefined && isWorldCidr(text)) open.push({ value, ipv6 });
      }
    }
  }
  return open;
}
