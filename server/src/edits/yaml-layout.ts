// Text and tree geometry the YAML writer needs: lines, columns, line endings, parents and the indent unit.
import type { IacNode, MapEntry, MapNode } from '../model/nodes';

/** `\r\n` when the file uses it anywhere, so inserted lines match the file. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Offset of the first character of the line containing `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
}

/** Offset of the end of the line containing `offset`, before its `\n` / `\r\n` (or the end of the text). */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** Zero-based column of `offset` on its line. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The leading whitespace of the line containing `offset`. */
export function lineIndent(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** Where a node hangs in the tree: as a map entry's value or as a list item (or call argument). */
export type Parent = { kind: 'entry'; map: MapNode; entry: MapEntry } | { kind: 'item'; container: IacNode };

/** Finds the parent of `target` under `root` by identity. */
export function findParent(root: IacNode | undefined, target: IacNode): Parent | undefined {
  if (!root) return undefined;
  const stack: IacNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === 'map') {
      for (const e of n.entries) {
        if (e.value === target) return { kind: 'entry', map: n, entry: e };
        stack.push(e.value);
      }
    } else if (n.kind === 'list' || n.kind === 'call') {
      const children = n.kind === 'list' ? n.items : n.args;
      if (children.includes(target)) return { kind: 'item', container: n };
      stack.push(...children);
    }
  }
  return undefined;
}

/** Indentation step of a block value under its key, when positive. */
function stepOf(text: string, entry: MapEntry): number {
  const v = entry.value;
  if ((v.kind !== 'map' && v.kind !== 'list') || v.style !== 'block') return 0;
  return columnOf(text, v.range.start) - columnOf(text, entry.keyRange.start);
}

/**
 * The file's indentation step, in spaces, as seen around `map`: a nested block under one of its entries, else
 * the map's own offset from its parent key, else the first nested block in the file, else 2.
 */
export function indentUnit(text: string, root: IacNode | undefined, map: MapNode): number {
  // Lists are often written flush (`Key:\n- a`) or half-indented, so only nested maps tell the step.
  for (const e of map.entries) {
    const step = stepOf(text, e);
    if (step > 0 && e.value.kind === 'map') return step;
  }
  const parent = root ? findParent(root, map) : undefined;
  if (parent?.kind === 'entry' && map.style === 'block') {
    const step = stepOf(text, parent.entry);
    if (step > 0) return step;
  }
  const stack: IacNode[] = root ? [root] : [];
  while (stack.length > 0) {
    const n = stack.shift()!;
    if (n.kind !== 'map') continue;
    for (const e of n.entries) {
      const step = stepOf(text, e);
      if (step > 0 && e.value.kind === 'map') return step;
      stack.push(e.value);
    }
  }
  return 2;
}
