// Minimal, layout-preserving text edits for CloudFormation YAML templates.
import type { FixValue } from '../../../rules/api';
import type { IacDocument, ResourceNode } from '../model/document';
import { entryOf, type IacNode, type ListNode, type MapEntry, type MapNode } from '../model/nodes';
import { appendMember, nextLineStart, removeLines, removeMember, YAML_TRIVIA } from './separated';
import type { InputDecl, NewResource, TextEdit, Writer } from './types';
import { columnOf, eolOf, findParent, indentUnit, lineEnd, lineIndent, lineStart } from './yaml-layout';
import { isFixList, isFixMap, yamlEntryLines, yamlInline, yamlListLines, yamlMapLines, yamlString, yamlStringLike, type FixMap } from './yaml-values';

/** `path` folded into one value: ['A', 'B'] with v → { B: v } under key A. */
function nest(path: readonly string[], value: FixValue): [string, FixValue] {
  const [first, ...rest] = path;
  return [first!, rest.reduceRight<FixValue>((acc, k) => ({ [k]: acc }), value)];
}

const spaces = (n: number): string => ' '.repeat(Math.max(0, n));

/** Whether a flow collection is written with inner padding (`{ a: b }` rather than `{a: b}`). */
function padded(text: string, node: IacNode): boolean {
  return text[node.range.start + 1] === ' ' || text[node.range.start + 1] === undefined;
}

function insertIntoFlow(doc: IacDocument, map: MapNode, key: string, value: FixValue): TextEdit[] {
  const { text } = doc;
  const spacedStyle = padded(text, map);
  const member = `${yamlString(key)}: ${yamlInline(value, spacedStyle)}`;
  const last = map.entries[map.entries.length - 1];
  if (!last) return [{ start: map.range.start, end: map.range.end, newText: `{ ${member} }` }];
  let at = last.range.end;
  let after = at;
  while (/\s/.test(text[after] ?? '')) after++;
  const trailingComma = text[after] === ',';
  if (trailingComma) at = after + 1;
  const multiLine = text.slice(map.range.start, last.keyRange.start).includes('\n');
  if (multiLine) {
    const indent = lineIndent(text, last.keyRange.start);
    const sep = trailingComma ? '' : ',';
    return [{ start: at, end: at, newText: `${sep}${eolOf(text)}${indent}${member}${trailingComma ? ',' : ''}` }];
  }
  const prev = map.entries[map.entries.length - 2];
  const sep = prev ? text.slice(prev.range.end, last.keyRange.start).replace(/^\s*/, '') : ', ';
  const newText = trailingComma ? ` ${member},` : `${sep.startsWith(',') ? sep : ', '}${member}`;
  return [{ start: at, end: at, newText }];
}

/**
 * Lines for `path` inserted at `at` (a line end), the first key at column `col`. Each intermediate key is its own
 * edit so that two insertions sharing a new parent (`Properties:`) compose: the engine applies identical edits once.
 */
function blockInsertion(doc: IacDocument, at: number, col: number, unit: number, path: readonly string[], value: FixValue): TextEdit[] {
  const eol = eolOf(doc.text);
  const edits: TextEdit[] = path.slice(0, -1).map((k, i) => ({ start: at, end: at, newText: `${eol}${spaces(col + i * unit)}${yamlString(k)}:` }));
  const lines = yamlEntryLines(path[path.length - 1]!, value, spaces(col + (path.length - 1) * unit), spaces(unit));
  edits.push({ start: at, end: at, newText: eol + lines.join(eol) });
  return edits;
}

function insertIntoBlock(doc: IacDocument, map: MapNode, path: readonly string[], value: FixValue, after?: MapEntry): TextEdit[] {
  const { text } = doc;
  const last = after ?? map.entries[map.entries.length - 1];
  if (!last) return [];
  const col = columnOf(text, last.keyRange.start);
  const at = lineEnd(text, last.range.end);
  // Siblings written as `Name: {Type: String}` get a new sibling in the same flow style.
  const sibling = last.value;
  if (path.length === 1 && isFixMap(value) && sibling.kind === 'map' && sibling.style === 'flow') {
    const line = `${spaces(col)}${yamlString(path[0]!)}: ${yamlInline(value, padded(text, sibling))}`;
    return [{ start: at, end: at, newText: eolOf(text) + line }];
  }
  return blockInsertion(doc, at, col, indentUnit(text, doc.root, map), path, value);
}

/** `Key: {}` under a block map becomes a block map (`Key:` + indented entries), so that insertions compose. */
function fillEmptyFlow(doc: IacDocument, map: MapNode, path: readonly string[], value: FixValue): TextEdit[] | undefined {
  const parent = findParent(doc.root, map);
  if (parent?.kind !== 'entry' || parent.map.style !== 'block') return undefined;
  const { text } = doc;
  const colon = text.indexOf(':', parent.entry.keyRange.end);
  if (colon < 0 || colon >= map.range.start) return undefined;
  const unit = indentUnit(text, doc.root, parent.map);
  const col = columnOf(text, parent.entry.keyRange.start) + unit;
  const clear: TextEdit = { start: colon + 1, end: map.range.end, newText: '' };
  return [clear, ...blockInsertion(doc, lineEnd(text, map.range.end), col, unit, path, value)];
}

function insertProperty(doc: IacDocument, map: MapNode, path: readonly string[], value: FixValue, after?: MapEntry): TextEdit[] {
  if (path.length === 0) return [];
  if (map.style === 'block') return insertIntoBlock(doc, map, path, value, after);
  if (map.entries.length === 0) {
    const filled = fillEmptyFlow(doc, map, path, value);
    if (filled) return filled;
  }
  const [key, v] = nest(path, value);
  return insertIntoFlow(doc, map, key, v);
}

function replaceValue(doc: IacDocument, node: IacNode, value: FixValue): TextEdit[] {
  const { text } = doc;
  const { start, end } = node.range;
  const eol = eolOf(text);
  const collection = (isFixMap(value) && Object.keys(value).length > 0) || (isFixList(value) && value.length > 0);
  const block = (node.kind === 'map' || node.kind === 'list') && node.style === 'block';
  const parent = findParent(doc.root, node);
  if (parent?.kind === 'entry' && parent.map.style === 'block') {
    const keyCol = columnOf(text, parent.entry.keyRange.start);
    // `Key:` with nothing after it, a block written below its key but flush with it (`Key:\n- a`), or a block
    // becoming a scalar: rewrite from the colon, with a collection on the lines below, indented under the key.
    if (start === end || (block && (!collection || columnOf(text, start) <= keyCol))) {
      const from = start === end ? start : text.indexOf(':', parent.entry.keyRange.end) + 1;
      if (!collection) return [{ start: from, end, newText: ` ${yamlInline(value, true)}` }];
      const unit = indentUnit(text, doc.root, parent.map);
      const lines = blockLines(value, spaces(keyCol + unit), spaces(unit));
      const at = start === end ? lineEnd(text, start) : from;
      return [{ start: at, end: Math.max(at, end), newText: eol + lines.join(eol) }];
    }
  }
  if (collection && block) {
    const indent = spaces(columnOf(text, start));
    const unit = spaces(node.kind === 'map' ? indentUnit(text, doc.root, node) : 2);
    const lines = blockLines(value, indent, unit);
    lines[0] = lines[0]!.slice(indent.length);
    return [{ start, end, newText: lines.join(eol) }];
  }
  if (typeof value === 'string' && node.kind === 'scalar' && typeof node.value === 'string') {
    return [{ start, end, newText: yamlStringLike(value, text[start] ?? '') }];
  }
  const spacedStyle = node.kind === 'map' || node.kind === 'list' ? padded(text, node) : true;
  return [{ start, end, newText: yamlInline(value, spacedStyle) }];
}

function blockLines(value: FixValue, indent: string, unit: string): string[] {
  if (isFixList(value)) return yamlListLines(value, indent, unit);
  return yamlMapLines(value as FixMap, indent, unit);
}

function declareInput(doc: IacDocument, input: InputDecl): TextEdit[] {
  const root = doc.root;
  if (!root) return [];
  const body: FixMap = { Type: input.type === 'number' ? 'Number' : 'String', Description: input.description };
  const params = entryOf(root, 'Parameters');
  if (params) {
    const v = params.value;
    if (v.kind === 'map') return entryOf(v, input.name) ? [] : insertProperty(doc, v, [input.name], body);
    if (v.kind === 'scalar' && v.value === null) return replaceValue(doc, v, { [input.name]: body });
    return [];
  }
  const resources = entryOf(root, 'Resources');
  if (!resources || root.style === 'flow') return insertProperty(doc, root, ['Parameters', input.name], body);
  // A new section goes just before `Resources:` (and the comment lines heading it), as templates are usually ordered.
  const { text } = doc;
  const eol = eolOf(text);
  const at = headingStart(text, lineStart(text, resources.keyRange.start));
  const indent = spaces(columnOf(text, resources.keyRange.start));
  const lines = yamlEntryLines('Parameters', { [input.name]: body }, indent, spaces(indentUnit(text, root, root)));
  const blankBefore = at >= 2 && /\n[ \t]*\r?\n$/.test(text.slice(Math.max(0, at - 4), at));
  return [{ start: at, end: at, newText: lines.join(eol) + eol + (blankBefore ? eol : '') }];
}

/** Moves `at` (a line start) up over the comment lines directly above it. */
function headingStart(text: string, at: number): number {
  let start = at;
  while (start > 0) {
    const prev = lineStart(text, start - 1);
    if (!/^[ \t]*#/.test(text.slice(prev, start))) break;
    start = prev;
  }
  return start;
}

function insertResource(doc: IacDocument, after: ResourceNode, resource: NewResource): TextEdit[] {
  const section = doc.root && entryOf(doc.root, 'Resources')?.value;
  if (section?.kind !== 'map') return [];
  const body: FixMap = Object.keys(resource.body).length > 0 ? { Type: resource.type, Properties: resource.body } : { Type: resource.type };
  const entry: MapEntry | undefined = section.entries.find((e) => e.value === after.node) ?? section.entries.find((e) => e.key === after.name);
  if (!entry || section.style === 'flow') return insertProperty(doc, section, [resource.name], body);
  const { text } = doc;
  const eol = eolOf(text);
  const indent = spaces(columnOf(text, entry.keyRange.start));
  const unit = spaces(indentUnit(text, doc.root, section));
  const lines = yamlEntryLines(resource.name, body, indent, unit);
  const at = lineEnd(text, entry.range.end);
  return [{ start: at, end: at, newText: eol + (resourcesSeparated(text, section) ? eol : '') + lines.join(eol) }];
}

/** Whether the resources of the section are set apart by blank lines (as most are; a single resource: yes). */
function resourcesSeparated(text: string, section: MapNode): boolean {
  let yes = 0;
  let no = 0;
  for (let i = 1; i < section.entries.length; i++) {
    const between = text.slice(lineEnd(text, section.entries[i - 1]!.range.end), lineStart(text, section.entries[i]!.keyRange.start));
    if (/\n[ \t]*\r?\n/.test(between)) yes++;
    else no++;
  }
  return yes >= no;
}

function insertLineComment(doc: IacDocument, offset: number, comment: string): TextEdit[] {
  const { text } = doc;
  const at = lineStart(text, offset);
  const line = `${lineIndent(text, offset)}# ${comment.replace(/\r?\n/g, ' ')}`;
  return [{ start: at, end: at, newText: line + eolOf(text) }];
}

/**
 * Removes an entry. Block maps lose the entry's lines (a nested block and a trailing comment included; comment lines
 * above it stay, and of two blank lines around it one goes). A first entry sharing its line with a list dash
 * (`- Key: a`) hands its place to the next entry (`- Value: b`). Flow maps lose the entry and its comma.
 *
 * Removing the only entry leaves an empty map spelled `{}`: `Properties:` + `Encrypted: false` → `Properties: {}`
 * (a bare `Properties:` would be null, which CloudFormation rejects; removing `Properties` itself is another intent).
 * Its lines are then removed with the line break after them, so that an insertion into the same map in the same fix
 * overlaps and is refused rather than written under `{}`.
 */
function removeProperty(doc: IacDocument, map: MapNode, entry: MapEntry): TextEdit[] {
  const { text } = doc;
  const index = map.entries.indexOf(entry);
  if (index < 0) return [];
  if (map.style === 'flow') {
    const open = map.range.start;
    const close = map.range.end - 1;
    if (text[open] !== '{' || text[close] !== '}') return [];
    const prevEnd = index > 0 ? map.entries[index - 1]!.range.end : null;
    return removeMember(text, YAML_TRIVIA, { open, close, empty: '{}' }, entry.range.start, entry.range.end, prevEnd);
  }
  const keyStart = entry.keyRange.start;
  const next = map.entries[index + 1];
  if (/^[ \t]*(-[ \t]+)+$/.test(text.slice(lineStart(text, keyStart), keyStart))) {
    if (next) return [{ start: keyStart, end: next.keyRange.start, newText: '' }];
    return [{ start: keyStart, end: entry.range.end, newText: '{}' }];
  }
  if (map.entries.length > 1) return [removeLines(text, entry.range.start, entry.range.end)];
  const parent = findParent(doc.root, map);
  const colon = parent?.kind === 'entry' ? text.indexOf(':', parent.entry.keyRange.end) : -1;
  if (parent?.kind !== 'entry' || parent.map.style !== 'block' || colon < 0 || colon >= keyStart) {
    return [{ start: keyStart, end: entry.range.end, newText: '{}' }];
  }
  const end = lineEnd(text, entry.range.end);
  const lines =
    end < text.length
      ? { start: lineStart(text, keyStart), end: nextLineStart(text, end), newText: '' }
      : removeLines(text, entry.range.start, entry.range.end);
  return [{ start: colon + 1, end: colon + 1, newText: ' {}' }, lines];
}

/**
 * Appends an item to a sequence. Block sequences get a `- item` line after the last item, at its dash column and
 * spacing, a map item in block style under the dash. Flow sequences get `, item` (or a line of its own in a
 * multi-line one). An empty `Key: []` under a block map becomes a block sequence, as `Key: {}` becomes a block map.
 */
function appendItem(doc: IacDocument, list: ListNode, value: FixValue): TextEdit[] {
  const { text } = doc;
  const eol = eolOf(text);
  const parent = findParent(doc.root, list);
  if (list.style === 'flow') {
    const open = list.range.start;
    const close = list.range.end - 1;
    if (text[open] !== '[' || text[close] !== ']') return [];
    const last = list.items[list.items.length - 1];
    if (!last) {
      const colon = parent?.kind === 'entry' ? text.indexOf(':', parent.entry.keyRange.end) : -1;
      if (parent?.kind === 'entry' && parent.map.style === 'block' && colon >= 0 && colon < open) {
        const unit = indentUnit(text, doc.root, parent.map);
        const lines = yamlListLines([value], spaces(columnOf(text, parent.entry.keyRange.start) + unit), spaces(unit));
        const at = lineEnd(text, list.range.end);
        return [
          { start: colon + 1, end: list.range.end, newText: '' },
          { start: at, end: at, newText: eol + lines.join(eol) },
        ];
      }
      const pad = text[open + 1] === ' ' ? ' ' : '';
      return [{ start: open, end: close + 1, newText: `[${pad}${yamlInline(value, true)}${pad}]` }];
    }
    const spaced = last.kind === 'map' && last.style === 'flow' ? padded(text, last) : true;
    const items = list.items.map((i) => i.range);
    return appendMember(text, YAML_TRIVIA, { open, close, empty: '[]' }, items, () => yamlInline(value, spaced), eol, ', ');
  }
  const last = list.items[list.items.length - 1];
  if (!last) return [];
  // The dash of the last item and the spacing after it (`-   z`); else the sequence's first dash.
  const lead = /^([ \t]*)-([ \t]+)$/.exec(text.slice(lineStart(text, last.range.start), last.range.start));
  const dashCol = lead ? lead[1]!.length : columnOf(text, list.range.start);
  const gap = lead ? lead[2]!.length : 1;
  const dash = `${spaces(dashCol)}-${spaces(gap)}`;
  let lines: string[];
  if (isFixMap(value) && Object.keys(value).length > 0) {
    // The indentation step as seen from the last item's map, else from the map holding the sequence.
    const near = last.kind === 'map' ? last : parent?.kind === 'entry' ? parent.map : doc.root;
    const unit = spaces(near ? indentUnit(text, doc.root, near) : 2);
    lines = yamlMapLines(value, spaces(dash.length), unit);
    lines[0] = dash + lines[0]!.slice(dash.length);
  } else {
    lines = [dash + yamlInline(value, true)];
  }
  const at = lineEnd(text, last.range.end);
  return [{ start: at, end: at, newText: eol + lines.join(eol) }];
}

/** The CloudFormation YAML writer: block and flow maps, short-form refs, the file's indentation and line endings. */
export const yamlWriter: Writer = { insertProperty, replaceValue, declareInput, insertResource, removeProperty, appendItem, insertLineComment };
