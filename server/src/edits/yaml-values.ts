// Spells fix values as CloudFormation YAML: safe scalars, short-form refs, flow and block collections.
import { parseDocument, isScalar, Scalar } from 'yaml';
import type { FixRef, FixValue } from '../../../rules/api';

/** A fix value's map form (neither a list nor a reference). */
export type FixMap = { readonly [key: string]: FixValue };

/** Whether `v` is a reference (`{ $ref: ... }`) rather than a nested map. */
export function isFixRef(v: FixValue): v is FixRef {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && '$ref' in v;
}

/** Whether `v` is a nested map. */
export function isFixMap(v: FixValue): v is FixMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isFixRef(v);
}

/** Whether `v` is a list. */
export function isFixList(v: FixValue): v is readonly FixValue[] {
  return Array.isArray(v);
}

/** `!Ref Name`, or `!GetAtt Id.Attr` for a resource attribute. */
export function yamlRef(ref: FixRef): string {
  const r = ref.$ref;
  if ('input' in r) return `!Ref ${r.input}`;
  return r.attr ? `!GetAtt ${r.resource}.${r.attr}` : `!Ref ${r.resource}`;
}

/** Characters that may not start a plain scalar (YAML indicators) or that would end one inside `{}`/`[]`. */
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
const FLOW_CHARS = /[,[\]{}]/;

/**
 * Whether `s` must be quoted: it would not read back as the same string under YAML 1.2 *or* 1.1
 * (CloudFormation's parser treats `yes`/`no`/`on` and sexagesimal numbers as 1.1 does), or it contains
 * characters that break plain scalars in block or flow context.
 */
export function needsQuotes(s: string): boolean {
  if (s === '' || s !== s.trim() || /[\x00-\x1f\x7f\u0085\u2028\u2029]/.test(s)) return true;
  if (INDICATOR_START.test(s) || FLOW_CHARS.test(s) || s.includes(': ') || s.includes(' #') || s.endsWith(':')) return true;
  return !readsBack(s, 'core') || !readsBack(s, 'yaml-1.1');
}

function readsBack(s: string, schema: 'core' | 'yaml-1.1'): boolean {
  try {
    const doc = parseDocument(s, { schema });
    const c = doc.contents;
    return doc.errors.length === 0 && doc.warnings.length === 0 && isScalar(c) && c.type === Scalar.PLAIN && c.value === s;
  } catch {
    return false;
  }
}

/** A string as a plain scalar when safe, else double-quoted (JSON escapes are valid YAML escapes). */
export function yamlString(s: string): string {
  return needsQuotes(s) ? JSON.stringify(s) : s;
}

/** A string in the quoting style of the scalar it replaces: `'`, `"` or plain (quoted when plain is unsafe). */
export function yamlStringLike(s: string, quote: string): string {
  if (quote === "'" && !/[\x00-\x1f\x7f]/.test(s)) return `'${s.replace(/'/g, "''")}'`;
  if (quote === '"') return JSON.stringify(s);
  return yamlString(s);
}

/** A scalar or reference inline; collections in flow style (`{ Status: Enabled }` when `spaced`, `[a, b]`). */
export function yamlInline(v: FixValue, spaced: boolean): string {
  if (typeof v === 'string') return yamlString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isFixRef(v)) return yamlRef(v);
  if (isFixList(v)) return `[${v.map((i) => yamlInline(i, spaced)).join(', ')}]`;
  const body = Object.entries(v)
    .map(([k, x]) => `${yamlString(k)}: ${yamlInline(x, spaced)}`)
    .join(', ');
  if (body === '') return '{}';
  return spaced ? `{ ${body} }` : `{${body}}`;
}

/**
 * The lines of one block-map entry `key: value` at `indent`, nested collections indented by `unit` more.
 * Empty collections and references stay inline.
 */
export function yamlEntryLines(key: string, v: FixValue, indent: string, unit: string): string[] {
  const head = `${indent}${yamlString(key)}:`;
  if (isFixMap(v) && Object.keys(v).length > 0) return [head, ...yamlMapLines(v, indent + unit, unit)];
  if (isFixList(v) && v.length > 0) return [head, ...yamlListLines(v, indent + unit, unit)];
  return [`${head} ${yamlInline(v, true)}`];
}

/** A non-empty map as block entries at `indent`. */
export function yamlMapLines(map: FixMap, indent: string, unit: string): string[] {
  return Object.entries(map).flatMap(([k, x]) => yamlEntryLines(k, x, indent, unit));
}

/** A non-empty list as `- item` lines at `indent`; a map item continues two columns in, past the `- `. */
export function yamlListLines(list: readonly FixValue[], indent: string, unit: string): string[] {
  return list.flatMap((item) => {
    if (isFixMap(item) && Object.keys(item).length > 0) {
      const lines = yamlMapLines(item, `${indent}  `, unit);
      lines[0] = `${indent}- ${lines[0]!.slice(indent.length + 2)}`;
      return lines;
    }
    return [`${indent}- ${yamlInline(item, true)}`];
  });
}
