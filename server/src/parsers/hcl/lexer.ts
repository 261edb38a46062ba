// The tokenizer for HCL native syntax (hashicorp/hcl hclsyntax/spec.md, "Lexical Elements"): one pass over the text
// into parallel arrays of token types and UTF-16 offsets. Templates (quoted strings and heredocs) switch the lexer into
// template mode; `${` / `%{` switch back to expression mode until the matching `}`.

/** Token types. Numbers, not strings: the parser compares them in its hottest loops. */
export const enum T {
  EOF,
  NL,
  IDENT,
  NUMBER,
  OBRACE,
  CBRACE,
  OBRACK,
  CBRACK,
  OPAREN,
  CPAREN,
  EQ,
  COLON,
  COMMA,
  DOT,
  ELLIPSIS,
  QUESTION,
  ARROW,
  DCOLON,
  STAR,
  PLUS,
  MINUS,
  SLASH,
  PERCENT,
  BANG,
  EQEQ,
  NEQ,
  LT,
  LE,
  GT,
  GE,
  AND,
  OR,
  /** `"` opening a quoted template. */
  OQUOTE,
  /** `"` closing it. */
  CQUOTE,
  /** A quoted string that reached the end of its line (or of the file) without `"`: zero width where it stopped. */
  UNCLOSED,
  /** `<<EOF` or `<<-EOF`. */
  OHEREDOC,
  /** The closing marker of a heredoc. */
  CHEREDOC,
  /** A heredoc without its closing marker: zero width where the lexer gave up on it. */
  UNCLOSED_HEREDOC,
  /** Literal text of a template (escapes undecoded). */
  LIT,
  /** `${` */
  TINTERP,
  /** `%{` */
  TDIRECT,
  /** The `}` that ends an interpolation or directive. */
  TCLOSE,
  /** `~` strip marker. */
  STRIP,
  /** A character no token starts with. */
  INVALID,
}

/** Printable names for error messages. */
export const TOKEN_NAMES: readonly string[] = [
  'end of file',
  'newline',
  'identifier',
  'number',
  "'{'",
  "'}'",
  "'['",
  "']'",
  "'('",
  "')'",
  "'='",
  "':'",
  "','",
  "'.'",
  "'...'",
  "'?'",
  "'=>'",
  "'::'",
  "'*'",
  "'+'",
  "'-'",
  "'/'",
  "'%'",
  "'!'",
  "'=='",
  "'!='",
  "'<'",
  "'<='",
  "'>'",
  "'>='",
  "'&&'",
  "'||'",
  "'\"'",
  "'\"'",
  'unclosed string',
  'heredoc',
  'heredoc end marker',
  'unclosed heredoc',
  'text',
  "'${'",
  "'%{'",
  "'}'",
  "'~'",
  'character',
];

export interface Tokens {
  type: number[];
  start: number[];
  end: number[];
  /** For OHEREDOC: whether it is `<<-`; for CHEREDOC and UNCLOSED_HEREDOC: index of the OHEREDOC token. */
  aux: number[];
  /** Whether every `{ [ ( ${ %{` has its closer: only an unbalanced text needs the indentation-guided recovery. */
  balanced: boolean;
}

const enum Mode {
  /** Expressions at the top level or inside `${ }` / `%{ }`. */
  EXPR,
  QUOTED,
  HEREDOC,
}

interface Frame {
  mode: Mode;
  /** EXPR frames: open braces since the frame began (a `}` at depth 0 closes the interpolation). */
  depth: number;
  /** HEREDOC frames: the marker, the OHEREDOC token, whether the next character starts a line, and the body's end. */
  marker: string;
  open: number;
  lineStart: boolean;
  /** Where an unclosed heredoc is cut off (recovery), or -1 when its marker was found. */
  cutAt: number;
}

const CH_NL = 10;
const IDENT_TAIL = /[\p{ID_Continue}-]*/uy;
const IDENT_HEAD = /[\p{ID_Start}_]/uy;

function isAsciiIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isAsciiIdentPart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57) || c === 45;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Tokenizes `text`. Never throws; characters that start no token become INVALID tokens. */
export function tokenize(text: string): Tokens {
  const type: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const aux: number[] = [];
  const n = text.length;
  const stack: Frame[] = [{ mode: Mode.EXPR, depth: 0, marker: '', open: -1, lineStart: false, cutAt: -1 }];
  let opens = 0;
  let i = 0;
  const push = (t: number, s: number, e: number, a = 0): void => {
    type.push(t);
    start.push(s);
    end.push(e);
    aux.push(a);
  };

  while (i < n || stack.length > 1) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.mode === Mode.QUOTED) {
      i = quoted(i);
      continue;
    }
    if (frame.mode === Mode.HEREDOC) {
      i = heredoc(frame, i);
      continue;
    }
    if (i >= n) {
      // An interpolation left open at the end of the file: close the templates around it so the parser sees their ends.
      stack.pop();
      continue;
    }
    const c = text.charCodeAt(i);
    // Whitespace other than newlines.
    if (c === 32 || c === 9 || c === 13 || c === 0xfeff) {
      i++;
      continue;
    }
    if (c === CH_NL) {
      push(T.NL, i, i + 1);
      i++;
      continue;
    }
    const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    if (c === 35 /* # */ || (c === 47 /* / */ && next === 47)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
      continue;
    }
    if (c === 47 && next === 42 /* * */) {
      const close = text.indexOf('*/', i + 2);
      // An unclosed comment runs to the end of the file (as HCL reads it), but it is an error: the `/*` is shown as
      // an unexpected token, so the user learns why everything after it is gone.
      if (close < 0) push(T.INVALID, i, i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (isAsciiIdentStart(c) || (c > 127 && identHead(i))) {
      let j = i + 1;
      for (;;) {
        while (j < n && isAsciiIdentPart(text.charCodeAt(j))) j++;
        if (j < n && text.charCodeAt(j) > 127) {
          IDENT_TAIL.lastIndex = j;
          IDENT_TAIL.exec(text);
          if (IDENT_TAIL.lastIndex === j) break;
          j = IDENT_TAIL.lastIndex;
          continue;
        }
        break;
      }
      push(T.IDENT, i, j);
      i = j;
      continue;
    }
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      // After a `.` in a traversal only digits follow (`a.0.b` is the legacy index 0, not the number 0.b).
      const afterDot = type.length > 0 && type[type.length - 1] === T.DOT && end[end.length - 1] === i;
      if (!afterDot) {
        if (text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
          j += 2;
          while (j < n && isDigit(text.charCodeAt(j))) j++;
        }
        const e = text.charCodeAt(j);
        if (e === 101 || e === 69) {
          let k = j + 1;
          const s = text.charCodeAt(k);
          if (s === 43 || s === 45) k++;
          if (isDigit(text.charCodeAt(k))) {
            j = k + 1;
            while (j < n && isDigit(text.charCodeAt(j))) j++;
          }
        }
      }
      push(T.NUMBER, i, j);
      i = j;
      continue;
    }
    switch (c) {
      case 123: // {
        frame.depth++;
        opens++;
        push(T.OBRACE, i, i + 1);
        i++;
        continue;
      case 125: // }
        if (frame.depth === 0 && stack.length > 1) {
          stack.pop();
          opens--;
          push(T.TCLOSE, i, i + 1);
        } else {
          if (frame.depth > 0) frame.depth--;
          opens--;
          push(T.CBRACE, i, i + 1);
        }
        i++;
        continue;
      case 34: // "
        push(T.OQUOTE, i, i + 1);
        stack.push({ mode: Mode.QUOTED, depth: 0, marker: '', open: type.length - 1, lineStart: false, cutAt: -1 });
        i++;
        continue;
      case 60: // <
        if (next === 60) {
          const h = heredocOpen(i);
          if (h) {
            i = h;
            continue;
          }
        }
        if (next === 61) {
          push(T.LE, i, i + 2);
          i += 2;
        } else {
          push(T.LT, i, i + 1);
          i++;
        }
        continue;
      default: {
        // Type and length in one number: no object per token.
        const packed = punct(c, next, i);
        const t = packed & 0xff;
        const len = packed >> 8;
        push(t, i, i + len);
        if (t === T.OBRACK || t === T.OPAREN) opens++;
        else if (t === T.CBRACK || t === T.CPAREN) opens--;
        i += len;
      }
    }
  }
  push(T.EOF, n, n);
  return { type, start, end, aux, balanced: opens === 0 };

  function identHead(at: number): boolean {
    IDENT_HEAD.lastIndex = at;
    return IDENT_HEAD.test(text);
  }

  /** The punctuation token at `at`: its type in the low byte, its length above. */
  function punct(c: number, next: number, at: number): number {
    switch (c) {
      case 91: // [
        return T.OBRACK | 256;
      case 93:
        return T.CBRACK | 256;
      case 40:
        return T.OPAREN | 256;
      case 41:
        return T.CPAREN | 256;
      case 61: // =
        return next === 61 ? T.EQEQ | 512 : next === 62 ? T.ARROW | 512 : T.EQ | 256;
      case 58: // :
        return next === 58 ? T.DCOLON | 512 : T.COLON | 256;
      case 44:
        return T.COMMA | 256;
      case 46: // .
        return next === 46 && text.charCodeAt(at + 2) === 46 ? T.ELLIPSIS | 768 : T.DOT | 256;
      case 63:
        return T.QUESTION | 256;
      case 42:
        return T.STAR | 256;
      case 43:
        return T.PLUS | 256;
      case 45:
        return T.MINUS | 256;
      case 47:
        return T.SLASH | 256;
      case 37:
        return T.PERCENT | 256;
      case 33:
        return next === 61 ? T.NEQ | 512 : T.BANG | 256;
      case 62:
        return next === 61 ? T.GE | 512 : T.GT | 256;
      case 38:
        return next === 38 ? T.AND | 512 : T.INVALID | 256;
      case 124:
        return next === 124 ? T.OR | 512 : T.INVALID | 256;
      case 126:
        return T.STRIP | 256;
      default: {
        // One whole code point, so an astral character is one INVALID token, not two halves.
        const cp = text.codePointAt(at) ?? c;
        return T.INVALID | (cp > 0xffff ? 512 : 256);
      }
    }
  }

  /** Reads a quoted template's literal text from `at`; returns where lexing continues. */
  function quoted(at: number): number {
    let j = at;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 34) {
        if (j > at) push(T.LIT, at, j);
        push(T.CQUOTE, j, j + 1);
        stack.pop();
        return j + 1;
      }
      if (c === CH_NL) break; // a quoted string never spans lines (only its interpolations may)
      if (c === 92 /* \ */) {
        j = Math.min(n, j + (text.charCodeAt(j + 1) === CH_NL ? 1 : 2));
        continue;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(j + 1) === 123) {
        if (j > at) push(T.LIT, at, j);
        templateOpen(c, j);
        return j + 2;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(j + 1) === c && text.charCodeAt(j + 2) === 123) {
        j += 3; // `$${` and `%%{` are literal text
        continue;
      }
      j++;
    }
    if (j > at) push(T.LIT, at, j);
    push(T.UNCLOSED, j, j);
    stack.pop();
    return j;
  }

  function templateOpen(c: number, at: number): void {
    push(c === 36 ? T.TINTERP : T.TDIRECT, at, at + 2);
    opens++;
    stack.push({ mode: Mode.EXPR, depth: 0, marker: '', open: -1, lineStart: false, cutAt: -1 });
  }

  /** `<<ID` / `<<-ID` followed by a newline opens a heredoc; returns where its body starts, or 0 when it is not one. */
  function heredocOpen(at: number): number {
    let j = at + 2;
    const flush = text.charCodeAt(j) === 45;
    if (flush) j++;
    const idStart = j;
    if (!(isAsciiIdentStart(text.charCodeAt(j)) || identHead(j))) return 0;
    j++;
    while (j < n && (isAsciiIdentPart(text.charCodeAt(j)) || (text.charCodeAt(j) > 127 && /[\p{ID_Continue}]/u.test(text[j] as string)))) j++;
    const marker = text.slice(idStart, j);
    let k = j;
    while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13)) k++;
    if (k < n && text.charCodeAt(k) !== CH_NL) return 0;
    push(T.OHEREDOC, at, j, flush ? 1 : 0);
    const open = type.length - 1;
    const frame: Frame = { mode: Mode.HEREDOC, depth: 0, marker, open, lineStart: true, cutAt: -1 };
    const bodyStart = k + 1;
    if (!closingLineAfter(bodyStart, marker)) frame.cutAt = recoveryEnd(at, bodyStart);
    stack.push(frame);
    return Math.min(bodyStart, n);
  }

  /**
   * Whether some line at or after `from` is the closing marker, before any line that opens another heredoc with the
   * same marker: that one's marker would close this heredoc only because this one lost its own (recovery).
   */
  function closingLineAfter(from: number, marker: string): boolean {
    let at = from;
    while (at <= n) {
      const found = text.indexOf(marker, at);
      if (found < 0) return false;
      if (isClosingLine(found, marker)) return true;
      if (opensHeredoc(found, marker)) return false;
      at = found + 1;
    }
    return false;
  }

  /** Whether `marker` at `at` ends a line as the marker of a heredoc opener (`= <<EOT`, `<<-EOT`). */
  function opensHeredoc(at: number, marker: string): boolean {
    let b = at - 1;
    if (text.charCodeAt(b) === 45) b--;
    if (text.charCodeAt(b) !== 60 || text.charCodeAt(b - 1) !== 60) return false;
    let e = at + marker.length;
    while (e < n && (text.charCodeAt(e) === 32 || text.charCodeAt(e) === 9 || text.charCodeAt(e) === 13)) e++;
    return e >= n || text.charCodeAt(e) === CH_NL;
  }

  /** Whether `marker` at `at` stands alone on its line (indentation and trailing spaces allowed). */
  function isClosingLine(at: number, marker: string): boolean {
    let b = at - 1;
    while (b >= 0 && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 9)) b--;
    if (b >= 0 && text.charCodeAt(b) !== CH_NL) return false;
    let e = at + marker.length;
    while (e < n && (text.charCodeAt(e) === 32 || text.charCodeAt(e) === 9 || text.charCodeAt(e) === 13)) e++;
    return e >= n || text.charCodeAt(e) === CH_NL;
  }

  /**
   * Where an unclosed heredoc stops (recovery only): before the first later line, indented no deeper than the line
   * of `<<`, that reads like the next attribute or block header (`name =`, `name "label" {`), or a closing `}`,
   * `]` or `)` indented less. Without it the rest of the file would be swallowed as heredoc text.
   */
  function recoveryEnd(openAt: number, bodyStart: number): number {
    const lineOf = text.lastIndexOf('\n', openAt - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineOf, openAt))?.[0].length ?? 0;
    const re =
      /^([ \t]*)(?:[\p{ID_Start}_][\p{ID_Continue}-]*[ \t]*=(?![=>])|[\p{ID_Start}_][\p{ID_Continue}-]*(?:[ \t]+(?:"[^"\n]*"|[\p{ID_Start}_][\p{ID_Continue}-]*))*[ \t]*\{[ \t]*$|([}\])]))/gmu;
    re.lastIndex = bodyStart;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const ind = (m[1] as string).length;
      if (m.index < bodyStart) continue;
      if (m[2] ? ind < indent : ind <= indent) return m.index;
    }
    return n;
  }

  /** Reads heredoc text from `at` (a line start when frame.lineStart); returns where lexing continues. */
  function heredoc(frame: Frame, at: number): number {
    const limit = frame.cutAt >= 0 ? frame.cutAt : n;
    if (at >= limit) {
      push(T.UNCLOSED_HEREDOC, limit, limit, frame.open);
      stack.pop();
      return limit;
    }
    if (frame.lineStart && frame.cutAt < 0) {
      let j = at;
      while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      if (text.startsWith(frame.marker, j) && isClosingLine(j, frame.marker)) {
        push(T.CHEREDOC, j, j + frame.marker.length, frame.open);
        stack.pop();
        return j + frame.marker.length;
      }
    }
    let j = at;
    while (j < limit) {
      const c = text.charCodeAt(j);
      if (c === CH_NL) {
        j++;
        break;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(j + 1) === 123) {
        if (j > at) push(T.LIT, at, j);
        frame.lineStart = false;
        templateOpen(c, j);
        return j + 2;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(j + 1) === c && text.charCodeAt(j + 2) === 123) {
        j += 3;
        continue;
      }
      j++;
    }
    if (j > at) push(T.LIT, at, j);
    frame.lineStart = text.charCodeAt(j - 1) === CH_NL;
    return j;
  }
}
