// The `secureIac.*` settings: their shape, defaults, and validation of whatever the client sends.
import { USER_LEVEL_KEY } from '../protocol';
import * as path from 'node:path';
import type { Severity } from '../../../rules/api';
import { emptyConfig, overlayProjectConfig, type ProjectConfig } from '../engine/config/config-file';
import { DEFAULT_MAX_FILE_SIZE, parseByteSize } from '../engine/config/file-size';
import type { EngineConfig } from '../engine/types';
import { resolveInside } from './input-file';

/** A per-rule setting: off, on with the catalogue severity, or a replacement severity. */
export type RuleSetting = 'off' | 'on' | Severity;

/** How much the server writes to its log: `verbose` adds per-lint timings. */
export type TraceLevel = 'off' | 'messages' | 'verbose';

/** When open documents are checked: as the user types, or only when they are opened and saved. */
export type RunMode = 'onType' | 'onSave';

/** Settings for one workspace folder (or the whole window when there is no folder). */
export interface Settings {
  /** `secureIac.enable`: false checks nothing (no diagnostics, no fixes, an empty workspace scan). */
  enable: boolean;
  /** `secureIac.run`. */
  run: RunMode;
  rules: Readonly<Record<string, RuleSetting>>;
  /** Globs (relative to the workspace folder) of files never checked, open or scanned. */
  exclude: readonly string[];
  requiredTags: readonly string[];
  /** `info`: report values that decide a finding but cannot be resolved, instead of staying silent. */
  unresolved: 'off' | 'info';
  /** CloudFormation parameter files overriding parameter defaults (absolute once laid over the project config). */
  parameterFiles: readonly string[];
  /** Terraform var files applied after each module's own tfvars (absolute once laid over the project config). */
  varFiles: readonly string[];
  trace: TraceLevel;
  /**
   * The parameter and var files set in the user's own (user-level) settings, as the VS Code client reports them:
   * those may name files outside the workspace; files set by the workspace may not.
   */
  userLevelFiles: readonly string[];
  /** Bytes past which a document gets one "not checked" note instead of a lint (`secureIac.maxFileSize`). */
  maxFileSize: number;
  /** Workspace scans also take `cdk.out/*.template.json` (`secureIac.scan.includeCdkOut` / `scan.includeCdkOut`). */
  includeCdkOut: boolean;
}

/** What a client that sends nothing gets: every rule at its catalogue severity, nothing excluded. */
export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  run: 'onType',
  rules: {},
  exclude: [],
  requiredTags: [],
  unresolved: 'off',
  parameterFiles: [],
  varFiles: [],
  trace: 'off',
  userLevelFiles: [],
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  includeCdkOut: false,
};

/** Every value a `secureIac.rules` entry may take (also the enum in package.json). */
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'on', 'critical', 'high', 'medium', 'low', 'info'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

/**
 * The user-level parameter/var files, which only the VS Code client's middleware sets (it overwrites whatever a
 * settings file put under this key), from `inspect().globalValue`.
 */
function userLevel(raw: Record<string, unknown>): string[] {
  const own = raw[USER_LEVEL_KEY];
  if (!isRecord(own)) return [];
  return [...stringList(own.parameterFiles), ...stringList(own.varFiles)];
}

export { USER_LEVEL_KEY };

/**
 * Turns the raw `secureIac` section into Settings. Unknown or ill-typed values are dropped (and named in
 * `problems`) rather than rejected, so one typo in settings.json does not switch the whole extension off.
 */
export function normalizeSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  if (!isRecord(raw)) return { settings: DEFAULT_SETTINGS, problems };
  const rules: Record<string, RuleSetting> = {};
  if (isRecord(raw.rules)) {
    for (const [id, value] of Object.entries(raw.rules)) {
      // JSON settings may spell severities in any case; the catalogue uses lower case.
      const setting = typeof value === 'string' ? value.toLowerCase() : value;
      if (typeof setting === 'string' && (RULE_SETTINGS as readonly string[]).includes(setting)) rules[id] = setting as RuleSetting;
      else problems.push(`secureIac.rules.${id}: expected one of ${RULE_SETTINGS.join(', ')}, got ${JSON.stringify(value)}`);
    }
  }
  const traceRaw = isRecord(raw.trace) ? raw.trace.server : undefined;
  const trace: TraceLevel = traceRaw === 'messages' || traceRaw === 'verbose' ? traceRaw : 'off';
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (raw.maxFileSize !== undefined && raw.maxFileSize !== null) {
    const bytes = parseByteSize(raw.maxFileSize);
    if (bytes !== undefined) maxFileSize = bytes;
    else problems.push(`secureIac.maxFileSize: expected a positive size in bytes (or such as "4MB"), got ${JSON.stringify(raw.maxFileSize)}`);
  }
  let unresolved: Settings['unresolved'] = 'off';
  if (raw.unresolved === 'info') unresolved = 'info';
  else if (raw.unresolved !== undefined && raw.unresolved !== null && raw.unresolved !== 'off') {
    problems.push(`secureIac.unresolved: expected "off" or "info", got ${JSON.stringify(raw.unresolved)}`);
  }
  let enable = true;
  if (raw.enable === false) enable = false;
  else if (raw.enable !== undefined && raw.enable !== null && raw.enable !== true)
    problems.push(`secureIac.enable: expected true or false, got ${JSON.stringify(raw.enable)}`);
  let run: RunMode = 'onType';
  if (raw.run === 'onSave') run = 'onSave';
  else if (raw.run !== undefined && raw.run !== null && raw.run !== 'onType')
    problems.push(`secureIac.run: expected "onType" or "onSave", got ${JSON.stringify(raw.run)}`);
  return {
    settings: {
      enable,
      run,
      rules,
      exclude: stringList(raw.exclude),
      requiredTags: stringList(raw.requiredTags),
      unresolved,
      parameterFiles: stringList(raw.parameterFiles),
      varFiles: stringList(raw.varFiles),
      trace,
      userLevelFiles: userLevel(raw),
      maxFileSize,
      includeCdkOut: isRecord(raw.scan) && raw.scan.includeCdkOut === true,
    },
    problems,
  };
}

/**
 * A folder's settings laid over its `.secure-iac.yaml`. VS Code fills unset settings with their defaults, so a
 * setting overrides the file where it differs from its default: rule entries per id, a non-empty list, `info`,
 * a size other than the default.
 * Relative parameter and var files in settings are resolved against the folder (the file's are already absolute).
 */
export function overlaySettings(
  settings: Settings,
  project: ProjectConfig | undefined,
  folder: string | undefined,
  refuse: (problem: string) => void = () => {},
): Settings {
  // A workspace's own settings may only name files inside its folder; the user's own (user-level) ones anything.
  const trusted = new Set(settings.userLevelFiles);
  const absolute = (files: readonly string[], key: string) =>
    files.flatMap((f) => {
      if (trusted.has(f)) return path.isAbsolute(f) ? [f] : folder ? [path.resolve(folder, f)] : [];
      if (folder === undefined) {
        refuse(`secureIac.${key}: '${f}' is ignored: without a workspace folder only user-level settings may name files`);
        return [];
      }
      const resolved = resolveInside(folder, f);
      if ('refused' in resolved) {
        refuse(`secureIac.${key} (workspace setting): ${resolved.refused}`);
        return [];
      }
      return [resolved.path];
    });
  const own: Partial<ProjectConfig> = {
    rules: { ...settings.rules },
    ...(settings.exclude.length > 0 ? { exclude: [...settings.exclude] } : {}),
    ...(settings.requiredTags.length > 0 ? { requiredTags: [...settings.requiredTags] } : {}),
    ...(settings.parameterFiles.length > 0 ? { parameters: absolute(settings.parameterFiles, 'parameterFiles') } : {}),
    ...(settings.varFiles.length > 0 ? { varFiles: absolute(settings.varFiles, 'varFiles') } : {}),
    ...(settings.unresolved === 'info' ? { unresolved: 'info' as const } : {}),
    ...(settings.maxFileSize !== DEFAULT_MAX_FILE_SIZE ? { maxFileSize: settings.maxFileSize } : {}),
    ...(settings.includeCdkOut ? { scan: { includeCdkOut: true } } : {}),
  };
  const merged = overlayProjectConfig(project ?? emptyConfig(), own);
  return {
    ...settings,
    rules: merged.rules,
    exclude: merged.exclude,
    requiredTags: merged.requiredTags,
    unresolved: merged.unresolved === 'info' ? 'info' : 'off',
    parameterFiles: merged.parameters,
    varFiles: merged.varFiles,
    maxFileSize: merged.maxFileSize ?? settings.maxFileSize,
    includeCdkOut: merged.scan?.includeCdkOut ?? false,
  };
}

/** The engine's view of the settings. */
export function engineConfig(settings: Settings): EngineConfig {
  return { rules: settings.rules, requiredTags: settings.requiredTags, ...(settings.unresolved === 'info' ? { unresolved: 'info' as const } : {}) };
}

/**
 * The globs that are switched on in a VS Code `files.exclude` / `search.exclude` object. Values may be
 * `true`, `false` or `{ when: "$(basename).ts" }`; sibling conditions cannot be evaluated here, so they are skipped.
 */
export function enabledGlobs(raw: unknown): string[] {
  if (!isRecord(raw)) return [];
  return Object.entries(raw)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}
