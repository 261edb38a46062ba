// Mutation fuzzing of the engine over the shared corpus: the generators and the property, shared by the short seeded
// run in `npm test` and the long `npm run fuzz`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { lintText } from '../../server/src/engine/lint/lint';
import { initParsers } from '../../server/src/parsers/index';

/** The shared corpus, beside the repository. */
export const CORPUS_ROOTS = ['kics', 'realworld'].map((d) => path.resolve(__dirname, '../../../shared/corpus', d));

/** Files whose mutations the engine must survive: every template or Terraform file of the corpus. */
export interface Seed {
  /** The name the engine sees; its extension picks the parser, so a mutated file keeps it. */
  name: string;
  text: string;
}

const SEED_FILE = /\.(ya?ml|json|template|tf)$/i;
/** Corpus bookkeeping, not templates. */
const NOT_SEEDS = new Set(['manifest.json', 'queries.json']);

/** Every seed file under the corpus roots, in a stable order so that a seed number always means the same case. */
export function loadSeeds(roots: readonly string[] = CORPUS_ROOTS): Seed[] {
  const out: Seed[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && SEED_FILE.test(entry.name) && !NOT_SEEDS.has(entry.name) && statSync(full).size < 512 * 1024) {
        out.push({ name: full, text: readFileSync(full, 'utf8') });
      }
    }
  };
  for (const root of roots) walk(root);
  return out;
}

/**
 * Fragments of every syntax, inserted anywhere: a YAML token in a .tf file is as likely a keystroke as one in a
 * .yaml file, and each parser must survive the other's punctuation.
 */
export const TOKENS: readonly string[] = [
  // YAML
  '!Ref ',
  '!Sub "${',
  '!GetAtt ',
  '!If [',
  '&a ',
  '*a',
  '<<: *a\n',
  '- ',
  ': ',
  '? ',
  '|\n',
  '>-\n',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '!!binary ',
  '!!map ',
  'Fn::If:',
  'Type: AWS::S3::Bucket\n',
  '\t',
  '\n  ',
  '\n    - ',
  "'",
  '#',
  // JSON
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\u',
  '\\',
  'null',
  '1e999',
  '-0',
  '{"Ref":',
  '"Type":"AWS::EC2::Volume"',
  '{"Fn::Sub":"${',
  // HCL
  '${',
  '%{',
  '%{ endif }',
  '<<EOF\n',
  '<<-EOT\n',
  '\nEOF\n',
  '= ',
  'resource "aws_s3_bucket" "x" {\n',
  'dynamic "x" {\n',
  'for_each = ',
  'count = ',
  '? 1 : ',
  '/*',
  '*/',
  '//',
  'var.',
  'local.',
  '=> ',
  '...',
  'each.value',
  'lookup(',
  '(',
  ')',
  // Odd characters
  '\uFEFF',
  '\u0000',
  '\r\n',
  '\r',
  '\u2028',
  '\uD800',
  '😀',
  '\u00A0',
];

export type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'deleteLine'; at: number }
  | { kind: 'duplicateLine'; at: number }
  | { kind: 'insert'; at: number; token: number };

/**
 * Positions are fractions of the current text's length, so one mutation applies to any seed. Drawn as integers:
 * fast-check's doubles crowd around 0, which would mutate only the first bytes of every file.
 */
const fraction = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fraction, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  fc.record({ kind: fc.constant('deleteLine' as const), at: fraction }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fraction }),
  fc.record({ kind: fc.constant('insert' as const), at: fraction, token: fc.integer({ min: 0, max: TOKENS.length - 1 }) }),
);

/** One fuzz case: which seed file, and what is done to it in order. */
export interface FuzzCase {
  seed: number;
  mutations: Mutation[];
}

export function caseArb(seedCount: number): fc.Arbitrary<FuzzCase> {
  return fc.record({ seed: fc.integer({ min: 0, max: seedCount - 1 }), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 6 }) });
}

/** Applies one mutation. Byte flips work on UTF-8 bytes and decode leniently, as an editor reading the file would. */
export function mutate(text: string, m: Mutation): string {
  const pos = (len: number) => Math.floor(m.at * len);
  switch (m.kind) {
    case 'flip': {
      const bytes = Buffer.from(text, 'utf8');
      if (bytes.length === 0) return text;
      const i = pos(bytes.length);
      bytes[i] = (bytes[i] as number) ^ (1 << m.bit);
      return bytes.toString('utf8');
    }
    case 'truncate':
      return text.slice(0, pos(text.length));
    case 'deleteLine':
    case 'duplicateLine': {
      const lines = text.split('\n');
      const i = pos(lines.length);
      if (m.kind === 'deleteLine') lines.splice(i, 1);
      else lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'insert': {
      const i = pos(text.length + 1);
      return text.slice(0, i) + (TOKENS[m.token] ?? '') + text.slice(i);
    }
  }
}

export function applyCase(seeds: readonly Seed[], c: FuzzCase): Seed {
  const seed = seeds[c.seed] as Seed;
  return { name: seed.name, text: c.mutations.reduce(mutate, seed.text) };
}

/** Per-case time limit: a keystroke's lint, not a batch job. */
export const CASE_LIMIT_MS = 1000;

export interface CaseOutcome {
  ms: number;
  findings: number;
}

/**
 * The property: linting never throws and no rule fails, every finding, parse error and fix edit lies inside the
 * document, and the case finishes within CASE_LIMIT_MS. Throws an Error saying which part failed.
 */
export function checkCase(input: Seed): CaseOutcome {
  const started = performance.now();
  const result = lintText(input.name, input.text);
  const ms = performance.now() - started;
  const len = input.text.length;
  const inside = (r: { start: number; end: number }, what: string) => {
    if (!(Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start <= r.end && r.end <= len)) {
      throw new Error(`${what} range ${r.start}-${r.end} is outside the ${len}-character document`);
    }
  };
  for (const e of result.errors) inside(e.range, `parse error "${e.message}"`);
  for (const f of result.findings) {
    inside(f.range, `finding ${f.ruleId}`);
    if (f.resource) inside(f.resource.range, `finding ${f.ruleId} resource`);
    for (const fix of f.fixes) for (const edit of fix.edits) inside(edit, `fix "${fix.title}" edit`);
  }
  const failure = result.ruleFailures[0];
  if (failure) throw new Error(`rule ${failure.ruleId} threw: ${failure.message.split('\n').slice(0, 3).join(' | ')}`);
  if (ms > CASE_LIMIT_MS) throw new Error(`took ${ms.toFixed(0)} ms (limit ${CASE_LIMIT_MS} ms)`);
  return { ms, findings: result.findings.length };
}

/** Loads the tree-sitter grammar once per process. */
let parsersReady: Promise<void> | undefined;
export function initParsersOnce(): Promise<void> {
  return (parsersReady ??= initParsers());
}
