// Reads `data "aws_iam_policy_document"` blocks as the JSON policy Terraform renders from them. The rendering itself
// (principals, conditions, source/override merging) lives in rules/lib/policy-document, shared with the rules.
import { renderDataSourcePolicy, type PrincipalBlock, type StatementBlock } from '../../../../rules/lib/policy-document';
import type { ResourceNode } from '../../model/document';
import type { IacNode, MapNode } from '../../model/nodes';

type Literal = (node: IacNode) => unknown;

function blocks(map: MapNode, key: string): MapNode[] {
  return map.entries
    .filter((e) => e.key === key)
    .flatMap((e) =>
      e.value.kind === 'map' ? [e.value] : e.value.kind === 'list' ? e.value.items.filter((i): i is MapNode => i.kind === 'map') : [],
    );
}

function value(map: MapNode, key: string, literal: Literal): unknown {
  const entry = map.entries.find((e) => e.key === key);
  return entry ? literal(entry.value) : undefined;
}

const principalBlocks = (st: MapNode, key: string, literal: Literal): PrincipalBlock[] =>
  blocks(st, key).map((p) => ({ type: value(p, 'type', literal), identifiers: value(p, 'identifiers', literal) }));

/**
 * The policy of `data.aws_iam_policy_document.<name>.json` when that data source is among `resources` (the scope's,
 * asked only for such a path so the read is recorded only then), else undefined. Given the list rather than the
 * scope, so the scope can use this module without the two importing each other.
 */
export function policyFromDataSource(path: readonly string[], resources: () => readonly ResourceNode[], literal: Literal): unknown {
  if (path[0] !== 'data' || path[1] !== 'aws_iam_policy_document' || (path[3] !== 'json' && path[3] !== 'minified_json')) return undefined;
  const found = resources().find((resource) => resource.kind === 'data' && resource.type === 'aws_iam_policy_document' && resource.name === path[2]);
  if (!found) return undefined;
  const statements = blocks(found.node, 'statement').map((st): StatementBlock => ({
    sid: value(st, 'sid', literal),
    effect: value(st, 'effect', literal),
    actions: value(st, 'actions', literal),
    not_actions: value(st, 'not_actions', literal),
    resources: value(st, 'resources', literal),
    not_resources: value(st, 'not_resources', literal),
    principals: principalBlocks(st, 'principals', literal),
    not_principals: principalBlocks(st, 'not_principals', literal),
    conditions: blocks(st, 'condition').map((c) => ({
      test: value(c, 'test', literal),
      variable: value(c, 'variable', literal),
      values: value(c, 'values', literal),
    })),
  }));
  const doc = found.node;
  return renderDataSourcePolicy(statements, value(doc, 'source_policy_documents', literal), value(doc, 'override_policy_documents', literal));
}
