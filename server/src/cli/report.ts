// The CLI's report model: findings and errors with 1-based positions and display paths, shared by every output format.
import { isAbsolute, relative, sep } from 'node:path';
import type { Severity } from '../../../rules/api';
import { lineStarts, positionAt } from '../engine/positions';
import type { ScanResult } from '../scan/scan-files';

export interface ReportFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  resource?: string;
  resourceStartLine?: number;
  resourceEndLine?: number;
  /** CDK: the construct that synthesized the resource (`Metadata."aws:cdk:path"`). */
  constructPath?: string;
  fixable: boolean;
  /** Whether `secure-iac fix` applies the first fix (`safe`) or only with `--include-review`. */
  fixSafety?: 'safe' | 'review';
  /** Offset of the finding in its file's text (for baselines; not part of the JSON report). */
  startOffset: number;
  /** Present only for suppressed findings (listed with --show-suppressed). */
  suppressed?: { kind: 'comment' | 'metadata'; reason: string };
  /** Where the value that decided the finding is written (a parameter/variable default), 1-based. */
  related?: { file: string; startLine: number; startColumn: number; endLine: number; endColumn: number; message: string }[];
  /** The first fix, as 1-based replacements, for SARIF `fixes`. */
  fix?: { title: string; replacements: { startLine: number; startColumn: number; endLine: number; endColumn: number; text: string }[] };
}

export interface ReportError {
  file: string;
  message: string;
  startLine?: number;
  startColumn?: number;
  /** A file left out on purpose (over the size limit): reported as a note, it does not change the exit code. */
  skipped?: true;
}

export interface Report {
  filesScanned: number;
  findings: ReportFinding[];
  suppressed: ReportFinding[];
  errors: ReportError[];
  /** Rules that threw on a file: a defect of ours, reported rather than hidden. */
  ruleFailures: { file: string; ruleId: string; message: string }[];
  /** Each scanned file's text by display path, for code frames. */
  sources?: ReadonlyMap<string, string>;
  /** How many findings a baseline left out (set when a baseline was applied). */
  baselined?: number;
  /** Findings a baseline left out, kept for SARIF's `baselineState: unchanged`. */
  baselinedFindings?: ReportFinding[];
}

/** `file` relative to the working directory when under it, always with `/`. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  return shown.split(sep).join('/');
}

export function buildReport(scan: ScanResult, cwd: string): Report {
  const sources = new Map<string, string>();
  const report: Report = { filesScanned: scan.files.length, findings: [], suppressed: [], errors: [], ruleFailures: [], sources };
  for (const file of scan.files) {
    const starts = lineStarts(file.text);
    const at = (offset: number) => {
      const p = positionAt(starts, offset);
      return { line: p.line + 1, column: p.character + 1 };
    };
    const path = displayPath(file.path, cwd);
    sources.set(path, file.text);
    for (const f of file.findings) {
      const s = at(f.range.start);
      const e = at(f.range.end);
      const fix = f.fixes[0];
      const entry: ReportFinding = {
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        file: path,
        startLine: s.line,
        startColumn: s.column,
        endLine: e.line,
        endColumn: e.column,
        ...(f.resource
          ? { resource: f.resource.address, resourceStartLine: at(f.resource.range.start).line, resourceEndLine: at(f.resource.range.end).line }
          : {}),
        ...(f.resource?.constructPath !== undefined ? { constructPath: f.resource.constructPath } : {}),
        fixable: f.fixes.length > 0,
        ...(fix ? { fixSafety: fix.safety } : {}),
        startOffset: f.range.start,
        ...(f.related?.length
          ? {
              related: f.related.map((r) => ({
                file: displayPath(r.uri, cwd),
                startLine: r.start.line + 1,
                startColumn: r.start.character + 1,
                endLine: r.end.line + 1,
                endColumn: r.end.character + 1,
                message: r.message,
              })),
            }
          : {}),
        ...(f.suppressed ? { suppressed: f.suppressed } : {}),
        ...(fix
          ? {
              fix: {
                title: fix.title,
                replacements: fix.edits.map((ed) => {
                  const a = at(ed.start);
                  const b = at(ed.end);
                  return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column, text: ed.newText };
                }),
              },
            }
          : {}),
      };
      (f.suppressed ? report.suppressed : report.findings).push(entry);
    }
    for (const err of file.errors) {
      const s = at(err.range.start);
      report.errors.push({ file: path, message: err.message, startLine: s.line, startColumn: s.column });
    }
    for (const rf of file.ruleFailures) report.ruleFailures.push({ file: path, ruleId: rf.ruleId, message: rf.message });
  }
  for (const err of scan.readErrors)
    report.errors.push({ file: displayPath(err.path, cwd), message: err.message, ...(err.skipped ? { skipped: err.skipped } : {}) });
  return report;
}
