// Applies suppressions (ours and those of Checkov, cfn_nag, cfn-lint, tfsec, Trivy and KICS) to a document's findings.
import type { AnyRule } from '../../../../rules/define-rule';
import { allRules } from '../../../../rules/index';
import type { IacDocument } from '../../model/document';
import type { IacNode } from '../../model/nodes';
import { lineStartsOf, positionAt } from '../positions';
import { commentDirectives } from './suppress-comments';
import { utcDay, type Directive } from './suppress-directive';
import { ForeignIdTable, toolsFor } from './suppress-map';
import { metadataDirectives } from './suppress-metadata';
import type { Finding, Suppression } from '../types';

/** The pseudo rule id under which malformed or expired suppressions are reported. */
export const INVALID_SUPPRESSION = 'invalid-suppression';

export interface SuppressionOptions {
  /** Rules whose `meta.related` ids map other tools' suppressions to ours. Default: every registered rule. */
  rules?: readonly AnyRule[];
  /** The clock that decides expiry (tests inject one). Dates compare as UTC days. */
  now?: () => Date;
}

/** A directive that applies, with the rules it covers: every rule, or ours → the foreign id that named it. */
interface Active {
  d: Directive;
  rules: '*' | Map<string, string | undefined>;
}

const directivesByDocument = new WeakMap<IacDocument, readonly Directive[]>();

/**
 * The suppressions written in `doc`, read once per document: a scan lints a called module's file once per instance
 * of the module, and looking for markers in the whole text each time cost more than linting a small file.
 */
function directivesOf(doc: IacDocument): readonly Directive[] {
  let directives = directivesByDocument.get(doc);
  if (!directives) {
    directives = [...(doc.format === 'cfn-yaml' || doc.format === 'tf-hcl' ? commentDirectives(doc.text) : []), ...metadataDirectives(doc)];
    directivesByDocument.set(doc, directives);
  }
  return directives;
}

/**
 * Marks suppressed findings (setting `suppressed`) and returns findings about the suppressions themselves: ours
 * without a reason, with unknown ids, a bad or past `until` date, or a misplaced file-level form; and expired
 * tfsec/Trivy `:exp:` dates. Another tool's suppression needs no reason, and its ids that map to none of our
 * rules are that tool's business, so they are not reported.
 */
export function applySuppressions(doc: IacDocument, findings: Finding[], knownIds: ReadonlySet<string>, options: SuppressionOptions = {}): Finding[] {
  // Built only for a document that has another tool's suppression: most have none, and building it per document cost
  // a sixth of all linting.
  let table: ForeignIdTable | undefined;
  const foreignIds = () => (table ??= new ForeignIdTable(options.rules ?? allRules));
  // Asked only for a dated suppression: most documents have none, and a scan lints thousands.
  let today: string | undefined;
  const day = () => (today ??= utcDay((options.now ?? (() => new Date()))()));
  const directives = directivesOf(doc);
  const problems: Finding[] = [];
  const report = (d: Directive, messageId: string, message: string) =>
    problems.push({ ruleId: INVALID_SUPPRESSION, messageId, severity: 'low', message, uri: doc.uri, range: d.range, fixes: [] });

  const active: Active[] = [];
  for (const d of directives) {
    const rules = d.source === 'secure-iac' ? validateOurs(d, knownIds, report) : mapForeign(d, foreignIds());
    if (!rules || (rules !== '*' && rules.size === 0)) continue;
    const what = d.source === 'secure-iac' ? `Suppression of ${d.ids.join(', ')}` : `The ${d.source} suppression '${d.text}'`;
    if (d.badDate !== undefined) {
      report(
        d,
        'badDate',
        `${what} has ${d.badDate === '' ? 'no date after "until"' : `the date '${d.badDate}', which is not a YYYY-MM-DD date`}, so it is not applied.`,
      );
      continue;
    }
    if (d.expires !== undefined && day() >= d.expires) {
      report(d, 'expired', `${what} expired on ${d.expires}, so the finding is reported again: fix it, or renew the suppression with a later date.`);
      continue;
    }
    active.push({ d, rules });
  }
  if (active.length === 0) return problems;

  const locate = locator(doc);
  // Ours first: its reason is the one a report should show when several tools' suppressions cover a finding.
  active.sort((a, b) => Number(a.d.source !== 'secure-iac') - Number(b.d.source !== 'secure-iac'));
  for (const f of findings) {
    for (const { d, rules } of active) {
      if (rules !== '*' && !rules.has(f.ruleId)) continue;
      if (!locate.covers(d, f)) continue;
      f.suppressed = suppression(d, rules === '*' ? undefined : rules.get(f.ruleId));
      break;
    }
  }
  return problems;
}

/** Reports what is wrong with one of ours; returns the known ids it suppresses, or undefined when it cannot apply. */
function validateOurs(
  d: Directive,
  knownIds: ReadonlySet<string>,
  report: (d: Directive, id: string, message: string) => void,
): Active['rules'] | undefined {
  const form = d.scope === 'file' ? 'secure-iac-ignore-file' : 'secure-iac-ignore';
  switch (d.problem) {
    case 'noIds':
      report(d, 'noIds', `'${form}' names no rule, so it is not applied. Write it as '${form} <rule-id>: <why this is acceptable>'.`);
      return undefined;
    case 'extraText':
      report(
        d,
        'syntax',
        `'${form}' has text after the "until" date that is not part of the syntax; write '${form} <rule-id> until YYYY-MM-DD: <reason>'.`,
      );
      return undefined;
    case 'misplaced':
      report(d, 'misplaced', `'secure-iac-ignore-file' must be in the comments at the top of the file, before any code; this one is not applied.`);
      return undefined;
  }
  const unknown = d.ids.filter((id) => !knownIds.has(id));
  if (d.reason === '') {
    report(
      d,
      'noReason',
      `Suppression of ${d.ids.join(', ')} has no reason, so it is not applied. Write it as '${form} ${d.ids[0] ?? '<rule-id>'}: <why this is acceptable>'.`,
    );
    return undefined;
  }
  if (isPlaceholderReason(d.reason)) {
    report(
      d,
      'noReason',
      `Suppression of ${d.ids.join(', ')} gives the placeholder '${d.reason}' as its reason, so it is not applied. Say why this is acceptable here.`,
    );
    return undefined;
  }
  if (unknown.length > 0) report(d, 'unknownId', `Suppression names unknown rule id${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}.`);
  return new Map(d.ids.filter((id) => knownIds.has(id)).map((id) => [id, undefined]));
}

/**
 * A reason that says nothing: what "Ignore … for this resource" inserts (`TODO: reason`) or another stand-in. The
 * suppression then stays off, so an inserted comment cannot silence a finding until someone writes why.
 */
export function isPlaceholderReason(reason: string): boolean {
  // Trailing punctuation cut by a loop: `/[.!:\s]+$/` is quadratic on a long run of those characters.
  let r = reason.trim().toLowerCase();
  let end = r.length;
  while (end > 0 && /[.!:\s]/.test(r[end - 1] as string)) end--;
  r = r.slice(0, end);
  return r === '' || /^(todo|tbd|fixme|xxx|reason|why|\.\.\.|\u2026|-+|<[^>]*>|todo:?\s*(reason|why|explain)?|n\/?a)$/.test(r);
}

/** Our rules that another tool's ids stand for, remembering which id named each. */
function mapForeign(d: Directive, table: ForeignIdTable): Active['rules'] {
  if (d.ids.includes('*')) return '*';
  const out = new Map<string, string | undefined>();
  const tools = toolsFor(d.source === 'secure-iac' ? 'checkov' : d.source);
  for (const id of d.ids) for (const rule of table.lookup(tools, id)) if (!out.has(rule)) out.set(rule, id);
  return out;
}

function suppression(d: Directive, foreignId: string | undefined): Suppression {
  return {
    kind: d.kind,
    reason: d.reason !== '' ? d.reason : `${d.text} (no reason given)`,
    source: d.source,
    ...(foreignId !== undefined ? { foreignId } : {}),
    scope: d.scope,
    ...(d.expires !== undefined ? { expires: d.expires } : {}),
  };
}

/** Answers "does this directive cover this finding" from lines and node extents, computed once per document. */
function locator(doc: IacDocument) {
  const starts = lineStartsOf(doc);
  const lineOf = (offset: number) => positionAt(starts, offset).line;
  let spans: Map<number, number> | undefined;
  /** The end of the largest node that starts on `line` (a resource, a nested block, a property), else the line's end. */
  const spanEnd = (line: number): number => {
    if (!spans) spans = nodeSpans(doc, lineOf);
    const lineEnd = (starts[line + 1] ?? doc.text.length + 1) - 1;
    return Math.max(lineEnd, spans.get(line) ?? lineEnd);
  };
  const resourceOf = (d: Directive) =>
    doc.resources.find((r) => r.range.start <= d.range.start && d.range.start < r.range.end) ??
    (d.line !== undefined ? doc.resources.find((r) => lineOf(r.headerRange.start) === d.line) : undefined);

  return {
    covers(d: Directive, f: Finding): boolean {
      switch (d.scope) {
        case 'file':
          return true;
        case 'resource': {
          const address = d.resourceAddress ?? resourceOf(d)?.address;
          return address !== undefined && f.resource?.address === address;
        }
        case 'line':
          return d.line !== undefined && lineOf(f.range.start) === d.line;
        case 'block': {
          if (d.line === undefined) return false;
          if (f.resource && lineOf(f.resource.headerRange.start) === d.line) return true;
          const from = starts[d.line] ?? 0;
          return f.range.start >= from && f.range.start <= spanEnd(d.line);
        }
      }
    },
  };
}

/** Line → the furthest end of any node starting on it: resources, blocks, map entries and list items. */
function nodeSpans(doc: IacDocument, lineOf: (offset: number) => number): Map<number, number> {
  const spans = new Map<number, number>();
  const note = (start: number, end: number) => {
    const line = lineOf(start);
    if ((spans.get(line) ?? -1) < end) spans.set(line, end);
  };
  const walk = (node: IacNode): void => {
    if (node.kind === 'map')
      for (const e of node.entries) {
        note(e.range.start, e.range.end);
        walk(e.value);
      }
    else if (node.kind === 'list')
      for (const item of node.items) {
        note(item.range.start, item.range.end);
        walk(item);
      }
    else if (node.kind === 'call') node.args.forEach(walk);
  };
  if (doc.root) walk(doc.root);
  for (const r of doc.resources) {
    note(r.range.start, r.range.end);
    walk(r.node);
  }
  for (const b of doc.blocks) {
    note(b.range.start, b.range.end);
    walk(b.body);
  }
  for (const i of doc.inputs) {
    note(i.range.start, i.range.end);
    walk(i.node);
  }
  return spans;
}
