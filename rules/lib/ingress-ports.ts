// Which port ranges security-group ingress opens to the world, for rules that judge ranges (all ports, database ports).
import type { FixSpec, ResourceView, ValueView } from '../api';
import { isWorldCidr } from './cidr';
import type { IngressProp } from './security-group';

/** The transport and inclusive port range an ingress entry opens; `all` is every protocol. */
export interface OpenPorts {
  transport: 'tcp' | 'udp' | 'all';
  from: number;
  to: number;
}

const TRANSPORT: Readonly<Record<string, OpenPorts['transport']>> = { tcp: 'tcp', '6': 'tcp', udp: 'udp', '17': 'udp', '-1': 'all', all: 'all' };

/**
 * The ports an ingress entry opens: null when none are (ICMP and other port-less protocols), undefined when a
 * parameter/variable decides. `-1` with tcp/udp, or no range at all, means every port (as EC2 reads it); a written
 * range that is not a number (`''`) opens nothing to judge.
 */
export function openPortsOf(entry: ValueView<IngressProp>): OpenPorts | null | undefined {
  const protocolView = entry.prop('protocol');
  if (protocolView.isUnresolved()) return undefined;
  const protocol = protocolView.asString()?.toLowerCase();
  const transport = protocol === undefined ? undefined : TRANSPORT[protocol];
  if (transport === undefined) return null;
  if (transport === 'all') return { transport, from: 0, to: 65535 };
  const fromView = entry.prop('fromPort');
  const toView = entry.prop('toPort');
  if (fromView.isUnresolved() || toView.isUnresolved()) return undefined;
  const from = fromView.asNumber();
  const to = toView.asNumber();
  // A port that is written but is no number (`''` from a parameter default) opens nothing EC2 would accept: only a
  // range that is left out, or -1, means every port.
  if ((from === undefined && !fromView.isMissing()) || (to === undefined && !toView.isMissing())) return null;
  if ((from === undefined || from === -1) && (to === undefined || to === -1)) return { transport, from: 0, to: 65535 };
  if (from === undefined || to === undefined) return null;
  return { transport, from, to };
}

/** A world-open CIDR value, whether it is IPv6, and the ports its entry opens. */
export interface WorldIngress {
  value: ValueView<IngressProp>;
  ipv6: boolean;
  ports: OpenPorts;
}

/** Every world-open CIDR (IPv4 or IPv6) of the resource's ingress entries whose ports `matches` accepts. */
export function worldIngress(resource: ResourceView<IngressProp>, matches: (ports: OpenPorts) => boolean): WorldIngress[] {
  if (resource.declares('direction') && resource.prop('direction').asString() !== 'ingress') return [];
  const open: WorldIngress[] = [];
  for (const entry of resource.list('ingress')) {
    if (entry.isUnresolved()) continue;
    const ports = openPortsOf(entry);
    if (!ports || !matches(ports)) continue;
    for (const [key, ipv6] of [
      ['cidr', false],
      ['cidrV6', true],
    ] as const) {
      for (const value of entry.prop(key).items()) {
        // Asked first so a range the engine cannot resolve becomes a "cannot verify" note, not a silent pass.
        if (value.isUnresolved()) continue;
        const text = value.asString();
        if (text !== undefined && isWorldCidr(text)) open.push({ value, ipv6, ports });
      }
    }
  }
  return open;
}

/** The input a fix declares for this CIDR: an IPv6 range cannot share one with IPv4 ranges (AWS rejects the other syntax). */
export function inputNameFor(open: WorldIngress, inputName: string): string {
  return open.ipv6 ? `${inputName}Ipv6` : inputName;
}

/**
 * The fix that replaces a world-open CIDR with a new parameter/variable (see `inputNameFor`). None when the CIDR
 * comes from the user's own parameter/variable default: that default is theirs to change.
 */
export function restrictSourceFix<M extends string>(
  open: WorldIngress,
  messageId: M,
  inputName: string,
  reaches: string,
): FixSpec<M, IngressProp> | undefined {
  const cidr = open.value;
  if (cidr.isReference()) return undefined;
  const name = inputNameFor(open, inputName);
  return {
    messageId,
    // Narrowing who may connect changes access: the user reviews it.
    safety: 'review',
    apply: (f) =>
      f.replace(cidr, f.input({ name, type: 'string', description: `Source ${open.ipv6 ? 'IPv6 ' : ''}CIDR allowed to reach ${reaches}` })),
  };
}
