// Human-readable report: findings grouped by file under a header, each `line:col  severity  rule-id  message`
// aligned, with a code frame of the deciding line, the related location, the fix and the docs link; then a summary by
// severity and by rule. Every value from a scanned file is escaped, so a template cannot forge lines or CI commands.
import { codeFrameColumns } from '@babel/code-frame';
import { createColors } from 'picocolors';
import type { Severity } from '../../../rules/api';
import { SEVERITIES } from './args';
import type { Report, ReportError, ReportFinding } from './report';
import { escapeControl, neutraliseControl } from './text-escape';

export interface TextOptions {
  showSuppressed: boolean;
  /** Colour escapes (a TTY, or FORCE_COLOR); never when writing to a file. */
  color: boolean;
  /** Code frames of the deciding lines (`--no-snippets` turns them off). */
  snippets: boolean;
  /** The rule page a finding links to. */
  docsUrl: (ruleId: string) => string;
}

type Colors = ReturnType<typeof createColors>;

/** Frames longer than this many lines show only their first line: a whole policy document helps nobody. */
const MAX_FRAME_LINES = 3;

function severityColor(c: Colors, s: Severity): (t: string) => string {
  return s === 'critical' ? (t) => c.bold(c.red(t)) : s === 'high' ? c.red : s === 'medium' ? c.yellow : s === 'low' ? c.cyan : c.gray;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The source lines around a finding, with a caret under the deciding value. */
function frame(text: string | undefined, f: ReportFinding): string | undefined {
  if (text === undefined) return undefined;
  const single = f.endLine - f.startLine >= MAX_FRAME_LINES || f.endLine < f.startLine;
  const end = single ? { line: f.startLine, column: Number.MAX_SAFE_INTEGER } : { line: f.endLine, column: f.endColumn };
  // Control characters in the source become U+FFFD one for one, so columns and carets still line up.
  const lines = text
    .split(/\r?\n/)
    .slice(0, f.endLine + 2)
    .map(neutraliseControl)
    .join('\n');
  const lineText = lines.split('\n')[f.startLine - 1] ?? '';
  const endColumn = single ? lineText.length + 1 : end.column;
  return codeFrameColumns(
    lines,
    { start: { line: f.startLine, column: f.startColumn }, end: { line: end.line, column: endColumn } },
    { highlightCode: false, linesAbove: 1, linesBelow: 0 },
  );
}

function findingBlock(f: ReportFinding, widths: { pos: number; rule: number }, text: string | undefined, o: TextOptions, c: Colors): string[] {
  const pos = `${f.startLine}:${f.startColumn}`.padEnd(widths.pos);
  const sev = severityColor(c, f.severity)(f.severity.padEnd(8));
  const suppressed = f.suppressed ? c.dim(`  [suppressed: ${escapeControl(f.suppressed.reason)}]`) : '';
  const out = [`  ${c.dim(pos)}  ${sev}  ${c.bold(f.ruleId.padEnd(widths.rule))}  ${escapeControl(f.message)}${suppressed}`];
  const indent = ' '.repeat(4);
  if (o.snippets) {
    const fr = frame(text, f);
    if (fr) out.push(...fr.split('\n').map((l) => indent + c.dim(l)));
  }
  for (const r of f.related ?? [])
    out.push(`${indent}${c.dim('↳')} ${escapeControl(r.message)} ${c.dim(`(${escapeControl(r.file)}:${r.startLine}:${r.startColumn})`)}`);
  if (f.fix)
    out.push(
      `${indent}${c.green('fix:')} ${escapeControl(f.fix.title)}${f.fixSafety === 'safe' ? c.dim(' (secure-iac fix)') : c.dim(' (secure-iac fix --include-review)')}`,
    );
  out.push(`${indent}${c.dim('docs:')} ${c.dim(o.docsUrl(f.ruleId))}`);
  return out;
}

function errorLine(e: ReportError, c: Colors): string {
  const where = e.startLine ? `${e.startLine}:${e.startColumn}` : '';
  const kind = e.startLine ? 'parse-error' : e.skipped ? 'skipped' : 'io-error';
  return `  ${c.dim(where)}${where ? '  ' : ''}${e.skipped ? c.gray(kind) : c.red(kind)}  ${escapeControl(e.message)}`;
}

export function formatText(report: Report, options: TextOptions): string {
  const c = createColors(options.color);
  const shown = [...report.findings, ...(options.showSuppressed ? report.suppressed : [])];
  const byFile = new Map<string, { findings: ReportFinding[]; errors: ReportError[] }>();
  const group = (file: string) => {
    let g = byFile.get(file);
    if (!g) byFile.set(file, (g = { findings: [], errors: [] }));
    return g;
  };
  for (const f of shown) group(f.file).findings.push(f);
  for (const e of report.errors) group(e.file).errors.push(e);
  const out: string[] = [];
  for (const file of [...byFile.keys()].sort()) {
    const g = byFile.get(file)!;
    g.findings.sort((a, b) => a.startLine - b.startLine || a.startColumn - b.startColumn || a.ruleId.localeCompare(b.ruleId));
    out.push(c.underline(c.bold(escapeControl(file))));
    const widths = {
      pos: Math.max(0, ...g.findings.map((f) => `${f.startLine}:${f.startColumn}`.length)),
      rule: Math.max(0, ...g.findings.map((f) => f.ruleId.length)),
    };
    for (const e of g.errors) out.push(errorLine(e, c));
    for (const f of g.findings) out.push(...findingBlock(f, widths, report.sources?.get(file), options, c));
    out.push('');
  }
  for (const rf of report.ruleFailures)
    out.push(`${c.red('internal error')}  ${escapeControl(rf.file)}  ${rf.ruleId}: rule failed: ${escapeControl(rf.message.split('\n')[0] ?? '')}`);
  out.push(...summary(report, c));
  return out.join('\n') + '\n';
}

function summary(report: Report, c: Colors): string[] {
  if (report.filesScanned === 0 && report.errors.length === 0)
    return [c.yellow('Nothing to scan: no CloudFormation template or Terraform file was found in the given paths.')];
  const counts = new Map<Severity, number>();
  const rules = new Map<string, number>();
  for (const f of report.findings) {
    counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
    rules.set(f.ruleId, (rules.get(f.ruleId) ?? 0) + 1);
  }
  const bySeverity = SEVERITIES.filter((s) => counts.has(s)).map((s) => severityColor(c, s)(`${counts.get(s)} ${s}`));
  const files = new Set(report.findings.map((f) => f.file)).size;
  const head =
    report.findings.length === 0
      ? c.green(`No ${report.baselined ? 'new ' : ''}findings in ${plural(report.filesScanned, 'file')} scanned`)
      : `${c.bold(plural(report.findings.length, 'finding'))}${bySeverity.length ? ` (${bySeverity.join(', ')})` : ''} in ${files} of ${plural(report.filesScanned, 'file')} scanned`;
  const parts = [head];
  const safe = report.findings.filter((f) => f.fixSafety === 'safe').length;
  const review = report.findings.filter((f) => f.fixSafety === 'review').length;
  if (safe > 0) parts.push(`${safe} fixable with \`secure-iac fix\``);
  if (review > 0) parts.push(`${review} more with \`--include-review\``);
  if (report.suppressed.length > 0) parts.push(`${report.suppressed.length} suppressed`);
  if (report.baselined) parts.push(`${report.baselined} in the baseline`);
  const skipped = report.errors.filter((e) => e.skipped).length;
  const errors = report.errors.length - skipped;
  if (errors > 0) parts.push(c.red(plural(errors, 'error')));
  if (skipped > 0) parts.push(`${plural(skipped, 'file')} skipped`);
  const lines = [parts.join('; ')];
  if (rules.size > 0) {
    const ranked = [...rules].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    lines.push(`By rule: ${ranked.map(([id, n]) => `${id} ${n}`).join(', ')}`);
  }
  return lines;
}
