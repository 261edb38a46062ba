// Compares the product's Terraform parser with the tree-sitter oracle on one text: the model (blocks, labels,
// attributes, expression kinds, ExprNode text/refs, offsets) must be deep-equal; differences are located by path.
import type { IacDocument } from '../../server/src/model/document';
import type { IacNode } from '../../server/src/model/nodes';
import { parseTerraformHcl } from '../../server/src/parsers/terraform-hcl';
import { parseTerraformHclTreeSitter } from './tree-sitter-terraform';

export interface Difference {
  /** Where in the model the two first disagree (`resources[3].node.entries[2].value.kind`). */
  path: string;
  ours: unknown;
  oracle: unknown;
}

export interface Counts {
  blocks: number;
  attributes: number;
  expressions: number;
}

/**
 * Where the oracle departs from the HCL spec (hashicorp/hcl hclsyntax/spec.md). A difference of one of these kinds is
 * counted and listed, never hidden; anything else is a defect of one parser.
 */
export const ORACLE_QUIRKS = {
  'chained-conditional':
    "tree-sitter-hcl groups `a ? b : c ? d : e` to the left; the spec's conditional is right-associative: " +
    '"Conditional = Expression "?" Expression ":" Expression", parsed as a ? b : (c ? d : e) (spec: Conditional Operator)',
} as const;

export type QuirkName = keyof typeof ORACLE_QUIRKS;

export interface Comparison {
  ours: IacDocument;
  oracle: IacDocument;
  /** Differences explained by an oracle quirk, by quirk. */
  quirks: { cause: QuirkName; path: string }[];
  /** The first difference nothing explains. */
  difference?: Difference;
}

/** Compares the two parsers' models of `text`: blocks, labels, attributes, expression kinds, text, refs, offsets. */
export function compareParsers(uri: string, text: string): Comparison {
  const ours = parseTerraformHcl(uri, text);
  const oracle = parseTerraformHclTreeSitter(uri, text);
  const pick = (d: IacDocument) => ({ resources: d.resources, inputs: d.inputs, blocks: d.blocks, errors: d.errors.length > 0 });
  const quirks: Comparison['quirks'] = [];
  const difference = firstDifference(pick(ours), pick(oracle), '', quirks);
  return { ours, oracle, quirks, difference };
}

const isConditional = (n: unknown): boolean =>
  (n as { kind?: string; fn?: string } | undefined)?.kind === 'call' && (n as { fn: string }).fn === '?:';

export function firstDifference(a: unknown, b: unknown, path: string, quirks: Comparison['quirks'] = []): Difference | undefined {
  if (a === b) return undefined;
  if (isConditional(a) && isConditional(b)) {
    const [ours, oracle] = [a as { args: unknown[] }, b as { args: unknown[] }];
    // The same chain, grouped the other way: ours nests in the false branch, the oracle in the condition.
    if (isConditional(ours.args[2]) && isConditional(oracle.args[0]) && !isConditional(ours.args[0])) {
      if (firstDifference((a as { range: unknown }).range, (b as { range: unknown }).range, path)) return { path, ours: a, oracle: b };
      quirks.push({ cause: 'chained-conditional', path });
      return undefined;
    }
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return { path, ours: a, oracle: b };
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`, quirks);
      if (d) return d;
    }
    return undefined;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) {
    if (ao[k] === undefined && bo[k] === undefined) continue;
    const d = firstDifference(ao[k], bo[k], path ? `${path}.${k}` : k, quirks);
    if (d) return d;
  }
  return undefined;
}

/** How much of a model a comparison covered: top-level and nested blocks, attributes, expressions (all nodes). */
export function countModel(doc: IacDocument): Counts {
  const counts: Counts = { blocks: 0, attributes: 0, expressions: 0 };
  const node = (n: IacNode): void => {
    counts.expressions++;
    if (n.kind === 'map')
      for (const e of n.entries) {
        if (e.block) counts.blocks++;
        else if (n.style === 'block') counts.attributes++;
        node(e.value);
      }
    else if (n.kind === 'list') n.items.forEach(node);
    else if (n.kind === 'call') n.args.forEach(node);
  };
  for (const r of doc.resources) {
    counts.blocks++;
    node(r.node);
  }
  for (const i of doc.inputs) {
    counts.blocks++;
    node(i.node);
  }
  for (const b of doc.blocks) {
    counts.blocks++;
    node(b.body);
  }
  return counts;
}
