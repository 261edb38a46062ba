// `npm run new-rule`: refuses what would break the registry, in one line; its scaffold names the rule everywhere.
import assert from 'node:assert/strict';
import { refusal, ruleSource, testSource } from '../../scripts/new-rule';

describe('new-rule', () => {
  it('refuses a missing argument, a bad id or family, and an id already taken, in one line', () => {
    assert.match(refusal(undefined, undefined) ?? '', /^usage: npm run new-rule -- <rule-id> <family>/);
    assert.match(refusal('Bad_Id', 's3') ?? '', /^bad rule id 'Bad_Id'/);
    assert.match(refusal('s3--x', 's3') ?? '', /^bad rule id/);
    assert.match(refusal('ok-id', 'lib') ?? '', /^bad family 'lib'/);
    assert.equal(refusal('s3-versioning', 's3'), "rule 's3-versioning' exists already: rules/s3/s3-versioning.ts");
    assert.equal(refusal('s3-versioning', 'other'), "rule 's3-versioning' exists already: rules/s3/s3-versioning.ts");
    for (const r of [refusal('Bad_Id', 's3'), refusal('s3-versioning', 's3')]) assert.ok(!r?.includes('\n'), r);
    assert.equal(refusal('s3-object-lock-new', 's3'), undefined);
  });

  it('scaffolds a rule and a test that agree on id and path', () => {
    assert.match(ruleSource('s3-x'), /id: 's3-x'/);
    assert.match(testSource('s3-x', 's3'), /from '\.\.\/\.\.\/rules\/s3\/s3-x'/);
  });
});
