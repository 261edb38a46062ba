// Combines the project config file with the command-line flags (flags win) into what a scan needs.
import * as path from 'node:path';
import { formatConfigDiagnostic, loadConfigFile, loadProjectConfig, overlayProjectConfig, toEngineConfig } from '../engine/config-file';
import type { EngineConfig } from '../engine/types';
import { GlobSet } from '../workspace/paths';
import { displayPath } from './report';
import type { ScanOptions } from './args';

export interface ScanSetup {
  config: EngineConfig;
  parameterFiles: string[];
  varFiles: string[];
  /** Whether a walked file is excluded by the config's globs (relative to the config file's folder). */
  isExcluded: (file: string) => boolean;
  /** `file:line:col: error: ...` lines for an invalid config; the scan must not run when there are any. */
  errors: string[];
}

/**
 * Reads `--config <file>` or `.secure-iac.yaml` in `cwd` (unless `--no-config`) and lays the flags over it: `--rule`
 * runs only those rules (even one the file turns off), `--parameters` / `--var-file` replace the file's lists,
 * `--report-unresolved` sets `unresolved: info`.
 */
export async function scanSetup(options: ScanOptions, cwd: string): Promise<ScanSetup> {
  const loaded = options.noConfig
    ? undefined
    : options.config !== undefined
      ? await loadConfigFile(path.resolve(cwd, options.config))
      : await loadProjectConfig(cwd);
  const root = loaded?.path ? path.dirname(path.resolve(cwd, loaded.path)) : cwd;
  const file = loaded?.path ? displayPath(loaded.path, cwd) : '';
  const errors = (loaded?.diagnostics ?? []).map((d) => formatConfigDiagnostic(d, file));
  const base = loaded?.config ?? { rules: {}, exclude: [], parameters: [], varFiles: [], requiredTags: [] };
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
