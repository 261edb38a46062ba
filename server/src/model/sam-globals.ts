// SAM `Globals`, merged into each `AWS::Serverless::*` resource as the SAM translator's Globals plugin does, with the
// provenance of every merged node kept so reports point at the resource and fixes write into the resource itself.
//
// Why a merge at parse time: every rule, view and `literal()` then sees the properties SAM will deploy without
// knowing about Globals. Why provenance: a value that comes from Globals is the resource's value, so it is reported
// at the resource (with a related location at the Globals line), and a fix overrides it in the resource (the
// resource's own value wins) instead of changing Globals under every other function.
import type { IacNode, ListNode, MapEntry, MapNode, SourceRange } from './nodes';
import { entryOf } from './nodes';

/** The SAM transform a template must declare for `Globals` to mean anything. */
export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/** Nodes written in the Globals section that a merge placed into a resource (the top node of each borrowed value). */
const fromGlobals = new WeakSet<IacNode>();
/** A merged map or list → the resource's own node it extends; `null` for a map the merge made from Globals alone. */
const ownCounterpart = new WeakMap<IacNode, IacNode | null>();

/** Whether `node` (a value inside a merged resource) is written in the Globals section. */
export function isFromGlobals(node: IacNode): boolean {
  return fromGlobals.has(node);
}

/**
 * The node of the resource's own text that `node` stands for: itself when it was not merged, the resource's own
 * map or list when it was, `undefined` when the merge made it from Globals alone (there is no own text to edit).
 */
export function ownNode<T extends IacNode>(node: T): T | undefined {
  if (fromGlobals.has(node)) return undefined;
  const own = ownCounterpart.get(node);
  return own === undefined ? node : ((own ?? undefined) as T | undefined);
}

/** Whether the template declares the SAM transform (a string, or a list that contains it). */
export function declaresSamTransform(root: MapNode): boolean {
  const t = entryOf(root, 'Transform')?.value;
  if (t?.kind === 'scalar') return t.value === SAM_TRANSFORM;
  if (t?.kind === 'list') return t.items.some((i) => i.kind === 'scalar' && i.value === SAM_TRANSFORM);
  return false;
}

/** The Globals section of `type` (`AWS::Serverless::Function` → `Globals.Function`), when the template has one. */
export function globalsFor(root: MapNode, type: string): MapEntry | undefined {
  if (!type.startsWith('AWS::Serverless::')) return undefined;
  const globals = entryOf(root, 'Globals')?.value;
  if (globals?.kind !== 'map') return undefined;
  const section = entryOf(globals, type.slice('AWS::Serverless::'.length));
  return section?.value.kind === 'map' ? section : undefined;
}

/**
 * The resource map with `section` merged into its `Properties`: the resource's scalars win, maps merge key by key
 * (the resource's keys win), lists concatenate with Globals first. `IgnoreGlobals: "*"` or a list of property names
 * keeps those out. Returns the resource itself when nothing is merged.
 */
export function mergeGlobals(resource: MapNode, section: MapNode, headerRange: SourceRange): MapNode {
  const ignore = ignoredProperties(resource);
  if (ignore === '*') return resource;
  const globals = ignore.size === 0 ? section.entries : section.entries.filter((e) => !ignore.has(e.key));
  if (globals.length === 0) return resource;
  const props = entryOf(resource, 'Properties');
  let merged: MapNode;
  if (props?.value.kind === 'map') {
    merged = mergeMaps(props.value, globals);
  } else if (props) {
    return resource; // Properties written as something else (an intrinsic): SAM would not merge either
  } else {
    merged = { kind: 'map', entries: globals.map(borrow), style: 'block', range: headerRange };
    ownCounterpart.set(merged, null);
  }
  const entries = resource.entries.filter((e) => e !== props);
  const propsEntry: MapEntry = props ? { ...props, value: merged } : { key: 'Properties', keyRange: headerRange, value: merged, range: headerRange };
  const copy: MapNode = { ...resource, entries: props ? resource.entries.map((e) => (e === props ? propsEntry : e)) : [...entries, propsEntry] };
  ownCounterpart.set(copy, resource);
  return copy;
}

function ignoredProperties(resource: MapNode): '*' | Set<string> {
  const v = entryOf(resource, 'IgnoreGlobals')?.value;
  if (v?.kind === 'scalar' && v.value === '*') return '*';
  const names = new Set<string>();
  if (v?.kind === 'list') for (const i of v.items) if (i.kind === 'scalar' && typeof i.value === 'string') names.add(i.value);
  if (v?.kind === 'scalar' && typeof v.value === 'string') names.add(v.value);
  return names;
}

function borrow(entry: MapEntry): MapEntry {
  fromGlobals.add(entry.value);
  return entry;
}

function mergeMaps(own: MapNode, globals: readonly MapEntry[]): MapNode {
  const entries: MapEntry[] = [];
  const ownKeys = new Set(own.entries.map((e) => e.key));
  // Globals-only keys first, as the translator's dict merge lays them out; own keys keep their order after them.
  for (const g of globals) if (!ownKeys.has(g.key)) entries.push(borrow(g));
  for (const e of own.entries) {
    const g = globals.find((x) => x.key === e.key);
    entries.push(g ? { ...e, value: mergeValues(e.value, g.value) } : e);
  }
  const merged: MapNode = { ...own, entries };
  ownCounterpart.set(merged, own);
  return merged;
}

function mergeValues(own: IacNode, global: IacNode): IacNode {
  if (own.kind === 'map' && global.kind === 'map') return mergeMaps(own, global.entries);
  if (own.kind === 'list' && global.kind === 'list') {
    for (const i of global.items) fromGlobals.add(i);
    const merged: ListNode = { ...own, items: [...global.items, ...own.items] };
    ownCounterpart.set(merged, own);
    return merged;
  }
  // Different shapes (a scalar, an intrinsic): the resource's own value wins, as in the translator.
  return own;
}
