// Terraform string rules shared by both syntaxes: escapes, heredoc bodies, and `${...}` templates in JSON strings.
import { closingBrace } from '../../../rules/lib/braces';

/**
 * Decodes the raw text between the quotes of an HCL quoted string: backslash escapes plus the template escapes
 * `$${` and `%%{`. Unknown escapes are kept as written (Terraform rejects them; we only need a best value).
 */
export function decodeQuoted(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('{')) return raw; // nothing to decode: most strings
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/gs, (m: string, esc: string | undefined) => {
    if (esc === undefined) return m.slice(1);
    switch (esc[0]) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case '"':
        return '"';
      case '\\':
        return '\\';
      case 'u':
      case 'U':
        return esc.length > 1 ? String.fromCodePoint(parseInt(esc.slice(1), 16)) : m;
      default:
        return m;
    }
  });
}

/** Template escapes only: heredocs and JSON strings have no backslash escapes of their own. */
export function decodeTemplateEscapes(raw: string): string {
  return raw.replace(/\$\$\{|%%\{/g, (m) => m.slice(1));
}

/**
 * The value of a heredoc whose body (the text between the opening line and the line of the closing marker,
 * newline included) is `body`. For `<<-` the smallest indentation of the non-blank lines is removed from every
 * line, as HCL does (https://developer.hashicorp.com/terraform/language/expressions/strings#indented-heredocs).
 */
export function heredocValue(body: string, flush: boolean): string {
  const value = decodeTemplateEscapes(body);
  if (!flush) return value;
  const lines = value.split('\n');
  let min = Infinity;
  for (const line of lines) {
    const content = line.replace(/\r$/, '');
    if (content.trim() === '') continue;
    min = Math.min(min, /^\s*/.exec(content)?.[0].length ?? 0);
  }
  if (min === Infinity || min === 0) return value;
  return lines.map((line) => (line.replace(/\r$/, '').trim() === '' ? line : line.slice(min))).join('\n');
}

/** A `${...}` or `%{...}` sequence inside a JSON string: offsets of the whole sequence and its inner text. */
export interface TemplatePart {
  start: number;
  end: number;
  /** `${` interpolation or `%{` directive. */
  directive: boolean;
  inner: string;
}

/** Finds the interpolations and directives of a Terraform JSON string value (`$${` escapes skipped). */
export function templateParts(s: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let i = 0;
  while (i < s.length - 1) {
    const c = s[i];
    if ((c === '$' || c === '%') && s[i + 1] === c && s[i + 2] === '{') {
      i += 3;
      continue;
    }
    if ((c === '$' || c === '%') && s[i + 1] === '{') {
      const end = closingBrace(s, i + 2);
      parts.push({ start: i, end, directive: c === '%', inner: s.slice(i + 2, end - 1) });
      i = end;
      continue;
    }
    i++;
  }
  return parts;
}

const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'else', 'endif', 'endfor']);
const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const STEP = /\.([A-Za-z_][A-Za-z0-9_-]*|[0-9]+|\*)|\[\s*(?:([0-9]+)|"((?:[^"\\]|\\.)*)"|(\*))\s*\]/y;

/**
 * The traversals in an expression's source text (`var.x`, `aws_s3_bucket.b.id`, `data.t.n.json[0]`), for
 * JSON strings where no grammar parses the interpolations. Function names, keywords, strings, object keys are
 * skipped, and so are names bound by a `for` in the same text. A non-literal index ends a traversal.
 */
export function scanTraversals(expr: string): string[][] {
  const bound = new Set<string>();
  for (const m of expr.matchAll(/\bfor\s+([A-Za-z_][\w-]*)(?:\s*,\s*([A-Za-z_][\w-]*))?\s+in\b/g)) {
    if (m[1]) bound.add(m[1]);
    if (m[2]) bound.add(m[2]);
  }
  const out: string[][] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i] as string;
    if (c === '"') {
      for (i++; i < expr.length && expr[i] !== '"'; i++) if (expr[i] === '\\') i++;
      i++;
      continue;
    }
    if (!/[A-Za-z_]/.test(c) || (i > 0 && /[\w.-]/.test(expr[i - 1] as string))) {
      i++;
      continue;
    }
    IDENT.lastIndex = i;
    const root = (IDENT.exec(expr) as RegExpExecArray)[0];
    i += root.length;
    const rest = expr.slice(i);
    if (KEYWORDS.has(root) || bound.has(root) || /^\s*\(/.test(rest) || /^\s*=(?!=)/.test(rest)) continue;
    const path = [root];
    for (;;) {
      STEP.lastIndex = i;
      const m = STEP.exec(expr);
      if (!m) break;
      path.push(m[1] ?? m[2] ?? (m[3] !== undefined ? decodeQuoted(m[3]) : '*'));
      i = STEP.lastIndex;
    }
    out.push(path);
  }
  return out;
}

/** Whether `expr` (an interpolation's inner text) is exactly one traversal, and that traversal. */
export function wholeTraversal(expr: string): string[] | undefined {
  const trimmed = expr.trim();
  if (!/^[A-Za-z_][\w-]*((\.([A-Za-z_][\w-]*|[0-9]+|\*))|\[\s*([0-9]+|"(?:[^"\\]|\\.)*"|\*)\s*\])*$/.test(trimmed)) return undefined;
  const refs = scanTraversals(trimmed);
  return refs.length === 1 && !KEYWORDS.has(refs[0]?.[0] ?? '') ? refs[0] : undefined;
}
