// Re-parses a Terraform file being edited one stretch of top-level blocks at a time. The hand-written parser reads a
// 60 KB file in one to a few milliseconds, but it allocates about 50 bytes per byte of text (3 MB a keystroke), and the
// garbage collection that follows costs as much again; moving the untouched blocks' models to their new offsets costs
// less than parsing them (measured: scripts/bench/hcl-splice.ts). So an edit re-parses only the lines from the
// end of the last block before it to the start of the first block after it; blocks before keep their very objects and
// blocks after are moved by the edit's length.
//
// Why that equals a full parse. HCL's top level is a sequence of items each ending at a newline outside brackets; the
// parser starts every top-level item in the same state (nothing carries over: `refs` are reset per item). The stretch
// starts at a line start right after a complete block and its newline, and ends at the start of the line of a block
// that the previous (error-free) parse read from that same state, so when the stretch on its own parses without any
// error (an unclosed string, heredoc, comment or bracket is an error), the full parse reads the same items from it and
// then the same blocks after it, moved. (One construct reaches the end of the file without an error: an unclosed
// `/*`; a stretch that may open one is not spliced.) A previous version with errors, or a stretch with any, takes the full parse.
import type { BlockNode, IacDocument, InputNode, ResourceNode } from '../model/document';
import type { IacNode, MapEntry, MapNode, SourceRange } from '../model/nodes';
import { parseTerraformHcl } from './terraform-hcl';
import { diffSpan } from './text-change';

/** One top-level item of a Terraform document, from its header to its closing brace. */
type Item = { kind: 'resource'; node: ResourceNode } | { kind: 'input'; node: InputNode } | { kind: 'block'; node: BlockNode };

function spanOf(item: Item): SourceRange {
  const { range, headerRange } = item.node;
  return { start: Math.min(range.start, headerRange.start), end: Math.max(range.end, headerRange.end) };
}

/** The document's top-level items in text order. */
function itemsOf(doc: IacDocument): Item[] {
  const items: Item[] = [
    ...doc.resources.map((node): Item => ({ kind: 'resource', node })),
    ...doc.inputs.map((node): Item => ({ kind: 'input', node })),
    ...doc.blocks.map((node): Item => ({ kind: 'block', node })),
  ];
  return items.sort((a, b) => spanOf(a).start - spanOf(b).start);
}

const BLANK = /^[ \t\r]*$/;

/** Successive versions of one `.tf` buffer; `parse(text)` equals `parseTerraformHcl(uri, text)`. */
export class HclSplice {
  private previous: { text: string; doc: IacDocument; items: Item[] } | undefined;
  /** Of the last `parse`: the length of text re-read, or undefined when it parsed the whole text (tests read it). */
  lastParsedLength: number | undefined;

  constructor(readonly uri: string) {}

  parse(text: string): IacDocument {
    const spliced = this.previous ? this.splice(this.previous, text) : undefined;
    const doc = spliced ?? parseTerraformHcl(this.uri, text);
    if (!spliced) this.lastParsedLength = undefined;
    // Only an error-free version is a base for the next: errors and recovery depend on the whole text.
    this.previous = doc.errors.length === 0 ? { text, doc, items: itemsOf(doc) } : undefined;
    return doc;
  }

  private splice(previous: { text: string; doc: IacDocument; items: Item[] }, after: string): IacDocument | undefined {
    const before = previous.text;
    const change = diffSpan(before, after);
    const delta = change.newEnd - change.oldEnd;
    const items = previous.items;
    // The kept items before the edit: the last one ending, with only blanks up to its newline, before the change.
    let head = 0; // items [0, head) are kept as they are
    let from = 0; // where the re-read stretch starts (same offset in both texts)
    for (let i = items.length - 1; i >= 0; i--) {
      const end = spanOf(items[i] as Item).end;
      if (end > change.start) continue;
      const newline = before.indexOf('\n', end);
      if (newline < 0 || newline >= change.start || !BLANK.test(before.slice(end, newline))) continue;
      head = i + 1;
      from = newline + 1;
      break;
    }
    // The kept items after it: the first one whose line starts, with only blanks before it, after the change.
    let tail = items.length; // items [tail, end) are kept, moved by delta
    let to = before.length; // where the stretch ends in the old text
    for (let i = head; i < items.length; i++) {
      const start = spanOf(items[i] as Item).start;
      const lineStart = before.lastIndexOf('\n', start - 1) + 1;
      if (lineStart < change.oldEnd || lineStart <= from || !BLANK.test(before.slice(lineStart, start))) continue;
      tail = i;
      to = lineStart;
      break;
    }
    const stretch = after.slice(from, to + delta);
    // The parser reads an unclosed `/*` to the end of the file without an error: a stretch with a `/*` and no `*/`
    // after its last one may open such a comment, which would hide the blocks after it (a `/*` in a string only costs
    // the shortcut).
    const open = stretch.lastIndexOf('/*');
    if (open >= 0 && stretch.indexOf('*/', open + 2) < 0) return undefined;
    const part = parseTerraformHcl(this.uri, stretch);
    if (part.errors.length > 0) return undefined;
    this.lastParsedLength = stretch.length;

    const doc: IacDocument = { uri: this.uri, format: 'tf-hcl', family: 'terraform', text: after, resources: [], inputs: [], blocks: [], errors: [] };
    const keep = (item: Item, by: number) => {
      switch (item.kind) {
        case 'resource':
          doc.resources.push(by === 0 ? item.node : { ...item.node, ...moved(item.node, by), node: moveMap(item.node.node, by) });
          break;
        case 'input': {
          if (by === 0) {
            doc.inputs.push(item.node);
            break;
          }
          const input = { ...item.node, ...moved(item.node, by), node: moveMap(item.node.node, by) };
          // `default` is the value of the body's `default` entry, as the parse gives it (terraform-hcl.ts).
          const entry = input.node.entries.find((e) => e.key === 'default');
          if (entry) input.default = entry.value;
          doc.inputs.push(input);
          break;
        }
        case 'block':
          doc.blocks.push(by === 0 ? item.node : { ...item.node, ...moved(item.node, by), body: moveMap(item.node.body, by) });
          break;
      }
    };
    for (let i = 0; i < head; i++) keep(items[i] as Item, 0);
    for (const item of itemsOf(part)) keep(item, from);
    for (let i = tail; i < items.length; i++) keep(items[i] as Item, delta);
    return doc;
  }
}

// Moving the kept blocks after the edit is most of a splice's cost: these build each node in the exact shape the HCL
// parser gives it (parsers/hcl/parser.ts; an error-free parse has no other fields), which V8 does several times faster
// than the spread copies of the format-neutral model/shift.ts.

function at(r: SourceRange, by: number): SourceRange {
  return { start: r.start + by, end: r.end + by };
}

function moved(item: { range: SourceRange; headerRange: SourceRange }, by: number): { range: SourceRange; headerRange: SourceRange } {
  return { range: at(item.range, by), headerRange: at(item.headerRange, by) };
}

function moveMap(node: MapNode, by: number): MapNode {
  const entries: MapEntry[] = new Array<MapEntry>(node.entries.length);
  for (let i = 0; i < entries.length; i++) entries[i] = moveEntry(node.entries[i] as MapEntry, by);
  return { kind: 'map', entries, style: node.style, range: at(node.range, by) };
}

function moveEntry(e: MapEntry, by: number): MapEntry {
  const value = moveNode(e.value, by);
  return e.block
    ? { key: e.key, keyRange: at(e.keyRange, by), value, range: at(e.range, by), block: true }
    : { key: e.key, keyRange: at(e.keyRange, by), value, range: at(e.range, by) };
}

function moveNode(node: IacNode, by: number): IacNode {
  switch (node.kind) {
    case 'scalar':
      return { kind: 'scalar', value: node.value, range: at(node.range, by) };
    case 'ref':
      return { kind: 'ref', path: node.path, range: at(node.range, by) };
    case 'expr':
      return node.forEach
        ? { kind: 'expr', text: node.text, refs: node.refs, range: at(node.range, by), forEach: moveNode(node.forEach, by) }
        : { kind: 'expr', text: node.text, refs: node.refs, range: at(node.range, by) };
    case 'map':
      return moveMap(node, by);
    case 'list':
      return { kind: 'list', items: node.items.map((i) => moveNode(i, by)), style: node.style, range: at(node.range, by) };
    case 'call':
      return { kind: 'call', fn: node.fn, args: node.args.map((a) => moveNode(a, by)), range: at(node.range, by) };
  }
}
