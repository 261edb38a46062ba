// Terraform module calls as one graph: which directory each `module` block runs, and every instance of every module
// directory reached from the roots of a workspace, with the caller's arguments bound to the child's variables.
//
// A module directory is linted once per instance (the chain of calls that reaches it), with `inputValues` = its
// bindings: the child's own rules, scope and views are unchanged, `var.x` simply resolves to what the caller passed.
// A bound value is resolved in the caller's scope when the binding is made (the caller's variables, tfvars, locals,
// other modules' outputs), and what stays unresolved is made opaque, so the child never resolves a caller's `var.x`
// against its own variables. Every bound node remembers where the caller wrote it (`originOf`): a finding decided by
// it is reported there (module-lint.ts).
import * as path from 'node:path';
import type { BlockNode, IacDocument } from '../../model/document';
import { entryOf, type IacNode, type SourceRange } from '../../model/nodes';
import { createScope, literalOf, NO_VALUE, resolveNode, type Scope } from '../scope/scope';
import { isUnknown } from '../../../../rules/lib/unknown';

/** What a module directory holds: its Terraform documents, its tfvars (used only when it is a root). */
export interface ModuleDir {
  dir: string;
  docs: readonly IacDocument[];
  /** terraform.tfvars, *.auto.tfvars and the run's --var-file values: a root module's inputs. */
  tfvars: ReadonlyMap<string, IacNode>;
  /** `.terraform/modules/modules.json` of this directory (as a root): module key → absolute directory. */
  manifest?: ReadonlyMap<string, string>;
}

/** One `module "name" { ... }` block and the directory it runs, when known. */
export interface ModuleCall {
  name: string;
  block: BlockNode;
  doc: IacDocument;
  source: string | undefined;
  /** Absolute directory; undefined when the call cannot be followed (remote module without a manifest entry). */
  childDir: string | undefined;
}

/** One step of a call chain: the module block, as related locations and messages name it. */
export interface ChainStep {
  name: string;
  /** How messages name the step when it is not a Terraform module call (`Stack Db`). */
  label?: string;
  /** `[0]` / `["key"]` when the instance is known, else ''. */
  key: string;
  uri: string;
  doc: IacDocument;
  /** The block's header (`module "db"`), and the whole block. */
  range: SourceRange;
  block: SourceRange;
}

/** Where a caller wrote a bound value: the argument's value node in the caller's document. */
export interface Origin {
  doc: IacDocument;
  node: IacNode;
  /** A nested stack's `Parameters` value: CloudFormation passes strings, so a fix writes `'true'`, not `true`. */
  strings?: true;
}

/** A module directory as one chain of calls deploys it. */
export interface ModuleInstance {
  dir: string;
  /** From the root's call down to the call of this directory; empty for a root. */
  chain: readonly ChainStep[];
  /** Variable name → value: the caller's arguments (roots: their tfvars). */
  bindings: ReadonlyMap<string, IacNode>;
  /** `module.a.module.b[0]`, '' for a root. */
  address: string;
  /** The module key terraform init records (`a.b`), from the root. */
  key: string;
  root: string;
  /** Absent for Terraform; CloudFormation for a nested stack (stack-graph.ts), whose addresses read `Db/Database`. */
  family?: 'cloudformation';
}

/**
 * What the composed lint (module-lint.ts) needs of a graph: the units (Terraform module directories, or CloudFormation
 * templates keyed by their path) and every way each is deployed.
 */
export interface CompositionGraph {
  readonly dirs: ReadonlyMap<string, ModuleDir>;
  instancesOf(dir: string): readonly ModuleInstance[];
}

const origins = new WeakMap<IacNode, Origin>();

/** Where the caller wrote a value bound to a child's variable (undefined for the child's own values). */
export function originOf(node: IacNode | undefined): Origin | undefined {
  return node ? origins.get(node) : undefined;
}

/** Arguments of a module block that are Terraform's, not inputs of the child. */
const META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/** The module calls of a directory's documents, with local paths resolved against `dir` and remote ones through `manifest`. */
export function moduleCalls(dir: string, docs: readonly IacDocument[], manifestKey: (name: string) => string | undefined): ModuleCall[] {
  const calls: ModuleCall[] = [];
  for (const doc of docs) {
    for (const block of doc.blocks) {
      if (block.type !== 'module' || !block.labels[0]) continue;
      const sourceNode = entryOf(block.body, 'source')?.value;
      const source = sourceNode?.kind === 'scalar' && typeof sourceNode.value === 'string' ? sourceNode.value : undefined;
      const local = source !== undefined && (source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..');
      const childDir = local ? path.resolve(dir, source) : manifestKey(block.labels[0]);
      calls.push({ name: block.labels[0], block, doc, source, childDir });
    }
  }
  return calls;
}

/** Reads `.terraform/modules/modules.json` text: module key → absolute directory (relative `Dir`s are from `root`). */
export function parseModulesManifest(root: string, text: string): Map<string, string> {
  const out = new Map<string, string>();
  try {
    const data = JSON.parse(text) as { Modules?: { Key?: unknown; Dir?: unknown }[] };
    for (const m of data.Modules ?? []) {
      if (typeof m.Key === 'string' && m.Key !== '' && typeof m.Dir === 'string') out.set(m.Key, path.resolve(root, m.Dir));
    }
  } catch {
    // A manifest that is not JSON leaves every remote call unresolved, as without one.
  }
  return out;
}

/** Guards against a module that calls itself (directly or through others). */
const MAX_DEPTH = 8;

/**
 * The instances of every directory in `dirs` (which must hold every directory a call reaches, when readable). A
 * directory no call of `dirs` reaches is a root, linted once as today, with its tfvars; any other directory is linted
 * only as its callers deploy it.
 */
export class ModuleGraph implements CompositionGraph {
  private readonly callsByDir = new Map<string, ModuleCall[]>();
  private readonly instancesByDir = new Map<string, ModuleInstance[]>();
  private readonly callers = new Map<string, Set<string>>();

  constructor(readonly dirs: ReadonlyMap<string, ModuleDir>) {
    for (const d of dirs.values()) {
      for (const call of this.calls(d.dir, d.dir, '')) {
        if (!call.childDir || !dirs.has(call.childDir) || call.childDir === d.dir) continue;
        let set = this.callers.get(call.childDir);
        if (!set) this.callers.set(call.childDir, (set = new Set()));
        set.add(d.dir);
      }
    }
    for (const d of dirs.values())
      if (!this.callers.has(d.dir)) this.expand({ dir: d.dir, chain: [], bindings: d.tfvars, address: '', key: '', root: d.dir });
  }

  /** The directories that call `dir` (within the graph). */
  callersOf(dir: string): readonly string[] {
    return [...(this.callers.get(dir) ?? [])];
  }

  /** Every way `dir` is deployed; a directory reached only through a cycle is judged alone, as a root. */
  instancesOf(dir: string): readonly ModuleInstance[] {
    const found = this.instancesByDir.get(dir);
    if (found && found.length > 0) return found;
    const d = this.dirs.get(dir);
    return d ? [{ dir, chain: [], bindings: d.tfvars, address: '', key: '', root: dir }] : [];
  }

  /** Whether some call reaches `dir`. */
  isCalled(dir: string): boolean {
    return this.instancesByDir.get(dir)?.some((i) => i.chain.length > 0) ?? false;
  }

  /** The module calls written in `dir`, remote ones looked up in the manifest of the instance's root. */
  private calls(dir: string, root: string, key: string): ModuleCall[] {
    const manifest = this.dirs.get(root)?.manifest;
    const cacheKey = `${dir}\n${root}\n${key}`;
    let calls = this.callsByDir.get(cacheKey);
    if (!calls) {
      calls = moduleCalls(dir, this.dirs.get(dir)?.docs ?? [], (name) => manifest?.get(key ? `${key}.${name}` : name));
      this.callsByDir.set(cacheKey, calls);
    }
    return calls;
  }

  private expand(instance: ModuleInstance): void {
    const list = this.instancesByDir.get(instance.dir) ?? [];
    this.instancesByDir.set(instance.dir, [...list, instance]);
    if (instance.chain.length >= MAX_DEPTH) return;
    for (const call of this.calls(instance.dir, instance.root, instance.key))
      for (const child of this.childInstances(instance, call.name)) this.expand(child);
  }

  private readonly children = new WeakMap<ModuleInstance, Map<string, ModuleInstance[]>>();
  private readonly contexts = new WeakMap<ModuleInstance, { scope: Scope; outputs: OutputReader }>();

  /** The instances the call `name` written in `parent` makes (memoised: a module output may ask before its turn). */
  private childInstances(parent: ModuleInstance, name: string, depth = 0): ModuleInstance[] {
    let byName = this.children.get(parent);
    if (!byName) this.children.set(parent, (byName = new Map()));
    const known = byName.get(name);
    if (known) return known;
    byName.set(name, []); // a call whose arguments read its own outputs finds none
    const d = this.dirs.get(parent.dir);
    const call = this.calls(parent.dir, parent.root, parent.key).find((c) => c.name === name);
    if (!d || !call?.childDir || !this.dirs.has(call.childDir) || parent.chain.length >= MAX_DEPTH) return [];
    if (call.childDir === parent.dir || parent.chain.some((s) => this.dirOfStep(s) === call.childDir)) return [];
    let context = this.contexts.get(parent);
    if (!context) {
      const scope = instanceScope(d, parent);
      this.contexts.set(parent, (context = { scope, outputs: new OutputReader(this, parent, scope, depth) }));
    }
    const out: ModuleInstance[] = [];
    for (const each of expansions(call.block, context.scope)) {
      const step: ChainStep = {
        name: call.name,
        key: each.label,
        uri: call.doc.uri,
        doc: call.doc,
        range: call.block.headerRange,
        block: call.block.range,
      };
      const bindings = new Map<string, IacNode>();
      for (const entry of call.block.body.entries) {
        if (META_ARGUMENTS.has(entry.key) || entry.block) continue;
        const bound = bindValue(entry.value, context.scope, { doc: call.doc, node: entry.value }, each, context.outputs);
        if (bound) bindings.set(entry.key, bound);
      }
      const address = `${parent.address ? `${parent.address}.` : ''}module.${call.name}${each.label}`;
      out.push({
        dir: call.childDir,
        chain: [...parent.chain, step],
        bindings,
        address,
        key: parent.key ? `${parent.key}.${call.name}` : call.name,
        root: parent.root,
      });
    }
    byName.set(name, out);
    return out;
  }

  private dirOfStep(step: ChainStep): string {
    return path.dirname(step.uri.startsWith('file://') ? decodeURIComponent(step.uri.slice('file://'.length)) : step.uri);
  }

  /** The output `name` of the module call `call` made by `parent` (when it makes one instance), resolved. */
  outputOf(parent: ModuleInstance, call: string, name: string, depth: number): IacNode | undefined {
    if (depth > 4) return undefined;
    const instances = this.childInstances(parent, call, depth + 1);
    const child = instances.length === 1 ? instances[0] : undefined;
    const d = child && this.dirs.get(child.dir);
    if (!child || !d) return undefined;
    for (const doc of d.docs) {
      for (const block of doc.blocks) {
        if (block.type !== 'output' || block.labels[0] !== name) continue;
        const value = entryOf(block.body, 'value')?.value;
        if (!value) return undefined;
        const scope = instanceScope(d, child);
        return bindValue(value, scope, { doc, node: value }, NO_EACH, new OutputReader(this, child, scope, depth + 1));
      }
    }
    return undefined;
  }
}

/** The scope a module instance resolves its own values in (its documents, its bindings as input values). */
export function instanceScope(d: ModuleDir, instance: ModuleInstance): Scope {
  const [first, ...rest] = d.docs;
  if (!first) return createScope({ uri: d.dir, format: 'tf-hcl', family: 'terraform', text: '', resources: [], inputs: [], blocks: [], errors: [] });
  return createScope(first, rest, { inputValues: instance.bindings });
}

/** Reads a called module's outputs from the caller's scope (`module.<call>.<output>`). */
interface Outputs {
  read(call: string, name: string): IacNode | undefined;
}

const NO_OUTPUTS: Outputs = { read: () => undefined };

/**
 * A value a caller passes (a CloudFormation stack's `Parameters` entry) as the child sees it: resolved in the caller's
 * scope, unresolved parts opaque, each node remembering where the caller wrote it (see `bindValue`).
 */
export function bindCallerValue(node: IacNode, scope: Scope, origin: Origin): IacNode | undefined {
  return bindValue(node, scope, origin, NO_EACH, NO_OUTPUTS);
}

/** Reads `module.<call>.<output>` in the caller's scope, once the sibling call has been expanded. */
class OutputReader implements Outputs {
  constructor(
    private readonly graph: ModuleGraph,
    private readonly instance: ModuleInstance,
    readonly scope: Scope,
    readonly depth = 0,
  ) {}

  read(call: string, name: string): IacNode | undefined {
    return this.graph.outputOf(this.instance, call, name, this.depth);
  }
}

/** One instance of a call: `count.index` / `each.key` / `each.value` where known, and the address suffix. */
interface Each {
  label: string;
  refs: ReadonlyMap<string, IacNode>;
}

const NO_EACH: Each = { label: '', refs: new Map() };

/**
 * The instances a `count` / `for_each` makes: none for `count = 0` or an empty collection, one per index/key when
 * the value is known, else one as written (its index/key unknown).
 */
function expansions(block: BlockNode, scope: Scope): Each[] {
  const count = entryOf(block.body, 'count')?.value;
  const forEach = entryOf(block.body, 'for_each')?.value;
  const synthetic = (value: unknown, at: IacNode): IacNode | undefined => toNode(value, at.range);
  if (count) {
    const n = literalOf(count, scope);
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 64) {
      return Array.from({ length: n }, (_, i) => ({
        label: `[${i}]`,
        refs: new Map([['count.index', { kind: 'scalar', value: i, range: count.range } as IacNode]]),
      }));
    }
    return [NO_EACH];
  }
  if (forEach) {
    const v = literalOf(forEach, scope);
    if (isUnknown(v) || v === NO_VALUE || v === null || typeof v !== 'object') return [NO_EACH];
    const pairs: [string, unknown][] = Array.isArray(v) ? v.map((item) => [String(item), item]) : Object.entries(v as Record<string, unknown>);
    if (pairs.some(([, item]) => isUnknown(item) || (Array.isArray(v) && typeof item !== 'string'))) return pairs.length === 0 ? [] : [NO_EACH];
    return pairs.slice(0, 64).map(([k, item]) => {
      const refs = new Map<string, IacNode>();
      const key = synthetic(k, forEach);
      const value = synthetic(item, forEach);
      if (key) refs.set('each.key', key);
      if (value) refs.set('each.value', value);
      return { label: `[${JSON.stringify(k)}]`, refs };
    });
  }
  return [NO_EACH];
}

/** A plain JSON value as nodes at `range` (for `each.value` of a literal collection). */
function toNode(value: unknown, range: SourceRange): IacNode | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { kind: 'scalar', value, range };
  if (Array.isArray(value)) {
    const items = value.map((v) => toNode(v, range));
    return items.every((i) => i) ? { kind: 'list', items: items as IacNode[], style: 'flow', range } : undefined;
  }
  if (typeof value === 'object' && !isUnknown(value)) {
    const entries = [];
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const node = toNode(v, range);
      if (!node) return undefined;
      entries.push({ key, keyRange: range, value: node, range });
    }
    return { kind: 'map', entries, style: 'flow', range };
  }
  return undefined;
}

/**
 * A caller's argument as the child sees it: resolved in the caller's scope, maps and lists copied item by item, and
 * whatever stays unresolved made opaque (its text kept for "cannot verify" notes, no references the child could
 * follow into its own variables or resources). Each node made here remembers its origin; a value already bound by a
 * caller further up keeps that caller's origin (it is the one that decides).
 */
function bindValue(node: IacNode, scope: Scope, origin: Origin, each: Each, outputs: Outputs, depth = 0): IacNode | undefined {
  if (depth > 32) return opaque(node, origin);
  if (node.kind === 'ref') {
    const [head, second, third] = node.path;
    const eachRef = head === 'each' || head === 'count' ? each.refs.get(`${head}.${second}`) : undefined;
    if (eachRef) return register(eachRef, origin);
    if (head === 'module' && second && third && node.path.length === 3) {
      const out = outputs.read(second, third);
      if (out) return out;
      return opaque(node, origin);
    }
  }
  const resolved = resolveNode(node, scope);
  if (resolved === NO_VALUE) return undefined;
  const upstream = originOf(resolved);
  if (upstream) return resolved;
  const here = origin;
  // Written in place, each part of a map or list decides at its own text; reached through a variable or local, at
  // the caller's argument that names it.
  const part = (child: IacNode): Origin => (resolved === node ? { ...origin, node: child } : here);
  switch (resolved.kind) {
    case 'scalar':
      return register({ ...resolved }, here);
    case 'map': {
      const entries = [];
      for (const e of resolved.entries) {
        const value = bindValue(e.value, scope, part(e.value), each, outputs, depth + 1);
        if (value) entries.push({ ...e, value });
      }
      return register({ ...resolved, entries }, here);
    }
    case 'list': {
      const items: IacNode[] = [];
      for (const item of resolved.items) {
        const value = bindValue(item, scope, part(item), each, outputs, depth + 1);
        if (value) items.push(value);
      }
      return register({ ...resolved, items }, here);
    }
    case 'call':
      if (resolved.fn === 'jsonencode' && resolved.args.length === 1 && resolved.args[0]) {
        const arg = bindValue(resolved.args[0], scope, here, each, outputs, depth + 1);
        return arg ? register({ ...resolved, args: [arg] }, here) : opaque(resolved, here);
      }
      return opaque(resolved, here);
    default:
      return opaque(resolved, here);
  }
}

function register<T extends IacNode>(node: T, origin: Origin): T {
  origins.set(node, origin);
  return node;
}

/** An unresolved caller value: unresolved for the child, named by its text, never followed in the child's scope. */
function opaque(node: IacNode, origin: Origin): IacNode {
  const text = node.kind === 'expr' ? node.text : origin.doc.text.slice(node.range.start, node.range.end) || 'a value of the caller';
  return register({ kind: 'expr', text, refs: [], range: node.range }, origin);
}

const docIds = new WeakMap<object, number>();
let nextDocId = 1;
function docId(doc: object): number {
  let id = docIds.get(doc);
  if (id === undefined) docIds.set(doc, (id = nextDocId++));
  return id;
}

/** Everything a bound node tells a check: its shape, values, ranges and where (in which parsed text) it was written. */
function canonical(node: IacNode): string {
  const origin = originOf(node);
  const at = `${node.range.start}:${node.range.end}${origin ? `@${docId(origin.doc)}:${origin.node.range.start}:${origin.node.range.end}` : ''}`;
  switch (node.kind) {
    case 'scalar':
      return `s${JSON.stringify(node.value)}${at}`;
    case 'map':
      return `m${at}{${node.entries.map((e) => `${JSON.stringify(e.key)}${e.keyRange.start}:${e.block ? 'b' : ''}=${canonical(e.value)}`).join(',')}}`;
    case 'list':
      return `l${at}[${node.items.map(canonical).join(',')}]`;
    case 'call':
      return `c${JSON.stringify(node.fn)}${at}(${node.args.map(canonical).join(',')})`;
    case 'ref':
      return `r${JSON.stringify(node.path)}${at}`;
    case 'expr':
      return `e${JSON.stringify(node.text)}${at}`;
  }
}

const internedByInstance = new WeakMap<ModuleInstance, ReadonlyMap<string, IacNode>>();

/**
 * An instance's bindings as the same map object as an earlier instance's with the same content (see `intern`), for a
 * lint cache to key on. Worked out only when a cache asks: a scan keeps none, and the content key costs as much as
 * binding the values.
 */
export function internedBindings(instance: ModuleInstance): ReadonlyMap<string, IacNode> {
  let found = internedByInstance.get(instance);
  if (!found) internedByInstance.set(instance, (found = intern(instance.bindings)));
  return found;
}

/** Recent binding maps by content. */
const interned = new Map<string, ReadonlyMap<string, IacNode>>();

/**
 * The same map object for the same bindings: the language server's lint cache keys a lint by its input values'
 * identity, so a keystroke in a module keeps reusing its instances' results while no caller changed (the key holds
 * each caller's parsed text by identity, so a caller's new version never matches an old map).
 */
export function intern(bindings: ReadonlyMap<string, IacNode>): ReadonlyMap<string, IacNode> {
  const key = [...bindings].map(([name, node]) => `${name}=${canonical(node)}`).join('\n');
  const found = interned.get(key);
  if (found) {
    interned.delete(key);
    interned.set(key, found);
    return found;
  }
  interned.set(key, bindings);
  if (interned.size > 2000) interned.delete(interned.keys().next().value as string);
  return bindings;
}

/**
 * What a lint cache of one buffer is kept per: an instance's chain, with the callers' parsed texts by identity (a
 * caller's edit, which may move the chain's related locations, is a new key). Its bindings are interned, so the cache's
 * own key (which holds the input values by identity) matches while no caller changed.
 */
export function instanceCacheKey(instance: ModuleInstance): string {
  return `${instance.root}\n${instance.address}\n${instance.chain.map((s) => `${s.uri}:${s.range.start}:${docId(s.doc)}`).join('|')}`;
}
