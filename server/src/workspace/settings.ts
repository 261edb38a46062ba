// The `secureIac.*` settings: their shape, defaults, and validation of whatever the client sends.
import type { Severity } from '../../../rules/api';
import type { EngineConfig } from '../engine/types';

/** A per-rule setting: off, on with the catalogue severity, or a replacement severity. */
export type RuleSetting = 'off' | 'on' | Severity;

/** How much the server writes to its log: `verbose` adds per-lint timings. */
export type TraceLevel = 'off' | 'messages' | 'verbose';

/** Settings for one workspace folder (or the whole window when there is no folder). */
export interface Settings {
  rules: Readonly<Record<string, RuleSetting>>;
  /** Globs (relative to the workspace folder) of files never checked, open or scanned. */
  exclude: readonly string[];
  requiredTags: readonly string[];
  trace: TraceLevel;
}

/** What a client that sends nothing gets: every rule at its catalogue severity, nothing excluded. */
export const DEFAULT_SETTINGS: Settings = { rules: {}, exclude: [], requiredTags: [], trace: 'off' };

/** Every value a `secureIac.rules` entry may take (also the enum in package.json). */
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'on', 'critical', 'high', 'medium', 'low', 'info'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

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
  return {
    settings: { rules, exclude: stringList(raw.exclude), requiredTags: stringList(raw.requiredTags), trace },
    problems,
  };
}

/** The engine's view of the settings. */
export function engineConfig(settings: Settings): EngineConfig {
  return { rules: settings.rules, requiredTags: settings.requiredTags };
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
