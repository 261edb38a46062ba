// Values that override parameter/variable defaults: CloudFormation parameter files, Terraform tfvars and var files.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { IacNode } from '../model/nodes';
import { parseTfvars } from '../parsers/tfvars';
import { parseJsonWithoutEcho, readInputFile, realInside } from '../workspace/input-file';

/** How input files are read: the size cap of templates, and the folders an auto-loaded tfvars may resolve into. */
export interface InputReadOptions {
  /** Bytes past which an input file is refused (the templates' `maxFileSize`). */
  maxFileSize?: number;
  /**
   * Folders (the workspace folder; for the CLI the scanned folders and the working directory) that a module's own
   * `terraform.tfvars` / `*.auto.tfvars` must resolve into: one that is a link out of them is not read.
   */
  roots?: readonly string[];
}

const scalar = (value: string | number | boolean | null): IacNode => ({ kind: 'scalar', value, range: { start: 0, end: 0 } });

/**
 * A CloudFormation parameter file: the CLI's `[{"ParameterKey": "K", "ParameterValue": "V"}]` or the
 * `{"Parameters": {"K": "V"}}` shape (CodePipeline, SAM config style). Throws with a clear message on anything else.
 */
export function parseParameterFile(text: string, path: string): Map<string, IacNode> {
  let data: unknown;
  try {
    data = parseJsonWithoutEcho(text);
  } catch (err) {
    // No `cause`: the parser's own error would carry the text it choked on.
    throw new Error(`${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const out = new Map<string, IacNode>();
  if (Array.isArray(data)) {
    for (const item of data) {
      const key = (item as Record<string, unknown>)?.['ParameterKey'];
      const value = (item as Record<string, unknown>)?.['ParameterValue'];
      if (typeof key === 'string' && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'))
        out.set(key, scalar(String(value)));
    }
    return out;
  }
  const params = (data as Record<string, unknown> | null)?.['Parameters'];
  if (params && typeof params === 'object' && !Array.isArray(params)) {
    for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out.set(key, scalar(String(value)));
    }
    return out;
  }
  throw new Error(`${path}: expected [{"ParameterKey", "ParameterValue"}] or {"Parameters": {...}}`);
}

/** Reads parameter files in order; later files override earlier ones. */
export async function readParameterFiles(paths: readonly string[], options: InputReadOptions = {}): Promise<Map<string, IacNode>> {
  const out = new Map<string, IacNode>();
  for (const path of paths) {
    let text: string;
    try {
      text = await readInputFile(path, options.maxFileSize);
    } catch (err) {
      throw new Error(`cannot read parameter file ${path}: ${err instanceof Error ? err.message : String(err)}`);
    }
    for (const [k, v] of parseParameterFile(text, path)) out.set(k, v);
  }
  return out;
}

/**
 * The values Terraform would load for a module directory, in its precedence order: `terraform.tfvars`,
 * `terraform.tfvars.json`, `*.auto.tfvars(.json)` in name order, then the explicit `varFiles`.
 */
export async function readModuleVariables(
  dir: string,
  varFiles: readonly string[] = [],
  options: InputReadOptions = {},
): Promise<Map<string, IacNode>> {
  let names: string[] = [];
  try {
    names = await fs.readdir(dir);
  } catch {
    // An unreadable directory has no tfvars to offer; the scan reports the directory itself.
  }
  const auto = names.filter((n) => /\.auto\.tfvars(\.json)?$/.test(n)).sort();
  const files = [
    ...['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => names.includes(n)).map((n) => join(dir, n)),
    ...auto.map((n) => join(dir, n)),
    ...varFiles,
  ];
  const out = new Map<string, IacNode>();
  for (const file of files) {
    const explicit = varFiles.includes(file);
    // A module's own tfvars are found by name, so the repository chose them: one linked out of the workspace is not read.
    if (!explicit && options.roots && !(await realInside(options.roots, file))) continue;
    let text: string;
    try {
      text = await readInputFile(file, options.maxFileSize);
    } catch (err) {
      if (explicit) throw new Error(`cannot read var file ${file}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      continue;
    }
    for (const [k, v] of parseTfvars(file, text)) out.set(k, v);
  }
  return out;
}
