// "Fix all": applies every safe fix of a file, re-linting between rounds so fixes that touch the same map stay correct.
// The editor's source.fixAll and `secure-iac fix` both run it, so they change a file the same way.
import type { TextEdit } from '../../edits/types';
import { diffSpan } from '../../parsers/text-change';
import { applyEdits, editsCollide } from '../positions';
import type { LintResult } from '../types';

/** Rounds before giving up; each round applies every non-overlapping safe fix, so a few rounds settle any file. */
export const MAX_FIX_ROUNDS = 8;

/** The outcome of `applySafeFixes`: the final text and how many fixes went in. */
export interface FixAllOutcome {
  text: string;
  applied: number;
  /** Visible findings of the final text whose fixes need a review (left out unless asked for). */
  reviewLeft: number;
  /** A round's fixes would have made the text unparsable: the result is the last round that parsed. */
  stoppedUnparsable?: true;
}

export interface FixAllOptions {
  maxRounds?: number;
  /** Also apply fixes marked `review` (the CLI's `--include-review`, the editor's review fix-all). */
  includeReview?: boolean;
}

/**
 * Applies safe fixes of visible findings until none is left (or `MAX_FIX_ROUNDS`). Within a round, fixes whose
 * edits overlap or touch an edit already taken wait for the next round, which sees the re-linted text: two fixes
 * inserting into the same map would otherwise both compute "after the last entry" and interleave. A fix is
 * applied at most once per finding identity, so a fix that does not silence its finding cannot loop.
 */
export function applySafeFixes(text: string, lint: (text: string) => LintResult | undefined, options: FixAllOptions = {}): FixAllOutcome {
  const { maxRounds = MAX_FIX_ROUNDS, includeReview = false } = options;
  const done = new Set<string>();
  let good: FixAllOutcome = { text, applied: 0, reviewLeft: 0 };
  let current = good;
  let baselineErrors: number | undefined;
  for (let round = 0; round <= maxRounds; round++) {
    const result = lint(current.text);
    if (!result) break;
    baselineErrors ??= result.errors.length;
    // A writer produced text that no longer parses: keep the last good round rather than break the file.
    if (result.errors.length > baselineErrors) return { ...good, stoppedUnparsable: true };
    good = { ...current, reviewLeft: reviewOnly(result) };
    if (round === maxRounds) break;
    const taken: TextEdit[] = [];
    let fixes = 0;
    for (const finding of result.findings) {
      if (finding.suppressed) continue;
      const fix = finding.fixes.find((f) => f.safety === 'safe' || includeReview);
      if (!fix) continue;
      const identity = `${finding.ruleId}\n${finding.resource?.address ?? ''}\n${fix.title}\n${finding.message}`;
      if (done.has(identity) || editsCollide(fix.edits, taken)) continue;
      done.add(identity);
      taken.push(...fix.edits);
      fixes++;
    }
    if (fixes === 0) break;
    current = { text: applyEdits(current.text, taken), applied: current.applied + fixes, reviewLeft: 0 };
  }
  return good;
}

/** Visible findings whose only fixes need a review. */
function reviewOnly(result: LintResult): number {
  return result.findings.filter((f) => !f.suppressed && f.fixes.length > 0 && f.fixes.every((x) => x.safety === 'review')).length;
}

/**
 * The smallest single edit turning `before` into `after` (common prefix and suffix kept), so the client keeps
 * cursors, folding and undo granularity instead of replacing the whole document.
 */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let { start, oldEnd: endBefore, newEnd: endAfter } = diffSpan(before, after);
  // Do not split a surrogate pair: the client would see half a character.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (endBefore < before.length && isLowSurrogate(before.charCodeAt(endBefore))) {
    endBefore++;
    endAfter++;
  }
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
