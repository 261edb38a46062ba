import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import table from '../../../rules/data/lambda-runtimes.json';
import { deprecatedOn, newestSupported, RUNTIME_TABLE_DATE } from '../../../rules/lib/lambda-runtimes';

describe('Lambda runtime table', () => {
  it('is dated, and every date is a calendar day', () => {
    assert.match(RUNTIME_TABLE_DATE, /^\d{4}-\d{2}-\d{2}$/);
    for (const [id, date] of Object.entries(table.deprecated)) {
      assert.match(date, /^\d{4}-\d{2}-\d{2}$/, id);
      assert.equal(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10), date, id);
    }
  });

  it('judges deprecation on the table date, inclusive', () => {
    assert.equal(deprecatedOn('python3.8'), '2024-10-14');
    assert.equal(deprecatedOn('python3.13'), undefined);
    assert.equal(deprecatedOn('python3.99'), undefined, 'a runtime not in the table is not judged');
    for (const [id, date] of Object.entries(table.deprecated)) assert.equal(deprecatedOn(id) !== undefined, date <= RUNTIME_TABLE_DATE, id);
  });

  it('names the supported runtime of the same language that lasts longest', () => {
    assert.equal(newestSupported('nodejs16.x'), 'nodejs22.x');
    assert.equal(newestSupported('python2.7'), 'python3.13');
    assert.equal(newestSupported('java8'), 'java21');
    assert.equal(newestSupported('go1.x'), 'provided.al2023');
    assert.equal(newestSupported('unknown1.0'), undefined);
  });

  it('is shown, with its date, on the rule page', () => {
    const page = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules', 'src', 'lambda-deprecated-runtime.md'), 'utf8');
    assert.ok(page.includes(RUNTIME_TABLE_DATE), 'docs/rules/src/lambda-deprecated-runtime.md must name the table date');
    for (const [id, date] of Object.entries(table.deprecated)) assert.ok(page.includes(`| \`${id}\` | ${date} |`), `the page lists ${id} ${date}`);
  });
});
