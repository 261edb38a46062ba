// A recursive-descent parser for HCL native syntax (hashicorp/hcl hclsyntax/spec.md) that builds the neutral model
// directly from the tokens: no syntax tree in between. Newlines end attributes and object items; inside `( )`, `[ ]`,
// `${ }`, `%{ }` and `for` expressions they are ignored, as the spec says. Conditionals are right-associative.
//
// Error recovery works at the attribute level: a broken attribute becomes an unknown value (an ExprNode, so rules
// stay quiet rather than report it missing), a broken nested block an unknown block entry, an unclosed top-level block
// keeps what it holds; each costs one error and parsing resumes at the next line. When the brackets of the text do not
// balance (a truncated buffer, a deleted `}`), indentation tells where an unclosed construct ends: a line indented no
// deeper than the line that opened it starts something new. A valid text always balances, so it never meets these
// guesses: its model depends on its tokens alone.
import type { ParseError } from '../../model/document';
import type { CallNode, ExprNode, IacNode, MapEntry, MapNode, SourceRange } from '../../model/nodes';
import { decodeQuoted, heredocValue } from '../tf-strings';
import { T, TOKEN_NAMES, tokenize } from './lexer';

/** A top-level block: type, labels, header range (type through last label), whole range and body. */
export interface HclBlock {
  type: string;
  labels: string[];
  headerRange: SourceRange;
  range: SourceRange;
  body: MapNode;
}

export interface HclFile {
  blocks: HclBlock[];
  /** Top-level attributes (a `.tfvars` file is nothing else). */
  attributes: MapEntry[];
  errors: ParseError[];
}

/** Thrown (and caught at the attribute, block or item level) once the error it stands for is recorded. */
class Broken {
  constructor(readonly at: number) {}
}

/** Binary operator precedence (spec "Operations"): higher binds tighter; all are left-associative. */
const LEVEL: number[] = [];
LEVEL[T.OR] = 1;
LEVEL[T.AND] = 2;
LEVEL[T.EQEQ] = LEVEL[T.NEQ] = 3;
LEVEL[T.GT] = LEVEL[T.GE] = LEVEL[T.LT] = LEVEL[T.LE] = 4;
LEVEL[T.PLUS] = LEVEL[T.MINUS] = 5;
LEVEL[T.STAR] = LEVEL[T.SLASH] = LEVEL[T.PERCENT] = 6;

const OPENERS = new Set<number>([T.OBRACE, T.OBRACK, T.OPAREN, T.TINTERP, T.TDIRECT]);
const CLOSERS = new Set<number>([T.CBRACE, T.CBRACK, T.CPAREN, T.TCLOSE]);

/** Parses `text`; never throws on any input (a stack overflow on absurd nesting costs the block it happens in). */
export function parseHcl(text: string): HclFile {
  return new Parser(text).file();
}

class Parser {
  private readonly ty: number[];
  private readonly st: number[];
  private readonly en: number[];
  private readonly aux: number[];
  /** Indentation guides recovery only when the brackets do not balance (a valid file never needs it). */
  private readonly recovering: boolean;
  private p = 0;
  /** Whether newlines are tokens here (bodies, object constructors) rather than ignored (brackets, templates). */
  private nl = true;
  /** Traversals found so far, in document order; an ExprNode takes the slice since it began. */
  private refs: string[][] = [];
  /** Set by `guard` to where an unclosed construct stopped; read by `closeAt`. */
  private unclosedAt = -1;
  readonly errors: ParseError[] = [];

  constructor(private readonly text: string) {
    const tokens = tokenize(text);
    this.ty = tokens.type;
    this.st = tokens.start;
    this.en = tokens.end;
    this.aux = tokens.aux;
    this.recovering = !tokens.balanced;
  }

  file(): HclFile {
    const blocks: HclBlock[] = [];
    const attributes: MapEntry[] = [];
    for (;;) {
      const t = this.ty[this.p] as number;
      if (t === T.EOF) break;
      if (t === T.NL) {
        this.p++;
        continue;
      }
      const itemStart = this.p;
      this.refs = []; // nothing reads the traversals of an earlier top-level item
      try {
        if (t !== T.IDENT) this.fail(this.p, `Syntax error: unexpected ${this.describe(this.p)}`);
        if (this.ty[this.p + 1] === T.EQ) {
          const entry = this.attribute();
          if (entry) attributes.push(entry);
          continue;
        }
        const block = this.block(0);
        if (block && block.value.kind === 'map') {
          blocks.push({ type: block.type, labels: block.labels, headerRange: block.headerRange, range: block.range, body: block.value });
        }
      } catch (err) {
        if (!(err instanceof Broken)) {
          // Absurd nesting exhausts the stack: the block costs an error, the rest of the file still counts.
          this.error(this.st[itemStart] as number, this.st[itemStart] as number, `Could not read this block: ${failure(err)}`);
          this.p = itemStart;
        }
        this.sync(itemStart);
      }
    }
    return { blocks, attributes, errors: this.onePerLine() };
  }

  /**
   * The errors in text order, one per line: where one break makes several constructs fail at once (a `{` and the
   * block around it, both left open by a cut), the first says what is wrong and the others add nothing.
   */
  private onePerLine(): ParseError[] {
    const sorted = [...this.errors].sort((a, b) => a.range.start - b.range.start);
    const out: ParseError[] = [];
    for (const e of sorted) {
      const prev = out[out.length - 1];
      if (prev && !this.text.slice(prev.range.start, e.range.start).includes('\n')) continue;
      out.push(e);
    }
    return out;
  }

  // ---- bodies ---------------------------------------------------------------------------------------------------

  /**
   * `name = expr` ending at a newline (or the `}` of a one-line block). A broken one yields an unknown value from
   * its `=` to where the error was, and parsing resumes after its line.
   */
  private attribute(): MapEntry | undefined {
    const nameTok = this.p;
    const eq = this.p + 1;
    this.p += 2;
    const mark = this.refs.length;
    const saveNl = this.nl;
    this.nl = true;
    const errors = this.errors.length;
    try {
      if (this.ty[this.p] === T.NL || this.ty[this.p] === T.EOF) this.fail(eq, `Missing value after '=' for '${this.tokText(nameTok)}'`);
      const value = this.expr();
      if (this.errors.length > errors) {
        // A bracket inside was never closed (`guard` closed it where it stopped): the value is unknown.
        const start = this.st[eq] as number;
        const broken: ExprNode = {
          kind: 'expr',
          text: this.text.slice(start, value.range.end),
          refs: this.refs.slice(mark),
          range: { start, end: value.range.end },
        };
        return {
          key: this.tokText(nameTok),
          keyRange: this.rangeOf(nameTok),
          value: broken,
          range: { start: this.st[nameTok] as number, end: value.range.end },
        };
      }
      const after = this.ty[this.p] as number;
      if (after !== T.NL && after !== T.EOF && after !== T.CBRACE) {
        this.fail(this.p, `Syntax error: unexpected ${this.describe(this.p)} after the value of '${this.tokText(nameTok)}'`);
      }
      return {
        key: this.tokText(nameTok),
        keyRange: this.rangeOf(nameTok),
        value,
        range: { start: this.st[nameTok] as number, end: value.range.end },
      };
    } catch (err) {
      if (!(err instanceof Broken)) throw err;
      this.sync(nameTok);
      // A half-typed attribute is unknown rather than missing, so rules stay quiet about it.
      const start = this.st[eq] as number;
      const end = Math.max(start + 1, Math.min(err.at, this.text.length));
      const value: ExprNode = { kind: 'expr', text: this.text.slice(start, end), refs: this.refs.slice(mark), range: { start, end } };
      return { key: this.tokText(nameTok), keyRange: this.rangeOf(nameTok), value, range: { start: this.st[nameTok] as number, end } };
    } finally {
      this.nl = saveNl;
    }
  }

  /**
   * `type label* { body }` at `this.p` (an identifier). Returns the block as an entry-to-be: a map body, or for a
   * `dynamic` block / a broken nested block an unknown value. Throws Broken for a broken header.
   */
  private block(depth: number): (MapEntry & { type: string; labels: string[]; headerRange: SourceRange }) | undefined {
    const typeTok = this.p++;
    const indent = this.recovering ? this.indentOf(typeTok) : 0;
    const mark = this.refs.length;
    const labels: string[] = [];
    const labelRanges: SourceRange[] = [];
    let last = typeTok;
    for (;;) {
      const t = this.ty[this.p];
      if (t === T.IDENT) {
        labels.push(this.tokText(this.p));
        labelRanges.push(this.rangeOf(this.p));
        last = this.p++;
      } else if (t === T.OQUOTE) {
        const open = this.p;
        const lit = this.labelString();
        labels.push(lit);
        labelRanges.push({ start: this.st[open] as number, end: this.en[this.p - 1] as number });
        last = this.p - 1;
      } else break;
    }
    if (this.ty[this.p] !== T.OBRACE) {
      const what = labels.length ? `after the labels of '${this.tokText(typeTok)}'` : `after '${this.tokText(typeTok)}'`;
      this.fail(this.p, `Syntax error: expected '=' or '{' ${what}, found ${this.describe(this.p)}`);
    }
    const open = this.p++;
    const headerRange = { start: this.st[typeTok] as number, end: this.en[last] as number };
    const type = this.tokText(typeTok);
    const body = this.body(open, indent, depth + 1);
    const start = this.st[typeTok] as number;
    const unclosed = body.unclosed === true;
    delete body.unclosed; // a flag for this reader, not part of the model
    if (unclosed) {
      // A nested block becomes unknown (rules stay quiet, as for a broken attribute); a top-level one keeps what it
      // has, so a resource being typed at the end of a file is still checked.
      const end = body.range.end;
      const value: ExprNode = { kind: 'expr', text: this.text.slice(start, end), refs: this.refs.slice(mark), range: { start, end } };
      if (depth === 0)
        return { key: type, keyRange: this.rangeOf(typeTok), value: body, range: { start, end }, block: true, type, labels, headerRange };
      return { key: type, keyRange: this.rangeOf(typeTok), value, range: { start, end }, block: true, type, labels, headerRange };
    }
    const range = { start, end: (this.st[this.p - 1] as number) + 1 };
    if (type === 'dynamic' && depth > 0 && labels[0]) {
      // Terraform generates the real blocks at plan time: the dynamic block is an unevaluated expression.
      const value: ExprNode = { kind: 'expr', text: this.text.slice(range.start, range.end), refs: this.refs.slice(mark), range };
      // Its `for_each`, so an empty collection can count as no block at all (catalogue v2, clarification 6).
      const forEach = body.entries.find((e) => e.key === 'for_each');
      if (forEach) value.forEach = forEach.value;
      return { key: labels[0], keyRange: labelRanges[0] as SourceRange, value, range, block: true, type, labels, headerRange };
    }
    return { key: type, keyRange: this.rangeOf(typeTok), value: body, range, block: true, type, labels, headerRange };
  }

  /** A quoted block label: a string without interpolation, escapes decoded. */
  private labelString(): string {
    const open = this.p++;
    let t = this.ty[this.p];
    while (t === T.LIT) t = this.ty[++this.p];
    if (t !== T.CQUOTE) {
      const what = t === T.UNCLOSED ? "Missing '\"' at the end of this label" : 'A block label cannot contain interpolation';
      this.fail(this.p, what);
    }
    const raw = this.text.slice(this.en[open], this.st[this.p]);
    this.p++;
    return decodeQuoted(raw);
  }

  /**
   * The items of a block body after `{` (token `open`), through its `}`. Marked unclosed (error recorded) when the
   * block never closes: at the end of the file, or, when brackets do not balance, at a line indented no deeper than
   * the block's own line.
   */
  private body(open: number, indent: number, depth: number): MapNode & { unclosed?: true } {
    const entries: MapEntry[] = [];
    const saveNl = this.nl;
    this.nl = true;
    try {
      for (;;) {
        const t = this.ty[this.p] as number;
        if (t === T.NL) {
          this.p++;
          continue;
        }
        if (t === T.CBRACE && !(this.recovering && this.dedented(this.p, indent - 1))) {
          this.p++;
          return { kind: 'map', entries, style: 'block', range: { start: this.en[open] as number, end: this.st[this.p - 1] as number } };
        }
        if (t === T.EOF || (this.recovering && this.dedented(this.p, indent))) {
          // At the end of the text the break is there; before a dedented line, at the end of the block's last token.
          const at = t === T.EOF ? this.text.length : Math.max(this.en[this.lastSignificant(this.p)] as number, this.en[open] as number);
          this.error(at, at, `Missing '}' to close the block opened on line ${this.lineOf(this.st[open] as number)}`);
          return { kind: 'map', entries, style: 'block', range: { start: this.en[open] as number, end: at }, unclosed: true };
        }
        const itemStart = this.p;
        try {
          if (t !== T.IDENT) this.fail(this.p, `Syntax error: unexpected ${this.describe(this.p)}`);
          if (this.ty[this.p + 1] === T.EQ) {
            const entry = this.attribute();
            if (entry) entries.push(entry);
          } else {
            const b = this.block(depth);
            if (b) entries.push({ key: b.key, keyRange: b.keyRange, value: b.value, range: b.range, block: true });
          }
        } catch (err) {
          if (!(err instanceof Broken)) throw err;
          this.sync(itemStart);
        }
      }
    } finally {
      this.nl = saveNl;
    }
  }

  // ---- expressions ----------------------------------------------------------------------------------------------

  /** Current token type; skips newlines where they are not significant. */
  private peek(): number {
    if (!this.nl) while (this.ty[this.p] === T.NL) this.p++;
    return this.ty[this.p] as number;
  }

  /** `cond ? a : b` (right-associative, spec "Conditional Operator") or a binary operation. */
  private expr(): IacNode {
    const cond = this.binary(1);
    if (this.peek() !== T.QUESTION) return cond;
    this.p++;
    const yes = this.expr();
    if (this.peek() !== T.COLON) this.fail(this.p, `Syntax error: expected ':' in the conditional, found ${this.describe(this.p)}`);
    this.p++;
    const no = this.expr();
    // The engine judges both branches (either can be taken) and names the condition by its text.
    const call: CallNode = { kind: 'call', fn: '?:', args: [cond, yes, no], range: { start: cond.range.start, end: no.range.end } };
    return call;
  }

  private binary(min: number): IacNode {
    const mark = this.refs.length;
    let lhs = this.unary();
    for (;;) {
      const level = LEVEL[this.peek()];
      if (level === undefined || level < min) return lhs;
      this.p++;
      const rhs = this.binary(level + 1);
      lhs = this.exprNode(lhs.range.start, rhs.range.end, mark);
    }
  }

  private unary(): IacNode {
    const t = this.peek();
    if (t !== T.MINUS && t !== T.BANG) return this.postfix();
    const op = this.p++;
    const mark = this.refs.length;
    const operand = this.unary();
    const start = this.st[op] as number;
    // `-1` is a constant to Terraform (and to rules such as `from_port = -1`).
    if (t === T.MINUS && operand.kind === 'scalar' && typeof operand.value === 'number' && this.isDigitAt(operand.range.start)) {
      return { kind: 'scalar', value: -operand.value, range: { start, end: operand.range.end } };
    }
    return this.exprNode(start, operand.range.end, mark);
  }

  /** A term and its traversal steps (`.attr`, `.0`, `[i]`, `.*`, `[*]`). */
  private postfix(): IacNode {
    const mark = this.refs.length;
    const first = this.p;
    const isRoot = this.ty[first] === T.IDENT && !this.isCallAhead(first);
    const slot = isRoot ? this.refs.length : -1;
    if (isRoot) this.refs.push([]); // the traversal's path goes first, before refs inside its indexes
    const term = this.term();
    const path = isRoot && term.kind === 'ref' ? [...term.path] : undefined;
    let complete = path !== undefined;
    let end = term.range.end;
    let steps = 0;
    for (;;) {
      const t = this.peek();
      if (t === T.DOT) {
        this.p++;
        const n = this.ty[this.p];
        if (n === T.IDENT || n === T.NUMBER) {
          if (complete) path?.push(this.tokText(this.p));
        } else if (n === T.STAR) {
          if (complete) path?.push('*');
        } else this.fail(this.p, `Syntax error: expected an attribute name after '.', found ${this.describe(this.p)}`);
        end = this.en[this.p++] as number;
      } else if (t === T.OBRACK) {
        this.p++;
        const saveNl = this.nl;
        this.nl = false;
        if (this.peek() === T.STAR && this.ty[this.p + 1] === T.CBRACK) {
          this.p++;
          if (complete) path?.push('*');
        } else {
          const key = this.expr();
          if (complete && key.kind === 'scalar' && (typeof key.value === 'string' || typeof key.value === 'number')) path?.push(String(key.value));
          else complete = false;
        }
        if (this.peek() !== T.CBRACK) this.fail(this.p, `Syntax error: expected ']' to close the index, found ${this.describe(this.p)}`);
        this.nl = saveNl;
        end = this.en[this.p++] as number;
      } else break;
      steps++;
    }
    if (path) this.refs[slot] = path;
    else if (slot >= 0) this.refs.splice(slot, 1);
    if (steps === 0) return term;
    if (path && complete) return { kind: 'ref', path, range: { start: term.range.start, end } };
    return this.exprNode(term.range.start, end, mark);
  }

  private isCallAhead(identTok: number): boolean {
    const next = this.ty[identTok + 1];
    return next === T.OPAREN || (next === T.DCOLON && this.ty[identTok + 2] === T.IDENT);
  }

  private term(): IacNode {
    const at = this.p;
    switch (this.peek()) {
      case T.NUMBER:
        this.p++;
        return { kind: 'scalar', value: Number(this.tokText(at)), range: this.rangeOf(at) };
      case T.IDENT: {
        if (this.isCallAhead(at)) return this.call();
        this.p++;
        const name = this.tokText(at);
        if (name === 'true' || name === 'false') return { kind: 'scalar', value: name === 'true', range: this.rangeOf(at) };
        if (name === 'null') return { kind: 'scalar', value: null, range: this.rangeOf(at) };
        return { kind: 'ref', path: [name], range: this.rangeOf(at) };
      }
      case T.OQUOTE:
        return this.quoted();
      case T.OHEREDOC:
        return this.heredoc();
      case T.OBRACK:
        return this.tuple();
      case T.OBRACE:
        return this.object();
      case T.OPAREN: {
        const mark = this.refs.length;
        const open = this.p++;
        const indent = this.recovering ? this.indentOf(open) : 0;
        const saveNl = this.nl;
        this.nl = false;
        let inner: IacNode | undefined;
        if (!this.guard(indent, T.CPAREN, open)) {
          inner = this.expr();
          if (this.peek() !== T.CPAREN && !this.guard(indent, T.CPAREN, open))
            this.fail(this.p, `Syntax error: expected ')', found ${this.describe(this.p)}`);
        }
        this.nl = saveNl;
        const grouped = inner !== undefined && this.unclosedAt < 0 && this.peek() === T.CPAREN;
        const range = { start: this.st[open] as number, end: this.closeAt(T.CPAREN) };
        // `( expression )`: the parentheses only group; the value is the inner expression's, over the whole range.
        return grouped && inner ? { ...inner, range } : this.exprNode(range.start, range.end, mark);
      }
      default:
        return this.fail(
          this.p,
          this.ty[this.p] === T.NL || this.ty[this.p] === T.EOF ? 'Missing value' : `Syntax error: unexpected ${this.describe(this.p)}`,
        );
    }
  }

  /** `f(a, b)`, `f(list...)`, `provider::aws::arn_parse(x)`. */
  private call(): CallNode {
    const nameTok = this.p;
    while (this.ty[this.p + 1] === T.DCOLON) this.p += 2;
    const fn = this.text.slice(this.st[nameTok], this.en[this.p]);
    this.p++;
    if (this.ty[this.p] !== T.OPAREN) this.fail(this.p, `Syntax error: expected '(' after the function name ${fn}, found ${this.describe(this.p)}`);
    const open = this.p++;
    const indent = this.recovering ? this.indentOf(nameTok) : 0;
    const args: IacNode[] = [];
    const saveNl = this.nl;
    this.nl = false;
    for (;;) {
      if (this.guard(indent, T.CPAREN, open) || this.peek() === T.CPAREN) break;
      args.push(this.expr());
      const t = this.peek();
      if (t === T.COMMA) this.p++;
      else if (t === T.ELLIPSIS) {
        this.p++;
        if (this.peek() !== T.CPAREN) this.fail(this.p, `Syntax error: expected ')' after '...', found ${this.describe(this.p)}`);
      } else if (t !== T.CPAREN && !this.guard(indent, T.CPAREN, open)) {
        this.fail(this.p, `Syntax error: expected ',' or ')' in the arguments of ${fn}, found ${this.describe(this.p)}`);
      }
    }
    this.nl = saveNl;
    return { kind: 'call', fn, args, range: { start: this.st[nameTok] as number, end: this.closeAt(T.CPAREN) } };
  }

  private tuple(): IacNode {
    const open = this.p++;
    const mark = this.refs.length;
    const indent = this.recovering ? this.indentOf(open) : 0;
    const saveNl = this.nl;
    this.nl = false;
    if (this.isFor()) return this.forExpr(open, mark, T.CBRACK, saveNl);
    const items: IacNode[] = [];
    for (;;) {
      if (this.guard(indent, T.CBRACK, open) || this.peek() === T.CBRACK) break;
      items.push(this.expr());
      const t = this.peek();
      if (t === T.COMMA) this.p++;
      else if (t !== T.CBRACK && !this.guard(indent, T.CBRACK, open))
        this.fail(this.p, `Syntax error: expected ',' or ']' in the list, found ${this.describe(this.p)}`);
    }
    this.nl = saveNl;
    return { kind: 'list', items, style: 'flow', range: { start: this.st[open] as number, end: this.closeAt(T.CBRACK) } };
  }

  private object(): IacNode {
    const open = this.p++;
    const mark = this.refs.length;
    const indent = this.recovering ? this.indentOf(open) : 0;
    const saveNl = this.nl;
    this.nl = false;
    if (this.isFor()) return this.forExpr(open, mark, T.CBRACE, saveNl);
    // Object items end at a newline or a comma (spec "Collection Values").
    this.nl = true;
    const entries: MapEntry[] = [];
    for (;;) {
      let t = this.peek();
      while (t === T.NL) {
        this.p++;
        t = this.peek();
      }
      if (this.guard(indent, T.CBRACE, open) || t === T.CBRACE) break;
      const key = this.expr();
      t = this.peek();
      if (t !== T.EQ && t !== T.COLON) this.fail(this.p, `Syntax error: expected '=' or ':' after the key, found ${this.describe(this.p)}`);
      this.p++;
      if (this.peek() === T.NL) this.fail(this.p, 'Missing value after =');
      const value = this.expr();
      entries.push({ key: this.objectKey(key), keyRange: key.range, value, range: { start: key.range.start, end: value.range.end } });
      t = this.peek();
      if (t === T.COMMA || t === T.NL) this.p++;
      // A token starting a line is separated (an unclosed object inside stopped just before it).
      else if (t !== T.CBRACE && this.ty[this.p - 1] !== T.NL && !this.guard(indent, T.CBRACE, open)) {
        this.fail(this.p, `Syntax error: expected a newline, ',' or '}' after the item, found ${this.describe(this.p)}`);
      }
    }
    this.nl = saveNl;
    return { kind: 'map', entries, style: 'flow', range: { start: this.st[open] as number, end: this.closeAt(T.CBRACE) } };
  }

  /** `name`, `"name"` and `(expr)` keys: a bare word is a literal key in an object, not a reference. */
  private objectKey(key: IacNode): string {
    if (key.kind === 'scalar' && typeof key.value === 'string') return key.value;
    if (key.kind === 'ref' && key.path.length === 1) return key.path[0] as string;
    return this.text.slice(key.range.start, key.range.end);
  }

  private isFor(): boolean {
    return this.peek() === T.IDENT && this.tokText(this.p) === 'for' && this.ty[this.p + 1] === T.IDENT;
  }

  /**
   * `[for k, v in coll : expr if cond]` and `{for k, v in coll : key => value... if cond}`: an unevaluated expression
   * whose traversals exclude those rooted at the names it binds (the collection included, as the oracle reads it).
   */
  private forExpr(open: number, mark: number, closer: number, saveNl: boolean): ExprNode {
    this.p++; // for
    const names = [this.tokText(this.p++)];
    if (this.peek() === T.COMMA) {
      this.p++;
      if (this.peek() !== T.IDENT) this.fail(this.p, `Syntax error: expected a name after ',', found ${this.describe(this.p)}`);
      names.push(this.tokText(this.p++));
    }
    if (this.peek() !== T.IDENT || this.tokText(this.p) !== 'in') this.fail(this.p, `Syntax error: expected 'in', found ${this.describe(this.p)}`);
    this.p++;
    this.expr();
    if (this.peek() !== T.COLON) this.fail(this.p, `Syntax error: expected ':' after the collection, found ${this.describe(this.p)}`);
    this.p++;
    this.expr();
    if (closer === T.CBRACE) {
      if (this.peek() !== T.ARROW) this.fail(this.p, `Syntax error: expected '=>' in the object for expression, found ${this.describe(this.p)}`);
      this.p++;
      this.expr();
      if (this.peek() === T.ELLIPSIS) this.p++;
    }
    if (this.peek() === T.IDENT && this.tokText(this.p) === 'if') {
      this.p++;
      this.expr();
    }
    if (this.peek() !== closer)
      this.fail(this.p, `Syntax error: expected ${TOKEN_NAMES[closer]} to end the for expression, found ${this.describe(this.p)}`);
    this.nl = saveNl;
    const close = this.p++;
    this.unbind(mark, names);
    return this.exprNode(this.st[open] as number, this.en[close] as number, mark);
  }

  /** Drops the traversals since `mark` rooted at a name a `for` binds. */
  private unbind(mark: number, names: readonly string[]): void {
    let w = mark;
    for (let r = mark; r < this.refs.length; r++) {
      const ref = this.refs[r] as string[];
      if (!names.includes(ref[0] as string)) this.refs[w++] = ref;
    }
    this.refs.length = w;
  }

  // ---- templates ------------------------------------------------------------------------------------------------

  /** `"text"` → scalar; `"${x}"` alone → x's node spanning the string (Terraform unwraps it); else an expression. */
  private quoted(): IacNode {
    const open = this.p++;
    const mark = this.refs.length;
    const { logic, parts, only } = this.template();
    if (this.ty[this.p] !== T.CQUOTE) this.fail(this.p, "Missing '\"' at the end of this string");
    const close = this.p++;
    const range = { start: this.st[open] as number, end: this.en[close] as number };
    if (!logic) return { kind: 'scalar', value: decodeQuoted(this.text.slice(range.start + 1, range.end - 1)), range };
    if (parts === 1 && only) return { ...only, range };
    return this.exprNode(range.start, range.end, mark);
  }

  /** A heredoc without interpolation is a plain string: the lines between the markers (`<<-` also un-indents). */
  private heredoc(): IacNode {
    const open = this.p++;
    const mark = this.refs.length;
    const { logic } = this.template();
    if (this.ty[this.p] !== T.CHEREDOC) {
      const marker = this.tokText(open).replace(/^<<-?/, '');
      // Reported where the heredoc stops (the end of the text, or before a line that reads as HCL): the marker belongs
      // there. The lexer's cut is a line start, so what follows is parsed afresh.
      const at = this.st[this.p] as number;
      if (this.ty[this.p] === T.UNCLOSED_HEREDOC) this.p++;
      this.fail(at, `Missing heredoc end marker '${marker}' for the heredoc opened on line ${this.lineOf(this.st[open] as number)}`, true);
    }
    const close = this.p++;
    const range = { start: this.st[open] as number, end: this.en[close] as number };
    if (logic) return this.exprNode(range.start, range.end, mark);
    const bodyStart = this.text.indexOf('\n', this.en[open]) + 1;
    const bodyEnd = this.text.lastIndexOf('\n', (this.st[close] as number) - 1) + 1;
    const body = bodyStart > 0 && bodyEnd > bodyStart ? this.text.slice(bodyStart, bodyEnd) : '';
    return { kind: 'scalar', value: heredocValue(body, this.aux[open] === 1), range };
  }

  /**
   * The parts of a template up to its end (the closing quote or marker, or where it was cut): literal text, `${ expr }` interpolations and
   * `%{ if / else / endif / for / endfor }` directives (spec "Template Expressions").
   */
  private template(): { logic: boolean; parts: number; only: IacNode | undefined } {
    const saveNl = this.nl;
    this.nl = false;
    let logic = false;
    let parts = 0;
    let only: IacNode | undefined;
    let literalRun = false;
    const fors: { mark: number; names: string[] }[] = [];
    for (;;) {
      const t = this.ty[this.p];
      if (t === T.LIT) {
        if (!literalRun) parts++;
        literalRun = true;
        this.p++;
        continue;
      }
      literalRun = false;
      if (t === T.TINTERP) {
        logic = true;
        parts++;
        this.p++;
        if (this.peek() === T.STRIP) this.p++;
        only = undefined;
        if (this.peek() !== T.TCLOSE && this.peek() !== T.STRIP) only = this.expr();
        if (this.peek() === T.STRIP) this.p++;
        if (this.peek() !== T.TCLOSE) this.fail(this.p, `Syntax error: expected '}' to end the interpolation, found ${this.describe(this.p)}`);
        this.p++;
      } else if (t === T.TDIRECT) {
        logic = true;
        parts++;
        const mark = this.refs.length;
        this.p++;
        if (this.peek() === T.STRIP) this.p++;
        const word = this.peek() === T.IDENT ? this.tokText(this.p) : '';
        this.p++;
        if (word === 'if') this.expr();
        else if (word === 'for') {
          const names = [this.tokText(this.p++)];
          if (this.peek() === T.COMMA) {
            this.p++;
            names.push(this.tokText(this.p++));
          }
          if (this.peek() !== T.IDENT || this.tokText(this.p) !== 'in')
            this.fail(this.p, `Syntax error: expected 'in', found ${this.describe(this.p)}`);
          this.p++;
          this.expr();
          fors.push({ mark, names });
        } else if (word === 'endfor') {
          const f = fors.pop();
          if (f) this.unbind(f.mark, f.names);
        } else if (word !== 'else' && word !== 'endif') {
          this.fail(this.p - 1, `Syntax error: expected a template directive (if, else, endif, for, endfor), found ${this.describe(this.p - 1)}`);
        }
        if (this.peek() === T.STRIP) this.p++;
        if (this.peek() !== T.TCLOSE) this.fail(this.p, `Syntax error: expected '}' to end the directive, found ${this.describe(this.p)}`);
        this.p++;
      } else break;
    }
    for (const f of fors) this.unbind(f.mark, f.names);
    this.nl = saveNl;
    return { logic, parts, only: parts === 1 ? only : undefined };
  }

  // ---- recovery and helpers -------------------------------------------------------------------------------------

  /**
   * In an unbalanced text, an element of a bracketed construct that starts a line indented no deeper than the line
   * that opened it is the next attribute or block: the construct was never closed.
   */
  private guard(indent: number, closer: number, open: number): boolean {
    if (!this.recovering) return false;
    const save = this.p;
    const t = this.peek();
    // A closer indented less than the opening line closes something outside; any other token at that indentation or
    // less starts the next item.
    const outside = t === T.CBRACE || t === T.CBRACK || t === T.CPAREN ? this.dedented(this.p, indent - 1) : this.dedented(this.p, indent);
    if (t !== T.EOF && !outside) {
      this.p = save;
      return false;
    }
    // Closed where it stops: the constructs around it carry on, the attribute holding it counts as broken.
    const at = t === T.EOF ? this.text.length : (this.en[this.lastSignificant(this.p)] as number);
    this.error(
      at,
      at,
      `Missing ${TOKEN_NAMES[closer]} to close the ${TOKEN_NAMES[this.ty[open] as number]} opened on line ${this.lineOf(this.st[open] as number)}`,
    );
    this.unclosedAt = at;
    return true;
  }

  /** The end of a construct: past its closer, or where it stopped when `guard` found it unclosed. */
  private closeAt(closer: number): number {
    const at = this.unclosedAt;
    this.unclosedAt = -1;
    if (at >= 0 || this.ty[this.p] !== closer) return Math.max(at, 0);
    return this.en[this.p++] as number;
  }

  /** Whether token `i` starts its line at a column no deeper than `indent`. */
  private dedented(i: number, indent: number): boolean {
    const s = this.st[i] as number;
    let b = s - 1;
    while (b >= 0 && (this.text.charCodeAt(b) === 32 || this.text.charCodeAt(b) === 9)) b--;
    if (b >= 0 && this.text.charCodeAt(b) !== 10 && this.text.charCodeAt(b) !== 13) return false;
    return s - b - 1 <= indent;
  }

  /** The indentation of the line token `i` is on. */
  private indentOf(i: number): number {
    const s = this.st[i] as number;
    const lineStart = this.text.lastIndexOf('\n', s - 1) + 1;
    let j = lineStart;
    while (j < s && (this.text.charCodeAt(j) === 32 || this.text.charCodeAt(j) === 9)) j++;
    return j - lineStart;
  }

  /** The last token before `i` that is not a newline. */
  private lastSignificant(i: number): number {
    let j = i - 1;
    while (j > 0 && this.ty[j] === T.NL) j--;
    return Math.max(j, 0);
  }

  /**
   * After a broken item that began at token `from`: skips to the end of its line, counting brackets opened since
   * `from` so a broken value spanning lines (`tags = {` ... `}`) is skipped whole. Stops before the `}` that closes
   * the enclosing block; in an unbalanced text also before a line indented no deeper than the item's.
   */
  private sync(from: number): void {
    const indent = this.recovering ? this.indentOf(from) : 0;
    let depth = 0;
    for (let i = from; i < this.p; i++) {
      const t = this.ty[i] as number;
      if (OPENERS.has(t)) depth++;
      else if (CLOSERS.has(t)) depth--;
    }
    if (depth < 0) depth = 0;
    let i = Math.max(this.p, from + 1);
    for (;;) {
      const t = this.ty[i] as number;
      // Where the lexer cut an unclosed heredoc off, a new line starts, unless brackets around the heredoc are open.
      if (t === T.EOF || (depth <= 0 && this.ty[i - 1] === T.UNCLOSED_HEREDOC)) break;
      // Unbalanced text: a line indented no deeper than the item starts the next one (a closer at the item's own
      // indentation still belongs to it: `tags = {` ... `}`).
      if (this.recovering && i > from && this.dedented(i, indent) && !(CLOSERS.has(t) && !this.dedented(i, indent - 1))) break;
      if (t === T.NL && depth <= 0) {
        i++;
        break;
      }
      if (OPENERS.has(t)) depth++;
      else if (CLOSERS.has(t)) {
        if (depth <= 0 && t === T.CBRACE) break;
        depth--;
      }
      i++;
    }
    this.p = i;
  }

  private exprNode(start: number, end: number, mark: number): ExprNode {
    return { kind: 'expr', text: this.text.slice(start, end), refs: this.refs.slice(mark), range: { start, end } };
  }

  /** Records an error at token `tok` (or at offset `tok` when `offset`) and abandons the item being parsed. */
  private fail(tok: number, message: string, offset = false): never {
    const start = offset ? tok : (this.st[tok] as number);
    const end = offset ? tok : this.errorEnd(tok);
    this.error(start, end, message);
    throw new Broken(start);
  }

  /** A token's error underline: the token, or for a newline / end of file the point where something was missing. */
  private errorEnd(tok: number): number {
    const t = this.ty[tok];
    if (t === T.NL || t === T.EOF || t === T.UNCLOSED || t === T.UNCLOSED_HEREDOC) return this.st[tok] as number;
    return this.en[tok] as number;
  }

  private error(start: number, end: number, message: string): void {
    this.errors.push({ message, range: { start, end } });
  }

  private describe(tok: number): string {
    const t = this.ty[tok] as number;
    if (t === T.IDENT || t === T.NUMBER || t === T.INVALID) return `'${this.tokText(tok)}'`;
    return TOKEN_NAMES[t] ?? 'token';
  }

  private tokText(i: number): string {
    return this.text.slice(this.st[i], this.en[i]);
  }

  private rangeOf(i: number): SourceRange {
    return { start: this.st[i] as number, end: this.en[i] as number };
  }

  private isDigitAt(offset: number): boolean {
    const c = this.text.charCodeAt(offset);
    return c >= 48 && c <= 57;
  }

  private lineOf(offset: number): number {
    let line = 1;
    for (let i = this.text.indexOf('\n'); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) line++;
    return line;
  }
}

function failure(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return /maximum call stack size exceeded|too much recursion/i.test(message)
    ? 'nested too deeply to read (thousands of levels); nothing inside it is checked'
    : message;
}
