// CloudFormation YAML/JSON parser: ranges, intrinsics, aliases, detection and error tolerance.
import assert from 'node:assert/strict';
import type { IacDocument } from '../../server/src/model/document';
import { entryOf, type CallNode, type IacNode, type MapNode } from '../../server/src/model/nodes';
import { parseCfnYaml } from '../../server/src/parsers/cloudformation';

const y = (...lines: string[]): string => `${lines.join('\n')}\n`;

function yaml(text: string): IacDocument {
  const doc = parseCfnYaml('t.yaml', text);
  assert.ok(doc, 'expected a template');
  return doc;
}

const slice = (doc: IacDocument, n: { range: { start: number; end: number } }): string => doc.text.slice(n.range.start, n.range.end);

/** The value at `path` under the first resource's node. */
function prop(doc: IacDocument, ...path: string[]): IacNode {
  let node: IacNode = doc.resources[0]!.node;
  for (const key of path) {
    assert.equal(node.kind, 'map', `map before ${key}`);
    const e = entryOf(node as MapNode, key);
    assert.ok(e, `key ${key}`);
    node = e.value;
  }
  return node;
}

function call(node: IacNode): CallNode {
  assert.equal(node.kind, 'call');
  return node as CallNode;
}

/** Checks that every node and key range slices text that reads as what it holds. */
function checkRanges(doc: IacDocument, node: IacNode): void {
  const text = slice(doc, node);
  if (node.kind === 'scalar' && typeof node.value === 'string' && node.value !== '') {
    assert.ok(text.includes(node.value) || text.startsWith('"') || text.startsWith("'") || text.startsWith('|'), `${text} holds ${node.value}`);
  }
  if (node.kind === 'map') {
    for (const e of node.entries) {
      assert.ok(doc.text.slice(e.keyRange.start, e.keyRange.end).includes(e.key), `key ${e.key}`);
      assert.equal(e.range.start, e.keyRange.start);
      assert.equal(e.range.end, e.value.range.end);
      checkRanges(doc, e.value);
    }
  }
  if (node.kind === 'list') node.items.forEach((i) => checkRanges(doc, i));
  if (node.kind === 'call') node.args.forEach((a) => checkRanges(doc, a));
}

describe('parseCfnYaml', () => {
  const template = y(
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Parameters:',
    '  Env:',
    '    Type: String',
    '    Default: dev',
    'Resources:',
    '  Bucket:  # the bucket',
    '    Type: AWS::S3::Bucket',
    '    Condition: IsProd',
    '    Properties:',
    "      BucketName: 'my-bucket'",
    '      Flags: { A: yes, B: true, C: "true", D: 42, E: ~, F: 0.5 }',
    '      Notes: |',
    '        line one',
    '        line two',
    '',
    '      Tags:',
    '        - Key: env',
    '          Value: !Ref Env',
    '  NoType:',
    '    Properties: {}',
  );

  it('fills the document: format, root, resources, inputs', () => {
    const doc = yaml(template);
    assert.equal(doc.format, 'cfn-yaml');
    assert.equal(doc.family, 'cloudformation');
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(doc.blocks, []);
    assert.equal(doc.root?.kind, 'map');
    assert.deepEqual(
      doc.resources.map((r) => [r.kind, r.name, r.address, r.type]),
      [['resource', 'Bucket', 'Bucket', 'AWS::S3::Bucket']],
    );
    const r = doc.resources[0]!;
    assert.equal(slice(doc, { range: r.headerRange }), 'Bucket');
    assert.ok(slice(doc, r).startsWith('Bucket:  # the bucket\n    Type'));
    assert.ok(slice(doc, r).endsWith('Value: !Ref Env'));
    assert.deepEqual(r.propsPath, ['Properties']);
    assert.equal(r.node.style, 'block');
    assert.deepEqual(
      doc.inputs.map((i) => [i.name, slice(doc, { range: i.headerRange })]),
      [['Env', 'Env']],
    );
    assert.deepEqual(doc.inputs[0]!.default && { ...doc.inputs[0]!.default, range: undefined }, { kind: 'scalar', value: 'dev', range: undefined });
  });

  it('gives ranges that slice exactly the written text', () => {
    const doc = yaml(template);
    checkRanges(doc, doc.root!);
    assert.equal(slice(doc, prop(doc, 'Properties', 'BucketName')), "'my-bucket'");
    assert.equal(slice(doc, prop(doc, 'Properties', 'Flags')), '{ A: yes, B: true, C: "true", D: 42, E: ~, F: 0.5 }');
    assert.equal(slice(doc, prop(doc, 'Properties', 'Notes')), '|\n        line one\n        line two');
    const tags = prop(doc, 'Properties', 'Tags');
    assert.equal(tags.kind === 'list' && tags.style, 'block');
    assert.equal(slice(doc, tags), '- Key: env\n          Value: !Ref Env');
    assert.equal(slice(doc, prop(doc, 'Properties')).split('\n')[0], "BucketName: 'my-bucket'");
  });

  it('types scalars with the YAML 1.2 core schema, no coercion of quoted strings', () => {
    const doc = yaml(template);
    const flags = prop(doc, 'Properties', 'Flags') as MapNode;
    assert.equal(flags.style, 'flow');
    assert.deepEqual(
      flags.entries.map((e) => e.value.kind === 'scalar' && e.value.value),
      ['yes', true, 'true', 42, null, 0.5],
    );
    assert.equal((prop(doc, 'Properties', 'Notes') as { value: unknown }).value, 'line one\nline two\n');
  });

  it('keeps the resource-level Condition as an entry', () => {
    const doc = yaml(template);
    const c = prop(doc, 'Condition');
    assert.deepEqual(c.kind === 'scalar' && c.value, 'IsProd');
  });

  const shortForms: Array<[string, string, number]> = [
    ['!Ref Env', 'Ref', 1],
    ['!Sub "arn:${AWS::Partition}:s3:::b"', 'Fn::Sub', 1],
    ['!Sub [ "${A}", { A: 1 } ]', 'Fn::Sub', 2],
    ['!GetAtt Bucket.Arn', 'Fn::GetAtt', 2],
    ['!GetAtt [Bucket, Arn]', 'Fn::GetAtt', 2],
    ['!If [IsProd, a, !Ref AWS::NoValue]', 'Fn::If', 3],
    ['!Join [",", [a, b]]', 'Fn::Join', 2],
    ["!Select [0, !GetAZs '']", 'Fn::Select', 2],
    ['!Split [",", "a,b"]', 'Fn::Split', 2],
    ['!FindInMap [Map, !Ref AWS::Region, Ami]', 'Fn::FindInMap', 3],
    ['!Base64 "#!/bin/sh"', 'Fn::Base64', 1],
    ['!Cidr [10.0.0.0/16, 6, 5]', 'Fn::Cidr', 3],
    ['!ImportValue SharedVpc', 'Fn::ImportValue', 1],
    ["!GetAZs ''", 'Fn::GetAZs', 1],
    ['!Equals [!Ref Env, prod]', 'Fn::Equals', 2],
    ['!And [!Condition A, !Condition B]', 'Fn::And', 2],
    ['!Or [!Condition A, !Condition B]', 'Fn::Or', 2],
    ['!Not [!Condition A]', 'Fn::Not', 1],
    ['!Condition IsProd', 'Condition', 1],
    ['!Transform { Name: AWS::Include, Parameters: { Location: s3://b/k } }', 'Fn::Transform', 1],
  ];
  for (const [written, fn, arity] of shortForms) {
    it(`reads ${written} as ${fn}`, () => {
      const doc = yaml(y('Resources:', '  R:', '    Type: AWS::SNS::Topic', '    Properties:', `      V: ${written}`, '      W: after'));
      assert.deepEqual(doc.errors, []);
      const c = call(prop(doc, 'Properties', 'V'));
      assert.equal(c.fn, fn);
      assert.equal(c.args.length, arity);
      assert.equal(slice(doc, c), written);
      checkRanges(doc, c);
    });
  }

  it('reads block-style short forms with the tag in the range', () => {
    const doc = yaml(
      y(
        'Resources:',
        '  R:',
        '    Type: AWS::SNS::Topic',
        '    Properties:',
        '      V: !If',
        '        - IsProd',
        '        - a',
        '        - b',
        '      W: !Sub',
        '        - "${A}"',
        '        - A: !Ref X',
      ),
    );
    assert.deepEqual(doc.errors, []);
    const v = call(prop(doc, 'Properties', 'V'));
    assert.equal(slice(doc, v), '!If\n        - IsProd\n        - a\n        - b');
    assert.deepEqual(
      v.args.map((a) => slice(doc, a)),
      ['IsProd', 'a', 'b'],
    );
    const w = call(prop(doc, 'Properties', 'W'));
    assert.equal(w.args[1]!.kind, 'map');
  });

  it('reads long forms as the same calls', () => {
    const doc = yaml(
      y(
        'Resources:',
        '  R:',
        '    Type: AWS::SNS::Topic',
        '    Properties:',
        '      A: { Ref: Env }',
        '      B:',
        '        Fn::GetAtt: [Bucket, Arn]',
        '      C:',
        '        Fn::And:',
        '          - Condition: X',
        '          - { "Fn::Equals": [1, 1] }',
        '      D: { Ref: Env, Extra: 1 }',
      ),
    );
    assert.equal(call(prop(doc, 'Properties', 'A')).fn, 'Ref');
    assert.equal(slice(doc, prop(doc, 'Properties', 'A')), '{ Ref: Env }');
    assert.equal(call(prop(doc, 'Properties', 'B')).args.length, 2);
    const and = call(prop(doc, 'Properties', 'C'));
    assert.deepEqual(
      and.args.map((a) => a.kind === 'call' && a.fn),
      ['Condition', 'Fn::Equals'],
    );
    assert.equal(prop(doc, 'Properties', 'D').kind, 'map');
  });

  it('splits a dotted GetAtt with sub-ranges, at the first dot only', () => {
    const doc = yaml(
      y(
        'Resources:',
        '  R:',
        '    Type: AWS::SNS::Topic',
        '    Properties:',
        '      A: !GetAtt Db.Endpoint.Address',
        '      B: !GetAtt "Bucket.Arn"',
        '      C:',
        '        Fn::GetAtt: Bucket.Arn',
      ),
    );
    for (const [key, id, attr] of [
      ['A', 'Db', 'Endpoint.Address'],
      ['B', 'Bucket', 'Arn'],
      ['C', 'Bucket', 'Arn'],
    ] as const) {
      const c = call(prop(doc, 'Properties', key));
      assert.deepEqual(
        c.args.map((a) => a.kind === 'scalar' && a.value),
        [id, attr],
      );
      assert.deepEqual(
        c.args.map((a) => slice(doc, a)),
        [id, attr],
      );
    }
  });

  it('resolves aliases to the anchored value', () => {
    const doc = yaml(
      y(
        'Resources:',
        '  A:',
        '    Type: AWS::SNS::Topic',
        '    Properties: &props',
        '      TopicName: t',
        '      Tags: &tags [x]',
        '  B:',
        '    Type: AWS::SNS::Topic',
        '    Properties: *props',
      ),
    );
    assert.deepEqual(doc.errors, []);
    const b = doc.resources[1]!;
    const props = entryOf(b.node, 'Properties')!;
    assert.equal(props.value.kind, 'map');
    assert.equal(slice(doc, props), 'Properties: *props');
    assert.deepEqual(
      doc.resources.map((r) => r.name),
      ['A', 'B'],
    );
  });

  it('stops alias bombs with one error', () => {
    const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Metadata:', '  a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `  a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    lines.push('Resources:', '  T:', '    Type: AWS::SNS::Topic');
    const started = Date.now();
    const doc = yaml(y(...lines));
    assert.ok(Date.now() - started < 5000);
    assert.deepEqual(
      doc.errors.map((e) => e.message),
      ['too many alias expansions'],
    );
    assert.deepEqual(
      doc.resources.map((r) => r.name),
      ['T'],
    );
  });

  it('reports a broken line and keeps the resources before and after it', () => {
    const text = y(
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  A:',
      '    Type: AWS::EC2::Volume',
      '    Properties:',
      '      Size: [8',
      '  B:',
      '    Type: AWS::EC2::Volume',
      '    Properties:',
      '      Encrypted: false',
    );
    const doc = yaml(text);
    assert.ok(doc.errors.length > 0);
    for (const e of doc.errors) assert.ok(e.range.end > e.range.start);
    assert.deepEqual(
      doc.resources.map((r) => r.name),
      ['A', 'B'],
    );
    assert.deepEqual(prop({ ...doc, resources: [doc.resources[1]!] }, 'Properties', 'Encrypted').kind, 'scalar');
  });

  it('points an unterminated quote at its opening quote', () => {
    const text = y('Resources:', '  A:', '    Type: AWS::EC2::Volume', '    Properties:', '      Name: "oops', '  B:', '    Type: AWS::EC2::Volume');
    const doc = yaml(text);
    assert.equal(doc.errors.length, 1);
    assert.equal(slice(doc, doc.errors[0]!), '"oops');
    assert.deepEqual(
      doc.resources.map((r) => r.name),
      ['A'],
    );
  });

  it('reports tab indentation precisely', () => {
    const text = y('Resources:', '  A:', '    Type: AWS::EC2::Volume', '\tB: 1', '  C:', '    Type: AWS::EC2::Volume');
    const doc = yaml(text);
    assert.ok(doc.errors.length > 0);
    assert.deepEqual(doc.errors[0]!.range, { start: text.indexOf('\t'), end: text.indexOf('\t') + 1 });
    assert.deepEqual(
      doc.resources.map((r) => r.name),
      ['A'],
    );
  });

  it('reports a duplicate key on the second key and keeps the last value', () => {
    const text = y('Resources:', '  A:', '    Type: AWS::EC2::Volume', '    Properties:', '      Size: 8', '      Size: 16');
    const doc = yaml(text);
    assert.equal(doc.errors.length, 1);
    assert.deepEqual(doc.errors[0]!.range, { start: text.lastIndexOf('Size'), end: text.lastIndexOf('Size') + 4 });
    const size = prop(doc, 'Properties', 'Size');
    assert.equal(size.kind === 'scalar' && size.value, 16);
    assert.equal((prop(doc, 'Properties') as MapNode).entries.length, 1);
  });

  it('handles a BOM and CRLF line endings', () => {
    const text = `\uFEFF${y('Resources:', '  A:', '    Type: AWS::EC2::Volume', '    Properties:', '      Size: 8')}`.replace(/\n/g, '\r\n');
    const doc = yaml(text);
    assert.deepEqual(doc.errors, []);
    assert.equal(slice(doc, { range: doc.resources[0]!.headerRange }), 'A');
    assert.equal(slice(doc, prop(doc, 'Properties')), 'Size: 8');
    assert.equal(slice(doc, doc.resources[0]!), 'A:\r\n    Type: AWS::EC2::Volume\r\n    Properties:\r\n      Size: 8');
  });

  it('uses the first document of a stream', () => {
    const template = y('Resources:', '  A:', '    Type: AWS::EC2::Volume');
    assert.deepEqual(
      yaml(`${template}---\nfoo: bar\n`).resources.map((r) => r.name),
      ['A'],
    );
    assert.equal(parseCfnYaml('t.yaml', `foo: bar\n---\n${template}`), undefined);
  });

  it('accepts Alexa:: and Custom:: types, skips entries without a string Type', () => {
    const doc = yaml(y('Resources:', '  S:', '    Type: Alexa::ASK::Skill', '  C:', '    Type: Custom::Thing', '  X:', '    Type: [a]', '  Y: 1'));
    assert.deepEqual(
      doc.resources.map((r) => r.name),
      ['S', 'C'],
    );
  });

  const notTemplates: Array<[string, string]> = [
    [
      'a Kubernetes Deployment',
      y(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  replicas: 2',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: web',
        '          image: nginx',
        '          resources:',
        '            limits: { cpu: "1" }',
      ),
    ],
    [
      'a GitHub workflow',
      y('name: ci', 'on: [push]', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4'),
    ],
    ['a docker-compose file', y('services:', '  db:', '    image: postgres', '    environment:', '      Type: AWS-like')],
    ['a serverless.yml with nested resources', y('service: x', 'resources:', '  Resources:', '    B:', '      Type: AWS::S3::Bucket')],
    ['a Resources map without AWS types', y('Resources:', '  A:', '    Type: something')],
    ['an empty file', ''],
    ['a comment only', '# nothing\n'],
    ['a broken non-template', y('name: ci', 'on: [push', 'jobs: {')],
  ];
  for (const [what, text] of notTemplates) {
    it(`returns undefined for ${what}`, () => assert.equal(parseCfnYaml('x.yaml', text), undefined));
  }

  it('never throws, and a broken template-like text still yields a document', () => {
    const text = y(
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  A:',
      '    Type: AWS::EC2::Volume',
      '    Properties: {Size: !Ref [',
      '  B: *nope',
    );
    for (let i = 0; i <= text.length; i += 3) {
      const cut = text.slice(0, i);
      const doc = parseCfnYaml('t.yaml', cut);
      if (doc) for (const e of doc.errors) assert.ok(e.range.start >= 0 && e.range.end <= cut.length);
    }
    const doc = parseCfnYaml('t.yaml', 'AWSTemplateFormatVersion: [\n');
    assert.ok(doc && doc.errors.length > 0);
    assert.equal(parseCfnYaml('t.yaml', ': : : {{{ ]]] !Ref &&& ***'), undefined);
  });
});
