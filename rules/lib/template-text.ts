// Text written with holes: Terraform templates (quoted strings, heredocs, `.tf.json` strings) and CloudFormation
// `Fn::Sub` strings, split into literal text and the interpolations inside it. Shared by the user-data reader and the
// container-definitions reader, which both need to read text that names inputs (`${var.x}`, `${DbPassword}`).
import { closingBrace } from './braces';

/** A literal run of text, or an interpolation with its inner source (`var.x`, `DbPassword`, `aws_x.y.id`). */
export type TemplatePiece = { readonly text: string } | { readonly interpolation: string };

/** Backslash escapes shared by HCL quoted strings and JSON strings (`\n`, `\"`, `\uXXXX`, …). */
function unescapeQuoted(raw: string): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/gs, (m: string, esc: string) => {
    switch (esc[0]) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
      case 'U':
        return esc.length > 1 ? String.fromCodePoint(parseInt(esc.slice(1), 16)) : m;
      default:
        // `\"`, `\\`, `\/`; an unknown escape keeps its character (Terraform would reject it: only a best reading).
        return esc;
    }
  });
}

/**
 * The pieces of a Terraform template's source text: `"…"` (HCL or JSON escapes) or a heredoc (`<<EOT` / `<<-EOT`).
 * `$${` and `%%{` are literal; a `%{…}` directive is an interpolation (its text is decided at plan time).
 * Undefined for any other expression (a conditional, an operator, a `for`).
 */
export function terraformTemplate(source: string): TemplatePiece[] | undefined {
  const text = source.trim();
  const heredoc = /^<<(-?)\s*([A-Za-z_][\w-]*)\r?\n/.exec(text);
  if (heredoc) {
    const marker = heredoc[2] as string;
    const bodyEnd = text.lastIndexOf('\n');
    if (bodyEnd < heredoc[0].length - 1 || text.slice(bodyEnd + 1).trim() !== marker) return undefined;
    const body = text.slice(heredoc[0].length, bodyEnd + 1);
    return splitInterpolations(heredoc[1] === '-' ? outdent(body) : body, (s) => s);
  }
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    // A `.tf.json` string is JSON first (its interpolations are escaped with it); an HCL one may nest raw quotes
    // inside `${…}`, which JSON rejects, and decodes its escapes run by run.
    const json = parseJsonString(text);
    if (json !== undefined) return splitInterpolations(json, (s) => s);
    if (closesAtEnd(text)) return splitInterpolations(text.slice(1, -1), unescapeQuoted);
  }
  return undefined;
}

/** `<<-` removes the smallest indentation of the non-blank lines from every line, as HCL does. */
function outdent(body: string): string {
  const lines = body.split('\n');
  let min = Infinity;
  for (const line of lines) if (line.trim() !== '') min = Math.min(min, line.length - line.trimStart().length);
  return min === Infinity || min === 0 ? body : lines.map((line) => line.slice(Math.min(min, line.length - line.trimStart().length))).join('\n');
}

function parseJsonString(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the quote opening `text` is closed by its last character (so `"a" == "b"` is not one string). */
function closesAtEnd(text: string): boolean {
  let depth = 0;
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if ((c === '$' || c === '%') && text[i + 1] === '{' && text[i - 1] !== c) depth++;
    else if (c === '}' && depth > 0) depth--;
    else if (c === '"' && depth === 0) return false;
  }
  return true;
}

/**
 * Splits template text at `${…}` / `%{…}` (nested braces and quoted strings inside them skipped), decoding the
 * literal runs with `decode`. One pass: each character is visited a bounded number of times.
 */
function splitInterpolations(body: string, decode: (raw: string) => string): TemplatePiece[] {
  const pieces: TemplatePiece[] = [];
  let run = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i] as string;
    if ((c === '$' || c === '%') && body[i + 1] === c && body[i + 2] === '{') {
      run += `${c}{`;
      i += 3;
      continue;
    }
    if ((c === '$' || c === '%') && body[i + 1] === '{') {
      const end = closingBrace(body, i + 2);
      if (run !== '') pieces.push({ text: decode(run) });
      run = '';
      pieces.push({
        interpolation: body
          .slice(i + 2, end - 1)
          .replace(/^~|~$/g, '')
          .trim(),
      });
      i = end;
      continue;
    }
    if (c === '\\' && i + 1 < body.length) {
      run += body.slice(i, i + 2);
      i += 2;
      continue;
    }
    run += c;
    i++;
  }
  if (run !== '') pieces.push({ text: decode(run) });
  return pieces;
}

/**
 * The pieces of a CloudFormation `Fn::Sub` string: `${Name}` and `${Res.Attr}` are interpolations, `${!Text}` is the
 * literal `${Text}`.
 */
export function subTemplate(text: string): TemplatePiece[] {
  const pieces: TemplatePiece[] = [];
  let run = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('${', i);
    const close = open < 0 ? -1 : text.indexOf('}', open + 2);
    if (open < 0 || close < 0) break;
    const inner = text.slice(open + 2, close);
    run += text.slice(i, open);
    if (inner.startsWith('!')) run += `\${${inner.slice(1)}}`;
    else {
      if (run !== '') pieces.push({ text: run });
      run = '';
      pieces.push({ interpolation: inner.trim() });
    }
    i = close + 1;
  }
  run += text.slice(i);
  if (run !== '') pieces.push({ text: run });
  return pieces;
}

/** `var.name` / `local.name` in an interpolation, or undefined for anything else. */
export function terraformName(inner: string): { kind: 'input' | 'local'; name: string } | undefined {
  const m = /^(var|local)\.([A-Za-z_][\w-]*)$/.exec(inner);
  if (!m) return undefined;
  return { kind: m[1] === 'var' ? 'input' : 'local', name: m[2] as string };
}
