// Reads, parses and lints a set of files, grouping Terraform files by module directory so joins see siblings.
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { lintDocument, type LintOptions } from '../engine/lint';
import type { Finding, RuleFailure } from '../engine/types';
import type { IacDocument, ParseError } from '../model/document';
import type { IacNode } from '../model/nodes';
import { parseDocument } from '../parsers/index';
import { readModuleVariables, readParameterFiles } from './input-values';

export interface FileResult {
  path: string;
  document: IacDocument;
  findings: Finding[];
  errors: ParseError[];
  ruleFailures: RuleFailure[];
}

export interface ScanResult {
  /** One entry per file that is a template or Terraform file. */
  files: FileResult[];
  /** Files that could not be read. */
  readErrors: { path: string; message: string }[];
}

/** Maximum file size read at all; larger files are reported, not parsed (a generated 20 MB JSON is not a template to lint). */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

/**
 * Lints `paths`: every file is parsed once, Terraform documents of the same directory are passed to each other as
 * their module, and non-templates are dropped silently.
 */
export interface ScanOptions extends Omit<LintOptions, 'module' | 'inputValues'> {
  maxFileSize?: number;
  /** CloudFormation parameter files applied to every template. */
  parameterFiles?: readonly string[];
  /** Terraform var files applied to every module, after the module's own tfvars. */
  varFiles?: readonly string[];
}

export async function scanFiles(paths: readonly string[], options: ScanOptions = {}): Promise<ScanResult> {
  const readErrors: ScanResult['readErrors'] = [];
  const docs: IacDocument[] = [];
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  for (const path of paths) {
    try {
      const stat = await fs.stat(path);
      if (stat.size > maxSize) {
        readErrors.push({ path, message: `skipped: ${stat.size} bytes is larger than the ${maxSize}-byte limit` });
        continue;
      }
      const text = await fs.readFile(path, 'utf8');
      const doc = parseDocument(path, text);
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
  const parameters = await readParameterFiles(options.parameterFiles ?? []);
  const variables = new Map<string, Map<string, IacNode>>();
  for (const dir of modules.keys()) variables.set(dir, await readModuleVariables(dir, options.varFiles));
  const files = docs.map((doc) => {
    const module = doc.family === 'terraform' ? modules.get(dirname(doc.uri)) : undefined;
    const inputValues = doc.family === 'terraform' ? variables.get(dirname(doc.uri)) : parameters;
    const result = lintDocument(doc, { ...options, module, inputValues });
    return { path: doc.uri, document: doc, findings: result.findings, errors: result.errors, ruleFailures: result.ruleFailures };
  });
  return { files, readErrors };
}
