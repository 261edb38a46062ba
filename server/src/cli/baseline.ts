// Baselines: the findings a team accepts today, so CI reports only new ones. A finding is known by its rule, file,
// resource address and property path — not by its line — so edits elsewhere in the file do not "un-baseline" it.
import { InputFileError, readInputFileSync } from '../workspace/input-file';

/** A baseline is read non-blocking and never past this. */
const BASELINE_READ_LIMIT = 256 * 1024 * 1024;
import { dirname, relative, resolve, sep } from 'node:path';
import type { ResourceNode } from '../model/document';
import type { IacNode, MapEntry } from '../model/nodes';
import { parseDocument } from '../parsers/index';
import { writeFileAtomic } from './atomic-write';
import type { Report, ReportFinding } from './report';

export const BASELINE_VERSION = 1;

interface BaselineEntry {
  ruleId: string;
  /** Relative to the baseline file's folder, with `/`. */
  file: string;
  resource: string;
  /** Keys from the resource's properties down to the reported value (`Properties.SecurityGroupIngress[0].CidrIp`). */
  path: string;
  /** How many findings share this identity (two open ports in one list). */
  count: number;
}

interface BaselineFile {
  version: number;
  tool: 'secure-iac';
  findings: BaselineEntry[];
}

/** The key path from `node` to the deepest value whose range holds `offset` ('' at the node itself). */
function pathTo(node: IacNode, offset: number): string {
  let path = '';
  let current: IacNode | undefined = node;
  while (current) {
    let next: IacNode | undefined;
    if (current.kind === 'map') {
      const entry: MapEntry | undefined = current.entries.find((e) => e.range.start <= offset && offset < Math.max(e.range.end, e.keyRange.end + 1));
      if (entry) {
        path += path ? `.${entry.key}` : entry.key;
        next = entry.value;
      }
    } else if (current.kind === 'list') {
      const i = current.items.findIndex((item) => item.range.start <= offset && offset < item.range.end);
      if (i >= 0) {
        path += `[${i}]`;
        next = current.items[i];
      }
    }
    current = next;
  }
  return path;
}

/** Identity of each finding of `report` (same order), files taken relative to `base`. */
export function identities(report: Report, findings: readonly ReportFinding[], cwd: string, base: string): string[] {
  const resourcesByFile = new Map<string, ResourceNode[]>();
  const resourcesOf = (file: string): ResourceNode[] => {
    let rs = resourcesByFile.get(file);
    if (!rs) {
      const text = report.sources?.get(file);
      rs = (text === undefined ? undefined : parseDocument(resolve(cwd, file), text)?.resources) ?? [];
      resourcesByFile.set(file, rs);
    }
    return rs;
  };
  return findings.map((f) => {
    const resource = f.resource === undefined ? undefined : resourcesOf(f.file).find((r) => r.address === f.resource);
    const path = resource ? pathTo(resource.node, f.startOffset) : '';
    const file = relative(base, resolve(cwd, f.file)).split(sep).join('/');
    return JSON.stringify([f.ruleId, file, f.resource ?? '', path]);
  });
}

/** Writes the report's findings as a baseline (atomically); returns how many were recorded. */
export function writeBaseline(report: Report, cwd: string, file: string): number {
  const target = resolve(cwd, file);
  const counts = new Map<string, number>();
  for (const id of identities(report, report.findings, cwd, dirname(target))) counts.set(id, (counts.get(id) ?? 0) + 1);
  const findings = [...counts]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([id, count]): BaselineEntry => {
      const [ruleId, f, resource, path] = JSON.parse(id) as [string, string, string, string];
      return { ruleId, file: f, resource, path, count };
    });
  const content: BaselineFile = { version: BASELINE_VERSION, tool: 'secure-iac', findings };
  writeFileAtomic(target, JSON.stringify(content, null, 2) + '\n');
  return report.findings.length;
}

/** Reads a baseline; throws a one-line error naming the file when it is not one. */
export function readBaseline(cwd: string, file: string): { base: string; counts: Map<string, number> } {
  const target = resolve(cwd, file);
  let parsed: BaselineFile;
  try {
    parsed = JSON.parse(readInputFileSync(target, BASELINE_READ_LIMIT)) as BaselineFile;
  } catch (err) {
    const why = err instanceof InputFileError ? err.message : 'not valid JSON';
    throw new Error(`cannot read baseline ${file}: ${why}`, { cause: err });
  }
  if (parsed?.tool !== 'secure-iac' || parsed.version !== BASELINE_VERSION || !Array.isArray(parsed.findings)) {
    throw new Error(`${file} is not a secure-iac baseline (version ${BASELINE_VERSION}); write one with --write-baseline`);
  }
  const counts = new Map<string, number>();
  for (const e of parsed.findings) counts.set(JSON.stringify([e.ruleId, e.file, e.resource, e.path]), e.count);
  return { base: dirname(target), counts };
}

/** Moves the findings the baseline holds out of `report.findings` (into `baselinedFindings`). */
export function applyBaseline(report: Report, cwd: string, baseline: { base: string; counts: Map<string, number> }): void {
  const left = new Map(baseline.counts);
  const ids = identities(report, report.findings, cwd, baseline.base);
  const fresh: ReportFinding[] = [];
  const known: ReportFinding[] = [];
  report.findings.forEach((f, i) => {
    const id = ids[i] as string;
    const n = left.get(id) ?? 0;
    if (n > 0) {
      left.set(id, n - 1);
      known.push(f);
    } else fresh.push(f);
  });
  report.findings = fresh;
  report.baselined = known.length;
  report.baselinedFindings = known;
}
