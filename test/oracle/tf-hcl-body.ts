// Converts HCL blocks and bodies into neutral maps: attributes, nested (and repeated) blocks, dynamic blocks.
import type { SyntaxNode } from './tf-syntax';
import { entryOf, type ExprNode, type MapEntry, type MapNode, type SourceRange } from '../../server/src/model/nodes';
import { exprNode, kids, rangeOf, refsIn, stringValue, toNode } from './tf-hcl-expr';

/** A block's parts: type identifier, labels (quoted or bare), and header range (type through last label). */
export interface BlockHeader {
  type: string;
  typeNode: SyntaxNode;
  labels: string[];
  labelNodes: SyntaxNode[];
  headerRange: SourceRange;
}

/** Reads the header of a `block` node. */
export function blockHeader(block: SyntaxNode): BlockHeader {
  const parts = kids(block);
  const typeNode = parts[0] as SyntaxNode;
  const labelNodes: SyntaxNode[] = [];
  for (const p of parts.slice(1)) {
    if (p.type !== 'string_lit' && p.type !== 'identifier') break;
    labelNodes.push(p);
  }
  const last = labelNodes[labelNodes.length - 1] ?? typeNode;
  return {
    type: typeNode.text,
    typeNode,
    labels: labelNodes.map((l) => (l.type === 'string_lit' ? stringValue(l) : l.text)),
    labelNodes,
    headerRange: { start: typeNode.startIndex, end: last.endIndex },
  };
}

/**
 * A block's body as a map (style 'block'). Its range is the text strictly between the braces: from just after
 * `{` to the offset of `}` (where the `}` is missing, the offset where tree-sitter expected it). Writers rely on
 * `text[range.start - 1] === '{'` and on `range.end` being the closing brace.
 */
export function blockBody(block: SyntaxNode): MapNode {
  const parts = kids(block);
  const open = parts.find((p) => p.type === 'block_start');
  const close = parts.find((p) => p.type === 'block_end');
  const body = parts.find((p) => p.type === 'body');
  const start = open ? open.endIndex : block.endIndex;
  const end = close ? close.startIndex : block.endIndex;
  return { kind: 'map', entries: body ? bodyEntries(body) : [], style: 'block', range: { start, end } };
}

/** Attributes and nested blocks in document order; repeated blocks stay separate entries. */
function bodyEntries(body: SyntaxNode): MapEntry[] {
  const entries: MapEntry[] = [];
  for (const child of kids(body)) {
    if (child.type === 'attribute') {
      const entry = attributeEntry(child);
      if (entry) entries.push(entry);
    } else if (child.type === 'block') {
      entries.push(nestedBlockEntry(child));
    }
    // ERROR children are reported by the error pass; the entries around them still count.
  }
  return entries;
}

function attributeEntry(attr: SyntaxNode): MapEntry | undefined {
  const parts = kids(attr);
  const name = parts[0];
  if (name?.type !== 'identifier') return undefined;
  const value = parts[parts.length - 1];
  const broken = parts.some((p) => p.isError || p.isMissing) || value?.type !== 'expression';
  return {
    key: name.text,
    keyRange: rangeOf(name),
    // A half-typed attribute (`encrypted = ` while editing) is unknown rather than missing, so rules stay quiet.
    value: broken ? brokenValue(attr, parts) : toNode(value),
    range: rangeOf(attr),
  };
}

function brokenValue(attr: SyntaxNode, parts: SyntaxNode[]): ExprNode {
  const second = parts[1];
  const start = second ? second.startIndex : attr.endIndex;
  return exprNode(attr, { start, end: Math.max(start, attr.endIndex) });
}

/**
 * `name { ... }` → entry `name` with the body map. `dynamic "name" { ... }` → entry `name` whose value is the
 * unevaluated dynamic block (Terraform generates the real blocks at plan time). Labels of other nested blocks
 * (`provisioner "local-exec"`) are dropped: the key is the block type.
 */
function nestedBlockEntry(block: SyntaxNode): MapEntry {
  const header = blockHeader(block);
  const label = header.labelNodes[0];
  if (header.type === 'dynamic' && label && header.labels[0]) {
    const value: ExprNode = { kind: 'expr', text: block.text, refs: refsIn(block), range: rangeOf(block) };
    const forEach = entryOf(blockBody(block), 'for_each');
    if (forEach) value.forEach = forEach.value;
    return { key: header.labels[0], keyRange: rangeOf(label), value, range: rangeOf(block), block: true };
  }
  return { key: header.type, keyRange: rangeOf(header.typeNode), value: blockBody(block), range: rangeOf(block), block: true };
}
