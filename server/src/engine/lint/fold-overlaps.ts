// Folds overlapping security-group findings: an ingress open on every port is one problem with one fix, not four.
import type { IacDocument } from '../../model/document';
import { withLazyFixes } from '../fixes/lazy-fixes';
import { lineStartsOf, positionAt } from '../positions';
import type { Finding } from '../types';

/** The rule whose finding absorbs the others on the same CIDR value. */
export const ALL_PORTS_RULE = 'sg-open-all-ports';

/** Rules about one service's port(s) that an all-ports opening necessarily also trips. */
export const PORT_SPECIFIC_RULES: ReadonlySet<string> = new Set(['sg-open-ssh', 'sg-open-rdp', 'sg-open-db-ports']);

/**
 * When `sg-open-all-ports` reports a world-open CIDR, the port-specific rules reporting that same CIDR (same range:
 * every one of them anchors on the CIDR value) are folded into it: they leave the list and the all-ports finding
 * lists them as related information. The user then sees one squiggle and is offered one fix (the all-ports one:
 * the port-specific fixes would each declare a different input for the same value).
 *
 * Runs after suppressions, on visible findings only: a suppressed all-ports finding absorbs nothing (the
 * port-specific findings then stand on their own, so suppressing the broad rule never hides SSH), and a suppressed
 * port-specific finding stays a suppressed record. Folding keeps the engine's findings otherwise untouched: the
 * lint cache stores the rule findings before this step, so the folded finding is a new object.
 */
export function foldOverlappingFindings(doc: IacDocument, findings: readonly Finding[]): Finding[] {
  const key = (f: Finding) => `${f.range.start}:${f.range.end}`;
  const broad = new Map<string, Finding>();
  for (const f of findings) if (f.ruleId === ALL_PORTS_RULE && !f.suppressed) broad.set(key(f), f);
  if (broad.size === 0) return [...findings];
  const absorbed = new Map<Finding, Finding[]>();
  const out: (Finding | undefined)[] = [];
  for (const f of findings) {
    const into = !f.suppressed && PORT_SPECIFIC_RULES.has(f.ruleId) ? broad.get(key(f)) : undefined;
    if (!into) {
      out.push(f);
      continue;
    }
    const list = absorbed.get(into) ?? [];
    list.push(f);
    absorbed.set(into, list);
  }
  if (absorbed.size === 0) return [...findings];
  const starts = lineStartsOf(doc);
  return out.map((f) => {
    const folded = f && absorbed.get(f);
    if (!f || !folded) return f as Finding;
    const { fixes: _fixes, ...plain } = Object.getOwnPropertyDescriptors(f);
    void _fixes;
    const copy = Object.defineProperties({}, plain) as Omit<Finding, 'fixes'>;
    copy.related = [
      ...(f.related ?? []),
      ...folded.map((p) => ({
        uri: p.uri,
        range: p.range,
        start: positionAt(starts, p.range.start),
        end: positionAt(starts, p.range.end),
        message: `Also ${p.ruleId}: ${p.message}`,
      })),
    ];
    // The all-ports fix, read only when asked for (the copy shares the original's lazy fixes).
    return withLazyFixes(() => f.fixes, copy);
  });
}
