// Property-based robustness: mutated corpus files (byte flips, truncation, deleted/duplicated lines, stray tokens)
// never make the engine throw, never yield a range outside the document, and each lints within a second.
// The long run is `npm run fuzz`; this is a short one with a fixed seed, so a failure reproduces.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { corpusPresent, needsCorpus } from '../harness/corpus';
import { applyCase, caseArb, checkCase, initParsersOnce, loadSeeds, mutate, type Seed } from './fuzz-harness';

describe('robustness: mutation fuzzing over the corpus', function () {
  this.timeout(120_000);
  let seeds: Seed[];

  before(async function () {
    await initParsersOnce();
    seeds = corpusPresent() ? loadSeeds() : [];
  });

  it('finds seed files of every syntax in the shared corpus', function () {
    needsCorpus(this);
    for (const ext of ['.yaml', '.json', '.tf']) {
      assert.ok(
        seeds.some((s) => s.name.endsWith(ext)),
        `no ${ext} seed`,
      );
    }
  });

  it('applies each kind of mutation', function () {
    const text = 'a: 1\nb: 2\nc: 3\n';
    assert.equal(mutate(text, { kind: 'truncate', at: 0.5 }), text.slice(0, 7));
    assert.equal(mutate(text, { kind: 'deleteLine', at: 0.3 }), 'a: 1\nc: 3\n');
    assert.equal(mutate(text, { kind: 'duplicateLine', at: 0 }), 'a: 1\na: 1\nb: 2\nc: 3\n');
    assert.equal(mutate(text, { kind: 'flip', at: 0, bit: 1 }), 'c' + text.slice(1));
    assert.equal(mutate(text, { kind: 'insert', at: 0, token: 0 }), '!Ref ' + text);
  });

  it('survives 300 seeded mutated files: no throw, ranges inside, under 1 s each', function () {
    needsCorpus(this);
    let slowest = { ms: 0, name: '' };
    fc.assert(
      fc.property(caseArb(seeds.length), (c) => {
        const input = applyCase(seeds, c);
        const { ms } = checkCase(input);
        if (ms > slowest.ms) slowest = { ms, name: input.name };
      }),
      { seed: 20261122, numRuns: 300 },
    );
    // The figure is for the report; the per-case limit is the assertion.
    console.log(`      slowest of 300 cases: ${slowest.ms.toFixed(1)} ms (${slowest.name.replace(/.*corpus\//, '')})`);
  });
});
