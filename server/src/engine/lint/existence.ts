// Whether a resource (or Terraform module) is created in the evaluation at hand: a Terraform `count`/`for_each` that
// resolves to nothing creates no instance, a CloudFormation resource whose own `Condition` is false is not deployed.
// Such a resource gets no finding and counts as no companion (catalogue v2 clarification 7); the branch explorer
// decides the condition on demand, as it does a conditional value.
import type { ResourceNode } from '../../model/document';
import type { IacNode } from '../../model/nodes';
import { conditionOf, NO_VALUE, resolveNode, type Scope } from '../scope/scope';

/** Conversions that keep an empty collection empty (`toset([])`). */
const SAME_SIZE = new Set(['toset', 'tolist', 'tomap', 'flatten', 'compact', 'distinct', 'sort', 'keys', 'values', 'nonsensitive']);

/**
 * Creating nothing: `0`, `"0"`, `null`, `[]`, `{}`, `toset([])`, as written or as value resolution gives it (a
 * variable's tfvars value or default, or what a module caller passes; a local; the branch of a conditional taken in
 * this evaluation), the way module calls read their own `count` / `for_each`. A value nothing decides (a variable
 * without default, an open conditional, an expression) is not nothing: the resource may be created, so it is judged
 * and counts as a companion. Without a scope only what is written is read.
 */
export function isNothing(node: IacNode | undefined, scope?: Scope, depth = 0): boolean {
  if (!node || depth > 8) return false;
  const value = scope ? resolveNode(node, scope) : node;
  if (value === NO_VALUE) return false;
  switch (value.kind) {
    case 'scalar':
      return value.value === 0 || value.value === '0' || value.value === null;
    case 'list':
      return value.items.length === 0;
    case 'map':
      return value.entries.length === 0;
    case 'call': {
      const cond = conditionOf(value);
      if (cond) {
        const taken = scope?.branch(cond.key);
        return taken !== undefined && isNothing(value.args[taken ? 1 : 2], scope, depth + 1);
      }
      return SAME_SIZE.has(value.fn) && value.args.length === 1 && isNothing(value.args[0], scope, depth + 1);
    }
    default:
      return false;
  }
}

/** A CloudFormation resource's own `Condition` attribute (the condition it is deployed under). */
export function ownCondition(resource: ResourceNode): string | undefined {
  if (resource.kind !== 'resource') return undefined;
  const own = resource.node.entries.find((e) => e.key === 'Condition')?.value;
  return own?.kind === 'scalar' && typeof own.value === 'string' ? own.value : undefined;
}

/** Whether `resource` has a `count`/`for_each` or a `Condition` of its own at all (only those can be absent). */
export function mayNotExist(resource: ResourceNode): boolean {
  if (ownCondition(resource) !== undefined) return true;
  return resource.node.entries.some((e) => (e.key === 'count' || e.key === 'for_each') && !e.block);
}

/**
 * Whether `resource` exists under the scope's branch choices. Its own `Condition`, or a conditional `count`, is
 * decided by the scope (the evaluation forks on it, or parameter values decide it); an open or unknown one counts as
 * creating the resource.
 */
export function exists(resource: ResourceNode, scope: Scope): boolean {
  if (resource.kind === 'input') return true;
  if (scope.family === 'cloudformation') {
    const own = ownCondition(resource);
    return own === undefined || scope.branch(`cfn:${own}`) !== false;
  }
  if (!mayNotExist(resource)) return true;
  for (const meta of ['count', 'for_each']) {
    const value = resource.node.entries.find((e) => e.key === meta && !e.block)?.value;
    if (value && isNothing(value, scope)) return false;
  }
  return true;
}
