// Whether a Terraform resource (or module) is created at all: `count`/`for_each` that resolve to nothing create no
// instance, so such a resource gets no finding and counts as no companion.
import type { ResourceNode } from '../../model/document';
import type { IacNode } from '../../model/nodes';
import { NO_VALUE, resolveNode, type Scope } from '../scope/scope';

/** Conversions that keep an empty collection empty (`toset([])`). */
const SAME_SIZE = new Set(['toset', 'tolist', 'tomap', 'flatten', 'compact', 'distinct', 'sort', 'keys', 'values', 'nonsensitive']);

/** `0`, `"0"`, `null`, `[]`, `{}` (also through a variable, a local or a decided conditional, or `toset([])`). */
export function isNothing(node: IacNode | undefined, scope: Scope, depth = 0): boolean {
  if (!node || depth > 8) return false;
  const n = resolveNode(node, scope);
  if (n === NO_VALUE) return false;
  switch (n.kind) {
    case 'scalar':
      return n.value === 0 || n.value === '0' || n.value === null;
    case 'list':
      return n.items.length === 0;
    case 'map':
      return n.entries.length === 0;
    case 'call':
      return SAME_SIZE.has(n.fn) && n.args.length === 1 && isNothing(n.args[0], scope, depth + 1);
    default:
      return false;
  }
}

/** Whether `resource` has a `count`/`for_each` at all (only those can be absent). */
export function mayNotExist(resource: ResourceNode): boolean {
  return resource.node.entries.some((e) => (e.key === 'count' || e.key === 'for_each') && !e.block);
}

/**
 * Whether `resource` exists under the scope's branch choices. A conditional `count` is decided by the scope (the
 * evaluation forks on it); an unknown one counts as creating the resource.
 */
export function exists(resource: ResourceNode, scope: Scope): boolean {
  if (scope.family !== 'terraform' || resource.kind === 'input') return true;
  if (!mayNotExist(resource)) return true;
  for (const meta of ['count', 'for_each']) {
    const value = resource.node.entries.find((e) => e.key === meta && !e.block)?.value;
    if (value && isNothing(value, scope)) return false;
  }
  return true;
}
