// The fix-all loop on its own: rounds, conflicting edits, fixes that do not silence, and the minimal final edit.
import * as assert from 'node:assert/strict';
import type { Fix, Finding, LintResult } from '../../server/src/engine/types';
import { applySafeFixes, minimalEdit } from '../../server/src/engine/fixes/fix-all';

/** A finding at [start, end) with one fix; only what the loop reads matters. */
function finding(start: number, end: number, fix: Fix, extra: Partial<Finding> = {}): Finding {
  return { ruleId: 'r', messageId: 'm', severity: 'low', message: `at ${start}`, uri: 'u', range: { start, end }, fixes: [fix], ...extra };
}

/** A fake linter: a finding for every `bad` token, fixed by replacing it with `ok` (optionally conflicting edits). */
function linter(options: { insertAtZero?: boolean; breaks?: boolean } = {}) {
  let calls = 0;
  const lint = (text: string): LintResult => {
    calls++;
    const findings: Finding[] = [];
    for (const m of text.matchAll(/bad/g)) {
      const start = m.index;
      const edits = [{ start, end: start + 3, newText: options.breaks ? '{{' : 'ok' }];
      // Every fix also inserting at offset 0 makes all fixes conflict: one per round.
      if (options.insertAtZero) edits.push({ start: 0, end: 0, newText: '#' });
      findings.push(finding(start, start + 3, { title: 'fix', safety: 'safe', edits }));
    }
    return { findings, errors: text.includes('{{') ? [{ message: 'broken', range: { start: 0, end: 0 } }] : [], ruleFailures: [] };
  };
  return { lint, calls: () => calls };
}

describe('fix-all loop', () => {
  it('applies non-overlapping fixes in one round', () => {
    const { lint, calls } = linter();
    assert.deepEqual(applySafeFixes('bad bad bad', lint), { text: 'ok ok ok', applied: 3, reviewLeft: 0 });
    assert.equal(calls(), 2, 'one round of fixes, one lint to confirm nothing is left');
  });

  it('defers conflicting fixes to later rounds, re-linting in between', () => {
    const { lint } = linter({ insertAtZero: true });
    assert.deepEqual(applySafeFixes('bad bad', lint), { text: '##ok ok', applied: 2, reviewLeft: 0 });
  });

  it('stops after the round limit', () => {
    const { lint } = linter({ insertAtZero: true });
    assert.equal(applySafeFixes('bad bad bad', lint, { maxRounds: 2 }).applied, 2);
  });

  it('skips suppressed findings and review fixes', () => {
    const lint = (): LintResult => ({
      findings: [
        finding(0, 1, { title: 't', safety: 'review', edits: [{ start: 0, end: 1, newText: 'X' }] }),
        finding(1, 2, { title: 't', safety: 'safe', edits: [{ start: 1, end: 2, newText: 'Y' }] }, { suppressed: { kind: 'comment', reason: 'r' } }),
      ],
      errors: [],
      ruleFailures: [],
    });
    assert.deepEqual(applySafeFixes('ab', lint), { text: 'ab', applied: 0, reviewLeft: 1 }, 'the review fix is counted, not applied');
    assert.deepEqual(applySafeFixes('ab', lint, { includeReview: true, maxRounds: 1 }), { text: 'Xb', applied: 1, reviewLeft: 1 });
  });

  it('never applies the same fix twice when it does not silence its finding', () => {
    const lint = (text: string): LintResult => ({
      findings: [finding(0, 0, { title: 't', safety: 'safe', edits: [{ start: text.length, end: text.length, newText: '!' }] })],
      errors: [],
      ruleFailures: [],
    });
    assert.deepEqual(applySafeFixes('x', lint), { text: 'x!', applied: 1, reviewLeft: 0 });
  });

  it('keeps the last text that parsed when a round introduces a syntax error', () => {
    const { lint } = linter({ breaks: true });
    assert.deepEqual(applySafeFixes('bad', lint), { text: 'bad', applied: 0, reviewLeft: 0, stoppedUnparsable: true });
  });

  it('turns the result into one minimal edit, never splitting a surrogate pair', () => {
    assert.deepEqual(minimalEdit('abcdef', 'abXYef'), { start: 2, end: 4, newText: 'XY' });
    assert.equal(minimalEdit('same', 'same'), undefined);
    assert.deepEqual(minimalEdit('a😀b', 'a😁b'), { start: 1, end: 3, newText: '😁' });
    const grow = minimalEdit('key: 1\n', 'key: 1\nnext: 2\n');
    assert.deepEqual(grow, { start: 7, end: 7, newText: 'next: 2\n' });
  });
});
