// The one span in which two versions of a buffer differ: what incremental parsing and lint reuse start from.

/** Where `before` and `after` differ: one replaced span, found from the common prefix and suffix. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The smallest single span whose replacement turns `before` into `after` (JS string offsets). */
export function diffSpan(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  // Whole blocks first (a slice comparison runs natively), then characters: a keystroke leaves almost all of a large
  // buffer equal, and a character loop over it costs a noticeable part of the keystroke.
  let start = 0;
  while (start + DIFF_BLOCK <= max && before.slice(start, start + DIFF_BLOCK) === after.slice(start, start + DIFF_BLOCK)) start += DIFF_BLOCK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  const room = max - start;
  while (
    suffix + DIFF_BLOCK <= room &&
    before.slice(before.length - suffix - DIFF_BLOCK, before.length - suffix) ===
      after.slice(after.length - suffix - DIFF_BLOCK, after.length - suffix)
  )
    suffix += DIFF_BLOCK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

const DIFF_BLOCK = 256;
