// The broken-input suite on a sample of the real-world corpus (scripts/hcl-broken-suite.ts runs it all and prints the
// counts next to tree-sitter's): whatever the damage, the findings of the intact blocks are those of the intact file,
// and the error is on the line of the break.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { walkFiles } from '../../server/src/scan/walk';
import { casesFor, judge, PARSERS, type BrokenCase } from './broken-input';

const REALWORLD = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'realworld');

describe('HCL parser on broken input (real files damaged)', function () {
  this.timeout(300_000);
  let cases: BrokenCase[] = [];

  before(async function () {
    if (!existsSync(REALWORLD)) {
      console.log('    skipped: ../shared/corpus not present');
      this.skip();
    }
    const files = (await walkFiles([REALWORLD])).filter((f) => f.endsWith('.tf')).sort();
    const texts = files
      .map((f) => ({ f, t: readFileSync(f, 'utf8') }))
      .filter(({ t }) => t.length > 1500 && t.length < 20_000 && /^resource /m.test(t));
    const step = Math.max(1, Math.floor(texts.length / 12));
    for (let i = 0; i < texts.length; i += step) cases.push(...casesFor(texts[i]?.f as string, texts[i]?.t as string, { cuts: 8, perKind: 2 }));
    for (const { f, t } of texts.filter(({ t }) => /<<-?[A-Za-z_]\w*\s*$/m.test(t)).slice(0, 6)) {
      cases.push(...casesFor(f, t, { cuts: 0, perKind: 0, only: 'unclosed heredoc', heredocs: 2 }));
    }
    cases = cases.filter((c) => c.text !== c.reference);
  });

  it('covers every kind of damage', () => {
    const kinds = new Set(cases.map((c) => c.kind));
    assert.deepEqual([...kinds].sort(), [
      'cut',
      'half-typed attribute',
      'half-typed block header',
      'stray =',
      'unclosed block brace',
      'unclosed heredoc',
      'unclosed nested brace',
      'unclosed string',
    ]);
  });

  it('keeps the findings of the intact blocks and reports the break on its line', () => {
    const misses = cases.flatMap((c) => {
      const o = judge(c, PARSERS.hcl);
      return o.intactEqual && o.errorOnBreakLine
        ? []
        : [
            `${c.kind} ${c.file} line ${c.breakLine + 1}: intact findings ${o.intactEqual ? 'equal' : 'differ'}, error on the line ${o.errorOnBreakLine}`,
          ];
    });
    assert.deepEqual(misses, []);
  });
});
