// Edits shared by the writers: removing or appending a member of a comma-separated collection (JSON objects and
// arrays, YAML flow collections, HCL tuples and objects), and removing an entry's whole lines from a block body.
import type { TextEdit } from './types';

/** What may sit between two tokens of a syntax besides whitespace. */
export interface Trivia {
  /** The first offset at or after `i` that is neither whitespace nor part of a comment. */
  skip(text: string, i: number): number;
  /** Whether the rest of a line (without its line break) is only whitespace and comments. */
  blank(rest: string): boolean;
}

const WS = /[ \t\r\n\uFEFF]/;

function skipWith(text: string, i: number, comment: (text: string, i: number) => number): number {
  let p = i;
  for (;;) {
    while (p < text.length && WS.test(text[p]!)) p++;
    const q = comment(text, p);
    if (q === p) return p;
    p = q;
  }
}

const toLineEnd = (text: string, i: number): number => {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
};

/** JSON: no comments at all. */
export const JSON_TRIVIA: Trivia = {
  skip: (text, i) => skipWith(text, i, (_t, p) => p),
  blank: (rest) => /^[ \t\r]*$/.test(rest),
};

/** YAML: `#` comments, which need whitespace (or a line start) before them. */
export const YAML_TRIVIA: Trivia = {
  skip: (text, i) => skipWith(text, i, (t, p) => (t[p] === '#' && (p === 0 || WS.test(t[p - 1]!)) ? toLineEnd(t, p) : p)),
  blank: (rest) => /^[ \t\r]*(#.*)?$/.test(rest),
};

/** HCL: `#` and `//` line comments, `/* ... *\/` block comments. */
export const HCL_TRIVIA: Trivia = {
  skip: (text, i) =>
    skipWith(text, i, (t, p) => {
      if (t[p] === '#' || t.startsWith('//', p)) return toLineEnd(t, p);
      if (t.startsWith('/*', p)) {
        const end = t.indexOf('*/', p + 2);
        return end < 0 ? t.length : end + 2;
      }
      return p;
    }),
  blank: (rest) => /^[ \t\r]*((#|\/\/).*|\/\*.*\*\/[ \t\r]*)?$/.test(rest),
};

/** Offset of the first character of the line containing `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the line break ending the line containing `offset` (before a `\r\n`'s `\r`), or the text's end. */
export function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** The offset just past the line break that ends the line containing `offset` (the text's end on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** Where the line break before the line starting at `ls` (> 0) begins: `ls - 1`, or `ls - 2` for `\r\n`. */
function breakBefore(text: string, ls: number): number {
  return ls >= 2 && text[ls - 2] === '\r' ? ls - 2 : ls - 1;
}

const startsLine = (text: string, offset: number): boolean => /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset));
const sameLine = (text: string, from: number, to: number): boolean => !text.slice(from, to).includes('\n');
const isBlankLine = (line: string): boolean => /^[ \t\r]*$/.test(line);

/** Whether only trivia follows `offset` on its line. */
function restBlank(text: string, trivia: Trivia, offset: number): boolean {
  return trivia.blank(text.slice(offset, lineEndOf(text, offset)));
}

/**
 * Removes the lines of a block entry spanning [start, end) that starts its line: from the line break *before* its
 * first line to the end of its last line (a trailing comment goes with it; comment lines above it stay). Taking the
 * break before rather than after keeps a second removal (the next entry) adjacent rather than overlapping, and an
 * insertion after the entry (at its line end) still applies right after the previous line. When the entry had a blank
 * line on both sides (or a blank line above and the end of its block below), the blank line above goes too.
 */
export function removeLines(text: string, start: number, end: number, closes: (line: string) => boolean = () => false): TextEdit {
  const ls = lineStartOf(text, start);
  const le = lineEndOf(text, end);
  if (ls === 0) return { start: 0, end: nextLineStart(text, le), newText: '' };
  let from = breakBefore(text, ls);
  const prevStart = lineStartOf(text, from);
  const prevBlank = isBlankLine(text.slice(prevStart, from));
  const after = nextLineStart(text, le);
  const nextLine = text.slice(after, lineEndOf(text, after));
  const nextBlank = le === text.length || isBlankLine(nextLine) || closes(nextLine);
  if (prevBlank && nextBlank && prevStart > 0) from = breakBefore(text, prevStart);
  return { start: from, end: le, newText: '' };
}

/** A comma-separated collection: the offsets of its opening and closing bracket, and what an empty one reads. */
export interface Bracketed {
  open: number;
  close: number;
  empty: string;
}

/**
 * Removes the member [start, end) of a comma-separated collection (HCL objects may also separate by line breaks),
 * with the comma that goes with it, keeping the collection's layout:
 * - followed by a comma: the member, the comma and the space after it (or, one member per line, its whole line);
 * - the last member: the comma before it up to its end (so `a, b` → `a`; a trailing comma style is kept; a comment
 *   after that comma stays with the previous member);
 * - the only member: the whole collection becomes `empty` (`{}`, `[]`).
 * `prevEnd` is where the previous member ends (`null`: there is none); when `undefined` the comma before the member
 * is looked for over whitespace (JSON, whose tree may leave out members such as Terraform's `"//"` comments).
 */
export function removeMember(text: string, trivia: Trivia, c: Bracketed, start: number, end: number, prevEnd: number | null | undefined): TextEdit[] {
  const whole: TextEdit = { start: c.open, end: c.close + 1, newText: c.empty };
  let before: 'comma' | 'member' | 'none';
  let comma = -1;
  if (prevEnd === undefined) {
    let p = start - 1;
    while (p > c.open && WS.test(text[p]!)) p--;
    before = text[p] === ',' && p > c.open ? 'comma' : 'none';
    comma = p;
  } else if (prevEnd === null) {
    before = 'none';
  } else {
    const p = trivia.skip(text, prevEnd);
    before = text[p] === ',' ? 'comma' : 'member';
    comma = p;
  }
  const a = trivia.skip(text, end);
  if (text[a] === ',' && a < c.close) {
    const n = trivia.skip(text, a + 1);
    if (n >= c.close) {
      // The last member, followed by a trailing comma.
      if (before === 'none') return [whole];
      if (startsLine(text, start) && !sameLine(text, a, n)) return [{ start: lineStartOf(text, start), end: nextLineStart(text, a), newText: '' }];
      let s = start;
      while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
      return [{ start: s, end: a + 1, newText: '' }];
    }
    if (sameLine(text, a, n)) return [{ start, end: n, newText: '' }];
    if (!startsLine(text, start)) {
      // The next member is on a later line: stop at this line's end, so comment lines before it stay.
      const spaces = /^[ \t]*/.exec(text.slice(a + 1))![0].length;
      return [{ start, end: a + 1 + spaces, newText: '' }];
    }
    return [{ start: lineStartOf(text, start), end: nextLineStart(text, a), newText: '' }];
  }
  if (a < c.close) {
    // Another member follows on a later line without a comma (HCL objects).
    if (startsLine(text, start)) return [{ start: lineStartOf(text, start), end: nextLineStart(text, lineEndOf(text, end)), newText: '' }];
    return [{ start, end: a, newText: '' }];
  }
  // The last member.
  const stop = restBlank(text, trivia, end) ? lineEndOf(text, end) : end;
  if (before === 'comma') {
    // On a line of its own: only the comma goes, then the member's own line, so a comment after that comma (the
    // previous member's) and comment lines above the member stay.
    const own = startsLine(text, start) && lineStartOf(text, start) > lineStartOf(text, comma);
    if (own) {
      // The closing bracket after it on its line stays on that line (it could end up inside a comment above).
      const from = restBlank(text, trivia, end) ? breakBefore(text, lineStartOf(text, start)) : start;
      return [
        { start: comma, end: comma + 1, newText: '' },
        { start: from, end: stop, newText: '' },
      ];
    }
    return [{ start: comma, end: stop, newText: '' }];
  }
  if (before === 'member') {
    if (startsLine(text, start) && lineStartOf(text, start) > 0)
      return [{ start: breakBefore(text, lineStartOf(text, start)), end: stop, newText: '' }];
    return [{ start: prevEnd as number, end: stop, newText: '' }];
  }
  return [whole];
}

/**
 * Appends a member after the last one of a non-empty comma-separated collection, in its layout: on a line of its own
 * (indented like the last member, `render` given that indentation) when the last member starts its line, else after
 * `, ` (the separator the collection uses between its last two members, else `defaultSep`). Trailing commas are kept.
 * Appends compose: several are zero-width insertions at one offset (apart from a comment trailing the last member).
 */
export function appendMember(
  text: string,
  trivia: Trivia,
  c: Bracketed,
  items: readonly { start: number; end: number }[],
  render: (indent: string | undefined) => string,
  eol: string,
  defaultSep: string,
): TextEdit[] {
  const last = items[items.length - 1];
  if (!last) return [];
  const a = trivia.skip(text, last.end);
  const trailing = text[a] === ',' && a < c.close;
  if (!sameLine(text, c.open, last.start) && startsLine(text, last.start)) {
    const indent = /^[ \t]*/.exec(text.slice(lineStartOf(text, last.start)))![0];
    const line = eol + indent + render(indent);
    if (trailing) {
      const at = restBlank(text, trivia, a + 1) ? lineEndOf(text, a) : a + 1;
      return [{ start: at, end: at, newText: `${line},` }];
    }
    const rest = text.slice(last.end, lineEndOf(text, last.end));
    // A comment after the last member stays on its line: the comma goes before it, the new line after it.
    if (trivia.blank(rest) && !/^[ \t\r]*$/.test(rest)) {
      const at = lineEndOf(text, last.end);
      return [
        { start: last.end, end: last.end, newText: ',' },
        { start: at, end: at, newText: line },
      ];
    }
    return [{ start: last.end, end: last.end, newText: `,${line}` }];
  }
  const prev = items[items.length - 2];
  const between = prev ? text.slice(prev.end, last.start) : '';
  const sep = (!between.includes('\n') && /,[ \t]*/.exec(between)?.[0]) || defaultSep;
  const member = render(undefined);
  if (trailing) return [{ start: a + 1, end: a + 1, newText: `${sep.slice(1)}${member},` }];
  return [{ start: last.end, end: last.end, newText: sep + member }];
}
