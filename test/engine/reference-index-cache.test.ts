// A rule's reference index is built once per lint, during the check of the first resource that asks: every later
// check that uses it must still depend on what the index read, or the lint cache reuses its findings stale.
import assert from 'node:assert/strict';
import { lintDocument } from '../../server/src/engine/lint/lint';
import { LintCache } from '../../server/src/engine/lint/lint-cache';
import { initParsers, parseDocument } from '../../server/src/parsers/index';

/** Bucket `b` is versioned exactly when the variable's default names it; bucket `a` is checked (and indexes) first. */
const module = (bucketName: string, versionedBucket: string) => `variable "name" {
  default = "${bucketName}"
}
resource "aws_s3_bucket" "a" {
  bucket = "aaa"
}
resource "aws_s3_bucket" "b" {
  bucket = "logs"
}
resource "aws_s3_bucket_versioning" "v" {
  bucket = ${versionedBucket}
  versioning_configuration {
    status = "Enabled"
  }
}
`;

function unversioned(text: string, cache?: LintCache): string[] {
  const doc = parseDocument('file:///m/main.tf', text);
  assert.ok(doc);
  const { findings } = lintDocument(doc, { cache });
  return findings.filter((f) => f.ruleId === 's3-versioning').map((f) => f.resource?.address ?? '');
}

describe('reference index and the lint cache', () => {
  before(() => initParsers());

  const edits: [string, string, string][] = [
    ['the default of the variable a companion resolves through', module('other', 'var.name'), module('logs', 'var.name')],
    ['a companion written literally', module('other', '"other"'), module('other', '"logs"')],
  ];
  for (const [what, before, after] of edits) {
    it(`re-checks a resource no companion designated when ${what} changes`, () => {
      const cache = new LintCache();
      assert.deepEqual(unversioned(before, cache), unversioned(before));
      assert.ok(unversioned(before).includes('aws_s3_bucket.b'));
      const fresh = unversioned(after);
      assert.ok(!fresh.includes('aws_s3_bucket.b'));
      assert.deepEqual(unversioned(after, cache), fresh);
    });
  }
});
