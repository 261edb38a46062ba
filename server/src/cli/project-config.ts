// Combines the project config file with the command-line flags (flags win) into what a scan needs.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  emptyConfig,
  formatConfigDiagnostic,
  loadConfigFile,
  loadProjectConfig,
  overlayProjectConfig,
  toEngineConfig,
  type LoadedProjectConfig,
} from '../engine/config/config-file';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/config/file-size';
import type { EngineConfig } from '../engine/types';
import { GlobSet } from '../workspace/paths';
import { displayPath } from './report';
import type { ScanOptions } from './args';

export interface ScanSetup {
  config: EngineConfig;
  parameterFiles: string[];
  varFiles: string[];
  /** Bytes past which a file is skipped: `--max-file-size`, else the config's `maxFileSize`, else the default. */
  maxFileSize: number;
  /** Folders (the scanned folders and the working directory) a module's own tfvars must resolve into. */
  inputRoots: string[];
  /** The baseline to apply: `--baseline`, else the config's `baseline` (relative to its folder). */
  baseline?: string;
  /** `scan.includeCdkOut`: a directory scan also takes `cdk.out/*.template.json`. */
  includeCdkOut: boolean;
  /** Whether a walked file is excluded by the config's globs (relative to the config file's folder). */
  isExcluded: (file: string) => boolean;
  /** `file:line:col: error: ...` lines for an invalid config; the scan must not run when there are any. */
  errors: string[];
}

/**
 * The folders whose `.secure-iac.yaml` may apply, nearest first: the scan root (the one folder scanned, as in
 * `secure-iac scan infra/`), then the working directory, so running from the repository root also works.
 */
export async function configFolders(paths: readonly string[], cwd: string): Promise<string[]> {
  const only = paths.length === 1 ? path.resolve(cwd, paths[0] as string) : undefined;
  const isDir =
    only !== undefined &&
    (await fs.stat(only).then(
      (s) => s.isDirectory(),
      () => false,
    ));
  return isDir && only !== path.resolve(cwd) ? [only, cwd] : [cwd];
}

/** The first folder's config file; the defaults (no `path`) when none has one. */
async function findProjectConfig(folders: readonly string[]): Promise<LoadedProjectConfig> {
  let loaded: LoadedProjectConfig | undefined;
  for (const folder of folders) {
    loaded = await loadProjectConfig(folder);
    if (loaded.path !== undefined) return loaded;
  }
  return loaded ?? (await loadProjectConfig(folders[0] ?? '.'));
}

/**
 * Reads `--config <file>`, or `.secure-iac.yaml` at the scan root or in `cwd` (unless `--no-config`) and lays the flags over it: `--rule`
 * runs only those rules (even one the file turns off), `--parameters` / `--var-file` replace the file's lists,
 * `--report-unresolved` sets `unresolved: info`.
 */
export async function scanSetup(options: ScanOptions, cwd: string): Promise<ScanSetup> {
  const loaded = options.noConfig
    ? undefined
    : options.config !== undefined
      ? await loadConfigFile(path.resolve(cwd, options.config))
      : await findProjectConfig(await configFolders(options.paths, cwd));
  const root = loaded?.path ? path.dirname(path.resolve(cwd, loaded.path)) : cwd;
  const file = loaded?.path ? displayPath(loaded.path, cwd) : '';
  const errors = (loaded?.diagnostics ?? []).map((d) => formatConfigDiagnostic(d, file));
  const base = loaded?.config ?? emptyConfig();
  const rules = { ...base.rules };
  for (const id of options.rules) if (rules[id] === 'off') delete rules[id];
  const merged = overlayProjectConfig(
    { ...base, rules },
    {
      ...(options.parameterFiles.length > 0 ? { parameters: options.parameterFiles } : {}),
      ...(options.varFiles.length > 0 ? { varFiles: options.varFiles } : {}),
      ...(options.reportUnresolved ? { unresolved: 'info' as const } : {}),
    },
  );
  const globs = new GlobSet(merged.exclude);
  const explicit = new Set(options.paths.map((p) => path.resolve(cwd, p)));
  return {
    config: { ...toEngineConfig(merged), ...(options.rules.length > 0 ? { only: options.rules } : {}) },
    parameterFiles: merged.parameters,
    varFiles: merged.varFiles,
    maxFileSize: options.maxFileSize ?? merged.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    includeCdkOut: merged.scan?.includeCdkOut ?? false,
    inputRoots: [cwd, ...options.paths.map((p) => path.resolve(cwd, p))],
    ...(options.baseline !== undefined
      ? { baseline: path.resolve(cwd, options.baseline) }
      : merged.baseline !== undefined
        ? { baseline: path.resolve(root, merged.baseline) }
        : {}),
    // A file named on the command line is checked even when a glob matches it, as the walker does for its own skips.
    isExcluded: (f) => {
      const abs = path.resolve(cwd, f);
      if (explicit.has(abs)) return false;
      const rel = path.relative(root, abs);
      return !rel.startsWith('..') && !path.isAbsolute(rel) && globs.matches(rel);
    },
    errors,
  };
}
