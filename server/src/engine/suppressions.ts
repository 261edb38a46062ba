// Reads suppressions (`# secure-iac-ignore <id>: reason` comments, CloudFormation Metadata) and applies them to findings.
import type { IacDocument } from '../model/document';
import { entryOf, type IacNode, type SourceRange } from '../model/nodes';
import { lineStarts, positionAt } from './positions';
import type { Finding, Suppression } from './types';

/** The pseudo rule id under which malformed suppressions are reported. */
export const INVALID_SUPPRESSION = 'invalid-suppression';

interface Directive {
  ids: string[];
  reason: string;
  range: SourceRange;
  line: number;
}

const DIRECTIVE = /(?:#|\/\/)\s*secure-iac-ignore\s+([A-Za-z0-9_,\s-]+?)\s*(?::\s*(.*?))?\s*$/;

/** Comment directives by 0-based line, plus the set of lines that are nothing but a comment. */
function scanComments(text: string): { byLine: Map<number, Directive[]>; commentLines: Set<number> } {
  const byLine = new Map<number, Directive[]>();
  const commentLines = new Set<number>();
  let offset = 0;
  const lines = text.split('\n');
  lines.forEach((raw, line) => {
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (/^\s*(#|\/\/)/.test(lineText)) commentLines.add(line);
    const m = DIRECTIVE.exec(lineText);
    if (m) {
      const start = offset + m.index;
      const ids = (m[1] ?? '').split(/[\s,]+/).filter(Boolean);
      byLine.set(line, [{ ids, reason: (m[2] ?? '').trim(), range: { start, end: offset + lineText.length }, line }]);
    }
    offset += raw.length + 1;
  });
  return { byLine, commentLines };
}

/** Metadata `secure-iac: { ignore: [{ id, reason }] }` entries of a CloudFormation resource. */
function metadataDirectives(resourceNode: IacNode): Directive[] {
  if (resourceNode.kind !== 'map') return [];
  const ignore = entryOf(resourceNode, 'Metadata')?.value;
  const ours = ignore?.kind === 'map' ? entryOf(ignore, 'secure-iac')?.value : undefined;
  const list = ours?.kind === 'map' ? entryOf(ours, 'ignore')?.value : undefined;
  if (list?.kind !== 'list') return [];
  const out: Directive[] = [];
  for (const item of list.items) {
    if (item.kind !== 'map') continue;
    const id = entryOf(item, 'id')?.value;
    const reason = entryOf(item, 'reason')?.value;
    if (id?.kind !== 'scalar' || typeof id.value !== 'string') continue;
    out.push({
      ids: [id.value],
      reason: reason?.kind === 'scalar' && reason.value !== null ? String(reason.value).trim() : '',
      range: item.range,
      line: -1,
    });
  }
  return out;
}

/**
 * Marks suppressed findings and returns the findings about the suppressions themselves (no reason, unknown id).
 * A directive counts on the line of the finding or of its resource header, or in the comment lines right above them.
 */
export function applySuppressions(doc: IacDocument, findings: Finding[], knownIds: ReadonlySet<string>): Finding[] {
  const { byLine, commentLines } = scanComments(doc.text);
  const starts = lineStarts(doc.text);
  const lineOf = (offset: number) => positionAt(starts, offset).line;
  const problems: Finding[] = [];
  const reported = new Set<Directive>();
  const check = (d: Directive): boolean => {
    const unknown = d.ids.filter((id) => !knownIds.has(id));
    if (!reported.has(d)) {
      reported.add(d);
      if (d.reason === '' || unknown.length > 0) {
        problems.push({
          ruleId: INVALID_SUPPRESSION,
          messageId: d.reason === '' ? 'noReason' : 'unknownId',
          severity: 'low',
          message:
            d.reason === ''
              ? `Suppression of ${d.ids.join(', ')} has no reason, so it is not applied. Write it as 'secure-iac-ignore ${d.ids[0] ?? '<rule-id>'}: <why this is acceptable>'.`
              : `Suppression names unknown rule id${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}.`,
          uri: doc.uri,
          range: d.range,
          fixes: [],
        });
      }
    }
    return d.reason !== '';
  };
  const directivesNear = (line: number): Directive[] => {
    const out = [...(byLine.get(line) ?? [])];
    for (let l = line - 1; l >= 0 && commentLines.has(l); l--) out.push(...(byLine.get(l) ?? []));
    return out;
  };
  const metadata = new Map(doc.resources.map((r) => [r.address, doc.family === 'cloudformation' ? metadataDirectives(r.node) : []]));
  // Validate every directive once, even those that match nothing, so a typo in an id is visible.
  for (const list of byLine.values()) list.forEach(check);
  for (const list of metadata.values()) list.forEach(check);

  for (const f of findings) {
    const lines = new Set([lineOf(f.range.start)]);
    if (f.resource) lines.add(lineOf(f.resource.headerRange.start));
    const candidates: { d: Directive; kind: Suppression['kind'] }[] = [...lines].flatMap(directivesNear).map((d) => ({ d, kind: 'comment' }));
    if (f.resource) candidates.push(...(metadata.get(f.resource.address) ?? []).map((d) => ({ d, kind: 'metadata' as const })));
    const hit = candidates.find(({ d }) => d.ids.includes(f.ruleId) && d.reason !== '');
    if (hit) f.suppressed = { kind: hit.kind, reason: hit.d.reason };
  }
  return problems;
}
