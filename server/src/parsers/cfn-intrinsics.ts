// Normalises CloudFormation intrinsic functions (short-form tags and single-key long forms) to CallNodes.
import type { CallNode, IacNode, MapNode, ScalarNode, SourceRange } from '../model/nodes';

/** Short-form tag → long-form function name. `!Ref` and `!Condition` keep their bare names. */
export const CFN_TAGS: ReadonlyMap<string, string> = new Map(
  [
    'Ref',
    'Sub',
    'GetAtt',
    'If',
    'Join',
    'Select',
    'Split',
    'FindInMap',
    'Base64',
    'Cidr',
    'ImportValue',
    'GetAZs',
    'Equals',
    'And',
    'Or',
    'Not',
    'Condition',
    'Transform',
    'Length',
    'ToJsonString',
  ].map((name) => [`!${name}`, name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`]),
);

/** Sections whose direct entries are maps with a resource-level `Condition:` attribute, not a call. */
const ATTRIBUTE_SECTIONS = new Set(['Resources', 'Outputs']);

/**
 * Builds the CallNode for `fn` applied to `arg`: a list argument is spread, and a dotted `Fn::GetAtt` string
 * (`Bucket.Arn`, `Db.Endpoint.Address`) becomes [logical id, attribute] with sub-ranges where the text allows.
 */
export function makeCall(fn: string, arg: IacNode, range: SourceRange, text: string): CallNode {
  if (arg.kind === 'list') return { kind: 'call', fn, args: arg.items, range };
  if (fn === 'Fn::GetAtt' && arg.kind === 'scalar' && typeof arg.value === 'string') {
    return { kind: 'call', fn, args: splitGetAtt(arg, text), range };
  }
  return { kind: 'call', fn, args: [arg], range };
}

function splitGetAtt(arg: ScalarNode, text: string): IacNode[] {
  const value = arg.value as string;
  const dot = value.indexOf('.');
  if (dot < 0) return [arg];
  // Sub-ranges only when the raw text holds the value verbatim (plain or quoted without escapes).
  const raw = text.slice(arg.range.start, arg.range.end);
  const at = raw.indexOf(value);
  const base = at >= 0 ? arg.range.start + at : -1;
  const part = (v: string, from: number, to: number): ScalarNode => ({
    kind: 'scalar',
    value: v,
    range: base >= 0 ? { start: base + from, end: base + to } : arg.range,
  });
  return [part(value.slice(0, dot), 0, dot), part(value.slice(dot + 1), dot + 1, value.length)];
}

/** Whether a single-key map is a long-form intrinsic: `Ref`, `Fn::*`, or `Condition` with a string operand. */
function intrinsicName(map: MapNode, attributeLevel: boolean): string | undefined {
  if (map.entries.length !== 1) return undefined;
  const entry = map.entries[0]!;
  if (entry.key === 'Ref' || entry.key.startsWith('Fn::')) return entry.key;
  if (entry.key === 'Condition' && !attributeLevel) {
    const v = entry.value;
    if (v.kind === 'scalar' && typeof v.value === 'string') return entry.key;
  }
  return undefined;
}

/**
 * Rewrites single-key long-form intrinsics in a template tree as CallNodes. The maps directly under
 * `Resources` / `Outputs` are left as maps: their `Condition:` key is the resource attribute.
 */
export function normalizeTemplate(root: MapNode, text: string): MapNode {
  const entries = root.entries.map((e) => {
    if (ATTRIBUTE_SECTIONS.has(e.key) && e.value.kind === 'map') {
      const section = e.value;
      const items = section.entries.map((r) => ({ ...r, value: normalize(r.value, text, true) }));
      return { ...e, value: { ...section, entries: items } };
    }
    return { ...e, value: normalize(e.value, text, false) };
  });
  return { ...root, entries };
}

function normalize(node: IacNode, text: string, attributeLevel: boolean): IacNode {
  switch (node.kind) {
    case 'map': {
      const entries = node.entries.map((e) => ({ ...e, value: normalize(e.value, text, false) }));
      const map: MapNode = { ...node, entries };
      const fn = intrinsicName(map, attributeLevel);
      return fn ? makeCall(fn, entries[0]!.value, node.range, text) : map;
    }
    case 'list':
      return { ...node, items: node.items.map((i) => normalize(i, text, false)) };
    case 'call':
      return { ...node, args: node.args.map((a) => normalize(a, text, false)) };
    default:
      return node;
  }
}
