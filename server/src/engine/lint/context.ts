// RuleContext: a rule's view of related resources in the same template or Terraform module.
import type { RuleContext } from '../../../../rules/api';
import type { AnyRule } from '../../../../rules/define-rule';
import type { BlockNode, IacDocument, ResourceNode } from '../../model/document';
import type { IacNode } from '../../model/nodes';
import { passedArguments, resourceKeys, valueKeys } from './reference-index';
import { conditionOf, type Dependency, type Scope } from '../scope/scope';
import { targetTypes } from '../scope/units';
import { exists, mayNotExist } from './existence';
import { ResourceViewImpl, type View } from './views';

/**
 * Whether a checked unit is written in `doc`: one of its resources, or (for `@input` rules) a unit made from one of
 * its parameters / variables — those units are built per lint, so they are matched by their node.
 */
export function unitOf(doc: IacDocument, unit: ResourceNode): boolean {
  if (unit.kind === 'input') return doc.inputs.some((i) => i.node === unit.node);
  return doc.resources.includes(unit);
}

/** The resource a node points at: CloudFormation `Ref`/`GetAtt`, Terraform `type.name...` (also wrapped: `one(...)`). */
function pointsAt(node: IacNode, resource: ResourceNode, depth = 0): boolean {
  if (node.kind === 'call' && (node.fn === 'Ref' || node.fn === 'Fn::GetAtt')) {
    const first = node.args[0];
    return first?.kind === 'scalar' && first.value === resource.name;
  }
  if (node.kind === 'call') return depth < 8 && passedArguments(node).some((arg) => pointsAt(arg, resource, depth + 1));
  const isPath = (path: readonly string[]) =>
    resource.kind === 'data'
      ? path[0] === 'data' && path[1] === resource.type && path[2] === resource.name
      : path[0] === resource.type && path[1] === resource.name;
  if (node.kind === 'ref') return isPath(node.path);
  if (node.kind === 'expr') return node.refs.some(isPath);
  return false;
}

/** Same variable/local/parameter expression on both sides (`bucket = var.name` on bucket and companion). */
function sameExpression(a: IacNode, b: IacNode): boolean {
  if (a.kind === 'ref' && b.kind === 'ref') return a.path.join('.') === b.path.join('.');
  if (a.kind === 'call' && b.kind === 'call' && a.fn === 'Ref' && b.fn === 'Ref') {
    const x = a.args[0];
    const y = b.args[0];
    return x?.kind === 'scalar' && y?.kind === 'scalar' && x.value === y.value;
  }
  return false;
}

/**
 * Whether `value` (a companion's property) designates `resource`: by reference, by the resource's literal
 * `name` prop, or by the same variable expression.
 */
export function refersTo(value: View, resource: ResourceViewImpl): boolean {
  const site = value.site;
  if (!site) return false;
  // Through a local or variable (`bucket = local.logs_id`), the resolved node carries the reference.
  const resolved = value.node;
  if (pointsAt(site, resource.ctx.resource) || (resolved !== undefined && pointsAt(resolved, resource.ctx.resource))) return true;
  const name = resource.prop('name');
  if (!name.site) return false;
  const literal = name.asString();
  if (literal !== undefined && value.asString() === literal) return true;
  return sameExpression(site, name.site);
}

/** Literal tag keys of `provider "aws" { default_tags { tags = {...} } }` in the module. */
function providerDefaultTags(providers: readonly BlockNode[]): string[] {
  const keys: string[] = [];
  for (const block of providers) {
    if (block.labels[0] !== 'aws') continue;
    for (const dt of block.body.entries.filter((e) => e.key === 'default_tags')) {
      const body = dt.value.kind === 'list' ? dt.value.items[0] : dt.value;
      const tags = body?.kind === 'map' ? body.entries.find((e) => e.key === 'tags')?.value : undefined;
      if (tags?.kind === 'map') keys.push(...tags.entries.map((e) => e.key));
    }
  }
  return keys;
}

/** A reference index of one role and key, with what building it read and whether it read a conditional. */
interface BuiltIndex {
  value: Map<string, number[]>;
  dependencies: readonly Dependency[];
  branched: boolean;
}

/** What each context built, for the contexts of single runs to reuse (`base`): its views, its reference indexes. */
interface Built {
  viewAt(role: string, i: number): ResourceViewImpl;
  indexes: Map<string, BuiltIndex>;
}

const builtByContext = new WeakMap<RuleContext, Built>();

const branchFreeResources = new WeakMap<ResourceNode, boolean>();

/**
 * Whether reading a resource's values can never meet a conditional: its tree holds none (`Fn::If`, `a ? b : c`, a
 * dynamic block's `for_each`) and, in Terraform, reads no local or data source (whose values may hold one). Such a
 * companion reads the same in every run of the branch explorer (its own `Condition` / `count` is decided apart).
 */
function branchFree(resource: ResourceNode): boolean {
  let free = branchFreeResources.get(resource);
  if (free === undefined) branchFreeResources.set(resource, (free = noConditional(resource.node, 0)));
  return free;
}

function noConditional(node: IacNode, depth: number): boolean {
  if (depth > 64) return false;
  const outside = (path: readonly string[]) => path[0] === 'local' || path[0] === 'data';
  switch (node.kind) {
    case 'scalar':
      return true;
    case 'list':
      return node.items.every((item) => noConditional(item, depth + 1));
    case 'map':
      return node.entries.every((e) => noConditional(e.value, depth + 1));
    case 'call':
      return conditionOf(node) === undefined && node.args.every((arg) => noConditional(arg, depth + 1));
    case 'ref':
      return !outside(node.path);
    case 'expr':
      return node.forEach === undefined && !node.refs.some(outside);
  }
}

export interface RuleContextOptions {
  /**
   * The rule's shared context of the same lint: a context made for one run of the branch explorer reuses its
   * reference indexes where building them read no conditional (they are then the same in every run), and its views of
   * companions that hold no conditional, so the runs of a bucket whose policy carries a `Condition` do not rebuild an
   * index of every policy.
   */
  base?: RuleContext;
  /**
   * Where a companion's existence is decided, when not through `scope`: the shared context, whose scope decides no
   * branch, asks the current check's explorer (existence is read afresh on every lookup, never kept), so a companion
   * under a condition does not make the shared run void.
   */
  existenceScope?: () => Scope;
}

/** The context a rule's checks see: its companions, as they exist under the scope's branch choices. */
export function createRuleContext(rule: AnyRule, scope: Scope, requiredTags: readonly string[], options: RuleContextOptions = {}): RuleContext {
  const { base, existenceScope } = options;
  // Counts the conditionals read through this context's views, to tell whether an index depends on branch choices.
  let branchReads = 0;
  const viewScope: Scope = { ...scope, branch: (key) => (branchReads++, scope.branch(key)) };
  const views = new Map<string, (ResourceViewImpl | undefined)[]>();
  const built = base ? builtByContext.get(base) : undefined;
  const resourcesOf = (role: string): readonly ResourceNode[] => {
    const spec = rule.companions?.[role]?.[scope.family];
    // Asked on every call, not only when the views are built: the scope records the dependency for each check.
    return spec ? scope.resourcesOfTypes(targetTypes(spec)) : [];
  };
  /** The view of the `i`-th companion of `role`, made when first asked (a lookup through the index needs few). */
  const viewAt = (role: string, i: number): ResourceViewImpl => {
    let list = views.get(role);
    if (!list) views.set(role, (list = []));
    let view = list[i];
    if (!view) {
      const resource = resourcesOf(role)[i] as ResourceNode;
      const spec = rule.companions?.[role]?.[scope.family];
      // A companion no branch choice can change reads the same in every run: the lint's view of it, not a new one.
      list[i] = view =
        built && branchFree(resource) ? built.viewAt(role, i) : new ResourceViewImpl({ scope: viewScope, resource, props: spec?.props ?? {} });
    }
    return view;
  };
  const allCompanions = (role: string): ResourceViewImpl[] => resourcesOf(role).map((_, i) => viewAt(role, i));
  // Clarification 7: a companion that may not exist (a CloudFormation `Condition` of its own, a Terraform
  // `count`/`for_each`) counts only in the branches where it exists. Asking the scope decides that condition for this
  // evaluation, as a conditional value is decided, so every companion a rule is given has been through it; `count = 0`
  // never counts.
  const existing = (list: ResourceViewImpl[]) =>
    list.filter((c) => !mayNotExist(c.ctx.resource) || exists(c.ctx.resource, existenceScope?.() ?? viewScope));
  const companions = (role: string): ResourceViewImpl[] => existing(allCompanions(role));
  // Per role and key: which companions (by position) each key designates, built once per lint of a rule. What the
  // build read (the companions, the inputs their keys resolve through) decides every later lookup too, so each use
  // notes it again: otherwise a check that finds no candidate would depend on nothing and be reused stale.
  const indexes = new Map<string, BuiltIndex>();
  const baseIndexes = built?.indexes;
  const referenceIndex = (role: string, key: string): Map<string, number[]> => {
    const id = `${role}\n${key}`;
    const fromBase = baseIndexes?.get(id);
    const known = indexes.get(id) ?? (fromBase && !fromBase.branched ? fromBase : undefined);
    if (known) {
      for (const d of known.dependencies) scope.note(d);
      return known.value;
    }
    const readsBefore = branchReads;
    const watched = scope.watch(() => {
      const index = new Map<string, number[]>();
      for (const [i, c] of allCompanions(role).entries()) {
        for (const k of new Set(valueKeys(c.prop(key)))) {
          const list = index.get(k);
          if (list) list.push(i);
          else index.set(k, [i]);
        }
      }
      return index;
    });
    indexes.set(id, { ...watched, branched: branchReads !== readsBefore });
    return watched.value;
  };
  let defaultTags: string[] | undefined;
  const ctx: RuleContext = {
    requiredTags,
    get defaultTags() {
      if (scope.family !== 'terraform') return [];
      // Asked on every access, so each check that reads them records the providers.
      const providers = scope.providers();
      return (defaultTags ??= providerDefaultTags(providers));
    },
    hasCompanion: (role) => rule.companions?.[role]?.[scope.family] !== undefined,
    companions,
    referencing: (role, key, resource) => {
      // Naive mode (measurement only) does not join resources: a checker without resolution cannot tell who refers to whom.
      if (scope.naive) return [];
      const target = resource as ResourceViewImpl;
      const index = referenceIndex(role, key);
      const candidates = new Set<number>();
      for (const k of resourceKeys(target.ctx.resource, target.prop('name'))) for (const i of index.get(k) ?? []) candidates.add(i);
      // The index narrows the search; refersTo still decides, in the companions' order.
      return existing(
        [...candidates]
          .sort((a, b) => a - b)
          .map((i) => viewAt(role, i))
          .filter((c) => refersTo(c.prop(key), target)),
      );
    },
  };
  builtByContext.set(ctx, { viewAt, indexes });
  return ctx;
}
