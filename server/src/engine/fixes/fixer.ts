// Turns a rule's fix intents into text edits with the writer of the document's syntax.
import type { FixRef, FixValue, Fixer, InputSpec, TagsView } from '../../../../rules/api';
import type { AnyRule } from '../../../../rules/define-rule';
import type { TextEdit, Writer } from '../../edits/types';
import { snakeCase } from '../../../../rules/lib/input-name';
import type { IacDocument } from '../../model/document';
import { entriesOf, type IacNode, type MapEntry, type MapNode } from '../../model/nodes';
import { isFromGlobals, ownNode } from '../../model/sam-globals';
import { refersTo, unitOf } from '../lint/context';
import { targetTypes } from '../scope/units';
import type { Scope } from '../scope/scope';
import { ResourceViewImpl, TagsViewImpl, View } from '../lint/views';
import { originOf, type Origin } from '../modules/module-graph';

/** Where a native path lands: an existing node to replace, or a map to insert the rest of the path into. */
type Location = { kind: 'present'; node: IacNode } | { kind: 'missing'; map: MapNode; path: string[] } | { kind: 'blocked' };

function locate(on: View, keys: readonly string[]): Location {
  let node = on.site;
  // A value from SAM Globals is overridden in the resource (its own value wins), at the anchor the view carries.
  if (!node || on.viaGlobals) return on.anchor ? { kind: 'missing', map: on.anchor.map, path: [...on.anchor.path, ...keys] } : { kind: 'blocked' };
  for (let i = 0; i < keys.length; i++) {
    const map: IacNode | undefined = node.kind === 'list' && node.items.length === 1 ? node.items[0] : node;
    if (map?.kind !== 'map') return { kind: 'blocked' };
    const entry: { value: IacNode } | undefined = entriesOf(map, keys[i] as string)[0];
    if (!entry || isFromGlobals(entry.value)) {
      const own = ownNode(map);
      return own ? { kind: 'missing', map: own, path: keys.slice(i) } : { kind: 'blocked' };
    }
    node = entry.value;
  }
  // A map or list merged with Globals is edited as the resource wrote it.
  const own = ownNode(node);
  return own ? { kind: 'present', node: own } : { kind: 'blocked' };
}

/** Collects the edits of one fix. Throws when an intent cannot be written; the engine then drops that fix. */
export class FixCollector implements Fixer {
  readonly edits: TextEdit[] = [];
  private readonly pending: { map: MapNode; path: string[]; value: FixValue }[] = [];
  private readonly declared = new Set<string>();
  /** Companions this fix inserts (`type.name` keys; CloudFormation: names), so two of them do not collide either. */
  private readonly named = new Set<string>();

  constructor(
    private readonly doc: IacDocument,
    private readonly writer: Writer,
    private readonly scope: Scope,
    private readonly rule: AnyRule,
    /**
     * The finding was moved to a module caller's argument (`doc` is the caller's file): only a value the caller
     * passed can be written, there, in place of what it passed.
     */
    private readonly inCaller = false,
  ) {}

  /** Caller mode: the caller's written value behind `node`, or a throw (nothing else is the caller's to edit). */
  private callerOrigin(node: IacNode | undefined): Origin {
    const origin = originOf(node);
    if (!origin || origin.doc !== this.doc) throw new Error(`${this.rule.id}: the value is not the caller's`);
    return origin;
  }

  /** A value written in the caller's place: a nested stack's parameter is a string (`'true'`, not `true`). */
  private writeAtOrigin(origin: Origin, value: FixValue): void {
    const written = origin.strings && (typeof value === 'boolean' || typeof value === 'number') ? String(value) : value;
    this.edits.push(...this.writer.replaceValue(this.doc, origin.node, written));
  }

  /** Fixes edit only the finding's own document; a related resource in another file is the user's to change. */
  private ownView(view: View): void {
    if (view.borrowedFrom) throw new Error(`${this.rule.id}: the value lives in a parameter/variable default`);
    if (!unitOf(this.doc, view.ctx.resource)) throw new Error(`${this.rule.id}: ${view.ctx.resource.address} is in another file`);
  }

  /** The view a declared path starts from, and the native keys below it. */
  private resolvePath(on: View, key: string): { base: View; keys: string[] } {
    this.ownView(on);
    const path = on.ctx.props[key];
    if (path === undefined) throw new Error(`${this.rule.id}: '${key}' is not declared for ${on.ctx.resource.type}`);
    const { base, rest } = on.baseFor(path);
    return { base, keys: rest === '' ? [] : rest.split('.').map((s) => s.replace(/\[\]$/, '')) };
  }

  remove(on: View, key: string): void {
    if (this.inCaller) throw new Error(`${this.rule.id}: removing is not written in a module's caller`);
    const { base, keys } = this.resolvePath(on, key);
    const last = keys.at(-1);
    if (last === undefined) throw new Error(`${this.rule.id}: nothing to remove`);
    const parent = locate(base, keys.slice(0, -1));
    const map = parent.kind === 'present' ? parent.node : undefined;
    const entry = map?.kind === 'map' ? entriesOf(map, last)[0] : undefined;
    if (!map || map.kind !== 'map' || !entry) return; // already absent
    if (!this.writer.removeProperty) throw new Error(`${this.doc.format}: removing properties is not supported`);
    this.edits.push(...this.writer.removeProperty(this.doc, map, entry));
  }

  append(on: View, key: string, item: FixValue): void {
    if (this.inCaller) throw new Error(`${this.rule.id}: appending is not written in a module's caller`);
    const { base, keys } = this.resolvePath(on, key);
    const loc = locate(base, keys);
    if (loc.kind === 'blocked') throw new Error(`${this.rule.id}: cannot write under an unresolved value`);
    if (loc.kind === 'missing') {
      this.pending.push({ map: loc.map, path: loc.path, value: [item] });
      return;
    }
    if (loc.node.kind !== 'list') throw new Error(`${this.rule.id}: '${key}' is not a list`);
    if (!this.writer.appendItem) throw new Error(`${this.doc.format}: appending list items is not supported`);
    this.edits.push(...this.writer.appendItem(this.doc, loc.node, item));
  }

  set(on: View, key: string, value: FixValue): void {
    if (this.inCaller) {
      this.writeAtOrigin(this.callerOrigin(on.prop(key).node), value);
      return;
    }
    const { base, keys } = this.resolvePath(on, key);
    const loc = locate(base, keys);
    if (loc.kind === 'blocked') throw new Error(`${this.rule.id}: cannot write '${key}' under an unresolved value`);
    if (loc.kind === 'present') this.edits.push(...this.writer.replaceValue(this.doc, loc.node, value));
    else this.pending.push({ map: loc.map, path: loc.path, value });
  }

  /**
   * Writes the insertions. Intents that create the same missing key are merged into one nested value, so two
   * flags under a new `EncryptionAtRestOptions` become one block rather than two conflicting ones.
   */
  finish(): TextEdit[] {
    const groups = new Map<MapNode, Map<string, { path: string[]; value: FixValue }[]>>();
    for (const p of this.pending) {
      const byKey = groups.get(p.map) ?? new Map<string, { path: string[]; value: FixValue }[]>();
      groups.set(p.map, byKey);
      const first = p.path[0] as string;
      byKey.set(first, [...(byKey.get(first) ?? []), { path: p.path, value: p.value }]);
    }
    for (const [map, byKey] of groups) {
      const inserts: { path: readonly string[]; value: FixValue }[] = [];
      for (const [first, items] of byKey) {
        if (items.length === 1 || items.some((i) => i.path.length === 1)) {
          inserts.push(...items);
          continue;
        }
        const merged: Record<string, FixValue> = {};
        for (const i of items) setPath(merged, i.path.slice(1), i.value);
        inserts.push({ path: [first], value: merged });
      }
      if (this.writer.insertProperties) this.edits.push(...this.writer.insertProperties(this.doc, map, inserts));
      else for (const i of inserts) this.edits.push(...this.writer.insertProperty(this.doc, map, i.path, i.value, placeNextTo(map, i.path)));
    }
    this.pending.length = 0;
    return this.edits;
  }

  addTags(tags: TagsView, keys: readonly string[]): void {
    const { resource, key, value, shape } = tags as TagsViewImpl;
    if (!tags.canAdd()) throw new Error(`${this.rule.id}: the written tags would have to be rewritten`);
    const map = Object.fromEntries(keys.map((k) => [k, '']));
    const items = keys.map((k) => ({ Key: k, Value: '' }));
    if (value.isMissing()) this.set(resource, key, shape === 'list' ? items : map);
    else if (shape === 'map') this.replace(value, map);
    else for (const item of items) this.append(resource, key, item);
  }

  replace(value: View, replacement: FixValue): void {
    if (this.inCaller) {
      this.writeAtOrigin(this.callerOrigin(value.node), replacement);
      return;
    }
    this.ownView(value);
    if (!value.site) throw new Error(`${this.rule.id}: cannot replace a missing value`);
    if (value.viaGlobals) {
      // Written in SAM Globals: the resource gets its own value instead, which wins over the global one.
      if (!value.anchor) throw new Error(`${this.rule.id}: a list item from Globals cannot be replaced in the resource`);
      this.pending.push({ map: value.anchor.map, path: [...value.anchor.path], value: replacement });
      return;
    }
    this.edits.push(...this.writer.replaceValue(this.doc, ownNode(value.site) ?? value.site, replacement));
  }

  input(spec: InputSpec): FixRef {
    if (this.inCaller) throw new Error(`${this.rule.id}: declaring inputs is not written in a module's caller`);
    let name = this.scope.family === 'terraform' ? snakeCase(spec.name) : spec.name;
    // An existing parameter/variable of that name, or one this fix declared already, is reused.
    if (!this.scope.input(name) && !this.declared.has(name)) {
      // A CloudFormation parameter may not share a logical id with a resource: the new one takes a free name.
      if (this.scope.family === 'cloudformation') name = this.freeName('', name);
      this.declared.add(name);
      this.edits.push(...this.writer.declareInput(this.doc, { name, type: spec.type, description: spec.description }));
    }
    return { $ref: { input: name } };
  }

  ref(resource: ResourceViewImpl, attr?: string): FixRef {
    return { $ref: attr === undefined ? { resource: resource.address } : { resource: resource.address, attr } };
  }

  insertCompanion(role: string, after: ResourceViewImpl, values: { readonly [key: string]: FixValue | undefined }): void {
    if (this.inCaller) throw new Error(`${this.rule.id}: companions are not written in a module's caller`);
    const spec = this.rule.companions?.[role]?.[this.scope.family];
    if (!spec) throw new Error(`${this.rule.id}: no '${role}' companion for ${this.scope.family}`);
    const type = typeof spec.type === 'string' ? spec.type : spec.type[0];
    if (!type) throw new Error(`${this.rule.id}: '${role}' companion has no type`);
    const props: Readonly<Record<string, string | undefined>> = spec.props;
    // A companion that already refers to the resource, even one that exists only under a condition (or `count = 0`),
    // is the user's to change: a second one would fight it where both exist.
    for (const key of Object.keys(values).filter((k) => isRefTo(values[k], after))) {
      const existing = this.scope.resourcesOfTypes(targetTypes(spec)).map((resource) => new ResourceViewImpl({ scope: this.scope, resource, props }));
      if (existing.some((c) => refersTo(c.prop(key), after))) throw new Error(`${this.rule.id}: ${after.address} already has a '${role}' companion`);
    }
    const body: Record<string, FixValue> = {};
    for (const [key, value] of Object.entries(values)) {
      const path = props[key];
      if (path === undefined || value === undefined) continue;
      setPath(body, path.split('.'), value);
    }
    const node = after.ctx.resource;
    // CloudFormation logical ids share one namespace, so the companion gets a suffix; Terraform names are per type.
    const base = this.scope.family === 'cloudformation' ? node.name + role[0]?.toUpperCase() + role.slice(1) : node.name;
    const name = this.freeName(type, base);
    this.edits.push(...this.writer.insertResource(this.doc, node, { type, name, body }));
  }

  /**
   * `base`, or `base2`, `base3`... (Terraform: `base_2`) when the name is taken: in CloudFormation by any logical id
   * or parameter of the template, in Terraform by a resource of the same type in the module.
   */
  private freeName(type: string, base: string): string {
    const cfn = this.scope.family === 'cloudformation';
    const taken = new Set<string>(this.named);
    for (const resource of this.scope.resources()) {
      if (resource.kind === 'data') continue;
      taken.add(cfn ? resource.name : `${resource.type}.${resource.name}`);
    }
    if (cfn) for (const name of this.scope.inputNames()) taken.add(name);
    const key = (n: string) => (cfn ? n : `${type}.${n}`);
    let name = base;
    for (let i = 2; taken.has(key(name)); i++) name = cfn ? `${base}${i}` : `${base}_${i}`;
    this.named.add(key(name));
    return name;
  }
}

/** Whether a fix value is `f.ref(resource)` (any attribute). */
function isRefTo(value: FixValue | undefined, resource: ResourceViewImpl): boolean {
  if (typeof value !== 'object' || value === null || !('$ref' in value)) return false;
  const ref = (value as FixRef).$ref;
  return 'resource' in ref && ref.resource === resource.address;
}

/** Keys written next to a partner key when it is there (CloudFormation's two resource policies go together). */
const PARTNERS: Readonly<Record<string, string>> = { UpdateReplacePolicy: 'DeletionPolicy', DeletionPolicy: 'UpdateReplacePolicy' };

/** The entry a new one-key insertion goes right after, when its partner key is in `map`; else after the last entry. */
function placeNextTo(map: MapNode, path: readonly string[]): MapEntry | undefined {
  const partner = path.length === 1 ? PARTNERS[path[0]!] : undefined;
  return partner === undefined ? undefined : entriesOf(map, partner)[0];
}

function setPath(target: Record<string, FixValue>, keys: readonly string[], value: FixValue): void {
  const [first, ...rest] = keys;
  if (first === undefined) return;
  if (rest.length === 0) {
    target[first] = value;
    return;
  }
  const existing = target[first];
  const child: Record<string, FixValue> =
    existing && typeof existing === 'object' && !Array.isArray(existing) && !('$ref' in existing)
      ? { ...(existing as Record<string, FixValue>) }
      : {};
  setPath(child, rest, value);
  target[first] = child;
}
