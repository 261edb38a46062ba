// Tests for the .tf.json parser: block shapes Terraform accepts, template strings, ranges and errors.
import assert from 'node:assert/strict';
import type { IacDocument } from '../../server/src/model/document';
import type { IacNode, SourceRange } from '../../server/src/model/nodes';
import { parseTerraformJson } from '../../server/src/parsers/terraform-json';

const slice = (doc: IacDocument, r: SourceRange): string => doc.text.slice(r.start, r.end);

function parse(text: string): IacDocument {
  const doc = parseTerraformJson('main.tf.json', text);
  assert.ok(doc, 'expected a document');
  return doc;
}

function shape(n: IacNode): unknown {
  switch (n.kind) {
    case 'scalar':
      return n.value;
    case 'list':
      return n.items.map(shape);
    case 'map':
      return Object.fromEntries(n.entries.map((e) => [e.key, shape(e.value)]));
    case 'call':
      return { call: n.fn, args: n.args.map(shape) };
    case 'ref':
      return { ref: n.path.join('|') };
    case 'expr':
      return { expr: n.text, refs: n.refs.map((r) => r.join('|')) };
  }
}

describe('parseTerraformJson', () => {
  it('returns undefined for text that is not a JSON object', () => {
    for (const text of ['', '   ', '[]', '42', '"s"', 'resource "a" "b" {}']) {
      assert.equal(parseTerraformJson('x.tf.json', text), undefined, JSON.stringify(text));
    }
  });

  it('reads resources, data sources, variables and other blocks with ranges', () => {
    const text = JSON.stringify(
      {
        resource: { aws_s3_bucket: { b: { bucket: 'x', tags: { A: 'b' } } } },
        data: { aws_caller_identity: { me: {} } },
        variable: { cidr: { type: 'string', default: '10.0.0.0/8' } },
        provider: { aws: { region: 'eu-west-1' } },
        locals: { n: 1 },
      },
      null,
      2,
    );
    const doc = parse(text);
    assert.deepEqual([doc.format, doc.family, doc.root, doc.errors], ['tf-json', 'terraform', undefined, []]);
    const [r, d] = doc.resources;
    assert.ok(r && d);
    assert.deepEqual([r.kind, r.type, r.name, r.address, r.propsPath], ['resource', 'aws_s3_bucket', 'b', 'aws_s3_bucket.b', []]);
    assert.equal(d.address, 'data.aws_caller_identity.me');
    assert.equal(slice(doc, r.headerRange), '"b"');
    assert.ok(slice(doc, r.range).startsWith('"b": {'));
    assert.ok(slice(doc, r.node.range).startsWith('{') && slice(doc, r.node.range).endsWith('}'));
    assert.equal(r.node.style, 'flow');
    assert.deepEqual(shape(r.node), { bucket: 'x', tags: { A: 'b' } });
    const bucket = r.node.entries[0];
    assert.ok(bucket);
    assert.deepEqual([slice(doc, bucket.keyRange), slice(doc, bucket.range), slice(doc, bucket.value.range)], ['"bucket"', '"bucket": "x"', '"x"']);
    assert.deepEqual(
      doc.inputs.map((i) => [i.name, i.default && shape(i.default), slice(doc, i.headerRange)]),
      [['cidr', '10.0.0.0/8', '"cidr"']],
    );
    assert.deepEqual(
      doc.blocks.map((b) => [b.type, b.labels, shape(b.body)]),
      [
        ['provider', ['aws'], { region: 'eu-west-1' }],
        ['locals', [], { n: 1 }],
      ],
    );
  });

  it('accepts the list forms Terraform allows at every level', () => {
    const text =
      '{"resource": [{"aws_s3_bucket": {"a": {"bucket": "a"}}}, {"aws_s3_bucket": [{"b": [{"bucket": "b"}]}]}],' +
      ' "provider": {"aws": [{"region": "r1"}, {"alias": "x", "region": "r2"}]}}';
    const doc = parse(text);
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(
      doc.resources.map((r) => [r.address, shape(r.node)]),
      [
        ['aws_s3_bucket.a', { bucket: 'a' }],
        ['aws_s3_bucket.b', { bucket: 'b' }],
      ],
    );
    assert.ok(slice(doc, doc.resources[1]?.range as SourceRange).startsWith('"b": ['));
    assert.deepEqual(
      doc.blocks.map((b) => shape(b.body)),
      [{ region: 'r1' }, { alias: 'x', region: 'r2' }],
    );
  });

  it('reads template strings: one traversal is a reference, other interpolations an expression', () => {
    const body = {
      a: '${var.x}',
      b: 'arn:${data.aws_partition.p.partition}:s3:::${var.name}/*',
      c: '$${literal}',
      d: '${var.on ? 1 : 2}',
      e: '${aws_instance.i[0].id}',
      f: '${upper(var.x)}',
      g: '${[for s in var.l : s.id]}',
      h: '%{ if var.on }x%{ endif }',
      i: ' ${var.x}',
      j: ['0.0.0.0/0', 22, true, null],
    };
    const text = JSON.stringify({ resource: { t: { n: body } } });
    const doc = parse(text);
    const node = doc.resources[0]?.node;
    assert.ok(node);
    assert.deepEqual(shape(node), {
      a: { ref: 'var|x' },
      b: { expr: JSON.stringify(body.b), refs: ['data|aws_partition|p|partition', 'var|name'] },
      c: '${literal}',
      d: { expr: JSON.stringify(body.d), refs: ['var|on'] },
      e: { ref: 'aws_instance|i|0|id' },
      f: { expr: JSON.stringify(body.f), refs: ['var|x'] },
      g: { expr: JSON.stringify(body.g), refs: ['var|l'] },
      h: { expr: JSON.stringify(body.h), refs: ['var|on'] },
      i: { expr: JSON.stringify(body.i), refs: ['var|x'] },
      j: ['0.0.0.0/0', 22, true, null],
    });
    assert.equal(slice(doc, node.entries[0]?.value.range as SourceRange), '"${var.x}"');
  });

  it('skips "//" comment properties', () => {
    const doc = parse('{"//": "top", "resource": {"t": {"n": {"//": "note", "x": 1}}}}');
    assert.deepEqual(doc.blocks, []);
    assert.deepEqual(shape(doc.resources[0]?.node as IacNode), { x: 1 });
  });

  it('keeps UTF-16 offsets after non-ASCII text', () => {
    const doc = parse('{"locals": {"note": "héllo 😀"}, "resource": {"t": {"n": {"x": "ü"}}}}');
    const x = doc.resources[0]?.node.entries[0]?.value;
    assert.ok(x);
    assert.equal(slice(doc, x.range), '"ü"');
  });

  it('reports syntax errors and keeps what parsed', () => {
    const text = '{\n  "resource": {\n    "aws_s3_bucket": {\n      "b": { "acl": "private", }\n    }\n  }\n';
    const doc = parse(text);
    assert.equal(doc.resources[0]?.address, 'aws_s3_bucket.b');
    assert.deepEqual(shape(doc.resources[0]?.node as IacNode), { acl: 'private' });
    assert.deepEqual(
      doc.errors.map((e) => e.message),
      ['Syntax error: Property name expected', "Syntax error: Expected '}'"],
    );
    assert.equal(slice(doc, doc.errors[0]?.range as SourceRange), '}');
  });

  it('reports comments, which Terraform JSON does not allow', () => {
    const doc = parse('{\n  // c\n  "locals": {}\n}');
    assert.equal(doc.errors.length, 1);
    assert.match(doc.errors[0]?.message ?? '', /Comments are not allowed/);
  });
});
