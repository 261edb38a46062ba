// Meta-test of the rule registry: every rule file registered, tested, named after its id, and listed in the README.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { allRules } from '../../rules/index';
import { CORPUS, needsCorpus } from '../harness/corpus';

const root = join(__dirname, '..', '..');

/** Every rules/<service>/<id>.ts file (rules/lib holds helpers, not rules). */
function ruleFiles(): string[] {
  const dir = join(root, 'rules');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'lib')
    .flatMap((d) =>
      readdirSync(join(dir, d.name))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(dir, d.name, f)),
    );
}

describe('rule registry', () => {
  it('has unique ids in sorted order', () => {
    const ids = allRules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(ids, [...ids].sort());
  });

  it('registers every rule file, under its file name', () => {
    const ids = new Set(allRules.map((r) => r.id));
    const files = ruleFiles().map((f) => basename(f, '.ts'));
    assert.deepEqual([...files].sort(), [...ids].sort());
  });

  it("gives every target a check: its own or the rule's", () => {
    const without = allRules.flatMap((r) =>
      Object.values(r.targets).flatMap((targets) => (targets ?? []).filter((t) => !t.check && !r.check).map(() => r.id)),
    );
    assert.deepEqual(without, []);
  });

  it('has a table test for every rule', () => {
    for (const rule of allRules) assert.ok(existsSync(join(root, 'test', 'rules', `${rule.id}.test.ts`)), `test/rules/${rule.id}.test.ts`);
  });

  it('gives every rule its metadata', () => {
    for (const rule of allRules) {
      assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(rule.meta.title && rule.meta.whitepaper, rule.id);
      assert.match(rule.meta.docs, /^https:\/\//, rule.id);
      // Either the equivalent checks of other tools, or why there are none: never silently neither (nor both).
      const listed = Object.values(rule.meta.related).some((ids) => ids.length > 0);
      assert.notEqual(listed, Boolean(rule.meta.noEquivalent?.trim()), `${rule.id}: list meta.related ids or explain meta.noEquivalent (not both)`);
      assert.ok(rule.targets.cloudformation || rule.targets.terraform, rule.id);
    }
  });

  it('lists as KICS equivalents exactly the KICS queries the shared corpus matches to the rule', function () {
    needsCorpus(this, 'kics/queries.json');
    const queries = JSON.parse(readFileSync(join(CORPUS, 'kics', 'queries.json'), 'utf8')) as { rule: string; id: string }[];
    for (const rule of allRules) {
      const matched = [...new Set(queries.filter((q) => q.rule === rule.id).map((q) => q.id))].sort();
      assert.deepEqual([...(rule.meta.related.kics ?? [])].sort(), matched, rule.id);
    }
  });

  it('is listed in the README rules table, with the same severity and title', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const table = /<!-- rules:start -->([\s\S]*?)<!-- rules:end -->/.exec(readme)?.[1] ?? '';
    const rows = [...table.matchAll(/^\| `([a-z0-9-]+)` \| (\w+) \| ([^|]+) \|/gm)].map((m) => [m[1], m[2], m[3]?.trim()]);
    assert.deepEqual(
      rows,
      allRules.map((r) => [r.id, r.meta.severity, r.meta.title]),
    );
  });
});
