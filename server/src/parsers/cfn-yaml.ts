// Converts a `yaml` AST into the neutral node tree, with CloudFormation short-form tags as CallNodes.
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Document,
  type Node as YamlNode,
  type Pair,
  type Scalar,
  type ScalarTag,
  type CollectionTag,
} from 'yaml';
import type { ParseError } from '../model/document';
import type { IacNode, MapEntry, ScalarNode, SourceRange } from '../model/nodes';
import { CFN_TAGS, makeCall } from './cfn-intrinsics';
import { convertYamlFast } from './cfn-yaml-fast';
import { describeParserFailure, isStackOverflow } from './parser-failure';

/** Past this many nodes produced by alias expansion the conversion stops (a "billion laughs" guard). */
export const MAX_ALIAS_NODES = 100_000;

/** Every short-form tag in its scalar, sequence and mapping forms, resolved to the plain value (we read the AST). */
const CUSTOM_TAGS: Array<ScalarTag | CollectionTag> = [...CFN_TAGS.keys()].flatMap((tag) => [
  { tag, resolve: (s: string) => s },
  { tag, collection: 'map' as const, resolve: (m: unknown) => m },
  { tag, collection: 'seq' as const, resolve: (s: unknown) => s },
]);

/** The first document of a YAML stream as a neutral tree, with its errors (undefined root for an empty stream). */
export interface YamlConversion {
  root: IacNode | undefined;
  errors: ParseError[];
}

/**
 * Parses `text` (first document only) and converts it; never throws for YAML syntax problems. Plain templates are read
 * in one pass by cfn-yaml-fast.ts; whatever it leaves (anything beyond its subset, and every text with an error) is
 * parsed by `yaml`, with the same result.
 */
export function convertYaml(text: string): YamlConversion {
  return convertYamlFast(text) ?? convertYamlWithLibrary(text);
}

/** `convertYaml` through the `yaml` library alone: the reference the one-pass reader is tested against. */
export function convertYamlWithLibrary(text: string): YamlConversion {
  const docs = parseAllDocuments(text, { customTags: CUSTOM_TAGS, prettyErrors: false, uniqueKeys: true });
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (!doc) return { root: undefined, errors: [] };
  const conv = new Converter(text, doc);
  const root = doc.contents ? conv.node(doc.contents as YamlNode) : undefined;
  const errors = doc.errors.map((e) => conv.error(e.message, e.code, e.pos));
  return { root, errors: [...errors, ...conv.extraErrors] };
}

class Converter {
  readonly extraErrors: ParseError[] = [];
  private aliasNodes = 0;
  private aliasDepth = 0;
  private readonly resolved = new Map<YamlNode, YamlNode | undefined>();
  /** Key ranges by start offset, so a duplicate-key error underlines the whole key. */
  private readonly keyRanges = new Map<number, SourceRange>();
  /** Opening quote of a quoted scalar that runs to the end of the text: where an unterminated quote really starts. */
  private openQuote: number | undefined;

  constructor(
    private readonly text: string,
    private readonly doc: Document,
  ) {}

  node(n: YamlNode): IacNode {
    if (this.aliasDepth > 0 && ++this.aliasNodes > MAX_ALIAS_NODES) return this.nullAt(n.range?.[0] ?? 0);
    if (isAlias(n)) return this.alias(n);
    const tagFn = n.tag ? CFN_TAGS.get(n.tag) : undefined;
    const inner = this.plain(n);
    if (!tagFn) return inner;
    const start = this.tagStart(inner.range.start, n.tag!);
    return makeCall(tagFn, inner, { start, end: inner.range.end }, this.text);
  }

  private plain(n: YamlNode): IacNode {
    if (isMap(n)) {
      const entries = dedupe(n.items.map((p) => this.entry(p as Pair<YamlNode, YamlNode>, n.range?.[0] ?? 0)));
      const style = n.flow ? 'flow' : 'block';
      const range = style === 'flow' || entries.length === 0 ? this.rangeOf(n) : this.blockRange(n, entries);
      return { kind: 'map', entries, style, range };
    }
    if (isSeq(n)) {
      const items = n.items.map((i) => (i ? this.node(i as YamlNode) : this.nullAt(n.range?.[0] ?? 0)));
      const style = n.flow ? 'flow' : 'block';
      const range = style === 'flow' || items.length === 0 ? this.rangeOf(n) : this.blockRange(n, items);
      return { kind: 'list', items, style, range };
    }
    if (isScalar(n)) return this.scalar(n);
    return this.nullAt(0);
  }

  private entry(pair: Pair<YamlNode, YamlNode>, fallback: number): MapEntry {
    const keyNode = isPair(pair) ? pair.key : null;
    const keyRange = keyNode?.range ? this.trim(keyNode.range[0], keyNode.range[1]) : { start: fallback, end: fallback };
    const key = this.keyText(keyNode, keyRange);
    this.keyRanges.set(keyRange.start, keyRange);
    const valueNode = pair.value;
    const value = valueNode ? this.node(valueNode) : this.nullAt(keyRange.end);
    // An alias value is converted from its anchor; the entry still ends where the alias is written.
    const end = valueNode && isAlias(valueNode) && valueNode.range ? valueNode.range[1] : value.range.end;
    return { key, keyRange, value, range: { start: keyRange.start, end: Math.max(end, keyRange.end) } };
  }

  private keyText(keyNode: YamlNode | null, range: SourceRange): string {
    if (!keyNode) return '';
    const resolved = isAlias(keyNode) ? keyNode.resolve(this.doc) : keyNode;
    if (resolved && isScalar(resolved)) return resolved.value === null ? '' : String(resolved.value);
    // A complex key (`? [a, b]`) has no CloudFormation meaning; its source text is the most useful spelling.
    return this.text.slice(range.start, range.end);
  }

  private scalar(n: Scalar): ScalarNode {
    const [start, end] = n.range ?? [0, 0];
    // Trimmed because block scalars (`|`) include their trailing newlines.
    const range = this.trim(start, end);
    if (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') {
      const q = n.type === 'QUOTE_DOUBLE' ? '"' : "'";
      if (
        end >= this.text.length &&
        !this.text
          .slice(start + 1, end)
          .trimEnd()
          .endsWith(q)
      )
        this.openQuote = start;
    }
    const v = n.value;
    const value = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
    return { kind: 'scalar', value, range };
  }

  private alias(n: YamlNode & { resolve(doc: Document): YamlNode | undefined }): IacNode {
    const at = n.range?.[0] ?? 0;
    // Alias.resolve walks the whole document, so each alias is resolved once (bombs repeat the same aliases).
    let target = this.resolved.get(n);
    if (!this.resolved.has(n)) this.resolved.set(n, (target = n.resolve(this.doc)));
    if (!target || this.aliasDepth > 50) return this.nullAt(at);
    this.aliasDepth++;
    try {
      const out = this.node(target);
      if (this.aliasNodes > MAX_ALIAS_NODES && !this.extraErrors.some((e) => e.message.startsWith('too many'))) {
        this.extraErrors.push({ message: 'too many alias expansions', range: this.oneChar(at, at) });
      }
      return out;
    } finally {
      this.aliasDepth--;
    }
  }

  /** Where the `!Tag` (and any `&anchor`) in front of a node starts, found by scanning back over the props. */
  private tagStart(nodeStart: number, tag: string): number {
    let p = nodeStart;
    for (let props = 0; props < 2; props++) {
      let q = p;
      while (q > 0 && /\s/.test(this.text[q - 1]!)) q--;
      let s = q;
      while (s > 0 && !/[\s,[\]{}]/.test(this.text[s - 1]!)) s--;
      const token = this.text.slice(s, q);
      if (token === tag) return s;
      if (!token.startsWith('&')) break;
      p = s;
    }
    return nodeStart;
  }

  /** yaml's block ranges run on over trailing comments and blank lines; a block ends with its last item. */
  private blockRange(n: YamlNode, items: ReadonlyArray<{ range: SourceRange }>): SourceRange {
    let end = 0;
    for (const i of items) end = Math.max(end, i.range.end);
    const start = Math.min(n.range?.[0] ?? end, items[0]!.range.start);
    return { start, end };
  }

  private rangeOf(n: YamlNode): SourceRange {
    const r = n.range;
    return r ? this.trim(r[0], r[1]) : { start: 0, end: 0 };
  }

  /** [start, end) without trailing whitespace (block scalars and broken flow collections include it). */
  private trim(start: number, end: number): SourceRange {
    let e = Math.min(end, this.text.length);
    while (e > start && /\s/.test(this.text[e - 1]!)) e--;
    return { start, end: e };
  }

  private nullAt(offset: number): ScalarNode {
    return { kind: 'scalar', value: null, range: { start: offset, end: offset } };
  }

  /** A yaml error as a ParseError of at least one character; an unterminated quote points at its opening quote. */
  error(message: string, code: string, pos: [number, number]): ParseError {
    if (isStackOverflow(message)) message = `Cannot read this part of the file: ${describeParserFailure(message)}`;
    if (code === 'MISSING_CHAR' && /quote/i.test(message) && this.openQuote !== undefined) {
      const lineEnd = this.text.slice(this.openQuote).search(/\r?\n/);
      const end = lineEnd < 0 ? this.text.length : this.openQuote + lineEnd;
      return { message, range: this.oneChar(this.openQuote, end) };
    }
    const key = code === 'DUPLICATE_KEY' ? this.keyRanges.get(pos[0]) : undefined;
    return { message, range: key ? this.oneChar(key.start, key.end) : this.oneChar(pos[0], pos[1]) };
  }

  private oneChar(start: number, end: number): SourceRange {
    const len = this.text.length;
    const s = Math.max(0, Math.min(start, len));
    const e = Math.max(s, Math.min(end, len));
    if (e > s) return { start: s, end: e };
    return s < len ? { start: s, end: s + 1 } : { start: Math.max(0, s - 1), end: s };
  }
}

/** Keeps the last of duplicate keys (yaml reports the duplicate itself); the others would shadow it for `entryOf`. */
function dedupe(entries: MapEntry[]): MapEntry[] {
  const last = new Map<string, number>();
  entries.forEach((e, i) => last.set(e.key, i));
  return entries.filter((e, i) => last.get(e.key) === i);
}
