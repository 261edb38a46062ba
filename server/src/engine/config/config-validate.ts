// Validates the YAML of `.secure-iac.yaml` key by key, keeping every good part and locating every bad one.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Severity } from '../../../../rules/api';
import type { SourceRange } from '../../model/nodes';
import { parseByteSize } from './file-size';
import { globProblem } from '../../workspace/glob';

/** A rule entry: off, on with the catalogue severity, or a replacement severity. */
export type RuleSetting = 'off' | 'on' | Severity;

export const RULE_SETTING_VALUES: readonly RuleSetting[] = ['off', 'on', 'critical', 'high', 'medium', 'low', 'info'];

/** The project configuration, as written in the file (paths and globs relative to its folder). */
export interface ProjectConfig {
  /** Per rule id: `off`, `on`, or a severity replacing the catalogue's. */
  rules: Record<string, RuleSetting>;
  /** Globs, relative to the config's folder, of files never checked. */
  exclude: string[];
  /** CloudFormation parameter files (CLI `[{ParameterKey, ParameterValue}]` or `{"Parameters": {...}}` JSON). */
  parameters: string[];
  /** Terraform `.tfvars` / `.tfvars.json` files applied after each module's own tfvars. */
  varFiles: string[];
  /** Tag keys `asset-tags` requires. */
  requiredTags: string[];
  /** `info`: report "cannot verify" notes for unresolved values; unset leaves the default (silent). */
  unresolved?: 'silent' | 'info';
  /** Bytes past which a file is reported as skipped instead of scanned; unset leaves the default (2 MB). */
  maxFileSize?: number;
  /** The CLI's baseline file (relative to the config's folder): only findings not in it are reported. */
  baseline?: string;
  /** What a directory scan walks into: `includeCdkOut` also takes CDK's synthesized `cdk.out/*.template.json`. */
  scan?: { includeCdkOut?: boolean };
}

/** A problem in the config file, with where it is (offsets into the file, and the 1-based line/column they start at). */
export interface ConfigDiagnostic {
  severity: 'error' | 'warning';
  message: string;
  range: SourceRange;
  line: number;
  column: number;
}

/** Every key the file may have, as documented. */
export const CONFIG_KEYS = ['rules', 'exclude', 'parameters', 'varFiles', 'requiredTags', 'unresolved', 'maxFileSize', 'baseline', 'scan'] as const;
type ListKey = 'exclude' | 'parameters' | 'varFiles' | 'requiredTags';

const LIST_WHAT: Record<ListKey, string> = {
  exclude: 'glob patterns',
  parameters: 'CloudFormation parameter file paths',
  varFiles: 'Terraform var file paths',
  requiredTags: 'tag keys',
};

export function emptyConfig(): ProjectConfig {
  return { rules: {}, exclude: [], parameters: [], varFiles: [], requiredTags: [] };
}

/** Edit distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(cur + 1, (row[j - 1] as number) + 1, prev + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] as number;
}

/** ` Did you mean 'x'?` for the closest candidate within a few edits, else ''. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best ? ` Did you mean '${best}'?` : '';
}

/** The result of validation, with the location of each accepted list item (to report a missing file there later). */
export interface ValidatedConfig {
  config: ProjectConfig;
  diagnostics: ConfigDiagnostic[];
  itemRanges: Record<ListKey, SourceRange[]>;
  /** Where `baseline`'s value is (to report a path refused later there). */
  baselineRange?: SourceRange;
}

/** Parses and validates the file. Bad parts are reported and left at their defaults; a YAML syntax error voids the whole file. */
export function validateConfig(text: string, knownRuleIds: ReadonlySet<string>): ValidatedConfig {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const diagnostics: ConfigDiagnostic[] = [];
  const report = (range: SourceRange, message: string, severity: ConfigDiagnostic['severity'] = 'error') => {
    let line = 0;
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] as number) <= range.start) line++;
    diagnostics.push({ severity, message, range, line: line + 1, column: range.start - (lineStarts[line] as number) + 1 });
  };
  const config = emptyConfig();
  const itemRanges: ValidatedConfig['itemRanges'] = { exclude: [], parameters: [], varFiles: [], requiredTags: [] };
  let baselineRange: SourceRange | undefined;
  // No config file reads as '': the defaults, without loading the YAML parser (the CLI loads it only when needed).
  if (text === '') return { config, diagnostics, itemRanges };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const e of doc.errors) report({ start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) }, `YAML syntax error: ${e.message.split('\n')[0]}`);
  if (doc.errors.length > 0) return { config: emptyConfig(), diagnostics, itemRanges };

  const rangeOf = (node: Node | null | undefined): SourceRange => (node?.range ? { start: node.range[0], end: node.range[1] } : { start: 0, end: 0 });
  const resolve = (node: unknown): Node | null =>
    isAlias(node) ? ((node.resolve(doc as Document) as Node | undefined) ?? null) : ((node as Node | null) ?? null);
  const root = resolve(doc.contents);
  if (root === null || (isScalar(root) && root.value === null)) return { config, diagnostics, itemRanges };
  if (!isMap(root)) {
    report(rangeOf(root), `The configuration must be a mapping of settings (${CONFIG_KEYS.join(', ')}).`);
    return { config, diagnostics, itemRanges };
  }

  for (const pair of root.items) {
    if (!isPair(pair)) continue;
    const keyNode = resolve(pair.key);
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    const value = resolve(pair.value);
    const keyRange = rangeOf(keyNode);
    const valueRange = value ? rangeOf(value) : keyRange;
    const isNull = value === null || (isScalar(value) && value.value === null);
    switch (key) {
      case 'rules': {
        if (isNull) break;
        if (!isMap(value)) {
          report(valueRange, `'rules' must be a mapping of rule id to ${RULE_SETTING_VALUES.join(' | ')}.`);
          break;
        }
        for (const item of value.items) {
          const idNode = resolve(item.key);
          const id = isScalar(idNode) ? String(idNode.value) : '';
          const setting = resolve(item.value);
          if (!knownRuleIds.has(id)) {
            report(rangeOf(idNode), `Unknown rule id '${id}'.${didYouMean(id, knownRuleIds)} Run 'secure-iac rules' for the list.`);
            continue;
          }
          const raw = isScalar(setting) ? setting.value : undefined;
          // YAML 1.1 habits (`s3-versioning: false`) are taken at their word.
          const normalized = raw === true ? 'on' : raw === false ? 'off' : typeof raw === 'string' ? raw.toLowerCase() : undefined;
          if (normalized !== undefined && (RULE_SETTING_VALUES as readonly string[]).includes(normalized))
            config.rules[id] = normalized as RuleSetting;
          else
            report(
              setting ? rangeOf(setting) : rangeOf(idNode),
              `'rules.${id}' must be one of ${RULE_SETTING_VALUES.join(', ')}${raw !== undefined && raw !== null ? `, not '${String(raw)}'` : ''}.`,
            );
        }
        break;
      }
      case 'exclude':
      case 'parameters':
      case 'varFiles':
      case 'requiredTags': {
        if (isNull) break;
        if (!isSeq(value)) {
          report(valueRange, `'${key}' must be a list of ${LIST_WHAT[key]}, e.g. ${key}: [${isScalar(value) ? String(value.value) : '...'}].`);
          break;
        }
        for (const itemNode of value.items) {
          const item = resolve(itemNode);
          const problem = key === 'exclude' && isScalar(item) && typeof item.value === 'string' ? globProblem(item.value.trim()) : undefined;
          if (problem !== undefined) report(rangeOf(item as Node), `'exclude': ${problem}; it is ignored.`);
          else if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') {
            config[key].push(item.value.trim());
            itemRanges[key].push(rangeOf(item));
          } else report(item ? rangeOf(item) : valueRange, `Each entry of '${key}' must be a non-empty string (${LIST_WHAT[key]}).`);
        }
        break;
      }
      case 'unresolved': {
        const v = isScalar(value) ? value.value : undefined;
        // `off` reads naturally next to the rule settings; it means the default, `silent`.
        if (v === 'silent' || v === 'off' || v === false) config.unresolved = 'silent';
        else if (v === 'info') config.unresolved = v;
        else
          report(
            valueRange,
            `'unresolved' must be 'off' (the default, also written 'silent': values that cannot be resolved are not judged) or 'info' (report them as "cannot verify").`,
          );
        break;
      }
      case 'maxFileSize': {
        const bytes = parseByteSize(isScalar(value) ? value.value : undefined);
        if (bytes !== undefined) config.maxFileSize = bytes;
        else report(valueRange, `'maxFileSize' must be a positive size: bytes (2097152) or with a unit (500KB, 4MB).`);
        break;
      }
      case 'baseline': {
        const v = isScalar(value) ? value.value : undefined;
        if (typeof v === 'string' && v.trim() !== '') {
          config.baseline = v;
          baselineRange = valueRange;
        } else report(valueRange, `'baseline' must be the path of a baseline file written by \`secure-iac scan --write-baseline <file>\`.`);
        break;
      }
      case 'scan': {
        if (isNull) break;
        if (!isMap(value)) {
          report(valueRange, `'scan' must be a map, e.g. scan: { includeCdkOut: true }.`);
          break;
        }
        for (const item of value.items) {
          const name = isScalar(item.key) ? String(item.key.value) : undefined;
          const v = isScalar(item.value) ? item.value.value : undefined;
          const where = isScalar(item.key) ? rangeOf(item.key) : valueRange;
          if (name !== 'includeCdkOut') report(where, `Unknown setting 'scan.${name ?? '?'}'. Known: scan.includeCdkOut.`);
          else if (typeof v === 'boolean') config.scan = { ...config.scan, includeCdkOut: v };
          else report(isScalar(item.value) ? rangeOf(item.value) : where, `'scan.includeCdkOut' must be true or false.`);
        }
        break;
      }
      default:
        report(keyRange, `Unknown setting '${key ?? '?'}'.${didYouMean(key ?? '', CONFIG_KEYS)} Known settings: ${CONFIG_KEYS.join(', ')}.`);
    }
  }
  return { config, diagnostics, itemRanges, ...(baselineRange ? { baselineRange } : {}) };
}
