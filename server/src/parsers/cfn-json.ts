// Converts a jsonc-parser tree (error tolerant, with offsets) into the neutral node tree.
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError as JsonParseError } from 'jsonc-parser';
import type { ParseError } from '../model/document';
import type { IacNode, MapEntry, ScalarNode, SourceRange } from '../model/nodes';

/** The neutral tree of a JSON text with its syntax errors (duplicate keys included). */
export interface JsonConversion {
  root: IacNode | undefined;
  errors: ParseError[];
}

/**
 * Parses JSON without throwing. Comments and trailing commas are errors, as CloudFormation and Terraform
 * reject them. Duplicate keys are reported and the last one is kept.
 */
export function convertJson(text: string): JsonConversion {
  // A BOM is replaced by a space so that offsets stay those of the original text.
  const source = text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text;
  const raw: JsonParseError[] = [];
  const tree = parseTree(source, raw, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  const errors: ParseError[] = [];
  for (const e of raw) {
    const range = atLeastOne(e.offset, e.offset + e.length, text.length);
    const message = humanize(printParseErrorCode(e.error));
    // jsonc-parser reports follow-on errors at the same place ("} expected" once per open level, "property name"
    // then "value expected" for a trailing comma): the first one says it.
    if (!errors.some((x) => x.range.start === range.start)) errors.push({ message, range });
  }
  const root = tree ? convert(tree, errors) : undefined;
  return { root, errors };
}

function convert(n: JsonNode, errors: ParseError[]): IacNode {
  const range = { start: n.offset, end: n.offset + n.length };
  switch (n.type) {
    case 'object': {
      const all = (n.children ?? []).map((p) => convertProperty(p, errors)).filter((e) => e !== undefined);
      const last = new Map<string, number>();
      all.forEach((e, i) => {
        if (last.has(e.key)) errors.push({ message: `Duplicate key "${e.key}"`, range: e.keyRange });
        last.set(e.key, i);
      });
      const entries = all.filter((e, i) => last.get(e.key) === i);
      return { kind: 'map', entries, style: 'flow', range };
    }
    case 'array':
      return { kind: 'list', items: (n.children ?? []).map((c) => convert(c, errors)), style: 'flow', range };
    case 'string':
    case 'number':
    case 'boolean':
      return { kind: 'scalar', value: n.value as string | number | boolean, range };
    default:
      return { kind: 'scalar', value: null, range };
  }
}

function convertProperty(prop: JsonNode, errors: ParseError[]): MapEntry | undefined {
  const [keyNode, valueNode] = prop.children ?? [];
  if (!keyNode || keyNode.type !== 'string') return undefined;
  const keyRange = { start: keyNode.offset, end: keyNode.offset + keyNode.length };
  // A property being typed (`"Encrypted":` or just `"Encrypted"`) still counts as written, with a null value.
  const at = prop.colonOffset !== undefined ? prop.colonOffset + 1 : keyRange.end;
  const value: IacNode = valueNode ? convert(valueNode, errors) : nullAt(at);
  return { key: String(keyNode.value), keyRange, value, range: { start: keyRange.start, end: Math.max(value.range.end, keyRange.end) } };
}

/** `CloseBraceExpected` → `Close brace expected`. */
function humanize(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function nullAt(offset: number): ScalarNode {
  return { kind: 'scalar', value: null, range: { start: offset, end: offset } };
}

/** A range of at least one character where the text allows, so editors can underline it. */
export function atLeastOne(start: number, end: number, length: number): SourceRange {
  const s = Math.max(0, Math.min(start, length));
  const e = Math.max(s, Math.min(end, length));
  if (e > s) return { start: s, end: e };
  return s < length ? { start: s, end: s + 1 } : { start: Math.max(0, s - 1), end: s };
}
