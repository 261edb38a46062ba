// What a value can be resolved against: the template's parameters or the Terraform module's variables.
import type { Family, IacDocument, InputNode, ResourceNode } from '../model/document';
import type { IacNode } from '../model/nodes';
import { UNKNOWN } from '../../../rules/lib/unknown';

/** The documents that see each other: one CloudFormation template, or every file of a Terraform module directory. */
export interface Scope {
  family: Family;
  documents: readonly IacDocument[];
  input(name: string): InputNode | undefined;
  /** Every resource of the scope with the document it lives in. */
  resources(): readonly { doc: IacDocument; resource: ResourceNode }[];
}

export function createScope(doc: IacDocument, module: readonly IacDocument[] = []): Scope {
  const documents = [doc, ...module.filter((m) => m.uri !== doc.uri && m.family === doc.family)];
  const inputs = new Map<string, InputNode>();
  for (const d of documents) for (const i of d.inputs) if (!inputs.has(i.name)) inputs.set(i.name, i);
  let all: { doc: IacDocument; resource: ResourceNode }[] | undefined;
  return {
    family: doc.family,
    documents,
    input: (name) => inputs.get(name),
    resources: () => (all ??= documents.flatMap((d) => d.resources.map((resource) => ({ doc: d, resource })))),
  };
}

/** Why a resolved value is absent: CloudFormation's `AWS::NoValue` removes the property. */
export const NO_VALUE = Symbol('AWS::NoValue');

/**
 * Follows references whose value is known: a CloudFormation `Ref` to a parameter with a `Default`, a Terraform
 * `var.x` with a `default`. Anything else is returned as is (and counts as unresolved if it is not a literal).
 */
export function resolveNode(node: IacNode, scope: Scope, depth = 0): IacNode | typeof NO_VALUE {
  if (depth > 8) return node;
  if (node.kind === 'call' && node.fn === 'Ref' && node.args.length === 1) {
    const target = node.args[0];
    if (target?.kind !== 'scalar' || typeof target.value !== 'string') return node;
    if (target.value === 'AWS::NoValue') return NO_VALUE;
    const def = scope.input(target.value)?.default;
    return def ? resolveNode(def, scope, depth + 1) : node;
  }
  if (node.kind === 'ref' && node.path.length === 2 && node.path[0] === 'var') {
    const def = scope.input(node.path[1] ?? '')?.default;
    return def ? resolveNode(def, scope, depth + 1) : node;
  }
  return node;
}

/**
 * A node as plain JSON, with `UNKNOWN` where a part cannot be resolved; `AWS::NoValue` drops the key or item.
 * `jsonencode(x)` is read as x, and a string holding JSON stays a string (policy readers parse it).
 */
export function literalOf(node: IacNode, scope: Scope, depth = 0): unknown {
  const n = resolveNode(node, scope);
  if (n === NO_VALUE) return NO_VALUE;
  if (depth > 200) return UNKNOWN;
  switch (n.kind) {
    case 'scalar':
      return n.value;
    case 'list':
      return n.items.map((item) => literalOf(item, scope, depth + 1)).filter((v) => v !== NO_VALUE);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const e of n.entries) {
        const v = literalOf(e.value, scope, depth + 1);
        if (v !== NO_VALUE) out[e.key] = v;
      }
      return out;
    }
    case 'call':
      if (n.fn === 'jsonencode' && n.args.length === 1 && n.args[0]) return literalOf(n.args[0], scope, depth + 1);
      return UNKNOWN;
    default:
      return UNKNOWN;
  }
}
