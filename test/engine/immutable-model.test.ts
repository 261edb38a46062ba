// Models are read-only once parsed: caches key on their nodes (WeakMaps, the lint cache) and incremental parses share
// them between versions. Linting, writing every fix and parsing the next version must leave a document as it was.
// (A snapshot rather than Object.freeze: tsx runs the sources as sloppy-mode CommonJS, where a write to a frozen object is silently ignored.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../rules/index';
import { lintDocument } from '../../server/src/engine/lint/lint';
import type { IacDocument } from '../../server/src/model/document';
import { IncrementalParser } from '../../server/src/parsers/incremental';
import { initParsers, parseDocument } from '../../server/src/parsers/index';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

/** Everything a document holds, as text: equal snapshots mean nothing was written. */
function snapshot(doc: IacDocument): string {
  return JSON.stringify(doc);
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('models are read-only once parsed', () => {
  before(() => initParsers());

  it('linting with every rule and writing every fix leaves the documents as parsed', () => {
    const docs = files(EXAMPLES)
      .map((f) => parseDocument(f, readFileSync(f, 'utf8')))
      .filter((d): d is IacDocument => d !== undefined);
    assert.ok(docs.length >= 4, 'the bundled examples parse');
    let fixes = 0;
    for (const doc of docs) {
      const module = docs.filter((d) => d.family === 'terraform' && path.dirname(d.uri) === path.dirname(doc.uri) && d !== doc);
      const before = [doc, ...module].map(snapshot);
      const result = lintDocument(doc, { rules: allRules, module, config: { requiredTags: ['Owner'] } });
      assert.deepEqual(result.ruleFailures, [], doc.uri);
      assert.ok(result.findings.length > 0, `${doc.uri}: the examples are meant to have findings`);
      for (const f of result.findings) fixes += f.fixes.length;
      assert.deepEqual([doc, ...module].map(snapshot), before, `${doc.uri} was changed by linting or fixing`);
    }
    assert.ok(fixes > 10, `only ${fixes} fixes were written`);
  });

  it('an incremental parse reuses the previous version without writing to it', () => {
    for (const [name, text, edit] of [
      [
        't.yaml',
        'Resources:\n  B:\n    Type: AWS::S3::Bucket\n  C:\n    Type: AWS::SNS::Topic\n',
        (t: string) => t.replace('SNS::Topic', 'SQS::Queue'),
      ],
      ['t.json', '{"Resources":{"B":{"Type":"AWS::S3::Bucket"},"C":{"Type":"AWS::SNS::Topic"}}}', (t: string) => t.replace('"B"', '"Bucket"')],
      ['main.tf', 'resource "aws_s3_bucket" "b" {\n}\n\nresource "aws_sns_topic" "t" {\n}\n', (t: string) => t.replace('"t"', '"topic"')],
    ] as const) {
      const parser = new IncrementalParser(`file:///x/${name}`);
      const first = parser.parse(text);
      assert.ok(first, name);
      const before = snapshot(first);
      const second = parser.parse(edit(text));
      assert.ok(second, name);
      assert.equal(snapshot(first), before, `${name}: the next parse changed the previous version`);
      assert.deepEqual(JSON.parse(JSON.stringify(second)), JSON.parse(JSON.stringify(parseDocument(`file:///x/${name}`, edit(text)))), name);
      parser.dispose();
    }
  });
});
