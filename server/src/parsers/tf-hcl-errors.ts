// Merges parse errors that overlap or touch into one, so one typo does not produce a cascade (Terraform JSON).
import type { ParseError } from '../model/document';

/** A found error and the end of all the text it stands for (an error's range may underline only its first line). */
interface Found extends ParseError {
  extent: number;
}

/**
 * Sorts errors and merges those that overlap, touch, or are separated only by spaces on one line; drops a
 * zero-width error separated from the previous one's extent by whitespace only.
 */
export function mergeAdjacent(errors: readonly (ParseError & { extent?: number })[], text: string): ParseError[] {
  const sorted = [...errors].sort((a, b) => a.range.start - b.range.start);
  const out: Found[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    const extent = e.extent ?? e.range.end;
    if (prev && e.range.start <= prev.range.end + spacesBetween(text, prev.range.end, e.range.start)) {
      prev.range = { start: prev.range.start, end: Math.max(prev.range.end, e.range.end) };
      prev.extent = Math.max(prev.extent, extent);
    } else if (prev && e.range.start === e.range.end && /^\s*$/.test(text.slice(prev.extent, e.range.start))) {
      prev.extent = Math.max(prev.extent, extent);
    } else out.push({ message: e.message, range: { ...e.range }, extent });
  }
  return out.map(({ message, range }) => ({ message, range }));
}

/** The gap length when it is only spaces/tabs (same line), else 0. */
function spacesBetween(text: string, from: number, to: number): number {
  return to > from && /^[ \t]*$/.test(text.slice(from, to)) ? to - from : 0;
}
