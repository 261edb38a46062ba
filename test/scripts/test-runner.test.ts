// `npm test -- <what>` runs only what it names: .mocharc.json's settings without its spec, and rule ids as shorthands.
import assert from 'node:assert/strict';
import { mochaFlags, resolveSpec, splitArgs } from '../../scripts/test';

describe('npm test runner', () => {
  it('passes .mocharc.json settings as flags but never its spec (which would add every test file)', () => {
    const flags = mochaFlags({
      'node-option': ['import=tsx'],
      spec: ['test/**/*.test.ts'],
      ignore: ['test/e2e/**'],
      ui: 'bdd',
      timeout: 20000,
      reporter: 'spec',
    });
    assert.deepEqual(flags, [
      '--no-config',
      '--node-option',
      'import=tsx',
      '--ignore',
      'test/e2e/**',
      '--ui',
      'bdd',
      '--timeout',
      '20000',
      '--reporter',
      'spec',
    ]);
  });

  it('takes files and globs as given and a bare rule id as its table test; names what it cannot find', () => {
    assert.equal(resolveSpec('test/rules/s3-versioning.test.ts'), 'test/rules/s3-versioning.test.ts');
    assert.equal(resolveSpec('test/engine/*.test.ts'), 'test/engine/*.test.ts');
    assert.equal(resolveSpec('test/scripts/'), 'test/scripts/**/*.test.ts');
    assert.equal(resolveSpec('s3-versioning'), 'test/rules/s3-versioning.test.ts');
    assert.throws(() => resolveSpec('no-such-rule'), /no test file, glob or rule 'no-such-rule'/);
  });

  it('keeps mocha flags and their values apart from the tests named', () => {
    assert.deepEqual(splitArgs(['a.test.ts', '--grep', 'cfn yaml', '--bail', 'b.test.ts']), {
      specs: ['a.test.ts', 'b.test.ts'],
      flags: ['--grep', 'cfn yaml', '--bail'],
    });
  });
});
