// Defined behaviour on hostile or odd input: alias bombs, absurd nesting, binary content, encodings and line endings,
// duplicate keys, very many resources or heredocs. Each case says what the engine must do, not merely "no crash".
import * as assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/lint/lint';
import type { LintResult } from '../../server/src/engine/types';
import { initParsersOnce } from './fuzz-harness';

const HEADER = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
const BUCKET = '  Logs:\n    Type: AWS::S3::Bucket\n';

/** Lints and checks the invariants every case shares: no rule failed, every range inside the text. */
function lint(name: string, text: string): LintResult {
  const result = lintText(name, text);
  assert.deepEqual(result.ruleFailures, [], 'no rule may throw');
  for (const r of [...result.errors.map((e) => e.range), ...result.findings.map((f) => f.range)]) {
    assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `range ${r.start}-${r.end} outside ${text.length}`);
  }
  return result;
}

const ids = (r: LintResult) => new Set(r.findings.map((f) => f.ruleId));

describe('robustness: defined behaviour on hostile input', function () {
  this.timeout(60_000);
  before(() => initParsersOnce());

  it('a YAML alias bomb ("billion laughs") stops expanding with a clear error, and the rest is still checked', function () {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const text = HEADER + BUCKET + '    Properties:\n      Tags:\n' + levels.map((l) => `        - ${l}`).join('\n') + '\n';
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const result = lint('bomb.yaml', text);
    assert.ok(performance.now() - started < 5000, 'bounded time');
    assert.ok(process.memoryUsage().heapUsed - before < 500 * 1024 * 1024, 'bounded memory (10^10 nodes were never built)');
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0]?.message ?? '', /alias/i);
    assert.ok(ids(result).has('s3-versioning'), 'the bucket itself is still checked');
  });

  describe('10,000-deep nesting: one "nested too deeply" error (or a full read), never a crash', function () {
    const deep = 10_000;
    const cases: [string, string, string][] = [
      ['YAML flow', 'deep.yaml', HEADER + BUCKET + '    Properties:\n      Tags: ' + '['.repeat(deep) + ']'.repeat(deep) + '\n'],
      [
        'YAML block',
        'deep.yaml',
        HEADER + BUCKET + '    Properties:\n      X:\n' + Array.from({ length: deep }, (_, i) => ' '.repeat(8 + i) + `k${i}:`).join('\n') + ' 1\n',
      ],
      [
        'JSON',
        'deep.json',
        '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"Logs":{"Type":"AWS::S3::Bucket","Properties":{"X":' +
          '{"a":'.repeat(deep) +
          '1' +
          '}'.repeat(deep) +
          '}}}}',
      ],
      ['Terraform JSON', 'deep.tf.json', '{"resource":{"aws_s3_bucket":{"logs":{"x":' + '{"a":'.repeat(deep) + '1' + '}'.repeat(deep) + '}}}}'],
      ['HCL tuples', 'deep.tf', 'resource "aws_s3_bucket" "logs" {\n  x = ' + '['.repeat(deep) + ']'.repeat(deep) + '\n}\n'],
      ['HCL blocks', 'deep.tf', 'resource "aws_s3_bucket" "logs" {\n' + 'a {\n'.repeat(deep) + '}\n'.repeat(deep) + '}\n'],
    ];
    for (const [what, name, text] of cases) {
      it(what, function () {
        const result = lint(name, text);
        for (const e of result.errors) assert.match(e.message, /nested too deeply/);
        assert.ok(result.errors.length <= 2, `at most a couple of errors, got ${result.errors.length}`);
        // Where the reader coped, the bucket is checked; where it gave up, it says so.
        assert.ok(result.errors.length > 0 || ids(result).has('s3-versioning'), 'either an error or the bucket checked');
      });
    }
  });

  it('binary content in a .yaml file: no crash, at most one parse error, no findings', function () {
    const bytes = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256));
    const result = lint('blob.yaml', bytes.toString('utf8'));
    assert.ok(result.errors.length <= 1);
    assert.equal(result.findings.length, 0);
  });

  it('invalid UTF-8 inside a template is read as replacement characters and the template is still checked', function () {
    const text = Buffer.concat([
      Buffer.from(HEADER + BUCKET + '    Properties:\n      BucketName: "'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('"\n'),
    ]).toString('utf8');
    const result = lint('bad-utf8.yaml', text);
    assert.equal(result.errors.length, 0);
    assert.ok(ids(result).has('s3-versioning'));
  });

  describe('BOM, CRLF and tabs', function () {
    const template = HEADER + '  Vol:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 10\n      Encrypted: false\n';

    it('a BOM does not shift positions', function () {
      const plain = lint('t.yaml', template).findings.map((f) => [f.ruleId, f.range.start]);
      const withBom = lint('t.yaml', '\uFEFF' + template).findings.map((f) => [f.ruleId, (f.range.start as number) - 1]);
      assert.ok(plain.length > 0);
      assert.deepEqual(withBom, plain);
    });

    it('CRLF line endings: ranges land on the same text, and fixes keep CRLF', function () {
      const crlf = template.replace(/\n/g, '\r\n');
      const result = lint('t.yaml', crlf);
      const enc = result.findings.find((f) => f.ruleId === 'ebs-encryption');
      assert.ok(enc, 'ebs-encryption reported');
      assert.equal(crlf.slice(enc.range.start, enc.range.end), 'false');
      const edits = result.findings.flatMap((f) => f.fixes.flatMap((fix) => fix.edits));
      assert.ok(edits.length > 0, 'some fix is offered');
      for (const e of edits) assert.doesNotMatch(e.newText.replace(/\r\n/g, ''), /\n/, `edit inserts a bare LF: ${JSON.stringify(e.newText)}`);
    });

    it('a tab in YAML indentation is a located parse error, not a crash', function () {
      const tabbed = template.replace('      Size: 10', '\tSize: 10');
      const result = lint('t.yaml', tabbed);
      assert.ok(result.errors.length >= 1);
      const at = result.errors[0]?.range.start ?? -1;
      assert.ok(at >= tabbed.indexOf('Vol:') && at <= tabbed.indexOf('Encrypted'), `error near the tab, at ${at}`);
    });

    it('tabs inside YAML values are content: positions stay exact', function () {
      const text = template.replace('Size: 10', 'Size:\t10');
      const enc = lint('t.yaml', text).findings.find((f) => f.ruleId === 'ebs-encryption');
      assert.equal(enc && text.slice(enc.range.start, enc.range.end), 'false');
    });
  });

  describe('duplicate keys: a parse error at the duplicate, the last definition wins, other findings still reported', function () {
    for (const [name, text] of [
      [
        'dup.yaml',
        HEADER +
          '  B:\n    Type: AWS::S3::Bucket\n  B:\n    Type: AWS::EC2::Volume\n  V:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 1\n',
      ],
      [
        'dup.json',
        '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"B":{"Type":"AWS::S3::Bucket"},"B":{"Type":"AWS::EC2::Volume"},"V":{"Type":"AWS::EC2::Volume","Properties":{"Size":1}}}}',
      ],
    ] as const) {
      it(name, function () {
        const first = lint(name, text);
        const again = lint(name, text);
        assert.deepEqual(
          again.findings.map((f) => [f.ruleId, f.range]),
          first.findings.map((f) => [f.ruleId, f.range]),
          'deterministic',
        );
        assert.equal(first.errors.length, 1);
        assert.match(first.errors[0]?.message ?? '', /unique|duplicate/i);
        assert.equal(
          first.errors[0]?.range.start,
          text.lastIndexOf('"B"') >= 0 ? text.lastIndexOf('"B"') : text.indexOf('  B:', text.indexOf('  B:') + 1) + 2,
        );
        const ebs = first.findings.filter((f) => f.ruleId === 'ebs-encryption');
        assert.equal(ebs.length, 2, 'both volumes (the duplicate B is a volume) are checked');
        assert.ok(!ids(first).has('s3-versioning'), 'the overridden bucket definition is not checked');
      });
    }
  });

  it('a template with 5,000 resources completes with one finding per resource and rule', function () {
    const n = 5000;
    const text = HEADER + Array.from({ length: n }, (_, i) => `  Bucket${i}:\n    Type: AWS::S3::Bucket\n`).join('');
    const result = lint('many.yaml', text);
    const versioning = result.findings.filter((f) => f.ruleId === 's3-versioning');
    assert.equal(versioning.length, n);
    assert.equal(new Set(versioning.map((f) => f.resource?.address)).size, n, 'each bucket once');
  });

  it('buckets that log into each other are matched in a large template (the reference index finds companions)', function () {
    const n = 2000;
    const pairs = Array.from(
      { length: n },
      (_, i) =>
        `  Src${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      LoggingConfiguration:\n        DestinationBucketName: !Ref Dst${i}\n  Dst${i}:\n    Type: AWS::S3::Bucket\n`,
    );
    const result = lint('pairs.yaml', HEADER + pairs.join(''));
    // Sources log; destinations are log targets: neither is reported by s3-access-logging.
    assert.equal(result.findings.filter((f) => f.ruleId === 's3-access-logging').length, 0);
    assert.equal(result.findings.filter((f) => f.ruleId === 's3-versioning').length, 2 * n);
  });

  it('a .tf file with 1,000 heredocs: each policy inside is read and checked', function () {
    const text = Array.from(
      { length: 1000 },
      (_, i) => `resource "aws_iam_policy" "p${i}" {\n  policy = <<EOF\n{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}\nEOF\n}\n`,
    ).join('');
    const result = lint('heredocs.tf', text);
    assert.equal(result.errors.length, 0);
    assert.equal(result.findings.filter((f) => f.ruleId === 'iam-admin-policy').length, 1000);
  });
});
