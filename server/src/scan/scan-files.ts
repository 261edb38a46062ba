// Reads, parses and lints a set of files, grouping Terraform files by module directory so joins see siblings.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, tooLargeMessage } from '../engine/config/file-size';
import { lintDocument, type LintOptions } from '../engine/lint/lint';
import type { Finding, RuleFailure } from '../engine/types';
import type { IacDocument, ParseError } from '../model/document';
import type { IacNode } from '../model/nodes';
import { parseDocument } from '../parsers/index';
import { readModuleVariables, readParameterFiles } from './input-values';
import { NOT_REGULAR } from './walk';
import { readInputFileSync } from '../workspace/input-file';

/**
 * One linted file. Plain data (no parse tree), so a scan worker can post it to the main thread and a large scan
 * does not keep every document's model alive until the report is written.
 */
export interface FileResult {
  path: string;
  /** The file's text, for turning offsets into lines and columns. */
  text: string;
  findings: Finding[];
  errors: ParseError[];
  ruleFailures: RuleFailure[];
}

export interface ScanResult {
  /** One entry per file that is a template or Terraform file, in the order of the paths given. */
  files: FileResult[];
  /**
   * Files that could not be read (or were not scanned), in the order of the paths given. `skipped` marks a file left
   * out on purpose (over the size limit): a note for the user, not a failure of the scan.
   */
  readErrors: { path: string; message: string; skipped?: true }[];
}

export interface ScanOptions extends Omit<LintOptions, 'module' | 'inputValues'> {
  /** Files larger than this many bytes are reported, not read (default DEFAULT_MAX_FILE_SIZE). */
  maxFileSize?: number;
  /** CloudFormation parameter files applied to every template. */
  parameterFiles?: readonly string[];
  /** Terraform var files applied to every module, after the module's own tfvars. */
  varFiles?: readonly string[];
  /** Folders a module's own tfvars must resolve into (the scanned folders and the working directory). */
  inputRoots?: readonly string[];
  /** Texts to use instead of the files' contents on disk (`secure-iac fix --dry-run` counts what would be left). */
  overrides?: ReadonlyMap<string, string>;
}

/**
 * Lints `paths` in this thread: every file is parsed once, Terraform documents of the same directory are passed to
 * each other as their module, and non-templates are dropped silently. Callers that split a scan (scan workers) must
 * keep each directory's files together, since a directory is a Terraform module.
 */
export async function scanFiles(paths: readonly string[], options: ScanOptions = {}): Promise<ScanResult> {
  const readErrors: ScanResult['readErrors'] = [];
  const docs: IacDocument[] = [];
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  for (const path of paths) {
    try {
      // Synchronous on purpose: a scan has nothing else to do meanwhile, and a promise round trip per file left the
      // thread idle for a fifth of the scan.
      const stat = statSync(path);
      if (!stat.isFile()) {
        readErrors.push({ path, message: NOT_REGULAR, skipped: true });
        continue;
      }
      if (stat.size > maxSize) {
        readErrors.push({ path, message: tooLargeMessage(stat.size, maxSize), skipped: true });
        continue;
      }
      // Read non-blocking with the cap: a file swapped for a FIFO (or grown) since the stat is refused, not waited on.
      const doc = parseDocument(path, options.overrides?.get(path) ?? readInputFileSync(path, maxSize));
      if (doc) docs.push(doc);
    } catch (err) {
      readErrors.push({ path, message: err instanceof Error ? err.message : String(err) });
    }
  }
  const modules = new Map<string, IacDocument[]>();
  for (const doc of docs) {
    if (doc.family !== 'terraform') continue;
    const dir = dirname(doc.uri);
    modules.set(dir, [...(modules.get(dir) ?? []), doc]);
  }
  const read = { maxFileSize: maxSize, ...(options.inputRoots ? { roots: options.inputRoots } : {}) };
  const parameters = await readParameterFiles(options.parameterFiles ?? [], read);
  const variables = new Map<string, Map<string, IacNode>>();
  for (const dir of modules.keys()) variables.set(dir, await readModuleVariables(dir, options.varFiles, read));
  const files = docs.map((doc): FileResult => {
    const module = doc.family === 'terraform' ? modules.get(dirname(doc.uri)) : undefined;
    const inputValues = doc.family === 'terraform' ? variables.get(dirname(doc.uri)) : parameters;
    const result = lintDocument(doc, { ...options, module, inputValues });
    return { path: doc.uri, text: doc.text, findings: result.findings, errors: result.errors, ruleFailures: result.ruleFailures };
  });
  return { files, readErrors };
}
