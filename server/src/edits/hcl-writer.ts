// Writes fix intents into Terraform native syntax as minimal text edits that keep layout, comments and CRLF.
import type { FixValue } from '../../../rules/api';
import type { IacDocument, ResourceNode } from '../model/document';
import type { MapEntry, MapNode } from '../model/nodes';
import { alignedColumn, blocksSeparated, groupEnding, joinGroup } from './hcl-align';
import { eolOf, indentAt, indentUnit, lineEnd, lineStart, sameLine, startsLine } from './hcl-layout';
import { bodyEntry, bodyLines, inline, isObject, keyText, nest, quote, writtenAsBlock } from './hcl-render';
import { appendMember, HCL_TRIVIA, removeLines, removeMember } from './separated';
import type { InputDecl, NewResource, TextEdit, Writer } from './types';

/**
 * The HCL writer. Several calls against the same map compose: entries are zero-width insertions at the same offset
 * (applied in call order), and the edits that reshape a one-line block (`{ }` → multi-line) are identical
 * non-empty replacements, which the caller must apply once (drop exact duplicates).
 */
export const hclWriter: Writer = {
  insertProperty(doc, map, path, value) {
    return hclWriter.insertProperties!(doc, map, [{ path, value }]);
  },

  /** All insertions into one map at once, so new attributes and the group they join share one `=` column. */
  insertProperties(doc, map, items) {
    const entries = items.flatMap(({ path, value }) => (path[0] === undefined ? [] : [{ key: path[0], value: nest(path, value) }]));
    if (entries.length === 0) return [];
    if (map.style === 'flow') return entries.flatMap((e) => insertIntoObject(doc.text, map, e.key, e.value));
    return insertIntoBody(doc, map, entries);
  },

  /**
   * A block body loses the entry's lines (attribute or nested block, with a trailing comment; comment lines above it
   * stay; of two blank lines around it one goes). Removing the only entry leaves `{` and `}` on their lines (a
   * one-line block becomes `{}`), so that an insertion in the same fix still composes. An object expression loses
   * the element and its comma, or its line when elements are separated by line breaks.
   */
  removeProperty(doc, map, entry) {
    const { text } = doc;
    const entries = sorted(map);
    const index = entries.indexOf(entry);
    if (index < 0) return [];
    if (map.style === 'flow') {
      const open = map.range.start;
      const close = map.range.end - 1;
      if (text[open] !== '{' || text[close] !== '}') return [];
      const prevEnd = index > 0 ? entries[index - 1]!.range.end : null;
      return removeMember(text, HCL_TRIVIA, { open, close, empty: '{}' }, entry.range.start, entry.range.end, prevEnd);
    }
    // Whitespace or comments alone before the entry on its line (`/* legacy */ count = 1`): the whole line goes, as
    // a trailing comment does. Otherwise the entry shares the line with `{` (a one-line block).
    const ownLine = HCL_TRIVIA.skip(text, lineStart(text, entry.range.start)) === entry.range.start;
    if (!ownLine) {
      if (entries.length === 1) return [{ start: map.range.start, end: map.range.end, newText: '' }];
      return [{ start: entry.range.start, end: entry.range.end, newText: '' }];
    }
    return [removeLines(text, entry.range.start, entry.range.end, (line) => /^[ \t]*\}/.test(line))];
  },

  /** A tuple gets `, item` on one line, or a line of its own (with its comma) in a multi-line tuple; `[]` → `[item]`. */
  appendItem(doc, list, value) {
    const { text } = doc;
    const open = list.range.start;
    const close = list.range.end - 1;
    if (text[open] !== '[' || text[close] !== ']') return [];
    if (list.items.length === 0) return [{ start: open, end: close + 1, newText: `[${inline(value)}]` }];
    const items = list.items.map((i) => i.range);
    return appendMember(text, HCL_TRIVIA, { open, close, empty: '[]' }, items, () => inline(value), eolOf(text), ', ');
  },

  replaceValue(doc, node, value) {
    if (node.kind === 'map' && node.style === 'block') return replaceBody(doc.text, node, value);
    return [{ start: node.range.start, end: node.range.end, newText: inline(value) }];
  },

  declareInput(doc, input) {
    if (doc.inputs.some((i) => i.name === input.name)) return [];
    return [appendAtEnd(doc.text, variableBlock(doc.text, input))];
  },

  insertResource(doc, after, resource) {
    return [insertAfter(doc.text, after, resource)];
  },

  insertLineComment(doc, offset, text) {
    const start = lineStart(doc.text, offset);
    const comment = text.replace(/\r?\n/g, ' ');
    return [{ start, end: start, newText: `${indentAt(doc.text, offset)}# ${comment}${eolOf(doc.text)}` }];
  },
};

/**
 * Block body (range = between the braces): new lines after the last entry, indented like the entries. New
 * attributes line their `=` up as terraform fmt would with the group they join (re-aligning an aligned group when a
 * new key is longer); a new nested block after a nested block is preceded by a blank line when the file separates
 * blocks that way.
 */
function insertIntoBody(doc: IacDocument, map: MapNode, items: readonly { key: string; value: FixValue }[]): TextEdit[] {
  const { text } = doc;
  const open = map.range.start - 1;
  const eol = eolOf(text);
  const parentIndent = indentAt(text, open);
  const unit = indentUnit(text, map, parentIndent);
  const last = lastEntry(map);
  const onOwnLine = last !== undefined && startsLine(text, last.range.start);
  const childIndent = last && onOwnLine ? indentAt(text, last.range.start) : parentIndent + unit;
  const realign: TextEdit[] = [];
  let entry = '';
  let previousIsBlock = last?.block === true && onOwnLine;
  for (let i = 0; i < items.length; i++) {
    const { key, value } = items[i]!;
    if (writtenAsBlock(key, value)) {
      const blank = previousIsBlock && blocksSeparated(doc, map) ? eol : '';
      entry += blank + eol + bodyEntry(key, value, { indent: childIndent, unit, eol });
      previousIsBlock = true;
      continue;
    }
    // A run of new attributes: the first run joins the group the last entry ends (when it starts its line).
    const run: { key: string; value: FixValue }[] = [];
    for (; i < items.length && !writtenAsBlock(items[i]!.key, items[i]!.value); i++) run.push(items[i]!);
    i--;
    const group = entry === '' && onOwnLine ? groupEnding(text, sorted(map), last) : [];
    const joined = joinGroup(
      text,
      group,
      childIndent,
      run.map((r) => r.key),
    );
    realign.push(...joined.realign);
    for (const r of run) entry += eol + attributeLine(childIndent, r.key, inline(r.value), joined.column);
    previousIsBlock = false;
  }
  return [...realign, ...placeBody(text, map, last, entry, parentIndent, unit)];
}

/** Puts the new lines `entry` (each starting with a line break) into the body after `last`. */
function placeBody(text: string, map: MapNode, last: MapEntry | undefined, entry: string, parentIndent: string, unit: string): TextEdit[] {
  const open = map.range.start - 1;
  const close = map.range.end;
  const eol = eolOf(text);
  const hasClose = text[close] === '}';

  if (!last) {
    // `{\n}` or `{\n  # comment\n}`: the new line goes right above the closing brace.
    if (!sameLine(text, open, close) && startsLine(text, close)) {
      const at = lineStart(text, close);
      return [{ start: at, end: at, newText: entry.slice(eol.length) + eol }];
    }
    // `{}`: entries go after `{`; the brace moves to its own line.
    const edits: TextEdit[] = [{ start: map.range.start, end: map.range.start, newText: entry }];
    if (hasClose) edits.push({ start: map.range.start, end: close + 1, newText: `${eol}${parentIndent}}` });
    return edits;
  }

  const lastEnd = last.range.end;
  if (!sameLine(text, lastEnd, close) || !hasClose) {
    // End of the last entry's line, so a trailing comment stays with its entry.
    const at = lineEnd(text, lastEnd);
    return [{ start: at, end: at, newText: entry }];
  }
  // The closing brace shares the last entry's line (`{ x = 1 }`): open the block up over several lines.
  const edits: TextEdit[] = [];
  const first = map.entries[0];
  if (first && sameLine(text, open, first.range.start)) {
    edits.push({ start: open, end: first.range.start, newText: `{${eol}${parentIndent}${unit}` });
  }
  edits.push({ start: lastEnd, end: lastEnd, newText: entry });
  edits.push({ start: lastEnd, end: close + 1, newText: `${eol}${parentIndent}}` });
  return edits;
}

/** Object expression (range includes the braces): `, k = v` on one line, or a new line in a multi-line object. */
function insertIntoObject(text: string, map: MapNode, key: string, value: FixValue): TextEdit[] {
  const open = map.range.start;
  const close = map.range.end - 1;
  const last = lastEntry(map);
  const multiLine = last !== undefined && !sameLine(text, open, close) && startsLine(text, last.range.start);
  const column = multiLine ? alignedColumn(text, sorted(map), last) : undefined;
  const entryText = attributeLine(
    '',
    keyText(key),
    inline(value),
    column === undefined ? undefined : column - indentAt(text, last!.range.start).length,
  );
  if (!last) return [{ start: open + 1, end: close, newText: ` ${entryText} ` }];
  const comma = /^\s*,/.exec(text.slice(last.range.end, close));
  const after = comma ? last.range.end + comma[0].length : last.range.end;
  if (sameLine(text, open, close)) {
    return [{ start: after, end: after, newText: comma ? ` ${entryText},` : `, ${entryText}` }];
  }
  // Newlines separate elements, so no comma is needed; a trailing-comma style is kept.
  const eol = eolOf(text);
  const parentIndent = indentAt(text, open);
  const indent = startsLine(text, last.range.start) ? indentAt(text, last.range.start) : parentIndent + indentUnit(text, undefined, parentIndent);
  const at = sameLine(text, after, close) ? after : lineEnd(text, after);
  return [{ start: at, end: at, newText: `${eol}${indent}${entryText}${comma ? ',' : ''}` }];
}

/** A nested block's whole body replaced by the entries of an object value. */
function replaceBody(text: string, node: MapNode, value: FixValue): TextEdit[] {
  if (!isObject(value)) throw new Error('An HCL block can only be replaced by an object value');
  const eol = eolOf(text);
  const parentIndent = indentAt(text, node.range.start - 1);
  const unit = indentUnit(text, node, parentIndent);
  const lines = bodyLines(value, { indent: parentIndent + unit, unit, eol });
  return [{ start: node.range.start, end: node.range.end, newText: lines === '' ? '' : `${eol}${lines}${eol}${parentIndent}` }];
}

/** `key = value` at `indent`, the `=` padded out to `column` (counted from the line start) when the key is short enough. */
function attributeLine(indent: string, key: string, value: string, column: number | undefined): string {
  const gap = column === undefined ? 1 : Math.max(1, column - indent.length - key.length);
  return `${indent}${key}${' '.repeat(gap)}= ${value}`;
}

/** Entries in document order. */
function sorted(map: MapNode): MapEntry[] {
  return [...map.entries].sort((a, b) => a.range.start - b.range.start);
}

function lastEntry(map: MapNode): MapNode['entries'][number] | undefined {
  let last: MapNode['entries'][number] | undefined;
  for (const e of map.entries) if (!last || e.range.end > last.range.end) last = e;
  return last;
}

function variableBlock(text: string, input: InputDecl): string {
  const eol = eolOf(text);
  const unit = indentUnit(text, undefined, '');
  return [`variable ${quote(input.name)} {`, `${unit}type        = ${input.type}`, `${unit}description = ${quote(input.description)}`, '}'].join(eol);
}

/** Appends `block` with exactly one blank line before it and a final line break (trailing whitespace replaced). */
function appendAtEnd(text: string, block: string): TextEdit {
  const eol = eolOf(text);
  const contentEnd = text.trimEnd().length;
  const newText = contentEnd === 0 ? block + eol : eol + eol + block + eol;
  return { start: contentEnd, end: text.length, newText };
}

/** `resource "type" "name" { ... }` one blank line after `after`, past any comment trailing its closing brace. */
function insertAfter(text: string, after: ResourceNode, resource: NewResource): TextEdit {
  const eol = eolOf(text);
  const base = indentAt(text, after.range.start);
  const unit = indentUnit(text, after.node, base);
  const rest = text.slice(after.range.end, lineEnd(text, after.range.end));
  const at = /^\s*((#|\/\/).*)?$/.test(rest) ? after.range.end + rest.length : after.range.end;
  const lines = bodyLines(resource.body, { indent: base + unit, unit, eol });
  const header = `${base}resource ${quote(resource.type)} ${quote(resource.name)} {`;
  const block = lines === '' ? `${header}}` : `${header}${eol}${lines}${eol}${base}}`;
  return { start: at, end: at, newText: eol + eol + block };
}
