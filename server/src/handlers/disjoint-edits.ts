// Turns a fix's edits into edits an LSP client can apply: sorted, and never overlapping or sharing an offset.
import type { TextEdit } from '../edits/types';
import { applyEdits, dedupeEdits } from '../engine/positions';

/**
 * The engine lets a fix insert at the offset where another of its edits starts (a new resource placed where a
 * trailing newline is rewritten) and resolves the order itself. LSP leaves such pairs undefined and some clients
 * reject them as overlapping, so each cluster of overlapping or touching edits becomes one edit whose text is what
 * the engine would produce there. Edits far apart stay separate, so cursors, folding and undo are kept elsewhere.
 * Throws when the edits truly overlap (a writer bug), as the engine does.
 */
export function disjointEdits(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const sorted = dedupeEdits(edits)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
    .map(({ e }) => e);
  const clusters: { start: number; end: number; edits: TextEdit[] }[] = [];
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
    if (group.length === 1) return group[0] as TextEdit;
    const local = group.map((e) => ({ start: e.start - start, end: e.end - start, newText: e.newText }));
    return { start, end, newText: applyEdits(text.slice(start, end), local) };
  });
}
