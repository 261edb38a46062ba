// Terraform JSON nested thousands of levels deep is read (not reported as unreadable) and never overflows the stack.
import assert from 'node:assert/strict';
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { lintText } from '../../server/src/engine/lint/lint';
import { parseTreeDeep } from '../../server/src/parsers/json-deep-tree';
import { initParsers, parseDocument } from '../../server/src/parsers/index';

/** A node without its parent links, for comparison. */
function plain(n: JsonNode | undefined): unknown {
  if (!n) return undefined;
  return { type: n.type, offset: n.offset, length: n.length, value: n.value, colonOffset: n.colonOffset, children: n.children?.map(plain) };
}

describe('terraform-json: deep nesting', () => {
  before(() => initParsers());

  it('the stack-free reader gives the tree jsonc-parser gives', () => {
    const text = '{"resource": {"aws_s3_bucket": {"b": {"bucket": "x", "n": 1.5, "f": [true, false, null, {}], "e": []}}}, "//": "c"}';
    assert.deepEqual(plain(parseTreeDeep(text)), plain(parseTree(text)));
  });

  it('a resource holding a value 10,000 levels deep is read and checked', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const text = `{"resource": {"aws_ebs_volume": {"v": {"size": 8, "tags": {"a": ${deep}}}}}}`;
    const doc = parseDocument('main.tf.json', text);
    assert.deepEqual(doc?.errors, []);
    assert.deepEqual(
      doc?.resources.map((r) => r.address),
      ['aws_ebs_volume.v'],
    );
    const result = lintText('main.tf.json', text);
    assert.deepEqual(result.ruleFailures, []);
    assert.ok(result.findings.some((f) => f.ruleId === 'ebs-encryption'));
  });

  it('deep nesting at the top level, and unclosed deep nesting, are no crash', () => {
    for (const text of ['['.repeat(50_000) + ']'.repeat(50_000), `{"resource": ${'['.repeat(50_000)}`]) {
      assert.doesNotThrow(() => lintText('main.tf.json', text));
    }
  });
});
