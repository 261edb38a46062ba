// Reads terraform fmt conventions around an HCL insertion: `=` alignment within an attribute group, and blank
// lines between nested blocks.
import type { IacDocument } from '../model/document';
import type { MapEntry, MapNode } from '../model/nodes';
import { lineEnd, lineStart, sameLine, startsLine } from './hcl-layout';
import { nextLineStart } from './separated';

/** Offset of the `=` after an attribute's (or object element's) key, when `=` is what follows it. */
function equalsOf(text: string, e: MapEntry): number | undefined {
  const m = /^[ \t]*=/.exec(text.slice(e.keyRange.end, e.value.range.start));
  return m ? e.keyRange.end + m[0].length - 1 : undefined;
}

/** A one-line attribute alone at the start of its line (what terraform fmt aligns). */
function alignable(text: string, e: MapEntry): boolean {
  return !e.block && startsLine(text, e.range.start) && sameLine(text, e.range.start, e.range.end) && equalsOf(text, e) !== undefined;
}

/**
 * The column (from the line start) of the `=` of the group a new line after `last` joins: the one-line attributes on
 * the consecutive lines ending with `last`'s (a blank line, a comment line, a nested block or a multi-line value ends
 * the group). `undefined` when `last` is not such an attribute or the group's `=` are not in one column.
 */
export function alignedColumn(text: string, entries: readonly MapEntry[], last: MapEntry | undefined): number | undefined {
  if (!last || !alignable(text, last)) return undefined;
  const column = (e: MapEntry): number => {
    const eq = equalsOf(text, e)!;
    return eq - lineStart(text, eq);
  };
  const col = column(last);
  let i = entries.indexOf(last);
  let lineAbove = lineStart(text, last.range.start);
  for (i--; i >= 0; i--) {
    const e = entries[i]!;
    if (!alignable(text, e)) break;
    if (nextLineStart(text, e.range.end) !== lineAbove) break; // not on the line right above

    if (column(e) !== col) return undefined;
    lineAbove = lineStart(text, e.range.start);
  }
  return col;
}

/**
 * The one-line attributes on the consecutive lines ending with `last`'s (what terraform fmt aligns as one group), in
 * document order; empty when `last` is not such an attribute.
 */
export function groupEnding(text: string, entries: readonly MapEntry[], last: MapEntry | undefined): MapEntry[] {
  if (!last || !alignable(text, last)) return [];
  const group = [last];
  let lineAbove = lineStart(text, last.range.start);
  for (let i = entries.indexOf(last) - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (!alignable(text, e) || nextLineStart(text, e.range.end) !== lineAbove) break;
    group.unshift(e);
    lineAbove = lineStart(text, e.range.start);
  }
  return group;
}

/** The column (from the line start) of an alignable attribute's `=`. */
export function equalsColumn(text: string, e: MapEntry): number {
  const eq = equalsOf(text, e)!;
  return eq - lineStart(text, eq);
}

/**
 * Where the `=` of new one-line attributes (`keys`, at `indent`) go when they join `group`, and the edits that
 * re-align the group when it was aligned but a new key is too long for its column — what terraform fmt would do.
 * A group whose `=` are not in one column is not fmt-formatted: its style is kept (one space before `=`).
 */
export function joinGroup(
  text: string,
  group: readonly MapEntry[],
  indent: string,
  keys: readonly string[],
): { column: number | undefined; realign: { start: number; end: number; newText: string }[] } {
  const needed = Math.max(
    ...keys.map((k) => indent.length + k.length + 1),
    ...group.map((e) => e.keyRange.end - lineStart(text, e.keyRange.end) + 1),
  );
  if (group.length === 0) return { column: needed, realign: [] };
  const columns = new Set(group.map((e) => equalsColumn(text, e)));
  if (columns.size !== 1) return { column: undefined, realign: [] };
  const current = [...columns][0]!;
  if (current >= needed) return { column: current, realign: [] };
  const realign = group.map((e) => {
    const keyColumn = e.keyRange.end - lineStart(text, e.keyRange.end);
    return { start: e.keyRange.end, end: equalsOf(text, e)!, newText: ' '.repeat(needed - keyColumn) };
  });
  return { column: needed, realign };
}

/** For each nested block of `map` that follows a sibling: whether a blank line separates it from that sibling. */
function blockGaps(text: string, map: MapNode): boolean[] {
  const entries = [...map.entries].sort((a, b) => a.range.start - b.range.start);
  const gaps: boolean[] = [];
  for (let i = 1; i < entries.length; i++) {
    const e = entries[i]!;
    if (!e.block || !startsLine(text, e.range.start)) continue;
    const between = text.slice(lineEnd(text, entries[i - 1]!.range.end), lineStart(text, e.range.start));
    gaps.push(/\n[ \t]*\r?\n/.test(between));
  }
  return gaps;
}

/**
 * Whether the file puts a blank line before a nested block that follows a sibling: as the last such block of `map`
 * does, else as most such blocks in the document do (no such block: no).
 */
export function blocksSeparated(doc: IacDocument, map: MapNode): boolean {
  const own = blockGaps(doc.text, map);
  if (own.length > 0) return own[own.length - 1]!;
  let yes = 0;
  let no = 0;
  const stack: MapNode[] = [...doc.resources.map((r) => r.node), ...doc.inputs.map((i) => i.node), ...doc.blocks.map((b) => b.body)];
  while (stack.length > 0) {
    const body = stack.pop()!;
    for (const gap of blockGaps(doc.text, body)) gap ? yes++ : no++;
    for (const e of body.entries) if (e.block && e.value.kind === 'map') stack.push(e.value);
  }
  return yes > no;
}
