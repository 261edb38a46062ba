// RuleContext: a rule's view of related resources in the same template or Terraform module.
import type { RuleContext } from '../../../../rules/api';
import type { AnyRule } from '../../../../rules/define-rule';
import type { BlockNode, IacDocument, ResourceNode } from '../../model/document';
import type { IacNode } from '../../model/nodes';
import { passedArguments, resourceKeys, valueKeys } from './reference-index';
import type { Dependency, Scope } from '../scope/scope';
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

export function createRuleContext(rule: AnyRule, scope: Scope, requiredTags: readonly string[]): RuleContext {
  const cache = new Map<string, ResourceViewImpl[]>();
  const allCompanions = (role: string): ResourceViewImpl[] => {
    const spec = rule.companions?.[role]?.[scope.family];
    // Asked on every call, not only when the views are built: the scope records the dependency for each check.
    const resources = spec ? scope.resourcesOfTypes(targetTypes(spec)) : [];
    let found = cache.get(role);
    if (found) return found;
    found = spec ? resources.map((resource) => new ResourceViewImpl({ scope, resource, props: spec.props })) : [];
    cache.set(role, found);
    return found;
  };
  // Clarification 7, Terraform side: a companion that `count`/`for_each` may not create counts only in the branches
  // where it exists (asking the scope decides that condition for this evaluation); `count = 0` never counts.
  const counted = new Map<string, ResourceViewImpl[]>();
  const existing = (views: ResourceViewImpl[]) => views.filter((c) => exists(c.ctx.resource, scope));
  const companions = (role: string): ResourceViewImpl[] => {
    const all = allCompanions(role);
    let maybeAbsent = counted.get(role);
    if (!maybeAbsent) counted.set(role, (maybeAbsent = all.filter((c) => mayNotExist(c.ctx.resource))));
    return maybeAbsent.length === 0 ? all : existing(all);
  };
  // Per role and key: which companions (by position) each key designates, built once per lint of a rule. What the
  // build read (the companions, the inputs their keys resolve through) decides every later lookup too, so each use
  // notes it again: otherwise a check that finds no candidate would depend on nothing and be reused stale.
  const indexes = new Map<string, { value: Map<string, number[]>; dependencies: readonly Dependency[] }>();
  const referenceIndex = (role: string, key: string): Map<string, number[]> => {
    let built = indexes.get(`${role}\n${key}`);
    if (built) {
      for (const d of built.dependencies) scope.note(d);
      return built.value;
    }
    built = scope.watch(() => {
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
    indexes.set(`${role}\n${key}`, built);
    return built.value;
  };
  let defaultTags: string[] | undefined;
  return {
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
      const all = allCompanions(role);
      return existing(
        [...candidates]
          .sort((a, b) => a - b)
          .map((i) => all[i] as ResourceViewImpl)
          .filter((c) => refersTo(c.prop(key), target)),
      );
    },
  };
}
