// Spells fix values in HCL: quoted strings, references, inline lists/objects, and body lines with nested blocks.
import type { FixRef, FixValue } from '../../../rules/api';

/** Layout of the text being written: the indentation of the current level, one indent step, and the line break. */
export interface Layout {
  indent: string;
  unit: string;
  eol: string;
}

/**
 * Arguments that are maps, not nested blocks, whatever the resource: a FixValue object under these keys is written
 * `key = { ... }`. Everything else follows the writer contract (objects become nested blocks).
 */
const MAP_ARGUMENTS = new Set(['tags', 'tags_all', 'variables']);

/** A reference to a variable or resource attribute. */
export function isRef(v: FixValue): v is FixRef {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && '$ref' in v;
}

/** A plain object value (not a list, not a reference). */
export function isObject(v: FixValue): v is { readonly [key: string]: FixValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isRef(v);
}

/** `"..."` with HCL escapes, including the template escapes so `${` stays literal. */
export function quote(s: string): string {
  const body = s.replace(/[\\"\n\r\t]|\$\{|%\{|[\u0000-\u001f]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      case '${':
        return '$${';
      case '%{':
        return '%%{';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `"${body}"`;
}

/** `var.name`, or `type.name.attr` (attribute `id` by default). */
export function refText(ref: FixRef): string {
  const r = ref.$ref;
  if ('input' in r) return `var.${r.input}`;
  return `${r.resource}.${r.attr ?? 'id'}`;
}

/** An object key: bare when it is an identifier, quoted otherwise. */
export function keyText(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : quote(key);
}

/** A value as an inline expression: `"s"`, `42`, `true`, `[a, b]`, `{ k = v }`, `var.x`. */
export function inline(v: FixValue): string {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  if (isRef(v)) return refText(v);
  const entries = Object.entries(v as { readonly [key: string]: FixValue });
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, x]) => `${keyText(k)} = ${inline(x)}`).join(', ')} }`;
}

/**
 * The lines of one body entry at `layout.indent` (no trailing line break): `key = value`, or a nested block
 * `key {` ... `}` for an object, or one block per item for a list of objects (repeated blocks).
 */
export function bodyEntry(key: string, value: FixValue, layout: Layout, keyWidth = key.length): string {
  if (!writtenAsBlock(key, value)) return `${layout.indent}${key.padEnd(keyWidth)} = ${inline(value)}`;
  if (isObject(value)) return nestedBlock(key, value, layout);
  return (value as readonly FixValue[]).map((x: FixValue) => nestedBlock(key, x as { readonly [key: string]: FixValue }, layout)).join(layout.eol);
}

/** Whether `bodyEntry` writes `key` as nested block(s) (an object, or a list of objects) rather than `key = value`. */
export function writtenAsBlock(key: string, value: FixValue): boolean {
  if (isObject(value)) return !MAP_ARGUMENTS.has(key);
  return Array.isArray(value) && value.length > 0 && value.every((x: FixValue) => isObject(x));
}

/** `key {` + entries one level deeper + `}`; an empty object gives `key {}`. */
export function nestedBlock(key: string, value: { readonly [key: string]: FixValue }, layout: Layout): string {
  const lines = bodyLines(value, { ...layout, indent: layout.indent + layout.unit });
  if (lines === '') return `${layout.indent}${key} {}`;
  return `${layout.indent}${key} {${layout.eol}${lines}${layout.eol}${layout.indent}}`;
}

/**
 * Every entry of `body` as lines at `layout.indent`, joined by line breaks; the `=` of consecutive attributes share
 * a column, as terraform fmt aligns them (a nested block ends the group).
 */
export function bodyLines(body: { readonly [key: string]: FixValue }, layout: Layout): string {
  const entries = Object.entries(body);
  const widths = entries.map(() => 0);
  for (let i = 0; i < entries.length;) {
    let j = i;
    while (j < entries.length && !writtenAsBlock(...entries[j]!)) j++;
    const width = Math.max(0, ...entries.slice(i, j).map(([k]) => k.length));
    for (let k = i; k < j; k++) widths[k] = width;
    i = j === i ? i + 1 : j;
  }
  return entries.map(([k, v], i) => bodyEntry(k, v, layout, widths[i])).join(layout.eol);
}

/** Wraps `value` in one nested object per key of `path` (`['a', 'b'], v` → `{ a: { b: v } }`) minus the first key. */
export function nest(path: readonly string[], value: FixValue): FixValue {
  let v = value;
  for (let i = path.length - 1; i >= 1; i--) v = { [path[i] as string]: v };
  return v;
}
