// The project config file `.secure-iac.yaml`: read the same way by the CLI and the language server.
//
// API, for both hosts:
// - `loadProjectConfig(root)`: finds `.secure-iac.yaml` (or `.yml`) in `root` and reads it; no file gives the defaults.
//   `loadConfigFile(file)` reads a file named explicitly (CLI `--config`). Both never throw.
// - `parseProjectConfig(text, ruleIds)`: the same without file access (an editor buffer): `{ config, diagnostics }`.
// - Every diagnostic has a `range` (offsets into the text) plus 1-based `line`/`column`; the bad part keeps its
//   default and the rest applies (a YAML syntax error voids the file). `formatConfigDiagnostic` prints one.
// - `overlayProjectConfig(fileConfig, settings)` lays editor settings or CLI flags over the file;
//   `toEngineConfig(config)` is what `lintDocument` takes. Exclude globs and parameter/var files are applied by
//   whoever picks the files (globs relative to the config's folder; files resolved to absolute paths when loaded).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../../../rules/index';
import { validateConfig, type ConfigDiagnostic, type ProjectConfig } from './config-validate';
import type { EngineConfig } from '../types';
import { InputFileError, readInputFile, resolveInside } from '../../workspace/input-file';

/** A config file is a few lines; one past this is refused unread (non-blocking: a FIFO is refused too). */
const CONFIG_READ_LIMIT = 1024 * 1024;

export { emptyConfig, RULE_SETTING_VALUES, type ConfigDiagnostic, type ProjectConfig, type RuleSetting } from './config-validate';

/** The names looked up in the workspace root, in order; `.yaml` is the documented one. */
export const CONFIG_FILE_NAMES = ['.secure-iac.yaml', '.secure-iac.yml'] as const;

export interface ProjectConfigResult {
  /** Valid parts of the file over the defaults; with `loadProjectConfig`, `parameters`/`varFiles` are absolute paths. */
  config: ProjectConfig;
  /** Problems in the file, to show on it (the language server) or print (the CLI). */
  diagnostics: ConfigDiagnostic[];
}

export interface LoadedProjectConfig extends ProjectConfigResult {
  /** The file read; undefined when the root has none (then the config is the defaults). */
  path?: string;
  /** Its text, which the diagnostics' offsets refer to. */
  text?: string;
}

/**
 * Parses config text. Pure: no file access. Every bad part (unknown key or rule id, bad severity, wrong type) is a
 * diagnostic with its range and keeps its default; the rest applies. A YAML syntax error voids the whole file.
 */
export function parseProjectConfig(text: string, knownRuleIds: ReadonlySet<string>): ProjectConfigResult {
  const { config, diagnostics } = validateConfig(text, knownRuleIds);
  return { config, diagnostics };
}

/**
 * Reads `.secure-iac.yaml` (or `.yml`) in `root`. Parameter and var files are resolved against `root`; one that does
 * not exist is reported at its entry and left out. No file: the defaults, no diagnostics. Never throws.
 */
export async function loadProjectConfig(
  root: string,
  knownRuleIds: ReadonlySet<string> = new Set(allRules.map((r) => r.id)),
): Promise<LoadedProjectConfig> {
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(root, name);
    let text: string;
    try {
      text = await readInputFile(file, CONFIG_READ_LIMIT);
    } catch (err) {
      if (err instanceof InputFileError && err.message === 'no such file') continue;
      return {
        ...parseProjectConfig('', knownRuleIds),
        diagnostics: [diagnostic(`Cannot read ${name}: ${err instanceof Error ? err.message : String(err)}`)],
        path: file,
      };
    }
    return { ...(await readConfigText(text, root, knownRuleIds)), path: file, text };
  }
  return parseProjectConfig('', knownRuleIds);
}

/** Loads a config file named explicitly (CLI `--config`): as `loadProjectConfig`, paths relative to the file's folder. */
export async function loadConfigFile(
  file: string,
  knownRuleIds: ReadonlySet<string> = new Set(allRules.map((r) => r.id)),
): Promise<LoadedProjectConfig> {
  let text: string;
  try {
    text = await readInputFile(file, CONFIG_READ_LIMIT);
  } catch (err) {
    return {
      ...parseProjectConfig('', knownRuleIds),
      diagnostics: [diagnostic(`Cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`)],
      path: file,
    };
  }
  return { ...(await readConfigText(text, path.dirname(path.resolve(file)), knownRuleIds)), path: file, text };
}

/**
 * Validates the file and resolves the files it names against its folder. A repository's config may only name files
 * inside that folder (the workspace): one that leaves it (`..`, absolute, through a link) is refused at its entry,
 * before anything of it is read.
 */
async function readConfigText(text: string, root: string, knownRuleIds: ReadonlySet<string>): Promise<ProjectConfigResult> {
  const { config, diagnostics, itemRanges, baselineRange } = validateConfig(text, knownRuleIds);
  const located = (message: string, range: { start: number; end: number }) => ({ ...diagnostic(message), range, ...lineColumn(text, range.start) });
  for (const key of ['parameters', 'varFiles'] as const) {
    const kept: string[] = [];
    for (const [i, entry] of config[key].entries()) {
      const range = itemRanges[key][i] ?? { start: 0, end: 0 };
      const resolved = resolveInside(root, entry);
      if ('refused' in resolved) {
        diagnostics.push(located(`'${key}': ${resolved.refused}.`, range));
        continue;
      }
      const exists = await fs.stat(resolved.path).then(
        (s) => s.isFile(),
        () => false,
      );
      if (exists) kept.push(resolved.path);
      else diagnostics.push(located(`'${key}': no file '${entry}' (paths are relative to the folder of the config file).`, range));
    }
    config[key] = kept;
  }
  if (config.baseline !== undefined) {
    const resolved = resolveInside(root, config.baseline);
    if ('refused' in resolved) {
      diagnostics.push(located(`'baseline': ${resolved.refused}.`, baselineRange ?? { start: 0, end: 0 }));
      delete config.baseline;
    } else config.baseline = resolved.path;
  }
  diagnostics.sort((a, b) => a.range.start - b.range.start);
  return { config, diagnostics };
}

function diagnostic(message: string): ConfigDiagnostic {
  return { severity: 'error', message, range: { start: 0, end: 0 }, line: 1, column: 1 };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * `base` with `over` on top: rule entries merge per id (over wins), any list or `unresolved` that `over` sets
 * replaces base's. The language server passes the VS Code settings the user actually set; the CLI its flags.
 */
export function overlayProjectConfig(base: ProjectConfig, over: Partial<ProjectConfig>): ProjectConfig {
  const unresolved = over.unresolved ?? base.unresolved;
  const maxFileSize = over.maxFileSize ?? base.maxFileSize;
  const baseline = over.baseline ?? base.baseline;
  const includeCdkOut = over.scan?.includeCdkOut ?? base.scan?.includeCdkOut;
  return {
    rules: { ...base.rules, ...over.rules },
    exclude: over.exclude ?? base.exclude,
    parameters: over.parameters ?? base.parameters,
    varFiles: over.varFiles ?? base.varFiles,
    requiredTags: over.requiredTags ?? base.requiredTags,
    ...(unresolved !== undefined ? { unresolved } : {}),
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    ...(baseline !== undefined ? { baseline } : {}),
    ...(includeCdkOut !== undefined ? { scan: { includeCdkOut } } : {}),
  };
}

/** The engine's part of the config (exclusions, parameter and var files are applied by whoever picks the files). */
export function toEngineConfig(config: ProjectConfig): EngineConfig {
  return {
    rules: config.rules,
    requiredTags: config.requiredTags,
    ...(config.unresolved !== undefined ? { unresolved: config.unresolved } : {}),
  };
}

/** `file:line:col: error: message`, as compilers print it. */
export function formatConfigDiagnostic(d: ConfigDiagnostic, file: string): string {
  return `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}
