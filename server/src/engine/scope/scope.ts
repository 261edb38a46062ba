// What a value can be resolved against: parameters/variables (with overrides), locals, mappings and branch choices.
import { UNKNOWN } from '../../../../rules/lib/unknown';
import type { BlockNode, Family, IacDocument, InputNode, ResourceNode } from '../../model/document';
import { entryOf, type IacNode, type MapNode } from '../../model/nodes';
import { policyFromDataSource } from './policy-document';
import { lineStartsOf } from '../positions';
import { unitTypeKey } from './units';

/** Marks dependencies as made by the scope (type-only: nothing outside this module can spell one). */
declare const madeByScope: unique symbol;

/**
 * Something a check read outside its own resource, which decides whether its findings can be reused (lint-cache.ts
 * works out the places in the text each kind stands for). Only the scope's accessors make these, and they record
 * each one as they hand the value out: a read that does not go through an accessor has no way to reach the
 * documents, so it cannot silently leave a dependency out.
 */
export type Dependency = (
  | { readonly kind: 'input'; readonly name: string }
  | { readonly kind: 'inputs' }
  | { readonly kind: 'local'; readonly name: string }
  | { readonly kind: 'mappings' }
  | { readonly kind: 'template'; readonly name: string }
  | { readonly kind: 'providers' }
  | { readonly kind: 'resources' }
  | { readonly kind: 'types'; readonly types: readonly string[] }
) & {
  /** Equal for equal dependencies: what the lint cache indexes by. */
  readonly key: string;
  readonly [madeByScope]: true;
};

type Plain<D> = D extends unknown ? Omit<D, 'key' | typeof madeByScope> : never;

function dependency(plain: Plain<Dependency>, key: string): Dependency {
  return { ...plain, key } as Dependency;
}

/**
 * The same object for the same named dependency: checks read inputs and locals on every value they resolve, and the
 * records are immutable. Bounded: names come from documents, which a long editing session keeps changing.
 */
const named = { input: new Map<string, Dependency>(), local: new Map<string, Dependency>() };

function namedDependency(kind: 'input' | 'local', name: string): Dependency {
  const known = named[kind];
  let found = known.get(name);
  if (!found) {
    if (known.size > 10_000) known.clear();
    known.set(name, (found = dependency({ kind, name }, `${kind}:${name}`)));
  }
  return found;
}

const MAPPINGS = dependency({ kind: 'mappings' }, 'mappings');
const PROVIDERS = dependency({ kind: 'providers' }, 'providers');
const RESOURCES = dependency({ kind: 'resources' }, 'resources');
const INPUTS = dependency({ kind: 'inputs' }, 'inputs');

/** A file of the scope as related locations name it: its URI and where its lines start (not its content). */
export interface ScopeFile {
  readonly uri: string;
  readonly lineStarts: readonly number[];
}

function fileOf(doc: IacDocument): ScopeFile {
  return {
    uri: doc.uri,
    get lineStarts() {
      return lineStartsOf(doc);
    },
  };
}

/**
 * The documents that see each other: one CloudFormation template, or every file of a Terraform module directory.
 * The documents themselves are not reachable: every accessor records what it read (see `Dependency`).
 */
export interface Scope {
  family: Family;
  input(name: string): InputNode | undefined;
  /** The value an input takes: a parameter file / tfvars override, else its default. */
  inputValue(name: string): IacNode | undefined;
  /** The names of every parameter / variable of the scope. */
  inputNames(): readonly string[];
  /** The first parameter / variable (in document order) that `test` accepts, with the file it is declared in. */
  findInput(test: (input: InputNode) => boolean): { file: ScopeFile; input: InputNode } | undefined;
  /**
   * The file a resource of the scope is written in. Records nothing: only the check's own unit asks for its file,
   * and the unit's text is what the cache keys its findings by.
   */
  fileOfResource(resource: ResourceNode): ScopeFile | undefined;
  /** A Terraform `locals { name = ... }` value of the module. */
  local(name: string): IacNode | undefined;
  /** The CloudFormation template's `Mappings` section. */
  mappings(): IacNode | undefined;
  /** The CloudFormation template's root map, for reading top-level section `name` (SAM `Globals`); records that section. */
  templateRoot(name: string): MapNode | undefined;
  /** The Terraform `provider` blocks of the module. */
  providers(): readonly BlockNode[];
  /** Every resource of the scope, in document order. */
  resources(): readonly ResourceNode[];
  /** The resources whose type key (`unitTypeKey`) is one of `types`, in document order. */
  resourcesOfTypes(types: readonly string[]): readonly ResourceNode[];
  /** The branch taken for a conditional in this evaluation, or undefined when both are still open. */
  branch(key: string): boolean | undefined;
  /** Internal (EngineConfig `naive`): resolve nothing, so references, intrinsics and joins all stay unresolved. */
  readonly naive?: boolean;
  /**
   * Records again dependencies an accessor recorded earlier (returned by `watch`): a result kept past the check
   * that built it must note them for each later check that uses it.
   */
  note(dependency: Dependency): void;
  /** Runs `build` and returns what it produced with every dependency recorded meanwhile. */
  watch<T>(build: () => T): { value: T; dependencies: readonly Dependency[] };
}

/** Told of every dependency a check reads through the scope, so its result can be reused while they are unchanged. */
export interface DependencyRecorder {
  note(dependency: Dependency): void;
}

export interface ScopeOptions {
  /** Parameter-file / tfvars values by input name; they override defaults. */
  inputValues?: ReadonlyMap<string, IacNode>;
  recorder?: DependencyRecorder;
}

/** The documents a scope sees (`doc` first) and their inputs by name (the first declaration wins). */
interface ScopeDocuments {
  documents: readonly IacDocument[];
  inputs: ReadonlyMap<string, InputNode>;
  size: number;
}

const NO_MODULE: readonly IacDocument[] = [];
const scopeDocuments = new WeakMap<readonly IacDocument[], WeakMap<IacDocument, ScopeDocuments>>();

/**
 * Worked out once per document and module (documents are immutable): a scan lints each file of a called module once
 * per instance, and the editor the same buffer version for every instance of its module.
 */
function documentsOf(doc: IacDocument, module: readonly IacDocument[]): ScopeDocuments {
  let byDoc = scopeDocuments.get(module);
  if (!byDoc) scopeDocuments.set(module, (byDoc = new WeakMap()));
  let found = byDoc.get(doc);
  // The module list is typed readonly; a caller that grew it anyway gets a fresh reading.
  if (!found || found.size !== module.length) {
    const documents = [doc, ...module.filter((m) => m.uri !== doc.uri && m.family === doc.family)];
    const inputs = new Map<string, InputNode>();
    for (const d of documents) for (const i of d.inputs) if (!inputs.has(i.name)) inputs.set(i.name, i);
    byDoc.set(doc, (found = { documents, inputs, size: module.length }));
  }
  return found;
}

export function createScope(doc: IacDocument, module: readonly IacDocument[] = NO_MODULE, options: ScopeOptions = {}): Scope {
  const { documents, inputs } = documentsOf(doc, module);
  let locals: Map<string, IacNode> | undefined;
  let all: ResourceNode[] | undefined;
  let providers: BlockNode[] | undefined;
  const ofTypes = new Map<string, { dependency: Dependency; resources: ResourceNode[] }>();
  const watchers: Map<string, Dependency>[] = [];
  const note = (dependency: Dependency) => {
    options.recorder?.note(dependency);
    for (const seen of watchers) seen.set(dependency.key, dependency);
  };
  const resources = () => (all ??= documents.flatMap((d) => d.resources));
  return {
    family: doc.family,
    input: (name) => {
      note(namedDependency('input', name));
      return inputs.get(name);
    },
    inputValue: (name) => {
      note(namedDependency('input', name));
      return options.inputValues?.get(name) ?? inputs.get(name)?.default;
    },
    inputNames: () => {
      note(INPUTS);
      return [...inputs.keys()];
    },
    findInput: (test) => {
      for (const d of documents) {
        for (const input of d.inputs) {
          if (!test(input)) continue;
          note(namedDependency('input', input.name));
          return { file: fileOf(d), input };
        }
      }
      return undefined;
    },
    fileOfResource: (resource) => {
      const doc = documents.find((d) => d.resources.includes(resource));
      return doc && fileOf(doc);
    },
    local: (name) => {
      note(namedDependency('local', name));
      if (!locals) {
        locals = new Map();
        for (const d of documents) for (const b of d.blocks) if (b.type === 'locals') for (const e of b.body.entries) locals.set(e.key, e.value);
      }
      return locals.get(name);
    },
    mappings: () => {
      note(MAPPINGS);
      const root = documents[0]?.root;
      return root ? entryOf(root, 'Mappings')?.value : undefined;
    },
    templateRoot: (name) => {
      note(dependency({ kind: 'template', name }, `template:${name}`));
      return documents[0]?.root;
    },
    providers: () => {
      note(PROVIDERS);
      return (providers ??= documents.flatMap((d) => d.blocks.filter((b) => b.type === 'provider')));
    },
    resources: () => {
      note(RESOURCES);
      return resources();
    },
    resourcesOfTypes: (types) => {
      const key = `types:${JSON.stringify(types)}`;
      let hit = ofTypes.get(key);
      if (!hit) {
        const wanted = new Set(types);
        hit = {
          dependency: dependency({ kind: 'types', types }, key),
          resources: resources().filter((resource) => wanted.has(unitTypeKey(resource))),
        };
        ofTypes.set(key, hit);
      }
      // Recorded on every call, not only when the list is built: each check that asks depends on it.
      note(hit.dependency);
      return hit.resources;
    },
    branch: () => undefined,
    note,
    watch: (build) => {
      const seen = new Map<string, Dependency>();
      watchers.push(seen);
      try {
        return { value: build(), dependencies: [...seen.values()] };
      } finally {
        watchers.pop();
      }
    },
  };
}

/** The same scope with some conditionals decided (one evaluation of a rule per combination of branches). */
export function withBranches(scope: Scope, choices: ReadonlyMap<string, boolean>): Scope {
  return { ...scope, branch: (key) => choices.get(key) ?? scope.branch(key) };
}

/** Why a resolved value is absent: CloudFormation's `AWS::NoValue` removes the property. */
export const NO_VALUE = Symbol('AWS::NoValue');

/** A conditional's identity and how messages name it: CloudFormation condition name, or the Terraform condition text. */
export function conditionOf(node: IacNode): { key: string; label: string } | undefined {
  if (node.kind !== 'call') return undefined;
  const first = node.args[0];
  if (node.fn === 'Fn::If' && node.args.length === 3 && first?.kind === 'scalar')
    return { key: `cfn:${String(first.value)}`, label: `condition ${String(first.value)}` };
  if (node.fn === '?:' && node.args.length === 3 && first) {
    const text =
      first.kind === 'expr'
        ? first.text
        : first.kind === 'ref'
          ? first.path.join('.')
          : JSON.stringify(first.kind === 'scalar' ? first.value : first.kind);
    return { key: `tf:${text}`, label: `\`${text}\`` };
  }
  return undefined;
}

function scalar(value: string, node: IacNode): IacNode {
  return { kind: 'scalar', value, range: node.range };
}

/** A literal string after resolution, or undefined. */
function stringOf(node: IacNode | undefined, scope: Scope, depth: number): string | undefined {
  if (!node) return undefined;
  const n = resolveNode(node, scope, depth + 1);
  return n !== NO_VALUE && n.kind === 'scalar' && n.value !== null ? String(n.value) : undefined;
}

/** `Fn::FindInMap` with keys that resolve to literals, read from the template's `Mappings`. */
function findInMap(node: IacNode & { kind: 'call' }, scope: Scope, depth: number): IacNode | undefined {
  const [m, k1, k2] = node.args.map((a) => stringOf(a, scope, depth));
  if (m === undefined || k1 === undefined || k2 === undefined) return undefined;
  const mappings = scope.mappings();
  const top = mappings?.kind === 'map' ? entryOf(mappings, m)?.value : undefined;
  const second = top?.kind === 'map' ? entryOf(top, k1)?.value : undefined;
  return second?.kind === 'map' ? entryOf(second, k2)?.value : undefined;
}

/** `Fn::Sub` of a string whose `${Name}` parts all resolve (parameters with values, no pseudo parameters). */
function sub(node: IacNode & { kind: 'call' }, scope: Scope, depth: number): IacNode | undefined {
  const template = node.args[0];
  if (node.args.length !== 1 || template?.kind !== 'scalar' || typeof template.value !== 'string') return undefined;
  let ok = true;
  const text = template.value.replace(/\$\{([^{}!]+)\}/g, (_, name: string) => {
    const v = name.includes('.') ? undefined : stringOf(scope.inputValue(name), scope, depth);
    if (v === undefined) ok = false;
    return v ?? '';
  });
  return ok ? scalar(text, node) : undefined;
}

/** `Fn::Join` of parts that all resolve to literals. */
function join(node: IacNode & { kind: 'call' }, scope: Scope, depth: number): IacNode | undefined {
  const [sep, list] = node.args;
  const delimiter = stringOf(sep, scope, depth);
  const items = list ? resolveNode(list, scope, depth + 1) : undefined;
  if (delimiter === undefined || !items || items === NO_VALUE || items.kind !== 'list') return undefined;
  const parts = items.items.map((i) => stringOf(i, scope, depth));
  return parts.every((p) => p !== undefined) ? scalar(parts.join(delimiter), node) : undefined;
}

/**
 * Follows what can be known: a parameter/variable's value (override or default), `AWS::NoValue`, a local, a decided
 * conditional branch, `Fn::FindInMap`/`Fn::Sub`/`Fn::Join` of literals. Anything else is returned as is (and counts
 * as unresolved if it is not a literal).
 */
export function resolveNode(node: IacNode, scope: Scope, depth = 0): IacNode | typeof NO_VALUE {
  // Literals first: most values a check reads are written in place (this runs for every value read).
  if (node.kind === 'scalar' || node.kind === 'map' || node.kind === 'list' || depth > 16 || scope.naive) return node;
  if (node.kind === 'call') {
    if (node.fn === 'Ref' && node.args.length === 1) {
      const target = node.args[0];
      if (target?.kind !== 'scalar' || typeof target.value !== 'string') return node;
      if (target.value === 'AWS::NoValue') return NO_VALUE;
      return resolveNext(node, scope.inputValue(target.value), scope, depth);
    }
    const cond = conditionOf(node);
    if (cond) {
      const taken = scope.branch(cond.key);
      return taken === undefined ? node : resolveNext(node, node.args[taken ? 1 : 2], scope, depth);
    }
    if (node.fn === 'Fn::FindInMap') return resolveNext(node, findInMap(node, scope, depth), scope, depth);
    if (node.fn === 'Fn::Sub') return resolveNext(node, sub(node, scope, depth), scope, depth);
    if (node.fn === 'Fn::Join') return resolveNext(node, join(node, scope, depth), scope, depth);
    return node;
  }
  if (node.kind === 'ref' && node.path.length === 2) {
    if (node.path[0] === 'var') return resolveNext(node, scope.inputValue(node.path[1] ?? ''), scope, depth);
    if (node.path[0] === 'local') return resolveNext(node, scope.local(node.path[1] ?? ''), scope, depth);
  }
  // A dynamic block over a collection that resolves empty generates no block (catalogue v2 clarification 6).
  if (node.kind === 'expr' && node.forEach && isEmptyCollection(resolveNode(node.forEach, scope, depth + 1))) return NO_VALUE;
  return node;
}

/** One step of `resolveNode`: what `node` stands for, resolved in turn; `node` itself when it stands for nothing known. */
function resolveNext(node: IacNode, found: IacNode | undefined, scope: Scope, depth: number): IacNode | typeof NO_VALUE {
  return found ? resolveNode(found, scope, depth + 1) : node;
}

/** `[]`, `{}`, `null` (or nothing at all): what a `for_each` iterates zero times over. */
function isEmptyCollection(node: IacNode | typeof NO_VALUE): boolean {
  if (node === NO_VALUE) return true;
  if (node.kind === 'list') return node.items.length === 0;
  if (node.kind === 'map') return node.entries.length === 0;
  return node.kind === 'scalar' && node.value === null;
}

/** The body of a Terraform template (quoted or heredoc) with its interpolations left as text, for JSON policy reading. */
function templateText(text: string): string | undefined {
  const heredoc = /^<<-?\s*(\w+)\r?\n([\s\S]*?)\r?\n\s*\1\s*$/.exec(text);
  if (heredoc) return heredoc[2];
  if (text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1);
  return undefined;
}

/**
 * A node as plain JSON, with `UNKNOWN` where a part cannot be resolved; `AWS::NoValue` drops the key or item.
 * `jsonencode(x)` is read as x; `data.aws_iam_policy_document.d.json` as the policy the data source builds; a
 * template keeps its interpolations as text (so a heredoc JSON policy is still readable).
 */
export function literalOf(node: IacNode, scope: Scope, depth = 0): unknown {
  // A scalar needs no walk (most values rules read are): nothing to memoise, no cycle through it.
  if (node.kind === 'scalar' && depth <= 200 && !scope.naive) return node.value;
  return literalIn(node, scope, depth, { memo: new Map(), onPath: new Set() });
}

/**
 * One `literalOf` walk: each resolved node is turned into JSON once (`locals { a = [local.b, local.b] }` chained 30
 * deep is 30 steps, not 2^30) and a node met again on its own path is a cycle (`locals { a = [local.a] }`): UNKNOWN.
 */
interface LiteralWalk {
  memo: Map<IacNode, unknown>;
  onPath: Set<IacNode>;
}

function literalIn(node: IacNode, scope: Scope, depth: number, walk: LiteralWalk): unknown {
  const n = resolveNode(node, scope);
  if (n === NO_VALUE) return NO_VALUE;
  if (depth > 200 || walk.onPath.has(n)) return UNKNOWN;
  if (walk.memo.has(n)) return walk.memo.get(n);
  walk.onPath.add(n);
  let value: unknown;
  try {
    value = literalOfResolved(n, scope, depth, walk);
  } finally {
    walk.onPath.delete(n);
  }
  walk.memo.set(n, value);
  return value;
}

function literalOfResolved(n: IacNode, scope: Scope, depth: number, walk: LiteralWalk): unknown {
  switch (n.kind) {
    case 'scalar':
      return n.value;
    case 'list':
      return n.items.map((item) => literalIn(item, scope, depth + 1, walk)).filter((v) => v !== NO_VALUE);
    case 'map':
      return mapLiteral(n, scope, depth, walk);
    case 'call':
      if (n.fn === 'jsonencode' && n.args.length === 1 && n.args[0]) return literalIn(n.args[0], scope, depth + 1, walk);
      return UNKNOWN;
    case 'ref': {
      const policy = scope.naive
        ? undefined
        : policyFromDataSource(
            n.path,
            () => scope.resources(),
            (v) => literalIn(v, scope, depth + 1, walk),
          );
      return policy ?? UNKNOWN;
    }
    case 'expr':
      return templateText(n.text) ?? UNKNOWN;
  }
}

function mapLiteral(n: MapNode, scope: Scope, depth: number, walk: LiteralWalk): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of n.entries) {
    const v = literalIn(e.value, scope, depth + 1, walk);
    if (v !== NO_VALUE) out[e.key] = v;
  }
  return out;
}
