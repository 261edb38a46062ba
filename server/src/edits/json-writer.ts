// Minimal, layout-preserving text edits for CloudFormation JSON and Terraform JSON (.tf.json).
import type { FixValue } from '../../../rules/api';
import type { IacDocument, ResourceNode } from '../model/document';
import { entryOf, type IacNode, type ListNode, type MapEntry, type MapNode } from '../model/nodes';
import { inlinePad, isMultiLine, jsonRoot, objectLayout, startsLine } from './json-layout';
import { jsonMember, jsonValue, type JsonFormat } from './json-values';
import { appendMember, JSON_TRIVIA, removeMember } from './separated';
import type { InputDecl, NewResource, TextEdit, Writer } from './types';
import { eolOf, lineIndent } from './yaml-layout';
import type { FixMap } from './yaml-values';

/** `path` folded into one member: ['A', 'B'] with v → key A, value { B: v }. */
function nest(path: readonly string[], value: FixValue): [string, FixValue] {
  const [first, ...rest] = path;
  return [first!, rest.reduceRight<FixValue>((acc, k) => ({ [k]: acc }), value)];
}

/** Adds member `key` to `map`, after `after` (default: the last member), in the object's own layout. */
function addMember(doc: IacDocument, map: MapNode, key: string, value: FixValue, after?: MapEntry): TextEdit[] {
  const { text } = doc;
  const { fmt, memberIndent } = objectLayout(doc, map);
  const member = jsonMember(key, value, memberIndent, fmt);
  const anchor = after ?? map.entries[map.entries.length - 1];
  if (anchor) {
    const at = anchor.range.end;
    const sep = fmt.pretty ? `,${fmt.eol}${memberIndent}` : fmt.comma;
    return [{ start: at, end: at, newText: sep + member }];
  }
  const close = map.range.end - 1;
  if (text[map.range.start] !== '{' || text[close] !== '}') return [];
  // The whole `{}` is replaced (not its inside) so that a second insertion overlaps and the engine refuses the
  // fix, rather than joining two members without a comma.
  const newText = fmt.pretty
    ? `{${fmt.eol}${memberIndent}${member}${fmt.eol}${lineIndent(text, map.range.start)}}`
    : close > map.range.start + 1
      ? `{ ${member} }`
      : `{${member}}`;
  return [{ start: map.range.start, end: map.range.end, newText }];
}

function insertProperty(doc: IacDocument, map: MapNode, path: readonly string[], value: FixValue, after?: MapEntry): TextEdit[] {
  if (path.length === 0) return [];
  const [key, v] = nest(path, value);
  return addMember(doc, map, key, v, after);
}

function replaceValue(doc: IacDocument, node: IacNode, value: FixValue): TextEdit[] {
  const { text } = doc;
  const root = jsonRoot(doc);
  const base = root ? objectLayout(doc, root).fmt : undefined;
  const fmt: JsonFormat = {
    pretty: startsLine(text, node.range.start) && text.trim().includes('\n'),
    unit: base?.unit ?? '  ',
    colon: base?.colon ?? ': ',
    comma: base?.comma ?? ', ',
    pad: inlinePad(doc, node.range.start),
    eol: eolOf(text),
    family: doc.family,
  };
  // A value being typed (`"Key":` with nothing after it) is completed after a space.
  const lead = node.range.start === node.range.end && fmt.colon.length > 1 ? ' ' : '';
  return [{ start: node.range.start, end: node.range.end, newText: lead + jsonValue(value, lineIndent(text, node.range.start), fmt) }];
}

function declareInput(doc: IacDocument, input: InputDecl): TextEdit[] {
  const root = jsonRoot(doc);
  if (!root) return [];
  if (doc.family === 'terraform') {
    const body: FixMap = { type: input.type, description: input.description };
    return declareIn(doc, root, 'variable', input.name, body);
  }
  const body: FixMap = { Type: input.type === 'number' ? 'Number' : 'String', Description: input.description };
  const params = entryOf(root, 'Parameters');
  const resources = entryOf(root, 'Resources');
  if (params || !resources) return declareIn(doc, root, 'Parameters', input.name, body);
  // A new Parameters section goes before Resources, where templates usually have it.
  const { fmt, memberIndent } = objectLayout(doc, root);
  const member = jsonMember('Parameters', { [input.name]: body }, memberIndent, fmt);
  const sep = fmt.pretty ? `,${fmt.eol}${memberIndent}` : fmt.comma;
  const at = resources.keyRange.start;
  return [{ start: at, end: at, newText: member + sep }];
}

/** Adds `name` under the root's `section` object (creating the section at the end of the root); none if present. */
function declareIn(doc: IacDocument, root: MapNode, section: string, name: string, body: FixMap): TextEdit[] {
  const existing = entryOf(root, section)?.value;
  if (!existing) return addMember(doc, root, section, { [name]: body });
  if (existing.kind !== 'map' || entryOf(existing, name)) return [];
  return addMember(doc, existing, name, body);
}

function insertResource(doc: IacDocument, after: ResourceNode, resource: NewResource): TextEdit[] {
  const root = jsonRoot(doc);
  const section = root && entryOf(root, doc.family === 'terraform' ? 'resource' : 'Resources')?.value;
  if (section?.kind !== 'map') return [];
  if (doc.family === 'terraform') return insertTfResource(doc, section, after, resource);
  const body: FixMap = Object.keys(resource.body).length > 0 ? { Type: resource.type, Properties: resource.body } : { Type: resource.type };
  const anchor = section.entries.find((e) => e.value === after.node) ?? entryOf(section, after.name);
  return addMember(doc, section, resource.name, body, anchor);
}

/** Terraform JSON nests resources by type then name: `"resource": {"aws_s3_bucket_versioning": {"b": {...}}}`. */
function insertTfResource(doc: IacDocument, section: MapNode, after: ResourceNode, resource: NewResource): TextEdit[] {
  const typeMap = entryOf(section, resource.type)?.value;
  if (typeMap?.kind === 'map') {
    if (entryOf(typeMap, resource.name)) return [];
    const anchor = resource.type === after.type ? entryOf(typeMap, after.name) : undefined;
    return addMember(doc, typeMap, resource.name, resource.body, anchor);
  }
  if (typeMap) return [];
  return addMember(doc, section, resource.type, { [resource.name]: resource.body }, entryOf(section, after.type));
}

/**
 * Removes a member with its comma: a member followed by another takes its comma along (one member per line: its whole
 * line); the last member takes the comma before it; the only member leaves `{}`. Removing two neighbouring members in
 * one fix where the second is the last gives overlapping edits (they share a comma), which the engine refuses.
 */
function removeProperty(doc: IacDocument, map: MapNode, entry: MapEntry): TextEdit[] {
  const { text } = doc;
  const open = map.range.start;
  const close = map.range.end - 1;
  if (text[open] !== '{' || text[close] !== '}') return [];
  // The neighbours are found in the text: Terraform JSON's tree leaves out `"//"` comment members.
  return removeMember(text, JSON_TRIVIA, { open, close, empty: '{}' }, entry.range.start, entry.range.end, undefined);
}

/**
 * Appends an item to an array in its layout: one item per line (a map item expanded over lines like the file's
 * objects, unless the last item is an object on one line) or on one line after the array's separator. An empty
 * array is written like an empty object gets filled: expanded in a pretty-printed file, else `[item]`.
 */
function appendItem(doc: IacDocument, list: ListNode, value: FixValue): TextEdit[] {
  const { text } = doc;
  const open = list.range.start;
  const close = list.range.end - 1;
  if (text[open] !== '[' || text[close] !== ']') return [];
  const root = jsonRoot(doc);
  const base = root ? objectLayout(doc, root).fmt : undefined;
  const last = list.items[list.items.length - 1];
  const fmt: JsonFormat = {
    pretty: false,
    unit: base?.unit ?? '  ',
    colon: base?.colon ?? ': ',
    comma: base?.comma ?? ', ',
    pad: inlinePad(doc, last ? last.range.end : open),
    eol: eolOf(text),
    family: doc.family,
  };
  const own = lineIndent(text, open);
  if (!last) {
    const pretty = text.slice(open, close).includes('\n') || isMultiLine(text);
    const inner = own + fmt.unit;
    const newText = pretty ? `[${fmt.eol}${inner}${jsonValue(value, inner, { ...fmt, pretty })}${fmt.eol}${own}]` : `[${jsonValue(value, own, fmt)}]`;
    return [{ start: open, end: close + 1, newText }];
  }
  const lastText = text.slice(last.range.start, last.range.end);
  const oneLineCollection = (last.kind === 'map' || last.kind === 'list') && !lastText.includes('\n');
  const render = (indent: string | undefined): string =>
    indent === undefined ? jsonValue(value, own, fmt) : jsonValue(value, indent, { ...fmt, pretty: !oneLineCollection });
  const items = list.items.map((i) => i.range);
  return appendMember(text, JSON_TRIVIA, { open, close, empty: '[]' }, items, render, fmt.eol, fmt.comma);
}

/** The JSON writer for CloudFormation and Terraform JSON; JSON has no comments, so no `insertLineComment`. */
export const jsonWriter: Writer = { insertProperty, replaceValue, declareInput, insertResource, removeProperty, appendItem };
