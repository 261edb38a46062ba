// Spells fix values as JSON in the layout of the surrounding file (pretty-printed or single-line).
import type { FixRef, FixValue } from '../../../rules/api';
import { isFixList, isFixRef } from './yaml-values';

/** How the surrounding JSON is laid out, and which family spells the references. */
export interface JsonFormat {
  /** One member per line, nested levels indented by `unit`. */
  pretty: boolean;
  unit: string;
  /** `": "` or `":"` spacing, as written after existing keys (the part from the colon on). */
  colon: string;
  /** Single-line separator between members: `, ` or `,`. */
  comma: string;
  /** Padding inside the braces of an object written on one line: `' '` for `{ "Ref": "X" }`, `''` for `{"Ref": "X"}`. */
  pad: string;
  eol: string;
  family: 'cloudformation' | 'terraform';
}

/** A reference: `{"Ref": "X"}` / `{"Fn::GetAtt": ["X", "Attr"]}`, or Terraform JSON's `"${var.x}"` / `"${type.name.id}"`. */
export function jsonRef(ref: FixRef, fmt: JsonFormat): string {
  const r = ref.$ref;
  if (fmt.family === 'terraform') {
    return JSON.stringify('input' in r ? `\${var.${r.input}}` : `\${${r.resource}.${r.attr ?? 'id'}}`);
  }
  // References stay on one line even in pretty files, as hand-written templates have them.
  const sp = fmt.colon.length > 1 ? ' ' : '';
  const { pad } = fmt;
  if ('input' in r) return `{${pad}${JSON.stringify('Ref')}${fmt.colon}${JSON.stringify(r.input)}${pad}}`;
  if (!r.attr) return `{${pad}${JSON.stringify('Ref')}${fmt.colon}${JSON.stringify(r.resource)}${pad}}`;
  return `{${pad}"Fn::GetAtt"${fmt.colon}[${JSON.stringify(r.resource)},${sp}${JSON.stringify(r.attr)}]${pad}}`;
}

/** `value` as JSON whose first line continues the current one and whose later lines start at `indent`. */
export function jsonValue(value: FixValue, indent: string, fmt: JsonFormat): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (isFixRef(value)) return jsonRef(value, fmt);
  const inner = indent + fmt.unit;
  if (isFixList(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => jsonValue(v, inner, fmt));
    return fmt.pretty ? `[${fmt.eol}${inner}${items.join(`,${fmt.eol}${inner}`)}${fmt.eol}${indent}]` : `[${items.join(fmt.comma)}]`;
  }
  const members = Object.entries(value).map(([k, v]) => jsonMember(k, v, inner, fmt));
  if (members.length === 0) return '{}';
  return fmt.pretty
    ? `{${fmt.eol}${inner}${members.join(`,${fmt.eol}${inner}`)}${fmt.eol}${indent}}`
    : `{${fmt.pad}${members.join(fmt.comma)}${fmt.pad}}`;
}

/** `"key": value` for a member written at `indent`. */
export function jsonMember(key: string, value: FixValue, indent: string, fmt: JsonFormat): string {
  return `${JSON.stringify(key)}${fmt.colon}${jsonValue(value, indent, fmt)}`;
}
