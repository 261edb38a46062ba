// ValueView / ResourceView over the neutral tree: logical keys → native paths, resolution, missing-value anchors.
import type { Family, NamedResource, ResourceView, TagsView, ValueView, Written } from '../../../../rules/api';
import { isUnknown } from '../../../../rules/lib/unknown';
import type { ResourceNode } from '../../model/document';
import type { IacNode, MapNode, SourceRange } from '../../model/nodes';
import { entriesOf } from '../../model/nodes';
import { isFromGlobals, ownNode } from '../../model/sam-globals';
import { namedResources } from '../scope/named-resources';
import { conditionOf, literalOf, NO_VALUE, resolveNode, type Scope } from '../scope/scope';

/** Where a missing value would be written: an existing map and the native keys still to create under it. */
export interface MissingAnchor {
  map: MapNode;
  path: string[];
}

/** State shared by every view of one resource under one rule target. */
export interface ViewContext {
  scope: Scope;
  resource: ResourceNode;
  /** The target's logical key → native path (dotted; `[]` marks a list to expand). */
  props: Readonly<Record<string, string | undefined>>;
  /** Told about every value a check found unresolved, for "cannot verify" reports. */
  onUnresolved?: (view: View) => void;
}

/** One segment of a declared path. */
interface Segment {
  key: string;
  expand: boolean;
}

/** Declared paths are a few hundred strings read on every `prop`/`list` call: each is split once. */
const parsedPaths = new Map<string, { segments: readonly Segment[]; keys: readonly string[] }>();

function parsePath(path: string): { segments: readonly Segment[]; keys: readonly string[] } {
  let parsed = parsedPaths.get(path);
  if (!parsed) {
    const segments =
      path === '' ? [] : path.split('.').map((s) => (s.endsWith('[]') ? { key: s.slice(0, -2), expand: true } : { key: s, expand: false }));
    parsed = { segments, keys: segments.map((s) => s.key) };
    // Paths come from rule targets (a fixed set); the bound only guards against a caller inventing them.
    if (parsedPaths.size > 10_000) parsedPaths.clear();
    parsedPaths.set(path, parsed);
  }
  return parsed;
}

const NO_REPEATS: readonly IacNode[] = [];

/** The values of the entries named `key` after the one at `at` (repeated HCL blocks); most keys appear once. */
function repeatsAfter(map: MapNode, key: string, at: number): readonly IacNode[] {
  let out: IacNode[] | undefined;
  for (let i = at + 1; i < map.entries.length; i++) {
    const e = map.entries[i] as MapNode['entries'][number];
    if (e.key === key) (out ??= []).push(e.value);
  }
  return out ?? NO_REPEATS;
}

/** The native spelling of a logical key, for messages (`VersioningConfiguration.Status`). */
export function spell(props: ViewContext['props'], key: string): string | undefined {
  // A resource-level path (`/DeletionPolicy`) is spelled as the user writes it, without the marker.
  return props[key]?.replace(/\[\]/g, '').replace(/^\//, '');
}

/**
 * A value, present or missing. A present value keeps the node where it is written (`site`, what reports point at
 * and fixes replace) and the node it resolves to (`node`, what is judged). Repeated HCL blocks are kept together
 * so `items()` sees all of them.
 */
export class View implements ValueView {
  constructor(
    readonly ctx: ViewContext,
    /** The written node (undefined when missing). */
    readonly site: IacNode | undefined,
    /** Where a missing value would be inserted; undefined when it cannot be (under an unresolved value). */
    readonly anchor: MissingAnchor | undefined,
    /** What a report on a missing value points at: the nearest written key, or the resource header. */
    readonly reportRange: SourceRange,
    /** Further written values of a repeated key (HCL blocks). */
    readonly repeats: readonly IacNode[] = NO_REPEATS,
    /** The reference this value was reached through, when it lives in a parameter/variable default. */
    readonly borrowedFrom?: IacNode,
    /**
     * SAM: the value is written in `Globals` (model/sam-globals.ts). It is the resource's value, so it is reported
     * at `reportRange` (in the resource) and `anchor` says where a fix writes the resource's own value.
     */
    readonly viaGlobals = false,
  ) {}

  /**
   * The judged node: the site after resolution; undefined for missing, `AWS::NoValue` and Terraform `null` (an
   * argument set to null, also through a variable's default, is one left out: no rule sees a value there).
   */
  get node(): IacNode | undefined {
    if (!this.site) return undefined;
    const n = resolveNode(this.site, this.ctx.scope);
    if (n === NO_VALUE) return undefined;
    return n.kind === 'scalar' && n.value === null && this.ctx.scope.family === 'terraform' ? undefined : n;
  }

  get range(): SourceRange {
    if (this.borrowedFrom) return this.borrowedFrom.range;
    if (this.viaGlobals) return this.reportRange;
    return this.site ? this.site.range : this.reportRange;
  }

  isMissing(): boolean {
    // Terraform treats an argument set to `null` exactly as one left out (`node` is undefined for it).
    return this.node === undefined;
  }

  isUnresolved(): boolean {
    const n = this.node;
    const unresolved = n !== undefined && (n.kind === 'call' || n.kind === 'ref' || n.kind === 'expr');
    if (unresolved) this.ctx.onUnresolved?.(this);
    return unresolved;
  }

  asBoolean(): boolean | undefined {
    const n = this.node;
    if (n?.kind !== 'scalar') return undefined;
    if (typeof n.value === 'boolean') return n.value;
    if (typeof n.value === 'string') {
      const v = n.value.toLowerCase();
      if (v === 'true') return true;
      if (v === 'false') return false;
    }
    return undefined;
  }

  asString(): string | undefined {
    const n = this.node;
    if (n?.kind !== 'scalar' || n.value === null) return undefined;
    return String(n.value);
  }

  asNumber(): number | undefined {
    const n = this.node;
    if (n?.kind !== 'scalar') return undefined;
    if (typeof n.value === 'number') return n.value;
    if (typeof n.value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(n.value)) return Number(n.value);
    return undefined;
  }

  literal(): unknown {
    if (!this.site) return undefined;
    const value = literalOf(this.site, this.ctx.scope);
    return value === NO_VALUE ? undefined : value;
  }

  references(): NamedResource[] {
    // A conditional decided in this evaluation names only the branch taken (`!If [UseWaf, !Ref Alb, !Ref AWS::NoValue]`).
    if (this.site && this.node !== this.site && conditionOf(this.site)) return namedResources(this.node);
    const written = namedResources(this.site);
    return this.node === this.site ? written : namedResources(this.node, written);
  }

  written(): Written | undefined {
    let n = this.site;
    // A conditional decided in this evaluation reads as its branch, as everywhere else.
    for (let i = 0; n && i < 16; i++) {
      const cond = conditionOf(n);
      const taken = cond && this.ctx.scope.branch(cond.key);
      if (taken === undefined || n.kind !== 'call') break;
      n = n.args[taken ? 1 : 2];
    }
    if (!n) return undefined;
    switch (n.kind) {
      case 'scalar':
        return { kind: 'scalar', value: n.value };
      case 'map':
        return { kind: 'map', entries: n.entries.map((e) => ({ key: e.key, value: this.child(e.value, e.keyRange) })) };
      case 'list':
        return { kind: 'list', items: n.items.map((item) => this.child(item, item.range)) };
      case 'call': {
        const target = n.args[0];
        if (n.fn === 'Ref' && target?.kind === 'scalar' && target.value === 'AWS::NoValue') return undefined;
        return { kind: 'call', fn: n.fn, args: n.args.map((a) => this.child(a, a.range)) };
      }
      case 'ref':
        return { kind: 'ref', path: n.path };
      case 'expr':
        return { kind: 'template', text: n.text };
    }
  }

  declared(kind: 'input' | 'local', name: string): View | undefined {
    const node = kind === 'input' ? this.ctx.scope.input(name)?.default : this.ctx.scope.local(name);
    const from = this.borrowedFrom ?? this.site;
    return node && from ? new View(this.ctx, node, undefined, this.range, NO_REPEATS, from) : undefined;
  }

  items(): View[] {
    const n = this.node;
    // A repeated block may be a dynamic block that generates nothing (it reads as missing): the others still count.
    if (this.repeats.length > 0) return [this.single(), ...this.repeats.map((r) => this.child(r, this.reportRange))].filter((v) => !v.isMissing());
    if (n === undefined) return [];
    if (n.kind === 'list') return n.items.map((item) => this.child(item, item.range));
    return [this];
  }

  prop(key: string): View {
    const path = this.ctx.props[key];
    if (path === undefined) return this.missing(undefined);
    const { base, rest } = this.baseFor(path);
    return base.walk(parsePath(rest).keys);
  }

  list(key: string): View[] {
    const path = this.ctx.props[key];
    if (path === undefined) return [];
    const { base, rest } = this.baseFor(path);
    return base.expand(parsePath(rest).segments);
  }

  /** A leading `/` reads from the resource itself (CloudFormation `DeletionPolicy`, `Metadata`) instead of its properties. */
  baseFor(path: string): { base: View; rest: string } {
    if (path.startsWith('~/')) return this.templateBase(path.slice(2));
    if (!path.startsWith('/')) return { base: this, rest: path };
    const r = this.ctx.resource;
    return { base: new View(this.ctx, r.node, undefined, r.headerRange), rest: path.slice(1) };
  }

  /**
   * A leading `~/` reads from the CloudFormation template's root (SAM `Globals.Api` for the implicit API no resource
   * carries): judged only, never edited; noted so the lint cache re-checks when that top-level section changes.
   */
  private templateBase(rest: string): { base: View; rest: string } {
    const root = this.ctx.scope.family === 'cloudformation' ? this.ctx.scope.templateRoot(rest.split('.')[0] ?? '') : undefined;
    const header = this.ctx.resource.headerRange;
    return { base: root ? new View(this.ctx, root, undefined, header) : new View(this.ctx, undefined, undefined, header), rest };
  }

  input(): View | undefined {
    const site = this.site;
    let name: string | undefined;
    if (site?.kind === 'call' && site.fn === 'Ref' && site.args[0]?.kind === 'scalar') name = String(site.args[0].value);
    if (site?.kind === 'ref' && site.path.length === 2 && site.path[0] === 'var') name = site.path[1];
    const input = name === undefined ? undefined : this.ctx.scope.input(name);
    // The declaration may live in another file: judged, reported at the reference, never edited.
    return input && site ? new View(this.ctx, input.node, undefined, site.range, NO_REPEATS, site) : undefined;
  }

  /** Whether the target of this view's resource declares `key`. */
  declares(key: string): boolean {
    return this.ctx.props[key] !== undefined;
  }

  /** The view at native `keys` below this one, first occurrence at each step. */
  walk(keys: readonly string[]): View {
    let view: View = this;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const node = view.node;
      if (node === undefined) {
        const a = view.anchor;
        return view.missing(a && { map: a.map, path: [...a.path, ...keys.slice(i)] });
      }
      const map = this.blockMap(node);
      if (!map) {
        // Under an unresolved value the property is unknown, not missing: judge it as unresolved.
        return view.isUnresolved() ? view : view.missing(undefined);
      }
      const at = map.entries.findIndex((e) => e.key === key);
      const first = map.entries[at];
      if (!first) return view.missing(view.insertionAnchor(map, keys.slice(i)));
      if (view.isReference()) view = new View(this.ctx, first.value, undefined, view.range, NO_REPEATS, view.borrowedFrom ?? view.site);
      else if (view.viaGlobals || isFromGlobals(first.value))
        view = new View(this.ctx, first.value, view.insertionAnchor(map, [key]), view.reportRange, NO_REPEATS, undefined, true);
      else view = new View(this.ctx, first.value, undefined, first.keyRange, repeatsAfter(map, key, at));
    }
    return view;
  }

  private expand(segments: readonly Segment[], from = 0): View[] {
    if (from >= segments.length) return this.isMissing() ? [] : [this];
    const seg = segments[from] as Segment;
    const node = this.node;
    if (node === undefined) return [];
    if (node.kind !== 'map') return this.isUnresolved() ? [this] : [];
    const out: View[] = [];
    // `*` expands every value of a map whose keys are names the user chose (SAM `Events`).
    for (const entry of seg.key === '*' ? node.entries : entriesOf(node, seg.key)) {
      const v =
        this.viaGlobals || isFromGlobals(entry.value)
          ? new View(this.ctx, entry.value, this.insertionAnchor(node, [entry.key]), this.reportRange, NO_REPEATS, undefined, true)
          : new View(this.ctx, entry.value, undefined, entry.keyRange);
      // Terraform JSON may write a nested block as a list of objects.
      const values = seg.expand || (this.ctx.scope.family === 'terraform' && entry.value.kind === 'list') ? v.items() : [v];
      for (const item of values) out.push(...item.expand(segments, from + 1));
    }
    return out;
  }

  /** The map to look keys up in: the node itself, or (Terraform JSON) the one object of a block list. */
  private blockMap(node: IacNode): MapNode | undefined {
    if (node.kind === 'map') return node;
    if (this.ctx.scope.family === 'terraform' && node.kind === 'list' && node.items.length === 1 && node.items[0]?.kind === 'map')
      return node.items[0];
    return undefined;
  }

  private single(): View {
    return new View(this.ctx, this.site, this.anchor, this.reportRange);
  }

  /**
   * A value inside this one. When this value was reached through a reference (`var.cidrs` → its default), the
   * child lives in another place: it is judged there but reported at the reference, and never edited.
   */
  private child(node: IacNode, reportRange: SourceRange): View {
    if (this.isReference()) return new View(this.ctx, node, undefined, this.range, NO_REPEATS, this.borrowedFrom ?? this.site);
    // A list item from Globals has no place of its own in the resource: reported at the list, never edited.
    if (this.viaGlobals || isFromGlobals(node)) return new View(this.ctx, node, undefined, this.reportRange, NO_REPEATS, undefined, true);
    return new View(this.ctx, node, undefined, reportRange);
  }

  /**
   * Where a fix writes `path` below this value, in `map` (this value's node): into the resource's own text, also
   * when `map` was merged with SAM Globals or is written there, because the resource's own value wins.
   */
  insertionAnchor(map: MapNode, path: readonly string[]): MissingAnchor | undefined {
    if (this.viaGlobals) return this.anchor && { map: this.anchor.map, path: [...this.anchor.path, ...path] };
    const own = ownNode(map);
    return own ? { map: own, path: [...path] } : undefined;
  }

  /** Written as a reference to a parameter/variable whose default decides the value (or inside such a default). */
  isReference(): boolean {
    if (this.borrowedFrom !== undefined) return true;
    if (this.site === undefined || this.site.kind === 'scalar') return false;
    // As resolved, before `null` reads as unset: a variable whose default is null is still a reference to it.
    const resolved = resolveNode(this.site, this.ctx.scope);
    return resolved !== NO_VALUE && resolved !== this.site;
  }

  private missing(anchor: MissingAnchor | undefined): View {
    return new View(this.ctx, undefined, anchor, this.site ? this.reportRangeOfPresent() : this.reportRange);
  }

  /** A missing child of a present map is reported at the map's key (or the resource header at the top). */
  private reportRangeOfPresent(): SourceRange {
    return this.reportRange;
  }
}

/** The resource itself, seen as the map of its properties (CloudFormation `Properties`, Terraform block body). */
export class ResourceViewImpl extends View implements ResourceView {
  readonly address: string;
  readonly type: string;
  readonly family: Family;

  constructor(ctx: ViewContext) {
    const r = ctx.resource;
    const base = new View(ctx, r.node, undefined, r.headerRange).walk(r.propsPath);
    const own = ownNode(r.node) ?? r.node;
    // SAM: properties that all come from Globals (the resource writes none) are written into a new own section.
    const fromGlobalsOnly = base.site !== undefined && ownNode(base.site) === undefined;
    const anchor = base.site && !fromGlobalsOnly ? undefined : { map: own, path: [...r.propsPath] };
    super(ctx, base.site, anchor, r.headerRange, NO_REPEATS, undefined, fromGlobalsOnly);
    this.address = r.address;
    this.type = r.type;
    this.family = ctx.scope.family;
  }

  override isMissing(): boolean {
    return false;
  }

  /** Reports "at" the resource point at its header, not at its whole body. */
  override get range(): SourceRange {
    return this.ctx.resource.headerRange;
  }

  tags(key: string): TagsViewImpl {
    return new TagsViewImpl(this, key);
  }
}

/**
 * How tags are written when a resource has none yet: Terraform and SAM (`AWS::Serverless::*`) take a map, other
 * CloudFormation types a list of `{Key, Value}`. Written tags keep the shape they are written in.
 */
function tagShapeOf(resource: ResourceViewImpl): 'list' | 'map' {
  return resource.family === 'terraform' || resource.type.startsWith('AWS::Serverless::') ? 'map' : 'list';
}

export class TagsViewImpl implements TagsView {
  readonly value: View;

  constructor(
    readonly resource: ResourceViewImpl,
    readonly key: string,
  ) {
    this.value = resource.prop(key);
  }

  /** The shape new keys are written in. */
  get shape(): 'list' | 'map' {
    const node = this.value.node;
    return node?.kind === 'list' ? 'list' : node?.kind === 'map' ? 'map' : tagShapeOf(this.resource);
  }

  keys(): string[] | undefined {
    const tags = this.value.literal();
    if (tags === undefined) return [];
    if (Array.isArray(tags)) {
      const keys = tags.map((t: unknown) => (t !== null && typeof t === 'object' && !isUnknown(t) ? (t as { Key?: unknown }).Key : undefined));
      return keys.every((k): k is string => typeof k === 'string') ? keys : undefined;
    }
    return tags !== null && typeof tags === 'object' && !isUnknown(tags) ? Object.keys(tags) : undefined;
  }

  canAdd(): boolean {
    // A written map cannot take one more entry without rewriting it: only a missing or empty one is written anew.
    // SAM: a map only from Globals is not the resource's; its own map (merged key by key over it) takes the new keys.
    return this.shape === 'list' || this.value.isMissing() || this.value.viaGlobals || this.keys()?.length === 0;
  }
}
