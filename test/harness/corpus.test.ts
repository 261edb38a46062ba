// Corpus-reading tests skip on a clone without ../shared/corpus, and fail instead where CI requires the corpus.
import assert from 'node:assert/strict';
import { corpusPresent, needsCorpus } from './corpus';

describe('needsCorpus', () => {
  const ctx = () => {
    const calls: string[] = [];
    return { calls, ctx: { skip: () => void calls.push('skip') } as unknown as Mocha.Context };
  };

  it('skips a test whose part of the corpus is absent, and fails it instead under SECURE_IAC_CORPUS_REQUIRED=1', () => {
    assert.equal(corpusPresent('no-such-part'), false);
    const skipped = ctx();
    const lines: string[] = [];
    const said = new Set<string>();
    needsCorpus(skipped.ctx, 'no-such-part', {}, (l) => lines.push(l), said);
    needsCorpus(skipped.ctx, 'no-such-part', {}, (l) => lines.push(l), said);
    assert.deepEqual(skipped.calls, ['skip', 'skip']);
    assert.equal(lines.length, 1, 'one line per missing path, not per test');
    assert.match(lines[0] ?? '', /skipped: \.\.\/shared\/corpus(\/no-such-part)? not present/);
    const required = ctx();
    assert.throws(() => needsCorpus(required.ctx, 'no-such-part', { SECURE_IAC_CORPUS_REQUIRED: '1' }), {
      message: /^\.\.\/shared\/corpus(\/no-such-part)? not present, and SECURE_IAC_CORPUS_REQUIRED=1 requires it$/,
    });
    assert.deepEqual(required.calls, []);
  });
});
