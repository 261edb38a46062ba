// `secure-iac fix`: applies the quick-fixes the editor offers, file by file, checking each result before writing it.
//
// Fixes run in rounds (one fix can make another applicable, as a new versioning resource does for MFA delete), each
// round taking the non-overlapping fixes of a fresh lint. A file whose fixed text has more parse errors than before
// is not written. Writes are atomic and keep the file's mode and line endings.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { lintDocument } from '../engine/lint/lint';
import { applyEdits, editsCollide } from '../engine/positions';
import type { EngineConfig, Finding } from '../engine/types';
import type { IacDocument } from '../model/document';
import type { IacNode } from '../model/nodes';
import { parseDocument } from '../parsers/index';
import { readModuleVariables, readParameterFiles } from '../scan/input-values';
import { writeFileAtomic } from './atomic-write';

/** Enough for chains of dependent fixes; a fix that keeps re-offering itself cannot loop forever. */
const MAX_ROUNDS = 8;

export interface FixOptions {
  config: EngineConfig;
  includeReview: boolean;
  dryRun: boolean;
  parameterFiles: readonly string[];
  varFiles: readonly string[];
  maxFileSize: number;
}

export interface FileFix {
  path: string;
  before: string;
  after: string;
  applied: number;
  /** Why the fixed text was not written (it would not parse). */
  refused?: string;
}

export interface FixOutcome {
  files: FileFix[];
  errors: { path: string; message: string }[];
}

function crlf(text: string): boolean {
  const lf = (text.match(/\n/g) ?? []).length;
  return lf > 0 && (text.match(/\r\n/g) ?? []).length * 2 > lf;
}

/** Fixes every file in `paths` (already walked and filtered). */
export async function fixFiles(paths: readonly string[], options: FixOptions): Promise<FixOutcome> {
  const texts = new Map<string, string>();
  const errors: FixOutcome['errors'] = [];
  for (const path of paths) {
    try {
      texts.set(path, readFileSync(path, 'utf8'));
    } catch (err) {
      errors.push({ path, message: err instanceof Error ? err.message : String(err) });
    }
  }
  const parameters = await readParameterFiles(options.parameterFiles);
  const variables = new Map<string, Map<string, IacNode>>();
  const files: FileFix[] = [];
  for (const [path, original] of texts) {
    if (Buffer.byteLength(original) > options.maxFileSize) continue;
    const first = parseDocument(path, original);
    if (!first) continue;
    let inputValues: ReadonlyMap<string, IacNode> | undefined = parameters;
    if (first.family === 'terraform') {
      const dir = dirname(path);
      if (!variables.has(dir)) variables.set(dir, await readModuleVariables(dir, options.varFiles));
      inputValues = variables.get(dir);
    }
    // The module's other files as they are now (fixed ones already carry their fixes).
    const siblings = (): IacDocument[] =>
      first.family !== 'terraform'
        ? []
        : [...texts].filter(([p]) => p !== path && dirname(p) === dirname(path)).flatMap(([p, t]) => parseDocument(p, t) ?? []);
    let text = original;
    let applied = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const doc = parseDocument(path, text);
      if (!doc) break;
      const result = lintDocument(doc, { config: options.config, module: siblings(), ...(inputValues ? { inputValues } : {}) });
      const chosen = chooseFixes(result.findings, options.includeReview);
      if (chosen.count === 0) break;
      text = applyEdits(text, chosen.edits);
      applied += chosen.count;
    }
    if (applied === 0) continue;
    if (crlf(original)) text = text.replace(/\r?\n/g, '\r\n');
    const before = first.errors.length;
    const after = parseDocument(path, text)?.errors.length ?? Number.POSITIVE_INFINITY;
    const fix: FileFix = { path, before: original, after: text, applied };
    if (after > before) fix.refused = `the fixed text would not parse (${after} parse error${after === 1 ? '' : 's'} instead of ${before}); nothing written`;
    files.push(fix);
    if (!fix.refused) texts.set(path, text);
  }
  if (!options.dryRun) {
    for (const f of files) {
      if (f.refused) continue;
      try {
        writeFileAtomic(f.path, f.after);
      } catch (err) {
        f.refused = `cannot write: ${err instanceof Error ? err.message : String(err)}`;
      }
    }
  }
  return { files, errors };
}

/** The first fix of each visible finding that is allowed and does not overlap one already taken. */
function chooseFixes(findings: readonly Finding[], includeReview: boolean): { edits: { start: number; end: number; newText: string }[]; count: number } {
  const edits: { start: number; end: number; newText: string }[] = [];
  let count = 0;
  for (const f of findings) {
    if (f.suppressed) continue;
    const fix = f.fixes.find((x) => x.safety === 'safe' || includeReview);
    if (!fix || fix.edits.length === 0 || editsCollide(fix.edits, edits)) continue;
    edits.push(...fix.edits);
    count++;
  }
  return { edits, count };
}

/** A unified diff of one file's fix, for `--dry-run`. */
export function unifiedDiff(display: string, f: FileFix): string {
  const patch = createTwoFilesPatch(`a/${display}`, `b/${display}`, f.before, f.after, undefined, undefined, { context: 3 });
  // git's layout: no `Index:` / `====` banner above the file headers.
  return patch.replace(/^(Index: .*\n)?=+\n/, '');
}
