// Parses Terraform JSON syntax (.tf.json) into resources, variables and other top-level blocks.
import { type Node as JsonNode, type ParseError as JsonParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { BlockNode, IacDocument, ParseError } from '../model/document';
import type { ExprNode, IacNode, MapEntry, MapNode, SourceRange } from '../model/nodes';
import { entryOf } from '../model/nodes';
import { mergeAdjacent } from './tf-hcl-errors';
import { parseTreeDeep } from './json-deep-tree';
import { describeParserFailure, isStackOverflow } from './parser-failure';
import { decodeTemplateEscapes, scanTraversals, templateParts, wholeTraversal } from './tf-strings';

/** Label counts of the top-level block types (https://developer.hashicorp.com/terraform/language/syntax/json). */
const LABELS: Readonly<Record<string, number>> = {
  resource: 2,
  data: 2,
  ephemeral: 2,
  variable: 1,
  provider: 1,
  module: 1,
  output: 1,
  check: 1,
};

/** One block found in JSON: its labels (with their key nodes), body object, and the node spanning it. */
interface JsonBlock {
  labels: string[];
  labelKeys: JsonNode[];
  body: JsonNode;
  span: JsonNode;
}

/**
 * Parses a .tf.json file; `undefined` when the text is not a JSON object at all. Accepts every shape Terraform
 * does: labels as nested objects, any level given as an array of objects, and block bodies given as arrays.
 */
export function parseTerraformJson(uri: string, text: string): IacDocument | undefined {
  try {
    return readTerraformJson(uri, text);
  } catch (err) {
    // Absurd nesting overflows the JSON reader's stack: one error on the first character, never a crash.
    const message = `Cannot read this file: ${describeParserFailure(err)}`;
    return {
      uri,
      format: 'tf-json',
      family: 'terraform',
      text,
      resources: [],
      inputs: [],
      blocks: [],
      errors: [{ message, range: { start: 0, end: Math.min(1, text.length) } }],
    };
  }
}

function readTerraformJson(uri: string, text: string): IacDocument | undefined {
  const jsonErrors: JsonParseError[] = [];
  const root = readTree(text, jsonErrors);
  if (root?.type !== 'object') return undefined;
  const doc: IacDocument = { uri, format: 'tf-json', family: 'terraform', text, resources: [], inputs: [], blocks: [], errors: [] };
  for (const prop of properties(root)) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) continue;
    const type = String(keyNode.value);
    const found: JsonBlock[] = [];
    collectBlocks(value, LABELS[type] ?? 0, { labels: [], labelKeys: [keyNode], body: value, span: prop }, found);
    for (const b of found) addBlock(doc, type, b);
  }
  const errors: ParseError[] = jsonErrors.map((e) => ({ message: message(e), range: { start: e.offset, end: e.offset + e.length } }));
  doc.errors = mergeAdjacent(errors, text);
  return doc;
}

/**
 * jsonc-parser's tree, or (when the text nests too deeply for its recursive reader) the same tree built without
 * recursion: a file is still read whatever its depth.
 */
function readTree(text: string, errors: JsonParseError[]): JsonNode | undefined {
  try {
    return parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  } catch (err) {
    if (!isStackOverflow(err)) throw err;
    errors.length = 0;
    return parseTreeDeep(text);
  }
}

/** Values nested deeper than this are kept as opaque expressions: no rule looks that deep, and walks stay shallow. */
const MAX_VALUE_DEPTH = 500;

function addBlock(doc: IacDocument, type: string, b: JsonBlock): void {
  const nameKey = b.labelKeys[b.labelKeys.length - 1] as JsonNode;
  const headerRange = rangeOf(nameKey);
  const range = rangeOf(b.span);
  const node = toMap(b.body, doc.text);
  if ((type === 'resource' || type === 'data') && b.labels.length === 2) {
    const [rtype, name] = b.labels as [string, string];
    const kind = type === 'resource' ? 'resource' : 'data';
    const address = kind === 'data' ? `data.${rtype}.${name}` : `${rtype}.${name}`;
    doc.resources.push({ kind, type: rtype, name, address, headerRange, range, node, propsPath: [] });
  } else if (type === 'variable' && b.labels[0] !== undefined) {
    const def = entryOf(node, 'default');
    doc.inputs.push({ name: b.labels[0], headerRange, range, node, ...(def ? { default: def.value } : {}) });
  } else {
    const block: BlockNode = { type, labels: b.labels, headerRange, range, body: node };
    doc.blocks.push(block);
  }
}

/** Walks `labelsLeft` levels of label objects, expanding arrays at any level, down to the body objects. */
function collectBlocks(value: JsonNode, labelsLeft: number, at: JsonBlock, out: JsonBlock[], depth = 0): void {
  if (value.type === 'array') {
    // The span stays the enclosing property, so a resource's range always contains its name key. Arrays of arrays
    // are not Terraform: past a few levels they are not searched.
    if (depth > 8) return;
    for (const item of value.children ?? []) collectBlocks(item, labelsLeft, at, out, depth + 1);
    return;
  }
  if (value.type !== 'object') return;
  if (labelsLeft === 0) {
    out.push({ ...at, body: value });
    return;
  }
  for (const prop of properties(value)) {
    const [keyNode, child] = prop.children ?? [];
    if (!keyNode || !child) continue;
    const next = { labels: [...at.labels, String(keyNode.value)], labelKeys: [...at.labelKeys, keyNode], body: child, span: prop };
    collectBlocks(child, labelsLeft - 1, next, out);
  }
}

/** Object properties, without Terraform JSON's `"//"` comment properties. */
function properties(obj: JsonNode): JsonNode[] {
  return (obj.children ?? []).filter((p) => p.type === 'property' && p.children?.[0]?.value !== '//');
}

function rangeOf(n: JsonNode): SourceRange {
  return { start: n.offset, end: n.offset + n.length };
}

/** A JSON object as a flow map; its range includes the braces. */
function toMap(n: JsonNode, src: string, depth = 0): MapNode {
  const entries: MapEntry[] = [];
  if (n.type === 'object') {
    for (const prop of properties(n)) {
      const [keyNode, value] = prop.children ?? [];
      if (!keyNode || !value) continue;
      const dynamic = keyNode.value === 'dynamic' ? dynamicEntries(value, src, depth + 1) : undefined;
      if (dynamic) entries.push(...dynamic);
      else entries.push({ key: String(keyNode.value), keyRange: rangeOf(keyNode), value: toNode(value, src, depth + 1), range: rangeOf(prop) });
    }
  }
  return { kind: 'map', entries, style: 'flow', range: rangeOf(n) };
}

/** The traversals inside a value, as an expression lists them for resolution. */
function refsOf(node: IacNode, out: string[][] = []): string[][] {
  if (node.kind === 'ref') out.push(node.path);
  else if (node.kind === 'expr') out.push(...node.refs);
  else if (node.kind === 'map') for (const e of node.entries) refsOf(e.value, out);
  else if (node.kind === 'list') for (const i of node.items) refsOf(i, out);
  else if (node.kind === 'call') for (const a of node.args) refsOf(a, out);
  return out;
}

/**
 * `"dynamic": { "x": { "for_each": ..., "content": {...} } }` → an entry `x` per generated block type, read like HCL's
 * `dynamic "x"` (tf-hcl-body.ts): an expression carrying its `for_each` and `content`. Undefined when the object is
 * not that shape (an argument that happens to be called `dynamic`).
 */
function dynamicEntries(n: JsonNode, src: string, depth: number): MapEntry[] | undefined {
  if (n.type !== 'object') return undefined;
  const out: MapEntry[] = [];
  for (const prop of properties(n)) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || value?.type !== 'object') return undefined;
    const body = toMap(value, src, depth + 1);
    const forEach = entryOf(body, 'for_each')?.value;
    if (!forEach && !entryOf(body, 'content')) return undefined;
    const range = rangeOf(prop);
    const block: ExprNode = { kind: 'expr', text: src.slice(range.start, range.end), refs: refsOf(body), range };
    if (forEach) block.forEach = forEach;
    out.push({ key: String(keyNode.value), keyRange: rangeOf(keyNode), value: block, range, block: true });
  }
  return out.length > 0 ? out : undefined;
}

function toNode(n: JsonNode, src: string, depth = 0): IacNode {
  const range = rangeOf(n);
  if (depth > MAX_VALUE_DEPTH && (n.type === 'object' || n.type === 'array'))
    return { kind: 'expr', text: src.slice(range.start, range.end), refs: [], range };
  switch (n.type) {
    case 'object':
      return toMap(n, src, depth);
    case 'array':
      return { kind: 'list', items: (n.children ?? []).map((c) => toNode(c, src, depth + 1)), style: 'flow', range };
    case 'string':
      return stringNode(typeof n.value === 'string' ? n.value : '', src, range);
    case 'number':
    case 'boolean':
      return { kind: 'scalar', value: n.value as number | boolean, range };
    default:
      return { kind: 'scalar', value: null, range };
  }
}

/**
 * JSON strings are Terraform templates: `"${var.x}"` alone is the reference itself, other interpolations make
 * an expression, and anything else is a literal (with `$${` unescaped).
 */
function stringNode(s: string, src: string, range: SourceRange): IacNode {
  const parts = templateParts(s);
  if (parts.length === 0) return { kind: 'scalar', value: decodeTemplateEscapes(s), range };
  const only = parts[0];
  if (parts.length === 1 && only && !only.directive && only.start === 0 && only.end === s.length) {
    const path = wholeTraversal(only.inner);
    if (path) return { kind: 'ref', path, range };
  }
  const refs = parts.flatMap((p) => scanTraversals(p.inner));
  return { kind: 'expr', text: src.slice(range.start, range.end), refs, range };
}

const MESSAGES: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Invalid symbol',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Property name expected',
  ValueExpected: 'Value expected',
  ColonExpected: "Expected ':'",
  CommaExpected: "Expected ','",
  CloseBraceExpected: "Expected '}'",
  CloseBracketExpected: "Expected ']'",
  EndOfFileExpected: 'Unexpected content after the end of the JSON object',
  InvalidCommentToken: 'Comments are not allowed in Terraform JSON',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid unicode escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in string',
};

function message(e: JsonParseError): string {
  const name = printParseErrorCode(e.error);
  return `Syntax error: ${MESSAGES[name] ?? name}`;
}
