// Reads the layout around an HCL edit point: line boundaries, indentation, indent unit, line-break style.
import type { MapNode } from '../model/nodes';

/** `\r\n` when the document uses it (first line break decides), else `\n`. */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** Offset of the start of the line containing `offset`. */
export function lineStart(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the line break (or end of text) ending the line containing `offset`; before a `\r\n`'s `\r`. */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** Leading whitespace of the line containing `offset`. */
export function indentAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

/** Whether only whitespace precedes `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}

/** Whether [from, to) spans no line break. */
export function sameLine(text: string, from: number, to: number): boolean {
  return !text.slice(from, to).includes('\n');
}

/**
 * One indentation step: the first entry's indentation minus its parent's (in `map`, when its entries start lines),
 * else the first indented line of the document, else two spaces.
 */
export function indentUnit(text: string, map: MapNode | undefined, parentIndent: string): string {
  for (const e of map?.entries ?? []) {
    if (!startsLine(text, e.range.start)) continue;
    const own = indentAt(text, e.range.start);
    if (own.length > parentIndent.length && own.startsWith(parentIndent)) return own.slice(parentIndent.length);
  }
  const first = /^([ \t]+)\S/m.exec(text)?.[1];
  if (first?.startsWith('\t')) return '\t';
  if (first && first.length <= 8) return first;
  return '  ';
}
