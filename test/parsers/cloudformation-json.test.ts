// CloudFormation JSON parser: ranges, long-form intrinsics, detection and error tolerance.
import assert from 'node:assert/strict';
import type { IacDocument } from '../../server/src/model/document';
import { entryOf, type CallNode, type IacNode, type MapNode } from '../../server/src/model/nodes';
import { parseCfnJson } from '../../server/src/parsers/cloudformation';

function json(text: string): IacDocument {
  const doc = parseCfnJson('t.json', text);
  assert.ok(doc, 'expected a template');
  return doc;
}

const slice = (doc: IacDocument, n: { range: { start: number; end: number } }): string => doc.text.slice(n.range.start, n.range.end);

function prop(doc: IacDocument, index: number, ...path: string[]): IacNode {
  let node: IacNode = doc.resources[index]!.node;
  for (const key of path) {
    assert.equal(node.kind, 'map', `map before ${key}`);
    const e = entryOf(node as MapNode, key);
    assert.ok(e, `key ${key}`);
    node = e.value;
  }
  return node;
}

const template = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": { "Env": { "Type": "String", "Default": "dev" } },
  "Resources": {
    "Bucket": {
      "Type": "AWS::S3::Bucket",
      "Condition": "IsProd",
      "Properties": {
        "BucketName": { "Fn::Sub": "\${Env}-b" },
        "Arn": { "Fn::GetAtt": "Other.Arn" },
        "Name": { "Fn::If": ["IsProd", { "Ref": "Env" }, { "Ref": "AWS::NoValue" }] },
        "Cond": { "Fn::And": [{ "Condition": "A" }, { "Condition": "B" }] },
        "Flags": [true, 1.5, null, "true"]
      }
    }
  }
}
`;

describe('parseCfnJson', () => {
  it('fills the document with flow-style nodes and exact ranges', () => {
    const doc = json(template);
    assert.equal(doc.format, 'cfn-json');
    assert.deepEqual(doc.errors, []);
    const r = doc.resources[0]!;
    assert.deepEqual([r.name, r.type], ['Bucket', 'AWS::S3::Bucket']);
    assert.equal(slice(doc, { range: r.headerRange }), '"Bucket"');
    assert.ok(slice(doc, r).startsWith('"Bucket": {') && slice(doc, r).endsWith('}'));
    assert.equal(r.node.style, 'flow');
    assert.equal(slice(doc, prop(doc, 0, 'Properties', 'Flags')), '[true, 1.5, null, "true"]');
    const flags = prop(doc, 0, 'Properties', 'Flags');
    assert.deepEqual(flags.kind === 'list' && flags.items.map((i) => i.kind === 'scalar' && i.value), [true, 1.5, null, 'true']);
    assert.deepEqual(
      doc.inputs.map((i) => [i.name, i.default?.kind === 'scalar' && i.default.value]),
      [['Env', 'dev']],
    );
    const c = prop(doc, 0, 'Condition');
    assert.equal(c.kind === 'scalar' && c.value, 'IsProd');
  });

  it('reads long-form intrinsics as calls', () => {
    const doc = json(template);
    const sub = prop(doc, 0, 'Properties', 'BucketName') as CallNode;
    assert.equal(sub.fn, 'Fn::Sub');
    assert.equal(slice(doc, sub), '{ "Fn::Sub": "${Env}-b" }');
    const att = prop(doc, 0, 'Properties', 'Arn') as CallNode;
    assert.deepEqual(
      att.args.map((a) => slice(doc, a)),
      ['Other', 'Arn'],
    );
    const iff = prop(doc, 0, 'Properties', 'Name') as CallNode;
    assert.deepEqual(
      iff.args.map((a) => (a.kind === 'call' ? a.fn : a.kind)),
      ['scalar', 'Ref', 'Ref'],
    );
    const and = prop(doc, 0, 'Properties', 'Cond') as CallNode;
    assert.deepEqual(
      and.args.map((a) => a.kind === 'call' && a.fn),
      ['Condition', 'Condition'],
    );
  });

  it('reports errors of a broken file and keeps the resources around them', () => {
    const text = `{
  "Resources": {
    "A": { "Type": "AWS::EC2::Volume", "Properties": { "Size": 8, } },
    "B": { "Type": "AWS::EC2::Volume", "Properties": { "Encrypted": } },
    "C": { "Type": "AWS::EC2::Volume" }
  }
`;
    const doc = json(text);
    assert.ok(doc.errors.length >= 2);
    for (const e of doc.errors) assert.ok(e.range.end > e.range.start && e.range.end <= text.length);
    assert.deepEqual(
      doc.resources.map((r) => r.name),
      ['A', 'B', 'C'],
    );
    const enc = prop(doc, 1, 'Properties', 'Encrypted');
    assert.equal(enc.kind === 'scalar' && enc.value, null);
  });

  it('reports a duplicate key on the later key and keeps the last value', () => {
    const text = '{"Resources": {"A": {"Type": "AWS::EC2::Volume", "Properties": {"Size": 8, "Size": 16}}}}';
    const doc = json(text);
    assert.deepEqual(
      doc.errors.map((e) => [e.message, slice(doc, e), e.range.start]),
      [['Duplicate key "Size"', '"Size"', text.lastIndexOf('"Size"')]],
    );
    const size = prop(doc, 0, 'Properties', 'Size');
    assert.equal(size.kind === 'scalar' && size.value, 16);
  });

  it('reports comments and trailing commas as errors', () => {
    const doc = json('{\n  // note\n  "Resources": {"A": {"Type": "AWS::SNS::Topic"},}\n}');
    assert.deepEqual(
      doc.errors.map((e) => e.message),
      ['Invalid comment token', 'Property name expected'],
    );
    assert.deepEqual(
      doc.resources.map((r) => r.name),
      ['A'],
    );
  });

  it('handles a BOM and CRLF', () => {
    const text = '\uFEFF{\r\n  "Resources": {\r\n    "A": {"Type": "AWS::SNS::Topic"}\r\n  }\r\n}\r\n';
    const doc = json(text);
    assert.deepEqual(doc.errors, []);
    assert.equal(slice(doc, { range: doc.resources[0]!.headerRange }), '"A"');
  });

  const notTemplates: Array<[string, string]> = [
    ['package.json', '{"name": "x", "version": "1.0.0", "scripts": {"test": "mocha"}, "dependencies": {"yaml": "^2"}}'],
    ['tsconfig.json', '{\n  // comments are common here\n  "compilerOptions": {"strict": true},\n  "include": ["src"]\n}\n'],
    ['a JSON array', '[1, 2, 3]'],
    ['a Resources map without AWS types', '{"Resources": {"A": {"Type": "thing"}}}'],
    ['an empty file', ''],
    ['broken non-template JSON', '{"name": "x", "scripts": {'],
  ];
  for (const [what, text] of notTemplates) {
    it(`returns undefined for ${what}`, () => assert.equal(parseCfnJson('x.json', text), undefined));
  }

  it('never throws on truncated templates', () => {
    for (let i = 0; i <= template.length; i += 2) {
      const cut = template.slice(0, i);
      const doc = parseCfnJson('t.json', cut);
      if (doc) for (const e of doc.errors) assert.ok(e.range.start >= 0 && e.range.end <= cut.length);
    }
    const doc = parseCfnJson('t.json', '{"AWSTemplateFormatVersion": ');
    assert.ok(doc && doc.errors.length > 0);
  });
});
