// Moves parsed models to new offsets: an edit moves everything after it by the same amount, and re-reading those parts
// from the text would cost more than the keystroke may. Models are read-only once parsed, so a move by 0 returns the
// very same object, and a moved copy shares nothing mutable with the original.
import type { BlockNode, InputNode, ResourceNode } from './document';
import type { IacNode, MapEntry, SourceRange } from './nodes';

export function shiftRange(r: SourceRange, by: number): SourceRange {
  return by === 0 ? r : { start: r.start + by, end: r.end + by };
}

export function shiftEntry(e: MapEntry, by: number): MapEntry {
  if (by === 0) return e;
  return { ...e, keyRange: shiftRange(e.keyRange, by), range: shiftRange(e.range, by), value: shiftNode(e.value, by) };
}

export function shiftNode(node: IacNode, by: number): IacNode {
  if (by === 0) return node;
  switch (node.kind) {
    case 'map':
      return { ...node, range: shiftRange(node.range, by), entries: node.entries.map((e) => shiftEntry(e, by)) };
    case 'list':
      return { ...node, range: shiftRange(node.range, by), items: node.items.map((i) => shiftNode(i, by)) };
    case 'call':
      return { ...node, range: shiftRange(node.range, by), args: node.args.map((a) => shiftNode(a, by)) };
    case 'expr':
      // A dynamic block also holds its for_each expression.
      return node.forEach
        ? { ...node, range: shiftRange(node.range, by), forEach: shiftNode(node.forEach, by) }
        : { ...node, range: shiftRange(node.range, by) };
    default:
      // Scalars and refs hold only strings and their own range.
      return { ...node, range: shiftRange(node.range, by) };
  }
}

export function shiftResource(r: ResourceNode, by: number): ResourceNode {
  if (by === 0) return r;
  return { ...r, headerRange: shiftRange(r.headerRange, by), range: shiftRange(r.range, by), node: shiftNode(r.node, by) as ResourceNode['node'] };
}

export function shiftInput(i: InputNode, by: number): InputNode {
  if (by === 0) return i;
  const out: InputNode = {
    ...i,
    headerRange: shiftRange(i.headerRange, by),
    range: shiftRange(i.range, by),
    node: shiftNode(i.node, by) as InputNode['node'],
  };
  if (i.default) out.default = shiftNode(i.default, by);
  return out;
}

export function shiftBlock(b: BlockNode, by: number): BlockNode {
  if (by === 0) return b;
  return { ...b, headerRange: shiftRange(b.headerRange, by), range: shiftRange(b.range, by), body: shiftNode(b.body, by) as BlockNode['body'] };
}
