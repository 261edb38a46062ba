// Human-readable report: one `file:line:col  severity  rule-id  message` line per finding, then a summary.
import type { Severity } from '../../../rules/api';
import { SEVERITIES } from './args';
import type { Report, ReportFinding } from './report';

function line(f: ReportFinding): string {
  return `${f.file}:${f.startLine}:${f.startColumn}  ${f.severity.padEnd(8)}  ${f.ruleId}  ${f.message}`;
}

export function formatText(report: Report, showSuppressed: boolean): string {
  const out: string[] = report.findings.map(line);
  for (const e of report.errors) {
    out.push(`${e.file}${e.startLine ? `:${e.startLine}:${e.startColumn}` : ''}  error     ${e.startLine ? 'parse-error' : e.skipped ? 'skipped ' : 'io-error'}  ${e.message}`);
  }
  if (showSuppressed) {
    for (const f of report.suppressed) out.push(`${line(f)}  [suppressed: ${f.suppressed?.reason ?? ''}]`);
  }
  for (const rf of report.ruleFailures) out.push(`${rf.file}  internal  ${rf.ruleId}  rule failed: ${rf.message.split('\n')[0]}`);
  const counts = new Map<Severity, number>();
  for (const f of report.findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const bySeverity = SEVERITIES.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`);
  const fixable = report.findings.filter((f) => f.fixable).length;
  const files = new Set(report.findings.map((f) => f.file)).size;
  const parts = [
    `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}${bySeverity.length ? ` (${bySeverity.join(', ')})` : ''}` +
      ` in ${files} of ${report.filesScanned} file${report.filesScanned === 1 ? '' : 's'} scanned`,
  ];
  if (fixable > 0) parts.push(`${fixable} with a quick-fix in the editor`);
  if (report.suppressed.length > 0) parts.push(`${report.suppressed.length} suppressed`);
  const skipped = report.errors.filter((e) => e.skipped).length;
  const errors = report.errors.length - skipped;
  if (errors > 0) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (skipped > 0) parts.push(`${skipped} file${skipped === 1 ? '' : 's'} skipped`);
  if (out.length > 0) out.push('');
  out.push(parts.join('; '));
  return out.join('\n') + '\n';
}
