// Converts engine findings and parse errors into LSP diagnostics (severity mapping, rule docs link, identity data).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Severity } from '../../../rules/api';
import { ruleById } from '../../../rules/index';
import { ruleDocsUrl as rulePageUrl } from '../engine/docs-url';
import type { Finding, LintResult } from '../engine/types';
import { DIAGNOSTIC_SOURCE, PARSE_ERROR_CODE, type FindingData } from '../protocol';

/** Rule page URLs, worked out once per rule: building one (paths, file URL) cost more than the rest of a diagnostic. */
const docsUrls = new Map<string, string | undefined>();

/** The documentation page of a known rule, docs/rules/<id>.md (engine/docs-url.ts decides where it is). */
export function ruleDocsUrl(ruleId: string): string | undefined {
  if (!docsUrls.has(ruleId)) docsUrls.set(ruleId, ruleById(ruleId) ? rulePageUrl(ruleId) : undefined);
  return docsUrls.get(ruleId);
}

/** The catalogue's mapping: critical and high are errors, medium warnings, low information, info hints. */
export function diagnosticSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'critical':
    case 'high':
      return DiagnosticSeverity.Error;
    case 'medium':
      return DiagnosticSeverity.Warning;
    case 'low':
      return DiagnosticSeverity.Information;
    case 'info':
      return DiagnosticSeverity.Hint;
  }
}

/** One finding as a diagnostic; `version` is the document version the offsets refer to (open documents only). */
export function findingToDiagnostic(finding: Finding, doc: TextDocument, version?: number): Diagnostic {
  const data: FindingData = { ruleId: finding.ruleId, start: finding.range.start, end: finding.range.end, version };
  const href = ruleDocsUrl(finding.ruleId);
  const start = doc.positionAt(finding.range.start);
  let end = doc.positionAt(finding.range.end);
  // A finding about a whole policy document or resource is underlined on its first line (the key), not over 20 lines.
  if (end.line > start.line) end = doc.positionAt(Math.min(finding.range.end, lineEnd(doc, start.line)));
  return {
    range: { start, end },
    severity: diagnosticSeverity(finding.severity),
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    // Where the deciding value is written (a parameter or variable default, often in another file of the module).
    ...(finding.related?.length
      ? { relatedInformation: finding.related.map((r) => ({ location: { uri: r.uri, range: { start: r.start, end: r.end } }, message: r.message })) }
      : {}),
    data,
  };
}

/** The offset of the end of `line` (before its line break). */
function lineEnd(doc: TextDocument, line: number): number {
  const next = doc.offsetAt({ line: line + 1, character: 0 });
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return next - (text.endsWith('\r\n') ? 2 : text.endsWith('\n') ? 1 : 0);
}

/** Every visible finding and parse error of a lint result; suppressed findings are not shown. */
export function resultToDiagnostics(result: LintResult, doc: TextDocument, version?: number): Diagnostic[] {
  const out: Diagnostic[] = result.errors.map((e) => ({
    range: { start: doc.positionAt(e.range.start), end: doc.positionAt(e.range.end) },
    severity: DiagnosticSeverity.Error,
    code: PARSE_ERROR_CODE,
    source: DIAGNOSTIC_SOURCE,
    message: e.message,
  }));
  for (const finding of result.findings) {
    if (!finding.suppressed) out.push(findingToDiagnostic(finding, doc, version));
  }
  return out;
}

/** Reads `Diagnostic.data` back, rejecting anything another server or an old client put there. */
export function findingData(diagnostic: Diagnostic): FindingData | undefined {
  const data: unknown = diagnostic.data;
  if (typeof data !== 'object' || data === null) return undefined;
  const { ruleId, start, end, version } = data as Record<string, unknown>;
  if (typeof ruleId !== 'string' || typeof start !== 'number' || typeof end !== 'number') return undefined;
  return { ruleId, start, end, version: typeof version === 'number' ? version : undefined };
}
