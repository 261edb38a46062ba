// The documented JSON report (version 1): tooling depends on its shape, so it is built field by field.
import { ruleDocsUrl } from '../engine/docs-url';
import type { Report, ReportFinding } from './report';

function finding(f: ReportFinding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file,
    startLine: f.startLine,
    startColumn: f.startColumn,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ...(f.resource !== undefined ? { resource: f.resource, resourceStartLine: f.resourceStartLine, resourceEndLine: f.resourceEndLine } : {}),
    ...(f.constructPath !== undefined ? { constructPath: f.constructPath } : {}),
    fixable: f.fixable,
    docs: ruleDocsUrl(f.ruleId),
    ...(f.related ? { related: f.related } : {}),
    ...(f.suppressed ? { suppressed: f.suppressed } : {}),
  };
}

export function formatJson(report: Report, showSuppressed: boolean): string {
  const findings = [...report.findings, ...(showSuppressed ? report.suppressed : [])].map(finding);
  return (
    JSON.stringify(
      {
        version: 1,
        filesScanned: report.filesScanned,
        findings,
        ...(report.baselined !== undefined ? { baselined: report.baselined } : {}),
        errors: report.errors.map((e) => ({
          file: e.file,
          message: e.message,
          ...(e.startLine ? { startLine: e.startLine, startColumn: e.startColumn } : {}),
          ...(e.skipped ? { skipped: true } : {}),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
