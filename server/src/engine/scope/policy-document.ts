// Reads `data "aws_iam_policy_document"` blocks as the JSON policy Terraform renders from them.
import type { ResourceNode } from '../../model/document';
import type { IacNode, MapNode } from '../../model/nodes';

type Literal = (node: IacNode) => unknown;

function blocks(map: MapNode, key: string): MapNode[] {
  return map.entries.filter((e) => e.key === key).flatMap((e) => (e.value.kind === 'map' ? [e.value] : e.value.kind === 'list' ? e.value.items.filter((i): i is MapNode => i.kind === 'map') : []));
}

function value(map: MapNode, key: string, literal: Literal): unknown {
  const entry = map.entries.find((e) => e.key === key);
  return entry ? literal(entry.value) : undefined;
}

/** `principals { type = "AWS", identifiers = ["*"] }` → `{ AWS: ["*"] }` (type "*" → `"*"`, as IAM renders it). */
function principals(blocksOf: MapNode[], literal: Literal): unknown {
  if (blocksOf.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const p of blocksOf) {
    const type = value(p, 'type', literal);
    const ids = value(p, 'identifiers', literal);
    if (type === '*') return '*';
    if (typeof type === 'string') out[type] = ids;
  }
  return out;
}

/**
 * The policy of `data.aws_iam_policy_document.<name>.json` when that data source is among `resources` (the scope's,
 * asked only for such a path so the read is recorded only then), else undefined. Given the list rather than the
 * scope, so the scope can use this module without the two importing each other.
 */
export function policyFromDataSource(path: readonly string[], resources: () => readonly ResourceNode[], literal: Literal): unknown {
  if (path[0] !== 'data' || path[1] !== 'aws_iam_policy_document' || (path[3] !== 'json' && path[3] !== 'minified_json')) return undefined;
  const found = resources().find((resource) => resource.kind === 'data' && resource.type === 'aws_iam_policy_document' && resource.name === path[2]);
  if (!found) return undefined;
  const statements = blocks(found.node, 'statement').map((st) => {
    const out: Record<string, unknown> = { Effect: value(st, 'effect', literal) ?? 'Allow' };
    const pairs: [string, string][] = [['actions', 'Action'], ['not_actions', 'NotAction'], ['resources', 'Resource'], ['not_resources', 'NotResource'], ['sid', 'Sid']];
    for (const [tf, json] of pairs) {
      const v = value(st, tf, literal);
      if (v !== undefined) out[json] = v;
    }
    const p = principals(blocks(st, 'principals'), literal);
    if (p !== undefined) out['Principal'] = p;
    const np = principals(blocks(st, 'not_principals'), literal);
    if (np !== undefined) out['NotPrincipal'] = np;
    const conditions = blocks(st, 'condition');
    if (conditions.length > 0) {
      const cond: Record<string, Record<string, unknown>> = {};
      for (const c of conditions) {
        const test = String(value(c, 'test', literal));
        const variable = String(value(c, 'variable', literal));
        cond[test] = { ...(cond[test] ?? {}), [variable]: value(c, 'values', literal) };
      }
      out['Condition'] = cond;
    }
    return out;
  });
  return { Version: '2012-10-17', Statement: statements };
}
