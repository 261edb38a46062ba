// Reads shell / user-data text out of a value however it is written: a plain or base64 string, `Fn::Base64`,
// `Fn::Sub`, `Fn::Join`, parameters with defaults (CloudFormation); string literals, templates, heredocs,
// `base64encode(…)`, variables with defaults and locals (Terraform). What cannot be known is a hole.
import type { ValueView } from '../api';
import { subTemplate, terraformName, terraformTemplate, type TemplatePiece } from './template-text';

/** Stands for text nothing in the file decides (an attribute, a pseudo parameter, a function result). */
export const HOLE = '\u0000';

/** Text that came from an input's default (or a local) rather than from the value itself. */
export interface TextOrigin {
  start: number;
  end: number;
  /** Where to report: judged at the default, reported at the use, with a related location at the default. */
  view: ValueView;
  /** The input whose default this is (undefined for a local's own text). */
  input?: string;
}

export interface ScriptText {
  /** The text with every unknown part replaced by `HOLE`. */
  text: string;
  origins: TextOrigin[];
}

/** Functions whose text is in another file: the value is not read at all (the catalogue: silent). */
const NOT_READ = new Set(['file', 'filebase64', 'templatefile']);

export interface ReadOptions {
  /** The string is base64 (`user_data_base64`, a launch template's `user_data`, CloudFormation `UserData`). */
  base64: 'always' | 'if-decodes' | 'never';
}

/** Standard or URL-safe base64 (whitespace ignored) decoded as UTF-8, or undefined when it is not that. */
export function decodeBase64Text(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 8 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  try {
    const binary = atob(compact);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // Control characters other than whitespace mean binary data (a gzip'd cloud-init), not text to read.
    return /[\u0000-\u0008\u000e-\u001f]/.test(decoded) ? undefined : decoded;
  } catch {
    return undefined;
  }
}

class Builder {
  text = '';
  origins: TextOrigin[] = [];
  /** Set when a part reads a file (`file()`, `templatefile()`): the whole value is left unread. */
  unread = false;

  hole(): void {
    if (!this.text.endsWith(HOLE)) this.text += HOLE;
  }

  add(text: string): void {
    this.text += text;
  }
}

/** The script text of `value`; undefined when it is missing, or built from a file the engine does not read. */
export function readScriptText(value: ValueView, options: ReadOptions): ScriptText | undefined {
  if (value.isMissing()) return undefined;
  const out = new Builder();
  read(value, options.base64, out, 0);
  if (out.unread || out.text.replace(new RegExp(HOLE, 'g'), '') === '') return undefined;
  return { text: out.text, origins: out.origins };
}

/**
 * Text already split into template pieces (a string inside heredoc JSON), with its Terraform interpolations resolved
 * against `at`: `var.x` / `local.x` read from the file, anything else a hole. Reports land at `at`.
 */
export function readTemplatePieces(pieces: readonly TemplatePiece[], at: ValueView): ScriptText {
  const out = new Builder();
  readPieces(pieces, at, 'terraform', out, 0);
  return { text: out.text, origins: out.origins };
}

function read(value: ValueView, base64: ReadOptions['base64'], out: Builder, depth: number): void {
  const w = value.written();
  if (!w || depth > 12) return out.hole();
  switch (w.kind) {
    case 'scalar': {
      if (typeof w.value !== 'string') return out.add(w.value === null ? '' : String(w.value));
      const decoded = base64 === 'never' ? undefined : decodeBase64Text(w.value);
      if (decoded !== undefined) return out.add(decoded);
      // A value that must be base64 but is not is not user data as the service reads it.
      return base64 === 'always' ? out.hole() : out.add(w.value);
    }
    case 'call':
      return readCall(w.fn, w.args, value, base64, out, depth);
    case 'ref': {
      const named = w.path.length === 2 ? terraformName(w.path.join('.')) : undefined;
      return named ? readNamed(value, named.kind, named.name, base64, out, depth) : out.hole();
    }
    case 'template': {
      const pieces = terraformTemplate(w.text);
      if (!pieces) return out.hole();
      // A `.tf.json` string that is one interpolation of `base64encode("…")` reads as its argument.
      const only = pieces.length === 1 ? pieces[0] : undefined;
      if (only && 'interpolation' in only) {
        const arg = /^base64encode\(\s*"((?:[^"\\]|\\.)*)"\s*\)$/s.exec(only.interpolation);
        if (arg) return readPieces(terraformTemplate(`"${arg[1] as string}"`) ?? [], value, 'terraform', out, depth);
        if (/^(file|filebase64|templatefile)\(/.test(only.interpolation)) {
          out.unread = true;
          return;
        }
      }
      return readPieces(pieces, value, 'terraform', out, depth);
    }
    default:
      return out.hole();
  }
}

function readCall(fn: string, args: readonly ValueView[], value: ValueView, base64: ReadOptions['base64'], out: Builder, depth: number): void {
  const [first, second] = args;
  if (NOT_READ.has(fn)) {
    out.unread = true;
    return;
  }
  if ((fn === 'Fn::Base64' || fn === 'base64encode') && first) return read(first, 'never', out, depth + 1);
  if (fn === 'Ref' && first) {
    const name = first.written();
    return name?.kind === 'scalar' && typeof name.value === 'string' ? readNamed(value, 'input', name.value, base64, out, depth) : out.hole();
  }
  if (fn === 'Fn::Sub' && first) {
    const template = first.written();
    if (template?.kind !== 'scalar' || typeof template.value !== 'string') return out.hole();
    const vars = second?.written();
    const given = new Map(vars?.kind === 'map' ? vars.entries.map((e) => [e.key, e.value] as const) : []);
    for (const piece of subTemplate(template.value)) {
      if ('text' in piece) out.add(piece.text);
      else if (given.has(piece.interpolation)) read(given.get(piece.interpolation) as ValueView, 'never', out, depth + 1);
      else if (/^[A-Za-z0-9]+$/.test(piece.interpolation)) readNamed(value, 'input', piece.interpolation, 'never', out, depth);
      else out.hole();
    }
    return;
  }
  if (fn === 'Fn::Join' && first && second) {
    const sep = first.written();
    const parts = second.written();
    if (sep?.kind !== 'scalar' || parts?.kind !== 'list') return out.hole();
    parts.items.forEach((part, i) => {
      if (i > 0) out.add(String(sep.value ?? ''));
      read(part, 'never', out, depth + 1);
    });
    return;
  }
  // Anything else the engine resolves from the file itself (`Fn::FindInMap` of a `Mappings` literal) is text too.
  const resolved = fn === 'Fn::FindInMap' ? value.asString() : undefined;
  if (resolved !== undefined) return out.add(resolved);
  out.hole();
}

function readPieces(pieces: readonly TemplatePiece[], value: ValueView, family: 'terraform', out: Builder, depth: number): void {
  for (const piece of pieces) {
    if ('text' in piece) {
      out.add(piece.text);
      continue;
    }
    const named = family === 'terraform' ? terraformName(piece.interpolation) : undefined;
    if (named) readNamed(value, named.kind, named.name, 'never', out, depth);
    else out.hole();
  }
}

/** An input's default (never a parameter-file / tfvars value: clarification 1) or a local, noted as an origin. */
function readNamed(value: ValueView, kind: 'input' | 'local', name: string, base64: ReadOptions['base64'], out: Builder, depth: number): void {
  const declared = value.declared(kind, name);
  if (!declared) return out.hole();
  const start = out.text.length;
  read(declared, base64, out, depth + 1);
  const end = out.text.length;
  // An empty default is supplied at deploy time: nothing of the file is in it.
  if (kind === 'input' && out.text.slice(start, end).trim() === '') return;
  if (end > start) out.origins.push({ start, end, view: declared, input: kind === 'input' ? name : undefined });
}

/** The origin covering `[start, end)`: the narrowest, and of equal ones the innermost (an input read through a local is pushed first); undefined when the text is written in the value. */
export function originOf(script: ScriptText, start: number, end: number): TextOrigin | undefined {
  let found: TextOrigin | undefined;
  for (const o of script.origins) {
    if (o.start <= start && end <= o.end && (!found || o.end - o.start < found.end - found.start)) found = o;
  }
  return found;
}

/** `NAME=value`, `export NAME=value`, `NAME: value` (also quoted names, as in JSON or YAML written by a script). */
export interface ScriptAssignment {
  name: string;
  value: string;
  /** Offsets of the value in the script text. */
  start: number;
  end: number;
}

// A name not inside a longer name nor right after `$` / `{` (a shell expansion such as `${DB_PASSWORD:-x}` reads a
// variable, it does not set one); bounded repetitions keep the scan linear.
const ASSIGNMENT = /(?<![A-Za-z0-9_.$\-{])([A-Za-z_][A-Za-z0-9_.-]{0,127})(["']?)[ \t]{0,4}([=:])([ \t]{0,4})/g;

/**
 * Whether only blanks (or `export `) precede an offset on its line. Offsets must come in increasing order: the line
 * start is found by scanning forward once over the whole text, and at most 200 characters are looked at per call.
 */
function lineStartChecker(text: string): (at: number) => boolean {
  let lineStart = 0;
  // The first newline at or after `lineStart` (text.length when there is none): each newline is found once.
  let nextNewline = text.indexOf('\n');
  if (nextNewline < 0) nextNewline = text.length;
  return (at) => {
    while (nextNewline < at) {
      lineStart = nextNewline + 1;
      nextNewline = text.indexOf('\n', lineStart);
      if (nextNewline < 0) nextNewline = text.length;
    }
    return at - lineStart <= 200 && /^[ \t]*(export[ \t]+)?$/.test(text.slice(lineStart, at));
  };
}

/** The longest value read for one assignment (a longer run is data, not a value someone typed). */
const MAX_VALUE = 4096;

/** Every assignment in the script, with the value as the shell / YAML would read it (quotes removed). */
export function scriptAssignments(text: string): ScriptAssignment[] {
  const out: ScriptAssignment[] = [];
  const startsLine = lineStartChecker(text);
  const pattern = new RegExp(ASSIGNMENT.source, 'g');
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const [whole, name, quoted, sep, space] = m as unknown as [string, string, string, string, string];
    // `key: value` needs the space YAML needs (or a quoted JSON key), so `arn:aws:…:secret:x` and URLs are not
    // assignments. A shell `NAME=value` has no space around `=`; with spaces it is a config-file line (`[default]` /
    // `aws_secret_access_key = …` written by the script) only when the name starts the line — mid-line it is code.
    const spaced = sep === '=' && (space !== '' || /[ \t]$/.test(whole.slice(0, whole.length - 1 - space.length)));
    if (sep === ':' && quoted === '' && space === '' && !/[\r\n]/.test(text[m.index + whole.length] ?? '\n')) continue;
    if (spaced && !startsLine(m.index)) continue;
    let start = m.index + whole.length;
    const quote = text[start];
    const quotedValue = quote === '"' || quote === "'";
    if (quotedValue) start++;
    // The value ends at the closing quote (never past the line); unquoted, `NAME=value` at whitespace or a separator
    // and `NAME: value` at the end of the line or a comment, both at a quote (the end of an `echo "key: value"`).
    // A value is at most MAX_VALUE characters, and the next search starts after it: the scan stays linear.
    const stop = quotedValue
      ? (c: string) => c === quote || c === '\n'
      : sep === ':'
        ? (c: string) => /[\r\n#"']/.test(c)
        : (c: string) => /[\s;&|,)}\]"']/.test(c);
    const limit = Math.min(text.length, start + MAX_VALUE);
    let end = start;
    while (end < limit && !stop(text[end] as string)) end++;
    pattern.lastIndex = Math.max(pattern.lastIndex, end);
    if (quotedValue && text[end] !== quote) continue;
    if (!quotedValue) while (end > start && /\s/.test(text[end - 1] as string)) end--;
    const value = text.slice(start, end);
    // `password = os.environ[...]`, `token = config.get(...)`: an expression in a program, not a written value.
    if (spaced && !quotedValue && /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+/.test(value)) continue;
    out.push({ name, value, start, end });
  }
  return out;
}
