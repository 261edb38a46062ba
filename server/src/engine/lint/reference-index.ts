// Keys for finding which companions designate a resource without comparing every companion with every resource: a
// template with thousands of buckets made `ctx.referencing` quadratic (5,000 buckets took over a minute to lint).
import type { ResourceNode } from '../../model/document';
import type { IacNode } from '../../model/nodes';
import type { View } from './views';

/**
 * Every way `refersTo` can match, as strings, for the companion side: a `Ref`/`GetAtt` target name, a Terraform
 * reference path's resource prefix, the literal value, and the expression itself (same variable on both sides).
 */
export function valueKeys(value: View): string[] {
  const site = value.site;
  if (!site) return [];
  const keys: string[] = [];
  for (const node of [site, value.node]) if (node) pointerKeys(node, keys);
  const literal = value.asString();
  if (literal !== undefined) keys.push(`literal:${literal}`);
  const expression = expressionKey(site);
  if (expression !== undefined) keys.push(expression);
  return keys;
}

/** The same keys for the resource side: its name and address, its `name` prop's literal and expression. */
export function resourceKeys(resource: ResourceNode, name: View): string[] {
  const keys = [
    `target:${resource.name}`,
    resource.kind === 'data' ? `path:data.${resource.type}.${resource.name}` : `path:${resource.type}.${resource.name}`,
  ];
  if (!name.site) return keys;
  const literal = name.asString();
  if (literal !== undefined) keys.push(`literal:${literal}`);
  const expression = expressionKey(name.site);
  if (expression !== undefined) keys.push(expression);
  return keys;
}

/**
 * Terraform functions whose result is (one of) their reference arguments' values, so a reference wrapped in them
 * still designates the same resource: `join("", aws_s3_bucket.b[*].id)`, `one(...)`, `try(a, "")`, `element(l, 0)`.
 */
const PASSING = new Set([
  'join',
  'one',
  'try',
  'element',
  'concat',
  'coalesce',
  'coalescelist',
  'tostring',
  'tolist',
  'toset',
  'flatten',
  'compact',
  'distinct',
  'sort',
  'nonsensitive',
]);

/** The arguments of a passing call that carry the value (`join`'s separator does not; nor a list of several items). */
export function passedArguments(node: IacNode): readonly IacNode[] {
  if (node.kind !== 'call' || !PASSING.has(node.fn)) return [];
  const args = node.fn === 'join' ? node.args.slice(1) : node.args;
  return args.flatMap((a) => (a.kind === 'list' ? (a.items.length === 1 ? a.items : []) : [a]));
}

function pointerKeys(node: IacNode, out: string[], depth = 0): void {
  if (node.kind === 'call' && (node.fn === 'Ref' || node.fn === 'Fn::GetAtt')) {
    const first = node.args[0];
    if (first?.kind === 'scalar') out.push(`target:${String(first.value)}`);
    return;
  }
  if (depth < 8) for (const arg of passedArguments(node)) pointerKeys(arg, out, depth + 1);
  const paths = node.kind === 'ref' ? [node.path] : node.kind === 'expr' ? node.refs : [];
  for (const path of paths) {
    if (path.length >= 2) out.push(`path:${path[0]}.${path[1]}`);
    if (path.length >= 3 && path[0] === 'data') out.push(`path:data.${path[1]}.${path[2]}`);
  }
}

function expressionKey(node: IacNode): string | undefined {
  if (node.kind === 'ref') return `ref:${node.path.join('.')}`;
  if (node.kind === 'call' && node.fn === 'Ref') {
    const first = node.args[0];
    return first?.kind === 'scalar' ? `Ref:${String(first.value)}` : undefined;
  }
  return undefined;
}
