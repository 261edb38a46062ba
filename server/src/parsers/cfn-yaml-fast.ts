// A one-pass reader for the plain YAML most templates are written in, building the neutral tree straight from the
// text. `yaml` builds a token stream, a concrete syntax tree and a Document before cfn-yaml.ts converts that into our
// tree: four passes and an object per token, at about 2 MB/s. This reader accepts a strict subset (block maps and
// sequences, plain, quoted and block scalars, flow collections, comments, the short-form tags) and answers undefined
// for anything else (anchors, several documents, tabs, CR, complex keys, explicit indentation indicators, duplicate
// keys, any doubt about indentation, anything yaml would report as an error...), so that `convertYaml` falls back to
// `yaml`. Where it answers, the result deep-equals what the `yaml` path gives: the rules that decide a scalar's value
// and a node's range are ported from yaml's composer (core schema, folding, chomping, escapes, where an empty node
// sits), and test/parsers/cfn-yaml-fast.test.ts compares both on every YAML file of the corpus, on random edits of
// them and on generated documents.
import type { IacNode, ListNode, MapEntry, MapNode, ScalarNode, SourceRange } from '../model/nodes';
import { CFN_TAGS, makeCall } from './cfn-intrinsics';
import type { YamlConversion } from './cfn-yaml';

/** Thrown (never escapes `convertYamlFast`) where the text leaves the subset. A plain object: no stack trace to build. */
const BAIL = { bail: true };

/**
 * Characters anywhere in the text that send it to `yaml`: tabs, CR, a BOM, other control and line-break characters,
 * and the white space that is not a space (cfn-yaml.ts trims ranges by `\s`, yaml's lexer only by spaces and tabs).
 */
const UNSUPPORTED_CHARS = /[\x00-\x09\x0b-\x1f\x7f-\xa0\r\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** Keys longer than this are left to yaml (it limits implicit keys to 1024 characters). */
const MAX_KEY = 1000;

// Character codes.
const NL = 10;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const COMMA = 44;
const SQUOTE = 39;
const DQUOTE = 34;
const BANG = 33;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;

/** The first document of `text` as `convertYaml` would give it, or undefined when the text is outside the subset. */
export function convertYamlFast(text: string): YamlConversion | undefined {
  // CRLF line ends (Windows) are read as LF, and the ranges moved back onto the text as written.
  const crlf = text.includes('\r') ? withoutCr(text) : undefined;
  const lf = crlf ? crlf.text : text;
  if (UNSUPPORTED_CHARS.test(lf)) return undefined;
  try {
    const root = new FastYamlReader(lf).document();
    if (crlf) moveOntoCrlf(root, crlf.breaks);
    return { root, errors: [] };
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}

/** `text` with the CR of each CRLF removed, and where those line breaks are in the result (ascending). */
function withoutCr(text: string): { text: string; breaks: number[] } {
  const breaks: number[] = [];
  let out = '';
  let from = 0;
  for (let cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', cr + 1)) {
    // A CR on its own is a line break of its own to yaml: left to it (the test of UNSUPPORTED_CHARS sees it).
    if (text.charCodeAt(cr + 1) !== NL) return { text, breaks: [] };
    out += text.slice(from, cr);
    breaks.push(out.length);
    from = cr + 1;
  }
  return { text: out + text.slice(from), breaks };
}

/**
 * Moves the ranges of a tree read from the CR-less text onto the text with its CRs: an offset past a line break
 * that had a CR moves by one. Range objects may be shared (a split `Fn::GetAtt` argument), so each is replaced.
 */
function moveOntoCrlf(root: MapNode, breaks: readonly number[]): void {
  const at = (o: number): number => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < o) lo = mid + 1;
      else hi = mid;
    }
    return o + lo;
  };
  const move = (r: SourceRange): SourceRange => ({ start: at(r.start), end: at(r.end) });
  const visit = (node: IacNode): void => {
    node.range = move(node.range);
    if (node.kind === 'map') {
      for (const e of node.entries) {
        e.keyRange = move(e.keyRange);
        e.range = move(e.range);
        visit(e.value);
      }
    } else if (node.kind === 'list') node.items.forEach(visit);
    else if (node.kind === 'call') node.args.forEach(visit);
  };
  visit(root);
}

/** Whether a flow indicator (`,[]{}`) is `c`. */
function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

/** Characters a plain scalar may not start with (YAML indicators); `-`, `?`, `:` are checked with what follows. */
function isBadPlainStart(c: number): boolean {
  switch (c) {
    case COMMA:
    case LBRACKET:
    case RBRACKET:
    case LBRACE:
    case RBRACE:
    case HASH:
    case 38: // &
    case 42: // *
    case BANG:
    case 124: // |
    case 62: // >
    case SQUOTE:
    case DQUOTE:
    case 37: // %
    case 64: // @
    case 96: // `
      return true;
    default:
      return false;
  }
}

class FastYamlReader {
  private pos = 0;
  /** Start of the line `pos` is on. */
  private lineStart = 0;
  /** Column of the content `pos` stands on after `nextContent`, or -1 at the end of the text. */
  private col = -1;
  private readonly len: number;

  constructor(private readonly text: string) {
    this.len = text.length;
  }

  document(): MapNode {
    this.nextContent(true);
    const t = this.text;
    if (this.col === 0 && t.startsWith('---', this.pos)) {
      const after = t.charCodeAt(this.pos + 3);
      if (after !== SPACE && after !== NL && this.pos + 3 < this.len) throw BAIL;
      this.pos += 3;
      this.endOfLine();
      this.nextContent();
    }
    if (this.col !== 0 || !this.keyAhead()) throw BAIL;
    const root = this.blockMap();
    if (!this.atEnd()) throw BAIL; // something less indented than the root, or a second document
    return root;
  }

  private atEnd(): boolean {
    return this.col === -1;
  }

  // ---- lines --------------------------------------------------------------------------------------------------

  /**
   * From the end of a line (or the start of the text), moves to the first character of the next line with content,
   * skipping blank and comment lines; sets `col` to its column, or -1 at the end of the text.
   */
  private nextContent(atStart = false): void {
    const t = this.text;
    let p = this.pos;
    if (!atStart) {
      if (p >= this.len) {
        this.col = -1;
        return;
      }
      if (t.charCodeAt(p) !== NL) throw BAIL;
      p++;
    }
    for (;;) {
      const lineStart = p;
      while (p < this.len && t.charCodeAt(p) === SPACE) p++;
      if (p >= this.len) {
        this.pos = p;
        this.col = -1;
        return;
      }
      const c = t.charCodeAt(p);
      if (c === NL) {
        p++;
        continue;
      }
      if (c === HASH) {
        const nl = t.indexOf('\n', p);
        if (nl < 0) {
          this.pos = this.len;
          this.col = -1;
          return;
        }
        p = nl + 1;
        continue;
      }
      this.pos = p;
      this.lineStart = lineStart;
      this.col = p - lineStart;
      // Document markers and directives start a new document or a stream-level construct: left to yaml.
      if (this.col === 0 && (c === 37 || ((c === DASH || c === 46) && this.isMarker(p)))) {
        if (!(atStart && c === DASH)) throw BAIL;
      }
      return;
    }
  }

  private isMarker(p: number): boolean {
    const t = this.text;
    const c = t.charCodeAt(p);
    if (t.charCodeAt(p + 1) !== c || t.charCodeAt(p + 2) !== c) return false;
    const after = t.charCodeAt(p + 3);
    return p + 3 >= this.len || after === SPACE || after === NL;
  }

  /** After a value on the current line: spaces, then a comment or nothing, up to the newline (where `pos` stops). */
  private endOfLine(): void {
    const t = this.text;
    let p = this.pos;
    while (p < this.len && t.charCodeAt(p) === SPACE) p++;
    if (p < this.len) {
      const c = t.charCodeAt(p);
      if (c === HASH) {
        if (t.charCodeAt(p - 1) !== SPACE) throw BAIL; // a comment must follow white space
        const nl = t.indexOf('\n', p);
        p = nl < 0 ? this.len : nl;
      } else if (c !== NL) throw BAIL;
    }
    this.pos = p;
  }

  // ---- block collections --------------------------------------------------------------------------------------

  /** Whether an implicit key (`name:` followed by a space or the end of the line) starts at `pos`. */
  private keyAhead(): boolean {
    const t = this.text;
    let p = this.pos;
    const c = t.charCodeAt(p);
    if (c === LBRACKET || c === LBRACE) return false; // a flow key (`[a]: b`) is left to yaml by the caller
    if (c === DQUOTE || c === SQUOTE) {
      const end = this.quotedEnd(p, false);
      if (end < 0) return false;
      p = end;
      while (p < this.len && t.charCodeAt(p) === SPACE) p++;
      return t.charCodeAt(p) === COLON && this.isBlankAt(p + 1);
    }
    for (; p < this.len; p++) {
      const ch = t.charCodeAt(p);
      if (ch === NL) return false;
      if (ch === COLON && this.isBlankAt(p + 1)) return true;
      if (ch === SPACE && t.charCodeAt(p + 1) === HASH) return false;
    }
    return false;
  }

  /** Whether `p` is a space, a newline or the end of the text. */
  private isBlankAt(p: number): boolean {
    if (p >= this.len) return true;
    const c = this.text.charCodeAt(p);
    return c === SPACE || c === NL;
  }

  /** A block map whose first key is at `pos` (column `col`); returns with `pos`/`col` on the next content after it. */
  private blockMap(): MapNode {
    const indent = this.col;
    const entries: MapEntry[] = [];
    let seen: Set<string> | undefined;
    for (;;) {
      const entry = this.mapEntry(indent);
      // Duplicate keys are errors (or yaml's equality of typed keys decides); either way the whole parse says.
      if (entries.length < 8) {
        for (const e of entries) if (e.key === entry.key) throw BAIL;
      } else {
        if (!seen) seen = new Set(entries.map((e) => e.key));
        if (seen.has(entry.key)) throw BAIL;
      }
      seen?.add(entry.key);
      entries.push(entry);
      if (this.col < indent) break;
      if (this.col > indent || !this.keyAhead()) throw BAIL;
    }
    let end = 0;
    for (const e of entries) if (e.range.end > end) end = e.range.end;
    return { kind: 'map', entries, style: 'block', range: { start: entries[0]!.range.start, end } };
  }

  private mapEntry(indent: number): MapEntry {
    const t = this.text;
    const start = this.pos;
    let key: string;
    let keyEnd: number;
    const c = t.charCodeAt(start);
    if (c === DQUOTE || c === SQUOTE) {
      const s = this.quoted(start, -1);
      key = s.value as string;
      keyEnd = s.range.end;
      while (t.charCodeAt(this.pos) === SPACE) this.pos++;
    } else {
      if (!this.plainStartOk(start, false)) throw BAIL;
      let p = start;
      while (!(t.charCodeAt(p) === COLON && this.isBlankAt(p + 1))) {
        const ch = t.charCodeAt(p);
        // Flow indicators in a block key are legal YAML but rare; yaml's reading of them is left to yaml.
        if (isFlowIndicator(ch)) throw BAIL;
        p++;
      }
      keyEnd = p;
      while (t.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
      const raw = t.slice(start, keyEnd);
      if (raw === '<<') throw BAIL;
      const v = resolvePlain(raw);
      key = v === null ? '' : String(v);
      this.pos = p;
    }
    if (keyEnd - start > MAX_KEY || t.charCodeAt(this.pos) !== COLON) throw BAIL;
    this.pos++;
    const keyRange = { start, end: keyEnd };
    const value = this.valueAfterIndicator(indent, true);
    return { key, keyRange, value, range: { start, end: Math.max(value.range.end, keyEnd) } };
  }

  /** A block sequence whose first `-` is at `pos`. */
  private blockSeq(): ListNode {
    const indent = this.col;
    const start = this.pos;
    const items: IacNode[] = [];
    for (;;) {
      this.pos++; // the dash
      items.push(this.valueAfterIndicator(indent, false));
      if (this.col < indent) break;
      if (this.col > indent) throw BAIL;
      if (!this.dashAhead()) break; // the parent map's next key, at the same indentation
    }
    let end = 0;
    for (const i of items) if (i.range.end > end) end = i.range.end;
    return { kind: 'list', items, style: 'block', range: { start, end } };
  }

  private dashAhead(): boolean {
    return this.text.charCodeAt(this.pos) === DASH && this.isBlankAt(this.pos + 1);
  }

  /**
   * The value after a `key:` or a `- ` (at `pos`, just past the indicator) in a collection indented `indent`.
   * Returns with `pos`/`col` on the next content after the value.
   */
  private valueAfterIndicator(indent: number, inMap: boolean): IacNode {
    const t = this.text;
    while (t.charCodeAt(this.pos) === SPACE) this.pos++;
    const emptyAt = this.pos;
    const c = this.pos < this.len ? t.charCodeAt(this.pos) : NL;
    if (c === NL || c === HASH) {
      if (c === HASH && t.charCodeAt(this.pos - 1) !== SPACE) throw BAIL;
      this.endOfLine();
      this.nextContent();
      if (this.col > indent) return this.nodeOnOwnLine(indent);
      // A map's value may be a sequence at the map's own indentation.
      if (inMap && this.col === indent && this.dashAhead()) return this.blockSeq();
      return nullAt(emptyAt);
    }
    if (!inMap) {
      if (c === DASH && this.isBlankAt(this.pos + 1)) {
        // `- - a`: a sequence in a sequence, indented as its first dash.
        this.col = this.pos - this.lineStart;
        return this.blockSeq();
      }
      if (this.keyAhead()) {
        this.col = this.pos - this.lineStart;
        return this.blockMap();
      }
    }
    return this.inlineNode(indent, inMap);
  }

  /** A node that starts a line of its own (column `col` > `indent`). */
  private nodeOnOwnLine(indent: number): IacNode {
    if (this.dashAhead()) return this.blockSeq();
    if (this.keyAhead()) return this.blockMap();
    return this.inlineNode(indent, false);
  }

  /** A node that starts at `pos` on a line and is not a block collection (unless after a tag). */
  private inlineNode(indent: number, inMap: boolean, tagged = false): IacNode {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === BANG) return this.tagged(indent, inMap);
    if (c === 124 || c === 62) return this.blockScalar(indent);
    let node: IacNode;
    if (c === DQUOTE || c === SQUOTE) node = this.quoted(this.pos, indent);
    else if (c === LBRACKET || c === LBRACE) node = this.flow(indent);
    else node = this.plainBlock(indent, tagged);
    this.endOfLine();
    this.nextContent();
    // More indented content after a one-line value continues it (a multi-line scalar) or is an error: left to yaml.
    if (this.col > indent) throw BAIL;
    return node;
  }

  /** `!Tag value`: a short-form intrinsic (any other tag is left to yaml). */
  private tagged(indent: number, inMap: boolean): IacNode {
    const t = this.text;
    const tagStart = this.pos;
    let p = tagStart + 1;
    while (p < this.len && !this.isBlankAt(p)) p++;
    const fn = CFN_TAGS.get(t.slice(tagStart, p));
    if (!fn) throw BAIL;
    this.pos = p;
    while (t.charCodeAt(this.pos) === SPACE) this.pos++;
    const afterTag = this.pos;
    const c = this.pos < this.len ? t.charCodeAt(this.pos) : NL;
    let inner: IacNode;
    if (c === NL || c === HASH) {
      this.endOfLine();
      this.nextContent();
      const below = this.col > indent || (inMap && this.col === indent && this.dashAhead());
      if (!below) {
        // Nothing tagged (`!GetAZs` alone): yaml resolves the empty text, placed after the tag and its spaces.
        inner = { kind: 'scalar', value: '', range: { start: afterTag, end: afterTag } };
      } else {
        // A comment between the tag and its node would hide the tag from cfn-yaml.ts's scan back: left to yaml.
        const hash = t.indexOf('#', afterTag);
        if (hash >= 0 && hash < this.pos) throw BAIL;
        if (this.dashAhead()) inner = this.blockSeq();
        else if (this.col === indent) throw BAIL;
        else if (this.keyAhead()) inner = this.blockMap();
        else inner = this.inlineNode(indent, false, true);
      }
    } else {
      if (c === BANG) throw BAIL;
      if (this.keyAhead()) throw BAIL; // `!Ref a: b` or a tagged map on the tag's line
      inner = this.inlineNode(indent, inMap, true);
    }
    return makeCall(fn, inner, { start: tagStart, end: inner.range.end }, t);
  }

  // ---- scalars -------------------------------------------------------------------------------------------------

  private plainStartOk(p: number, flow: boolean): boolean {
    const t = this.text;
    const c = t.charCodeAt(p);
    if (isBadPlainStart(c)) return false;
    if (c === DASH || c === 63 || c === COLON) {
      const next = t.charCodeAt(p + 1);
      if (this.isBlankAt(p + 1) || (flow && isFlowIndicator(next))) return false;
      // `?x` and `:x` inside flow collections are left to yaml.
      if (c !== DASH && flow) return false;
    }
    return true;
  }

  /**
   * A plain scalar in block context at `pos`, on one line or continued on lines indented past `indent`; `pos` stops
   * after its last non-space character.
   */
  private plainBlock(indent: number, tagged: boolean): ScalarNode {
    const t = this.text;
    const start = this.pos;
    if (!this.plainStartOk(start, false)) throw BAIL;
    let end = this.plainLineEnd(start);
    let multiLine = false;
    // Continuation lines: more indented than the collection, up to a comment, a less indented line or the end.
    for (;;) {
      let p = end;
      while (t.charCodeAt(p) === SPACE) p++;
      if (t.charCodeAt(p) !== NL) break; // a comment, or the end of the text
      let lineStart = p + 1;
      for (;;) {
        p = lineStart;
        while (t.charCodeAt(p) === SPACE) p++;
        if (t.charCodeAt(p) !== NL) break;
        lineStart = p + 1;
      }
      if (p >= this.len || p - lineStart <= indent) break;
      const c = t.charCodeAt(p);
      // A continuation line may start with an indicator character (yaml reads `"`, `[`, `!`... as text there);
      // a comment line, or `- `, `? `, `: ` at its start, are left to yaml.
      if (c === HASH || ((c === DASH || c === 63 || c === COLON) && this.isBlankAt(p + 1))) throw BAIL;
      end = this.plainLineEnd(p);
      multiLine = true;
    }
    this.pos = end;
    return plainScalar(t.slice(start, end), start, end, multiLine, tagged);
  }

  /** The end of the plain text on the line from `p`: before a comment or the newline, trailing spaces excluded. */
  private plainLineEnd(p: number): number {
    const t = this.text;
    let end = p;
    for (; p < this.len; p++) {
      const ch = t.charCodeAt(p);
      if (ch === NL) break;
      if (ch === SPACE) {
        if (t.charCodeAt(p + 1) === HASH) break;
        continue;
      }
      if (ch === COLON && this.isBlankAt(p + 1)) throw BAIL; // a mapping where a scalar must be
      end = p + 1;
    }
    return end;
  }

  /**
   * A quoted scalar at `p`; `pos` stops after the closing quote. With `indent` -1 (a key) it must close on its line;
   * else its further lines must be indented past `indent`.
   */
  private quoted(p: number, indent: number): ScalarNode {
    const t = this.text;
    const end = this.quotedEnd(p, indent >= 0);
    if (end < 0) throw BAIL;
    const inner = t.slice(p + 1, end - 1);
    const multiLine = inner.includes('\n');
    if (multiLine) {
      for (let nl = inner.indexOf('\n'); nl >= 0; nl = inner.indexOf('\n', nl + 1)) {
        let q = nl + 1;
        while (inner.charCodeAt(q) === SPACE) q++;
        // The line of the closing quote counts too (q at the end of `inner`).
        if (q - nl - 1 <= indent && inner.charCodeAt(q) !== NL) throw BAIL;
        // A document marker at the start of a line ends the document even inside quotes.
        if (q === nl + 1 && (inner.startsWith('---', q) || inner.startsWith('...', q))) throw BAIL;
      }
    }
    let value: string;
    if (t.charCodeAt(p) === SQUOTE) {
      value = multiLine ? unfoldLines(inner) : inner;
      if (value.includes("''")) value = value.replace(/''/g, "'");
    } else value = multiLine || inner.includes('\\') || inner.includes('  ') ? doubleQuotedValue(inner) : inner;
    this.pos = end;
    return { kind: 'scalar', value, range: { start: p, end } };
  }

  /** The offset after the closing quote of the quoted scalar at `p`, or -1 when it does not close (on its line). */
  private quotedEnd(p: number, multiLine: boolean): number {
    const t = this.text;
    const q = t.charCodeAt(p);
    for (let i = p + 1; i < this.len; i++) {
      const c = t.charCodeAt(i);
      if (c === NL && !multiLine) return -1;
      if (q === DQUOTE && c === 92) {
        i++;
        if (t.charCodeAt(i) === NL && !multiLine) return -1;
        continue;
      }
      if (c === q) {
        if (q === SQUOTE && t.charCodeAt(i + 1) === SQUOTE) {
          i++;
          continue;
        }
        return i + 1;
      }
    }
    return -1;
  }

  /** `|` or `>` with an optional chomping indicator (an explicit indentation indicator is left to yaml). */
  private blockScalar(indent: number): ScalarNode {
    const t = this.text;
    const start = this.pos;
    const literal = t.charCodeAt(start) === 124;
    let p = start + 1;
    const chomp = t.charCodeAt(p);
    const strip = chomp === DASH;
    const keep = chomp === 43; // +
    if (strip || keep) p++;
    this.pos = p;
    if (!this.isBlankAt(p)) throw BAIL;
    this.endOfLine();
    if (this.pos >= this.len) throw BAIL;
    // The lines of the scalar: blank lines, and lines indented at least as the first line with content.
    const lines: Array<{ indent: number; from: number; to: number }> = [];
    let contentIndent = -1;
    let q = this.pos + 1;
    let lastContentEnd = -1;
    while (q <= this.len) {
      let s = q;
      while (s < this.len && t.charCodeAt(s) === SPACE) s++;
      const nl = s < this.len ? t.indexOf('\n', s) : -1;
      const lineEnd = nl < 0 ? this.len : nl;
      const lineIndent = s - q;
      if (s >= lineEnd) {
        lines.push({ indent: lineIndent, from: s, to: s });
      } else {
        if (contentIndent < 0) {
          if (lineIndent <= indent) break;
          contentIndent = lineIndent;
        } else if (lineIndent < contentIndent) {
          if (lineIndent > indent) throw BAIL; // less indented than the first line: yaml's error
          break;
        }
        lines.push({ indent: lineIndent, from: s, to: lineEnd });
        lastContentEnd = lineEnd;
      }
      if (nl < 0) {
        q = this.len + 1;
        break;
      }
      q = nl + 1;
    }
    if (contentIndent < 0) throw BAIL; // no content: yaml's empty-scalar rules are left to it
    // Drop the trailing blank lines (clipped or stripped); one more indented than the content is kept by yaml: bail.
    while (lines.length > 0 && lines[lines.length - 1]!.from === lines[lines.length - 1]!.to) {
      const l = lines.pop()!;
      if (l.indent > contentIndent) throw BAIL;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    let leading = true;
    for (const l of lines) {
      const empty = l.from === l.to;
      if (leading && empty) {
        if (l.indent > contentIndent) throw BAIL; // more-indented leading empty lines: yaml's error
        value += '\n';
        continue;
      }
      leading = false;
      const content = t.slice(l.from, l.to);
      const extra = l.indent > contentIndent ? ' '.repeat(l.indent - contentIndent) : '';
      if (literal) {
        value += sep + extra + content;
        sep = '\n';
      } else if (l.indent > contentIndent) {
        if (sep === ' ') sep = '\n';
        else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
        value += sep + extra + content;
        sep = '\n';
        prevMoreIndented = true;
      } else if (empty) {
        if (sep === '\n') value += '\n';
        else sep = '\n';
      } else {
        value += sep + content;
        sep = ' ';
        prevMoreIndented = false;
      }
    }
    if (keep) {
      // Every line break after the last content line is kept, and the text ends with one.
      let breaks = 0;
      for (let i = lastContentEnd; i < Math.min(q, this.len); i++) if (t.charCodeAt(i) === NL) breaks++;
      value += '\n'.repeat(Math.max(1, breaks));
    } else if (!strip) value += '\n';
    // Position on the line after the last content line, as `nextContent` leaves it.
    let end = lastContentEnd;
    while (end > start && t.charCodeAt(end - 1) === SPACE) end--;
    this.pos = lastContentEnd;
    this.nextContent();
    return { kind: 'scalar', value, range: { start, end } };
  }

  // ---- flow collections ----------------------------------------------------------------------------------------

  /** A flow sequence or map at `pos` inside a block collection indented `indent`; `pos` stops after its closer. */
  private flow(indent: number): IacNode {
    const t = this.text;
    const start = this.pos;
    const isSeq = t.charCodeAt(start) === LBRACKET;
    const close = isSeq ? RBRACKET : RBRACE;
    this.pos++;
    const items: IacNode[] = [];
    const entries: MapEntry[] = [];
    this.flowSpace(indent);
    if (t.charCodeAt(this.pos) !== close) {
      for (;;) {
        if (isSeq) {
          const item = this.flowNode(indent);
          this.flowSpace(indent);
          items.push(t.charCodeAt(this.pos) === COLON ? this.flowPair(item, indent, close) : item);
        } else {
          const c = t.charCodeAt(this.pos);
          const key = c === DQUOTE || c === SQUOTE ? this.quoted(this.pos, -1) : this.plainFlow();
          const keyText = typeof key.value === 'string' ? key.value : key.value === null ? '' : String(key.value);
          if (keyText === '<<' || entries.some((e) => e.key === keyText)) throw BAIL;
          this.flowSpace(indent);
          if (t.charCodeAt(this.pos) !== COLON || !this.isBlankAt(this.pos + 1)) throw BAIL;
          this.pos++;
          this.flowSpace(indent);
          const cc = t.charCodeAt(this.pos);
          if (cc === COMMA || cc === close) throw BAIL; // an empty value
          const value = this.flowNode(indent);
          entries.push({
            key: keyText,
            keyRange: key.range,
            value,
            range: { start: key.range.start, end: Math.max(value.range.end, key.range.end) },
          });
          this.flowSpace(indent);
        }
        const c = t.charCodeAt(this.pos);
        if (c === close) break;
        if (c !== COMMA) throw BAIL;
        this.pos++;
        this.flowSpace(indent);
        if (t.charCodeAt(this.pos) === close) throw BAIL; // a trailing comma
      }
    }
    this.pos++;
    const range = { start, end: this.pos };
    return isSeq ? { kind: 'list', items, style: 'flow', range } : { kind: 'map', entries, style: 'flow', range };
  }

  /** `[key: value]`: a single-pair map inside a flow sequence, `key` read, `pos` on the `:`. */
  private flowPair(key: IacNode, indent: number, close: number): MapNode {
    const t = this.text;
    if (key.kind !== 'scalar' || !this.isBlankAt(this.pos + 1)) throw BAIL;
    if (t.slice(key.range.start, key.range.end).includes('\n')) throw BAIL; // an implicit key on several lines
    this.pos++;
    this.flowSpace(indent);
    const c = t.charCodeAt(this.pos);
    if (c === COMMA || c === close) throw BAIL; // an empty value
    const value = this.flowNode(indent);
    // An empty tagged value (`[k: !GetAZs ]`): yaml ends the pair before the spaces the empty node sits after.
    if (value.kind === 'call' && value.range.end === value.args[0]?.range.start && value.args[0].range.end === value.range.end) throw BAIL;
    this.flowSpace(indent);
    const keyText = key.value === null ? '' : String(key.value);
    const range = { start: key.range.start, end: Math.max(value.range.end, key.range.end) };
    return {
      kind: 'map',
      entries: [{ key: keyText, keyRange: key.range, value, range }],
      style: 'flow',
      range: { start: key.range.start, end: value.range.end },
    };
  }

  /** Spaces, comments and line breaks inside a flow collection; each new line must be indented past `indent`. */
  private flowSpace(indent: number): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === SPACE) p++;
      else if (c === NL) {
        p++;
        const lineStart = p;
        while (t.charCodeAt(p) === SPACE) p++;
        const next = t.charCodeAt(p);
        // The closing bracket may stand at the collection's own indentation; nothing else may.
        const closer = next === RBRACKET || next === RBRACE;
        if (next !== NL && (p - lineStart < indent || (p - lineStart === indent && !closer))) throw BAIL;
        if (p >= this.len) throw BAIL;
      } else if (c === HASH) {
        if (p === this.pos || t.charCodeAt(p - 1) !== SPACE) throw BAIL;
        const nl = t.indexOf('\n', p);
        if (nl < 0) throw BAIL;
        p = nl;
      } else break;
    }
    this.pos = p;
  }

  private flowNode(indent: number, tagged = false): IacNode {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === LBRACKET || c === LBRACE) return this.flow(indent);
    if (c === DQUOTE || c === SQUOTE) return this.quoted(this.pos, indent);
    if (c === BANG) {
      const tagStart = this.pos;
      let p = tagStart + 1;
      while (p < this.len && !this.isBlankAt(p) && !isFlowIndicator(t.charCodeAt(p))) p++;
      const fn = CFN_TAGS.get(t.slice(tagStart, p));
      if (!fn || t.charCodeAt(p) !== SPACE) throw BAIL;
      this.pos = p;
      while (t.charCodeAt(this.pos) === SPACE) this.pos++;
      const next = t.charCodeAt(this.pos);
      if (next === NL || next === HASH || next === BANG) throw BAIL;
      // Nothing tagged (`!GetAZs ]`): yaml resolves the empty text, placed after the tag and its spaces.
      const empty = next === COMMA || next === RBRACKET || next === RBRACE;
      const inner = empty ? { kind: 'scalar' as const, value: '', range: { start: this.pos, end: this.pos } } : this.flowNode(indent, true);
      return makeCall(fn, inner, { start: tagStart, end: inner.range.end }, t);
    }
    return this.plainFlow(tagged, indent);
  }

  /** A single-line plain scalar inside a flow collection. */
  private plainFlow(tagged = false, indent = -1): ScalarNode {
    const t = this.text;
    const start = this.pos;
    if (!this.plainStartOk(start, true)) throw BAIL;
    let end = this.plainFlowLineEnd(start);
    let multiLine = false;
    for (;;) {
      let p = end;
      while (t.charCodeAt(p) === SPACE) p++;
      if (t.charCodeAt(p) !== NL) break;
      // The next line with content either goes on with the scalar or starts with what ends it.
      let lineStart = p + 1;
      for (;;) {
        p = lineStart;
        while (t.charCodeAt(p) === SPACE) p++;
        if (t.charCodeAt(p) !== NL) break;
        lineStart = p + 1;
      }
      const c = t.charCodeAt(p);
      if (p >= this.len || c === COMMA || c === RBRACKET || c === RBRACE) break;
      // Keys (indent -1) stay on one line; a comment, `:` or an indentation in doubt are left to yaml.
      if (indent < 0 || c === HASH || c === COLON || p - lineStart <= indent) throw BAIL;
      if (isFlowIndicator(c) || ((c === DASH || c === 63) && (this.isBlankAt(p + 1) || isFlowIndicator(t.charCodeAt(p + 1))))) throw BAIL;
      end = this.plainFlowLineEnd(p);
      if (end === p) throw BAIL;
      multiLine = true;
    }
    this.pos = end;
    return plainScalar(t.slice(start, end), start, end, multiLine, tagged);
  }

  /** The end of a plain scalar's text in a flow collection on the line from `p`, trailing spaces excluded. */
  private plainFlowLineEnd(p: number): number {
    const t = this.text;
    let end = p;
    for (; p < this.len; p++) {
      const ch = t.charCodeAt(p);
      if (ch === NL || isFlowIndicator(ch)) break;
      if (ch === SPACE) {
        if (t.charCodeAt(p + 1) === HASH) break;
        continue;
      }
      if (ch === COLON) {
        const next = t.charCodeAt(p + 1);
        if (this.isBlankAt(p + 1) || isFlowIndicator(next)) break;
      }
      end = p + 1;
    }
    return end;
  }
}

/** A plain scalar's node from its source text: folded when it spans lines; a tagged scalar is its text (the tag's
 * resolver in cfn-yaml.ts), an untagged one is typed by the core schema. */
function plainScalar(source: string, start: number, end: number, multiLine: boolean, tagged: boolean): ScalarNode {
  const text = multiLine ? unfoldLines(source) : source;
  return { kind: 'scalar', value: tagged ? text : resolvePlain(text), range: { start, end } };
}

function nullAt(offset: number): ScalarNode {
  return { kind: 'scalar', value: null, range: { start: offset, end: offset } };
}

/** A plain scalar's value under the YAML 1.2 core schema, as yaml resolves it (the same tests in the same order). */
export function resolvePlain(s: string): string | number | boolean | null {
  const c = s.charCodeAt(0);
  // Most scalars start with a letter that no core-schema tag can match: no regular expression to run.
  const maybeTyped =
    s.length === 0 ||
    (c >= 48 && c <= 57) ||
    c === 43 || // +
    c === DASH ||
    c === 46 || // .
    c === 126 || // ~
    c === 110 || // n
    c === 78 || // N
    c === 116 || // t
    c === 84 || // T
    c === 102 || // f
    c === 70; // F
  if (!maybeTyped) return s;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

/**
 * Folds the lines of a plain or single-quoted scalar as yaml's `unfoldLines` does. Its trimming of spaces and tabs is
 * `trim`'s here: tabs, CR and the other white space `trim` knows never reach this reader.
 */
function unfoldLines(source: string): string {
  const lines = source.split('\n');
  if (lines.length === 1) return source;
  let res = lines[0]!.trimEnd();
  let sep = ' ';
  for (let i = 1; i < lines.length - 1; i++) {
    const lm = lines[i]!.trim();
    if (lm === '') {
      if (sep === '\n') res += sep;
      else sep = '\n';
    } else {
      res += sep + lm;
      sep = ' ';
    }
  }
  return res + sep + lines[lines.length - 1]!.trimStart();
}

/** The value of a double-quoted scalar's inside, as yaml's `doubleQuotedValue` reads it (no tabs or CR reach here). */
function doubleQuotedValue(s: string): string {
  let res = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\n') {
      // A line break folds to a space, several to one newline fewer; the next line's indentation goes.
      let fold = '';
      let next = s[i + 1];
      while (next === ' ' || next === '\n') {
        if (next === '\n') fold += '\n';
        i++;
        next = s[i + 1];
      }
      res += fold || ' ';
    } else if (ch === '\\') {
      const next = s[++i]!;
      const cc = ESCAPES[next];
      if (cc !== undefined) res += cc;
      else if (next === '\n') {
        // An escaped line break joins the lines; the next line's indentation still goes.
        while (s[i + 1] === ' ') i++;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = s.substr(i + 1, length);
        if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) throw BAIL;
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) throw BAIL;
        res += String.fromCodePoint(code);
        i += length;
      } else throw BAIL; // an invalid escape: yaml's error
    } else if (ch === ' ') {
      // Spaces before a line break are dropped.
      const wsStart = i;
      while (s[i + 1] === ' ') i++;
      if (s[i + 1] !== '\n') res += s.slice(wsStart, i + 1);
    } else res += ch;
  }
  return res;
}
