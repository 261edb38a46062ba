// `secure-iac fix`: applies the quick-fixes the editor offers, file by file, checking each result before writing it.
//
// The same fix-all loop as the editor's (engine/fix-all.ts): rounds of non-overlapping fixes over fresh lints, keeping
// the last text that parsed. Writes are atomic and keep the file's mode and line endings.
import { readInputFileSync, TooLargeError } from '../workspace/input-file';
import { createTwoFilesPatch } from 'diff';
import { applySafeFixes } from '../engine/fixes/fix-all';
import type { EngineConfig } from '../engine/types';
import { parseDocument } from '../parsers/index';
import { compositionFor, compositionGroups, lintComposed, withDocument } from '../scan/scan-files';
import type { LintResult } from '../engine/types';
import type { IacDocument } from '../model/document';
import { writeFileAtomic } from './atomic-write';

export interface FixOptions {
  config: EngineConfig;
  includeReview: boolean;
  dryRun: boolean;
  parameterFiles: readonly string[];
  varFiles: readonly string[];
  maxFileSize: number;
  /** Folders a module's own tfvars must resolve into. */
  inputRoots?: readonly string[];
  /** Named files: their directory, callers and called modules (found under this folder) are context, as in `scan`. */
  moduleSearchRoot?: string;
}

export interface FileFix {
  path: string;
  before: string;
  after: string;
  applied: number;
  /** Why the fixed text was not written (it could not be). */
  refused?: string;
  /** Something the user should know about a file that was fixed. */
  note?: string;
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
      texts.set(path, readInputFileSync(path, options.maxFileSize));
    } catch (err) {
      if (err instanceof TooLargeError) continue; // over the limit: not fixed, as `scan` does not check it
      errors.push({ path, message: err instanceof Error ? err.message : String(err) });
    }
  }
  // Judged as `scan` judges them: a module call's argument or a parent stack's parameter value that decides a finding
  // in what it calls is reported (and fixed) in the caller's file. Fixed files replace their document as they go, so
  // later files are linted against the texts as they now are.
  const docs = [...texts].flatMap(([path, text]) => (Buffer.byteLength(text) > options.maxFileSize ? [] : (parseDocument(path, text) ?? [])));
  let composition = await compositionFor(docs, {
    parameterFiles: options.parameterFiles,
    varFiles: options.varFiles,
    maxFileSize: options.maxFileSize,
    ...(options.inputRoots ? { inputRoots: options.inputRoots } : {}),
    ...(options.moduleSearchRoot !== undefined ? { moduleSearchRoot: options.moduleSearchRoot } : {}),
  });
  const lintOptions = { config: options.config };
  // The unchanged files' results, linted a group at a time as the scan does (a file alone would lint its whole
  // module graph once per file); a fix makes its group's results stale.
  const groupOf = compositionGroups(composition);
  const current = new Map(docs.map((d) => [d.uri, d]));
  const fresh = new Map<string, LintResult>();
  const resultOf = (doc: IacDocument): LintResult | undefined => {
    if (!fresh.has(doc.uri)) {
      const group = groupOf(doc.uri);
      const members = [...current.values()].filter((d) => groupOf(d.uri) === group);
      for (const [d, r] of lintComposed(composition, members, lintOptions)) fresh.set(d.uri, r);
    }
    return fresh.get(doc.uri);
  };
  const files: FileFix[] = [];
  for (const first of docs) {
    const path = first.uri;
    const original = texts.get(path) ?? first.text;
    const lint = (text: string) => {
      if (text === original) return resultOf(first);
      const doc = parseDocument(path, text);
      return doc && lintComposed(withDocument(composition, doc), [doc], lintOptions).get(doc);
    };
    const outcome = applySafeFixes(original, lint, { includeReview: options.includeReview });
    // Fixes that would break the file are left out (the last text that parsed is kept), and the user is told.
    const broken = outcome.stoppedUnparsable ? 'some fixes were left out: with them the file would not parse' : undefined;
    if (outcome.applied === 0) {
      if (broken) files.push({ path, before: original, after: original, applied: 0, refused: `${broken}; nothing written` });
      continue;
    }
    const text = crlf(original) ? outcome.text.replace(/\r?\n/g, '\r\n') : outcome.text;
    files.push({ path, before: original, after: text, applied: outcome.applied, ...(broken ? { note: broken } : {}) });
    const fixed = parseDocument(path, text);
    if (fixed) {
      composition = withDocument(composition, fixed);
      current.set(path, fixed);
      const group = groupOf(path);
      for (const uri of [...fresh.keys()]) if (groupOf(uri) === group) fresh.delete(uri);
    }
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

/** A unified diff of one file's fix, for `--dry-run`. */
export function unifiedDiff(display: string, f: FileFix): string {
  const patch = createTwoFilesPatch(`a/${display}`, `b/${display}`, f.before, f.after, undefined, undefined, { context: 3 });
  // git's layout: no `Index:` / `====` banner above the file headers.
  return patch.replace(/^(Index: .*\n)?=+\n/, '');
}
