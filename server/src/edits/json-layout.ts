// Reads the layout of a JSON object (one member per line or not, indentation, spacing) to insert in kind.
import type { IacDocument } from '../model/document';
import type { IacNode, MapNode } from '../model/nodes';
import { convertJson } from '../parsers/cfn-json';
import type { JsonFormat } from './json-values';
import { eolOf, lineIndent } from './yaml-layout';

/** The format for members of `map`, plus the indentation its members are (or would be) written at. */
export interface ObjectLayout {
  fmt: JsonFormat;
  memberIndent: string;
}

/** The file's indentation step: the first indented line's whitespace, or two spaces. */
export function globalUnit(text: string): string {
  return /\n([ \t]+)["{[\]}]/.exec(text)?.[1] ?? '  ';
}

/** `": "` vs `":"`, from the first member of `map` that has a value, else from the file. */
function colonOf(text: string, map: MapNode | undefined): string {
  for (const e of map?.entries ?? []) {
    const m = /^[^:]*(:[ \t]*)/.exec(text.slice(e.keyRange.end, e.value.range.start));
    if (m && e.value.range.start > e.keyRange.end) return m[1]!;
  }
  return /"[ \t]*(:[ \t]*)/.exec(text)?.[1] ?? ': ';
}

/**
 * The padding inside the braces of one-line objects (`{ "Ref": "X" }` or `{"Ref": "X"}`), read from the non-empty
 * one-line object (a map or an intrinsic) nearest to `offset`: one on the same line first, else the closest in the file; `''` when there is none.
 */
export function inlinePad(doc: IacDocument, offset: number): string {
  const { text } = doc;
  const root = jsonRoot(doc);
  const lineFrom = text.lastIndexOf('\n', offset - 1) + 1;
  const lineTo = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
  let best: { node: IacNode; key: [number, number, number] } | undefined;
  const stack: IacNode[] = root ? [root] : [];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === 'map') stack.push(...n.entries.map((e) => e.value));
    else if (n.kind === 'list') stack.push(...n.items);
    else if (n.kind === 'call') stack.push(...n.args);
    // CloudFormation intrinsics (`{ "Ref": "X" }`) are call nodes spanning their object.
    if (n.kind !== 'map' && n.kind !== 'call') continue;
    const { start, end } = n.range;
    const body = text.slice(start, end);
    if (text[start] !== '{' || body.includes('\n') || body.slice(1, -1).trim() === '') continue;
    const distance = offset < start ? start - offset : offset > end ? offset - end : 0;
    // Same line beats any distance; among equals, the innermost (shortest) object.
    const key: [number, number, number] = [start >= lineFrom && end <= lineTo ? 0 : 1, distance, end - start];
    if (!best || compare(key, best.key) < 0) best = { node: n, key };
  }
  return best && text[best.node.range.start + 1] === ' ' ? ' ' : '';
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Layout of members written inside `map`. */
export function objectLayout(doc: IacDocument, map: MapNode): ObjectLayout {
  const { text } = doc;
  const first = map.entries[0];
  const last = map.entries[map.entries.length - 1];
  const inside = text.slice(map.range.start, first ? first.keyRange.start : map.range.end);
  const pretty = first ? inside.includes('\n') : inside.includes('\n') || isMultiLine(text);
  const own = lineIndent(text, map.range.start);
  const memberIndent = last && pretty ? lineIndent(text, last.keyRange.start) : own + globalUnit(text);
  const unit = memberIndent.startsWith(own) && memberIndent.length > own.length ? memberIndent.slice(own.length) : globalUnit(text);
  const colon = colonOf(text, map);
  const pad = inlinePad(doc, last ? last.range.end : map.range.start);
  return { fmt: { pretty, unit, colon, comma: commaOf(text, map, colon), pad, eol: eolOf(text), family: doc.family }, memberIndent };
}

/** Whether the document is laid out over several lines (then new empty-object members are expanded too). */
export function isMultiLine(text: string): boolean {
  return text.trim().includes('\n');
}

/** Single-line member separator: as between existing members, else `,` in compact files and `, ` otherwise. */
function commaOf(text: string, map: MapNode, colon: string): string {
  const n = map.entries.length;
  if (n >= 2) {
    const between = text.slice(map.entries[n - 2]!.range.end, map.entries[n - 1]!.keyRange.start);
    const m = /,[ \t]*/.exec(between);
    if (m && !between.includes('\n')) return m[0];
  }
  return colon === ':' ? ',' : ', ';
}

/** Whether `node` starts its own line (alone or after its key), i.e. sits in a pretty-printed container. */
export function startsLine(text: string, offset: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  return /^[ \t]*("(?:[^"\\]|\\.)*"[ \t]*:[ \t]*)?$/.test(before);
}

/** The root object: `doc.root` for CloudFormation; Terraform JSON is re-read here (its parser keeps no root). */
export function jsonRoot(doc: IacDocument): MapNode | undefined {
  if (doc.root) return doc.root;
  const root: IacNode | undefined = convertJson(doc.text).root;
  return root?.kind === 'map' ? root : undefined;
}
