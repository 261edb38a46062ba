// Offset ↔ line/column conversion for reports that need lines (CLI, SARIF); the server uses TextDocument.
/** Start offsets of every line, for binary search. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) starts.push(i + 1);
  }
  return starts;
}

const startsByText = new WeakMap<object, number[]>();

/**
 * `lineStarts` of a document's text, computed once per document: suppressions and related locations both need lines,
 * and a lint may ask for them many times.
 */
export function lineStartsOf(doc: { readonly text: string }): number[] {
  let starts = startsByText.get(doc);
  if (!starts) startsByText.set(doc, (starts = lineStarts(doc.text)));
  return starts;
}

/** 0-based line and UTF-16 column of `offset`. */
export function positionAt(starts: readonly number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - (starts[lo] ?? 0) };
}

type Edit = { start: number; end: number; newText: string };

/**
 * Drops exact repeats (two intents may need the same structural edit, e.g. opening up a one-line block) and edits
 * inside a range another edit deletes (re-aligning an attribute that the same fix removes is moot).
 */
export function dedupeEdits<E extends Edit>(edits: readonly E[]): E[] {
  const seen = new Set<string>();
  const deletions = edits.filter((d) => d.newText === '' && d.end > d.start);
  const moot = (e: E) =>
    e.end > e.start && deletions.some((d) => d !== e && d.start <= e.start && e.end <= d.end && (d.start < e.start || e.end < d.end));
  return edits.filter((e) => {
    const key = `${e.start}:${e.end}:${e.newText}`;
    if (seen.has(key) || moot(e)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A fix's edits as every consumer can apply them: sorted, never overlapping and never sharing an offset. The writers
 * may insert at the offset where another edit of the same fix starts (a new resource placed where a trailing newline
 * is rewritten) and `applyEdits` resolves the order; LSP and SARIF leave such pairs undefined and some clients reject
 * them, so each cluster of overlapping or touching edits becomes one edit whose text is what `applyEdits` produces
 * there. Edits far apart stay separate (cursors, folding and undo are kept elsewhere). Throws when edits truly
 * overlap (a writer bug): such a fix is not offered.
 */
export function disjointEdits<E extends Edit>(text: string, edits: readonly E[]): Edit[] {
  const sorted = dedupeEdits(edits)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
    .map(({ e }) => e);
  const clusters: { start: number; end: number; edits: E[] }[] = [];
  for (const e of sorted) {
    const last = clusters.at(-1);
    if (last && e.start <= last.end) {
      last.edits.push(e);
      last.end = Math.max(last.end, e.end);
    } else {
      clusters.push({ start: e.start, end: e.end, edits: [e] });
    }
  }
  return clusters.map(({ start, end, edits: group }) => {
    if (group.length === 1) return group[0] as E;
    const local = group.map((e) => ({ start: e.start - start, end: e.end - start, newText: e.newText }));
    return { start, end, newText: applyEdits(text.slice(start, end), local) };
  });
}

/** Applies non-overlapping edits (any order; insertions at one offset keep their given order; exact repeats once). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = dedupeEdits(edits)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const { e } of sorted) {
    if (e.start < pos) throw new Error(`overlapping edits at offset ${e.start}`);
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Whether any of `edits` overlaps or touches (shares an offset with) one of `taken`: applied together they would interleave. */
export function editsCollide(edits: readonly { start: number; end: number }[], taken: readonly { start: number; end: number }[]): boolean {
  return edits.some((e) => taken.some((t) => e.start <= t.end && t.start <= e.end));
}
