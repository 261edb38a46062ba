// The broken-input suite: real Terraform files damaged the ways an editor sees them (cut anywhere, unclosed strings,
// heredocs and braces, a stray `=`, a half-typed attribute or block header). For each case, with each parser:
// do the findings of the intact top-level blocks equal those of the file without the damaged block, and is there a
// parse error on the line of the break (and only one)? Shared by the test (a sample) and scripts/hcl-broken-suite.ts.
import type { IacDocument } from '../../server/src/model/document';
import { lintDocument } from '../../server/src/engine/lint/lint';
import { parseTerraformHcl } from '../../server/src/parsers/terraform-hcl';
import { parseTerraformHclTreeSitter } from './tree-sitter-terraform';

export type DamageKind =
  | 'cut'
  | 'unclosed string'
  | 'stray ='
  | 'half-typed attribute'
  | 'half-typed block header'
  | 'unclosed nested brace'
  | 'unclosed block brace'
  | 'unclosed heredoc';

export interface BrokenCase {
  kind: DamageKind;
  file: string;
  /** The damaged text. */
  text: string;
  /** The intact text with the damaged top-level block blanked (spaces, newlines kept): what the intact parts say. */
  reference: string;
  /** 0-based line of the break in `text`; a removed `}` line breaks between two lines, and either is right. */
  breakLine: number;
  breakLineAlso?: number;
  /** Offset of the break in `text`: an error separated from it by blanks and comments only is on it too. */
  breakOffset: number;
  /** Addresses of the top-level blocks the damage did not touch. */
  intact: ReadonlySet<string>;
  /** Whether the damaged text is invalid (a cut between blocks or inside a comment leaves a valid file). */
  expectError: boolean;
}

export interface Outcome {
  intactEqual: boolean;
  /** An error on the line of the break, or none at all where the damaged text is still valid. */
  errorOnBreakLine: boolean;
  /** Exactly one error (none where the damaged text is still valid). */
  oneError: boolean;
}

export type Parser = (uri: string, text: string) => IacDocument;
export const PARSERS: Record<'hcl' | 'tree-sitter', Parser> = { hcl: parseTerraformHcl, 'tree-sitter': parseTerraformHclTreeSitter };

interface TopBlock {
  start: number;
  end: number;
  address: string;
}

function topBlocks(doc: IacDocument): TopBlock[] {
  const all: TopBlock[] = [
    ...doc.resources.map((r) => ({ start: r.range.start, end: r.range.end, address: r.address })),
    ...doc.inputs.map((i) => ({ start: i.range.start, end: i.range.end, address: `var.${i.name}` })),
    ...doc.blocks.map((b) => ({ start: b.range.start, end: b.range.end, address: [b.type, ...b.labels].join('.') })),
  ];
  return all.sort((a, b) => a.start - b.start);
}

const blank = (s: string): string => s.replace(/[^\n]/g, ' ');
const lineAt = (text: string, offset: number): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** The cases for one valid file: `cuts` cut positions (every offset when 'all') and up to `perKind` of each other kind. */
export function casesFor(
  file: string,
  text: string,
  options: { cuts: number | 'all'; perKind: number; only?: DamageKind; heredocs?: number },
): BrokenCase[] {
  const doc = parseTerraformHcl(file, text);
  if (doc.errors.length > 0) return [];
  const blocks = topBlocks(doc);
  const out: BrokenCase[] = [];
  const blockAt = (offset: number) => blocks.find((b) => b.start <= offset && offset < b.end);
  /** A case damaging the top-level block around `offset` of the original; `edit` gives the damaged text and break offset. */
  const damage = (kind: DamageKind, offset: number, edited: string, breakOffset: number, alsoOffset?: number): void => {
    const hit = blockAt(offset);
    if (!hit) return;
    const reference = text.slice(0, hit.start) + blank(text.slice(hit.start, hit.end)) + text.slice(hit.end);
    const intact = new Set(blocks.filter((b) => b !== hit).map((b) => b.address));
    const also = alsoOffset === undefined ? {} : { breakLineAlso: lineAt(edited, alsoOffset) };
    out.push({ kind, file, text: edited, reference, breakLine: lineAt(edited, breakOffset), ...also, breakOffset, intact, expectError: true });
  };

  // Cuts: the intact blocks are those wholly before the cut; the reference blanks the rest.
  const positions = options.cuts === 'all' ? [...Array(text.length).keys()] : spread(text.length, options.cuts);
  for (const cut of positions) {
    const whole = blocks.filter((b) => b.end <= cut);
    const lastEnd = whole.length ? (whole[whole.length - 1] as TopBlock).end : 0;
    const reference = text.slice(0, lastEnd) + blank(text.slice(lastEnd, cut));
    const inside = blocks.some((b) => b.start < cut && cut < b.end);
    out.push({
      kind: 'cut',
      file,
      text: text.slice(0, cut),
      reference,
      breakLine: lineAt(text, cut),
      breakOffset: cut,
      intact: new Set(whole.map((b) => b.address)),
      expectError: inside,
    });
  }

  const lines = [...text.matchAll(/^.*$/gm)].map((m) => ({ start: m.index ?? 0, line: m[0] }));
  const pick = <T>(items: T[]): T[] => spread(items.length, options.perKind).map((i) => items[i] as T);
  const attrs = lines.filter((l) => /^\s+[\w-]+\s*=\s*\S/.test(l.line) && !/<<|[[{(]\s*$/.test(l.line));
  for (const l of pick(attrs.filter((a) => /"[^"]*"\s*$/.test(a.line)))) {
    const q = l.start + l.line.lastIndexOf('"');
    damage('unclosed string', q, text.slice(0, q) + text.slice(q + 1), q);
  }
  for (const l of pick(attrs)) {
    const eq = l.start + l.line.indexOf('=') + 1;
    damage('stray =', eq, `${text.slice(0, eq)} =${text.slice(eq)}`, eq);
  }
  for (const l of pick(attrs)) {
    const eq = l.start + l.line.indexOf('=') + 1;
    const end = l.start + l.line.length;
    damage('half-typed attribute', eq, text.slice(0, eq) + text.slice(end), eq);
  }
  for (const b of pick(blocks)) {
    const header = 'resource "aws_s3_bucket"\n';
    damage('half-typed block header', b.start, text.slice(0, b.start) + header + text.slice(b.start), b.start);
  }
  const closers = lines.filter((l) => /^\s*\}\s*$/.test(l.line));
  for (const l of pick(closers.filter((c) => /^\s+\}/.test(c.line)))) {
    const prevEnd = l.start - 1; // the break: the end of the line before the removed `}`
    damage('unclosed nested brace', l.start, text.slice(0, l.start) + text.slice(l.start + l.line.length + 1), prevEnd, l.start);
  }
  for (const l of pick(closers.filter((c) => /^\}/.test(c.line)))) {
    const prevEnd = l.start - 1;
    damage('unclosed block brace', l.start - 1, text.slice(0, l.start) + text.slice(l.start + l.line.length + 1), prevEnd, l.start);
  }
  const heredocs = lines.filter((x) => /<<-?\s*([A-Za-z_]\w*)\s*$/.test(x.line));
  for (const l of spread(heredocs.length, options.heredocs ?? options.perKind).map((i) => heredocs[i] as (typeof heredocs)[number])) {
    const marker = /<<-?\s*([A-Za-z_]\w*)\s*$/.exec(l.line)?.[1] as string;
    const close = lines.find((x) => x.start > l.start && x.line.trim() === marker);
    if (!close) continue;
    // The break is where the marker line was; the opener's line names the heredoc, so an error there is right too.
    damage('unclosed heredoc', l.start, text.slice(0, close.start) + text.slice(close.start + close.line.length + 1), close.start, l.start);
  }
  return options.only ? out.filter((c) => c.kind === options.only) : out;
}

/** Whether `text[from, to)` holds nothing but blanks and comments. */
function onlyCommentsBetween(text: string, from: number, to: number): boolean {
  return /^\s*$/.test(text.slice(from, to).replace(/\/\*[\s\S]*?\*\/|(#|\/\/)[^\n]*/g, ''));
}

/** `count` offsets spread evenly over [0, n). */
function spread(n: number, count: number): number[] {
  if (n <= 0 || count <= 0) return [];
  if (count >= n) return [...Array(n).keys()];
  return [...Array(count).keys()].map((i) => Math.floor(((i + 0.5) * n) / count));
}

/** What one parser makes of one case. */
export function judge(c: BrokenCase, parse: Parser): Outcome {
  const broken = parse(c.file, c.text);
  const reference = parse(c.file, c.reference);
  const key = (doc: IacDocument) =>
    lintDocument(doc)
      .findings.filter((f) => f.resource && c.intact.has(f.resource.address))
      .map((f) => `${f.ruleId}|${f.messageId}|${f.resource?.address}|${doc.text.slice(f.range.start, f.range.end)}`)
      .sort();
  const a = key(broken);
  const b = key(reference);
  const intactEqual = a.length === b.length && a.every((x, i) => x === b[i]);
  const lines = broken.errors.map((e) => lineAt(c.text, e.range.start));
  if (!c.expectError) return { intactEqual, errorOnBreakLine: lines.length === 0, oneError: lines.length === 0 };
  const onLine =
    lines.includes(c.breakLine) ||
    (c.breakLineAlso !== undefined && lines.includes(c.breakLineAlso)) ||
    broken.errors.some((e) => onlyCommentsBetween(c.text, Math.min(e.range.start, c.breakOffset), Math.max(e.range.start, c.breakOffset)));
  return { intactEqual, errorOnBreakLine: onLine, oneError: broken.errors.length === 1 };
}
