// The neutral, positioned value tree every parser produces and every rule reads through views.

/** Half-open UTF-16 offsets [start, end) into the document text. */
export interface SourceRange {
  start: number;
  end: number;
}

/** Any value in a template or module. */
export type IacNode = ScalarNode | MapNode | ListNode | CallNode | RefNode | ExprNode;

/** A literal: string, number, boolean or null, exactly as written (no coercion). */
export interface ScalarNode {
  kind: 'scalar';
  value: string | number | boolean | null;
  range: SourceRange;
}

/** One key of a map, with the key's own range and the whole entry's range (key start to value end). */
export interface MapEntry {
  key: string;
  keyRange: SourceRange;
  value: IacNode;
  range: SourceRange;
  /** HCL nested block (`root_block_device { ... }`) rather than an attribute; repeated blocks are repeated entries. */
  block?: boolean;
}

/**
 * A mapping. `style` tells writers how to insert: 'block' is YAML block style or an HCL block body,
 * 'flow' is YAML `{ }`, JSON objects and HCL object expressions.
 */
export interface MapNode {
  kind: 'map';
  entries: MapEntry[];
  style: 'block' | 'flow';
  range: SourceRange;
}

/** A sequence; `style` as for maps. */
export interface ListNode {
  kind: 'list';
  items: IacNode[];
  style: 'block' | 'flow';
  range: SourceRange;
}

/**
 * A function application that the parser does not evaluate: a CloudFormation intrinsic in long form
 * (`Ref`, `Fn::Sub`, `Fn::GetAtt`, `Condition`, ...; short-form tags are normalised to these names)
 * or a Terraform function call (`jsonencode`, `merge`, ...). For CloudFormation a list argument is spread
 * into `args`; `Fn::GetAtt: "A.B"` becomes args `["A", "B"]`.
 */
export interface CallNode {
  kind: 'call';
  fn: string;
  args: IacNode[];
  range: SourceRange;
}

/** A Terraform traversal such as `var.x`, `local.y`, `aws_s3_bucket.b.id`, `data.t.n.json` (index steps as strings). */
export interface RefNode {
  kind: 'ref';
  path: string[];
  range: SourceRange;
}

/**
 * Any other expression: a Terraform template with interpolation, conditional, operator, `for`, splat,
 * a `dynamic` block. `refs` lists the traversals inside it so resolution can still follow them.
 */
export interface ExprNode {
  kind: 'expr';
  text: string;
  refs: string[][];
  range: SourceRange;
  /** For a `dynamic` block: its `for_each`, so a collection that resolves empty makes the block absent. */
  forEach?: IacNode;
}

/** The entries of `map` named `key`, in document order (HCL may repeat a block). */
export function entriesOf(map: MapNode, key: string): MapEntry[] {
  return map.entries.filter((e) => e.key === key);
}

/** The first entry of `map` named `key`. */
export function entryOf(map: MapNode, key: string): MapEntry | undefined {
  return map.entries.find((e) => e.key === key);
}
