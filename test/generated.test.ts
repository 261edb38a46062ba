// Every generated file is what `npm run gen` would write now: the registry, rule pages, README, suppressions, package.json.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generatedFiles, staleFiles } from '../scripts/gen/all';
import { importName, renderRuleIndex, ruleFiles } from '../scripts/gen/rule-index';
import { withRuleCount } from '../scripts/gen-docs';

describe('generated files', () => {
  it('are fresh (run `npm run gen` if this fails)', () => {
    const stale = staleFiles();
    assert.deepEqual(stale, [], `stale generated files: ${stale.join(', ')}. Run \`npm run gen\` and commit the result.`);
  });

  it('include the registry, every rule page, README, the suppression mapping and package.json', () => {
    const files = [...generatedFiles().keys()];
    for (const rel of ['rules/index.ts', 'README.md', 'docs/suppressions.md', 'package.json', 'docs/rules/s3-versioning.md'])
      assert.ok(files.includes(rel), rel);
  });
});

describe('rules/index.ts generator', () => {
  it('lists the rule files of every family folder but lib/, sorted by id, under camel-case import names', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'secure-iac-gen-'));
    try {
      for (const [family, id] of [
        ['s3', 's3-b'],
        ['iam', 'z-last'],
        ['general', 'a-first'],
        ['lib', 'helper'],
      ]) {
        mkdirSync(path.join(root, 'rules', family as string), { recursive: true });
        writeFileSync(path.join(root, 'rules', family as string, `${id}.ts`), '');
      }
      writeFileSync(path.join(root, 'rules', 'api.ts'), '');
      assert.deepEqual(ruleFiles(root), [
        { id: 'a-first', family: 'general' },
        { id: 's3-b', family: 's3' },
        { id: 'z-last', family: 'iam' },
      ]);
      const text = renderRuleIndex(ruleFiles(root));
      assert.match(text, /import s3B from '\.\/s3\/s3-b';/);
      assert.match(text, /\[\n {2}aFirst,\n {2}s3B,\n {2}zLast,\n\]/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    assert.equal(importName('ec2-imdsv2'), 'ec2Imdsv2');
  });

  it('counts the rules in the README sentence, and fails loudly when the sentence is gone', () => {
    assert.equal(withRuleCount('The 42 rules below, taken', 101, 'R'), 'The 101 rules below, taken');
    assert.throws(() => withRuleCount('Some rules below', 1, 'README.md'), /README\.md: the sentence/);
  });
});
