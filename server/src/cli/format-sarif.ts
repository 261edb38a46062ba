// SARIF 2.1.0 for GitHub code scanning: one rule per id with helpUri and security-severity, suppressions kept.
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '../../../rules/api';
import type { AnyRule } from '../../../rules/define-rule';
import { ruleWebDocsUrl } from '../engine/docs-url';
import type { Report, ReportFinding } from './report';

/** GitHub ranks by this number: >= 9 critical, >= 7 high, >= 4 medium, otherwise low. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };
const LEVEL: Record<Severity, Result.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

function descriptor(rule: AnyRule): ReportingDescriptor {
  // The rule's page when it is on the web; a file: URL on the scanning machine would mean nothing to a SARIF viewer.
  const help = ruleWebDocsUrl(rule.id) ?? rule.meta.docs;
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.meta.title },
    fullDescription: { text: `${rule.meta.title}. AWS Security Best Practices: ${rule.meta.whitepaper}.` },
    helpUri: help,
    help: { text: `${rule.meta.title}. See ${help}` },
    defaultConfiguration: { level: LEVEL[rule.meta.severity] },
    properties: {
      'security-severity': SECURITY_SEVERITY[rule.meta.severity],
      tags: ['security', 'aws', 'iac'],
      precision: 'high',
      ...(rule.meta.fsbp?.length ? { fsbp: [...rule.meta.fsbp] } : {}),
    },
  };
}

function result(f: ReportFinding, ruleIndex: number): Result {
  const region = { startLine: f.startLine, startColumn: f.startColumn, endLine: f.endLine, endColumn: f.endColumn };
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' }, region },
        ...(f.resource ? { logicalLocations: [{ name: f.resource, kind: 'resource' }] } : {}),
      },
    ],
    ...(f.related?.length
      ? {
          relatedLocations: f.related.map((r, id) => ({
            id,
            physicalLocation: {
              artifactLocation: { uri: encodeURI(r.file), uriBaseId: '%SRCROOT%' },
              region: { startLine: r.startLine, startColumn: r.startColumn, endLine: r.endLine, endColumn: r.endColumn },
            },
            message: { text: r.message },
          })),
        }
      : {}),
    partialFingerprints: { 'secureIac/v1': `${f.ruleId}:${f.file}:${f.resource ?? ''}` },
    ...(f.suppressed ? { suppressions: [{ kind: 'inSource', justification: f.suppressed.reason }] } : {}),
    ...(f.fix
      ? {
          fixes: [
            {
              description: { text: f.fix.title },
              artifactChanges: [
                {
                  artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                  replacements: f.fix.replacements.map((r) => ({
                    deletedRegion: { startLine: r.startLine, startColumn: r.startColumn, endLine: r.endLine, endColumn: r.endColumn },
                    insertedContent: { text: r.text },
                  })),
                },
              ],
            },
          ],
        }
      : {}),
  };
}

export function formatSarif(report: Report, rules: readonly AnyRule[], version: string): string {
  const used = rules.filter((r) => report.findings.some((f) => f.ruleId === r.id) || report.suppressed.some((f) => f.ruleId === r.id));
  // Every rule that ran is listed so code scanning can show rules with no results too; used ones first is not required.
  const listed = rules.length > 0 ? rules : used;
  const index = new Map(listed.map((r, i) => [r.id, i]));
  const results = [...report.findings, ...report.suppressed]
    .filter((f) => index.has(f.ruleId))
    .map((f) => result(f, index.get(f.ruleId) ?? 0));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'secure-iac', version, semanticVersion: version, rules: listed.map(descriptor) } },
        results,
        invocations: [
          {
            executionSuccessful: report.errors.every((e) => e.startLine !== undefined || e.skipped),
            toolExecutionNotifications: report.errors.map((e) => ({
              level: e.skipped ? ('note' as const) : ('error' as const),
              message: { text: `${e.file}: ${e.message}` },
              ...(e.startLine
                ? { locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(e.file), uriBaseId: '%SRCROOT%' }, region: { startLine: e.startLine, startColumn: e.startColumn } } }] }
                : {}),
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
