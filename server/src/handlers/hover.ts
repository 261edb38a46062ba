// Hover on a finding: severity and title, why it matters (from the rule page), what the fix does, where the deciding
// value is written, and a link to the rule's documentation.
import type { Connection, Hover, HoverParams, MarkupContent, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleById } from '../../../rules/index';
import { ruleWhy } from '../engine/rule-summary';
import type { Finding } from '../engine/types';
import { Commands } from '../protocol';
import { guardRequest, type Log } from './guard';
import type { Linter } from './linter';
import { ruleDocsUrl } from './to-diagnostic';

interface HoverDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  linter: Linter;
  log: Log;
  /** The client runs our commands (the VS Code extension): links open the rendered page through one. */
  clientCommands: boolean;
}

export function registerHover(deps: HoverDeps): void {
  deps.connection.onHover(guardRequest(deps.log, 'hover', null as Hover | null, (params: HoverParams) => hover(deps, params)));
}

async function hover(deps: HoverDeps, params: HoverParams): Promise<Hover | null> {
  if (!deps.documents.get(params.textDocument.uri)) return null;
  const outcome = await deps.linter.current(params.textDocument.uri);
  if (!outcome?.result) return null;
  const offset = outcome.text.offsetAt(params.position);
  const here = outcome.result.findings.filter((f) => !f.suppressed && f.range.start <= offset && offset <= f.range.end);
  if (here.length === 0) return null;
  const contents: MarkupContent = { kind: 'markdown', value: here.map((f) => describe(f, deps.clientCommands)).join('\n\n---\n\n') };
  // The innermost finding's range, so the hover stays up while the pointer is on that value.
  const inner = here.reduce((a, b) => (b.range.end - b.range.start < a.range.end - a.range.start ? b : a));
  return { contents, range: { start: outcome.text.positionAt(inner.range.start), end: outcome.text.positionAt(inner.range.end) } };
}

/** Markdown for one finding. */
export function describe(f: Finding, clientCommands: boolean): string {
  const rule = ruleById(f.ruleId);
  const lines = [`**${f.severity}** · \`${f.ruleId}\` · ${rule?.meta.title ?? ''}`.trim()];
  const why = ruleWhy(f.ruleId);
  if (why) lines.push(why);
  const fix = f.fixes[0];
  lines.push(
    fix
      ? `**Fix:** ${fix.title}${fix.safety === 'review' ? ' (review the change)' : ''}.`
      : '**Fix:** none offered: this needs a decision only you can make; the documentation says what to do.',
  );
  for (const r of f.related ?? []) lines.push(`**Value from:** ${r.message} ([line ${r.start.line + 1}](${r.uri}#L${r.start.line + 1}))`);
  const docs = clientCommands ? `command:${Commands.showRuleDocumentation}?${encodeURIComponent(JSON.stringify([f.ruleId]))}` : ruleDocsUrl(f.ruleId);
  if (docs) lines.push(`[Learn more](${docs})`);
  return lines.join('\n\n');
}
