// Tests for the .tf parser: ranges, value kinds, references, templates, blocks, variables and broken files.
import assert from 'node:assert/strict';
import type { IacDocument } from '../../server/src/model/document';
import type { IacNode, MapEntry, MapNode, SourceRange } from '../../server/src/model/nodes';
import { parseTerraformHcl } from '../../server/src/parsers/terraform-hcl';

const slice = (doc: IacDocument, r: SourceRange): string => doc.text.slice(r.start, r.end);

/** Parses `attr = <expr>` in a resource and returns the value node with the document. */
function value(expr: string, prefix = ''): { doc: IacDocument; node: IacNode } {
  const doc = parseTerraformHcl('main.tf', `${prefix}resource "t" "n" {\n  a = ${expr}\n}\n`);
  assert.deepEqual(doc.errors, [], `errors for ${expr}`);
  const entry = doc.resources[0]?.node.entries[0];
  assert.ok(entry);
  return { doc, node: entry.value };
}

/** The node without ranges, for compact deep-equality. */
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

describe('parseTerraformHcl', () => {
  it('parses an empty file into an empty Terraform document', () => {
    const doc = parseTerraformHcl('empty.tf', '');
    assert.equal(doc.format, 'tf-hcl');
    assert.equal(doc.family, 'terraform');
    assert.equal(doc.root, undefined);
    assert.deepEqual([doc.resources, doc.inputs, doc.blocks, doc.errors], [[], [], [], []]);
  });

  it('reads resources and data sources with exact header, block and body ranges', () => {
    const text = '# c\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n\ndata "aws_iam_policy_document" "p" {}\n';
    const doc = parseTerraformHcl('main.tf', text);
    const [r, d] = doc.resources;
    assert.ok(r && d);
    assert.deepEqual([r.kind, r.type, r.name, r.address, r.propsPath], ['resource', 'aws_s3_bucket', 'b', 'aws_s3_bucket.b', []]);
    assert.deepEqual([d.kind, d.address], ['data', 'data.aws_iam_policy_document.p']);
    assert.equal(slice(doc, r.headerRange), 'resource "aws_s3_bucket" "b"');
    assert.equal(slice(doc, r.range), 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}');
    // Body range: strictly between the braces.
    assert.equal(slice(doc, r.node.range), '\n  bucket = "x"\n');
    assert.equal(doc.text[r.node.range.start - 1], '{');
    assert.equal(doc.text[r.node.range.end], '}');
    assert.equal(r.node.style, 'block');
    assert.equal(slice(doc, d.node.range), '');
  });

  it('gives entries key, entry and value ranges that slice the source exactly', () => {
    const text = 'resource "t" "n" {\n  s   = "a b" # c\n  n = 1.5\n  l = [1, "x"]\n  m = { k = true }\n  nested {\n    x = null\n  }\n}\n';
    const doc = parseTerraformHcl('main.tf', text);
    const got = doc.resources[0]?.node.entries.map((e: MapEntry) => [slice(doc, e.keyRange), slice(doc, e.range), slice(doc, e.value.range)]);
    assert.deepEqual(got, [
      ['s', 's   = "a b"', '"a b"'],
      ['n', 'n = 1.5', '1.5'],
      ['l', 'l = [1, "x"]', '[1, "x"]'],
      ['m', 'm = { k = true }', '{ k = true }'],
      ['nested', 'nested {\n    x = null\n  }', '\n    x = null\n  '],
    ]);
    const list = doc.resources[0]?.node.entries[2]?.value;
    assert.ok(list?.kind === 'list');
    assert.deepEqual(
      list.items.map((i) => slice(doc, i.range)),
      ['1', '"x"'],
    );
    assert.equal(list.style, 'flow');
  });

  it('keeps UTF-16 offsets after non-ASCII text', () => {
    const { doc, node } = value('"välue 😀"', '# héllo wörld 😀 ✓\n');
    assert.equal(slice(doc, node.range), '"välue 😀"');
    assert.deepEqual(shape(node), 'välue 😀');
    assert.equal(slice(doc, doc.resources[0]?.headerRange as SourceRange), 'resource "t" "n"');
  });

  const values: [string, unknown][] = [
    ['"plain"', 'plain'],
    ['"a\\nb\\t\\"q\\" \\\\ \\u00e9"', 'a\nb\t"q" \\ é'],
    ['"$${not} %%{this}"', '${not} %{this}'],
    ['42', 42],
    ['-1', -1],
    ['true', true],
    ['false', false],
    ['null', null],
    ['["a", 1, [true]]', ['a', 1, [true]]],
    ['{ k = "v", "q-k" = 1, (var.dyn) = 2 }', { k: 'v', 'q-k': 1, '(var.dyn)': 2 }],
    ['var.x', { ref: 'var|x' }],
    ['local.y', { ref: 'local|y' }],
    ['aws_s3_bucket.b.id', { ref: 'aws_s3_bucket|b|id' }],
    ['data.t.n.json', { ref: 'data|t|n|json' }],
    ['aws_instance.a[0]["k"].id', { ref: 'aws_instance|a|0|k|id' }],
    ['aws_instance.a[*].id', { ref: 'aws_instance|a|*|id' }],
    ['aws_instance.a.*.id', { ref: 'aws_instance|a|*|id' }],
    ['aws_instance.a.0.id', { ref: 'aws_instance|a|0|id' }],
    ['"${var.x}"', { ref: 'var|x' }],
    ['"${upper(var.x)}"', { call: 'upper', args: [{ ref: 'var|x' }] }],
    ['"a-${var.x}-${local.y}"', { expr: '"a-${var.x}-${local.y}"', refs: ['var|x', 'local|y'] }],
    ['"%{if var.on}x%{endif}"', { expr: '"%{if var.on}x%{endif}"', refs: ['var|on'] }],
    ['"%{for x in var.l}${x}%{endfor}"', { expr: '"%{for x in var.l}${x}%{endfor}"', refs: ['var|l'] }],
    ['["${var.a}", "b"]', [{ ref: 'var|a' }, 'b']],
    ['jsonencode({ Version = "2012-10-17" })', { call: 'jsonencode', args: [{ Version: '2012-10-17' }] }],
    ['merge(var.a, { b = 1 })', { call: 'merge', args: [{ ref: 'var|a' }, { b: 1 }] }],
    ['aws_instance.a[var.i].id', { expr: 'aws_instance.a[var.i].id', refs: ['aws_instance|a', 'var|i'] }],
    ['var.on ? "a" : local.b', { call: '?:', args: [{ ref: 'var|on' }, 'a', { ref: 'local|b' }] }],
    ['var.n + 1', { expr: 'var.n + 1', refs: ['var|n'] }],
    // Parentheses only group: the value is the inner expression's (a parenthesised conditional is expanded too).
    ['(var.p)', { ref: 'var|p' }],
    ['[for s in var.l : s.id if s.on]', { expr: '[for s in var.l : s.id if s.on]', refs: ['var|l'] }],
    ['{ for k, v in var.m : k => v }', { expr: '{ for k, v in var.m : k => v }', refs: ['var|m'] }],
  ];
  for (const [expr, expected] of values) {
    it(`reads ${expr}`, () => {
      const { doc, node } = value(expr);
      assert.deepEqual(shape(node), expected);
      assert.equal(slice(doc, node.range), expr, 'range slices the whole value');
    });
  }

  it('reads heredocs as strings, un-indenting <<-', () => {
    const text =
      'locals {\n  a = <<EOT\n  keep\n    this\nEOT\n  b = <<-EOT\n    {\n      "x": 1\n\n    }\n    EOT\n  c = <<-EOT\n    ${var.x}\n  EOT\n}\n';
    const doc = parseTerraformHcl('main.tf', text);
    assert.deepEqual(doc.errors, []);
    const body = doc.blocks[0]?.body as MapNode;
    assert.deepEqual(shape(body.entries[0]?.value as IacNode), '  keep\n    this\n');
    assert.deepEqual(shape(body.entries[1]?.value as IacNode), '{\n  "x": 1\n\n}\n');
    assert.equal(body.entries[2]?.value.kind, 'expr');
    assert.deepEqual(
      body.entries.map((e) => slice(doc, e.value.range).split('\n')[0]),
      ['<<EOT', '<<-EOT', '<<-EOT'],
    );
    assert.ok(slice(doc, body.entries[1]?.value.range as SourceRange).endsWith('EOT'));
  });

  it('keeps repeated and dynamic blocks as entries in order', () => {
    const text =
      'resource "aws_security_group" "s" {\n  ingress {\n    from_port = 22\n  }\n  ingress {\n    from_port = 443\n  }\n' +
      '  dynamic "ingress" {\n    for_each = var.rules\n    content {\n      from_port = ingress.value.port\n    }\n  }\n' +
      '  provisioner "local-exec" {\n    command = "x"\n  }\n}\n';
    const doc = parseTerraformHcl('main.tf', text);
    const entries = doc.resources[0]?.node.entries ?? [];
    assert.deepEqual(
      entries.map((e) => [e.key, e.block, e.value.kind]),
      [
        ['ingress', true, 'map'],
        ['ingress', true, 'map'],
        ['ingress', true, 'expr'],
        ['provisioner', true, 'map'],
      ],
    );
    assert.deepEqual(shape(entries[1]?.value as IacNode), { from_port: 443 });
    const dyn = entries[2];
    assert.ok(dyn?.value.kind === 'expr');
    assert.equal(slice(doc, dyn.keyRange), '"ingress"');
    assert.ok(dyn.value.text.startsWith('dynamic "ingress" {'));
    assert.deepEqual(dyn.value.refs, [
      ['var', 'rules'],
      ['ingress', 'value', 'port'],
    ]);
    // Its for_each is kept, so a collection that resolves empty can make the block absent.
    assert.deepEqual(shape(dyn.value.forEach as IacNode), { ref: 'var|rules' });
    assert.equal(slice(doc, dyn.range), slice(doc, dyn.value.range));
  });

  it('reads variables with defaults and other top-level blocks', () => {
    const text =
      'variable "cidr" {\n  type    = string\n  default = "0.0.0.0/0"\n}\nvariable "n" {}\n' +
      'provider "aws" {\n  region = "eu-west-1"\n}\nlocals {\n  x = 1\n}\nmodule "m" {\n  source = "./m"\n}\n' +
      'terraform {\n  required_version = ">= 1.5"\n}\noutput "o" {\n  value = local.x\n}\n';
    const doc = parseTerraformHcl('main.tf', text);
    assert.deepEqual(doc.errors, []);
    const [cidr, n] = doc.inputs;
    assert.equal(cidr?.name, 'cidr');
    assert.deepEqual(shape(cidr?.default as IacNode), '0.0.0.0/0');
    assert.equal(slice(doc, cidr?.headerRange as SourceRange), 'variable "cidr"');
    assert.deepEqual(shape(cidr?.node as IacNode), { type: { ref: 'string' }, default: '0.0.0.0/0' });
    assert.equal(n?.default, undefined);
    assert.deepEqual(
      doc.blocks.map((b) => [b.type, b.labels.join(','), slice(doc, b.headerRange)]),
      [
        ['provider', 'aws', 'provider "aws"'],
        ['locals', '', 'locals'],
        ['module', 'm', 'module "m"'],
        ['terraform', '', 'terraform'],
        ['output', 'o', 'output "o"'],
      ],
    );
    assert.deepEqual(shape(doc.blocks[4]?.body as IacNode), { value: { ref: 'local|x' } });
  });

  it('accepts bare labels and ignores comments of every style', () => {
    const doc = parseTerraformHcl('main.tf', 'resource aws_vpc v {\n  // a\n  /* b */ cidr_block = "10.0.0.0/16" # c\n}\n');
    assert.deepEqual(doc.errors, []);
    assert.equal(doc.resources[0]?.address, 'aws_vpc.v');
    assert.deepEqual(shape(doc.resources[0]?.node as IacNode), { cidr_block: '10.0.0.0/16' });
  });

  it('reports a missing closing brace and keeps every resource', () => {
    const text = 'resource "a" "one" {\n  x = 1\n}\n\nresource "a" "two" {\n  y = 2\n';
    const doc = parseTerraformHcl('main.tf', text);
    assert.deepEqual(
      doc.resources.map((r) => r.address),
      ['a.one', 'a.two'],
    );
    assert.deepEqual(shape(doc.resources[1]?.node as IacNode), { y: 2 });
    const end = text.length; // where the text stops
    assert.deepEqual(doc.errors, [{ message: "Missing '}' to close the block opened on line 5", range: { start: end, end } }]);
  });

  it('reports a dangling = once, keeps the other resources, and treats the broken value as unknown', () => {
    const text = 'resource "a" "one" {\n  x = \n  z = 2\n}\n\nresource "a" "two" {\n  y = 2\n}\n';
    const doc = parseTerraformHcl('main.tf', text);
    assert.deepEqual(
      doc.resources.map((r) => r.address),
      ['a.one', 'a.two'],
    );
    assert.equal(doc.errors.length, 1);
    assert.equal(doc.errors[0]?.message, "Missing value after '=' for 'x'");
    assert.equal(slice(doc, doc.errors[0]?.range as SourceRange), '=');
    assert.equal(doc.resources[0]?.node.entries[0]?.value.kind, 'expr');
    assert.deepEqual(shape(doc.resources[1]?.node as IacNode), { y: 2 });
  });

  it('reports one error for a garbage line, underlining only its first line', () => {
    const text = 'resource "a" "one" {\n  x = 1\n  this is not ( valid\n}\n\nresource "a" "two" {}\n';
    const doc = parseTerraformHcl('main.tf', text);
    assert.ok(doc.resources.some((r) => r.address === 'a.one'));
    assert.ok(doc.errors.length >= 1 && doc.errors.length <= 2, JSON.stringify(doc.errors));
    const first = doc.errors[0];
    assert.ok(first);
    assert.ok(!slice(doc, first.range).includes('\n'));
    assert.ok(first.range.start >= text.indexOf('this'));
  });

  it('reports resources without both labels', () => {
    const doc = parseTerraformHcl('main.tf', 'resource "aws_s3_bucket" {\n}\n');
    assert.deepEqual(doc.resources, []);
    assert.deepEqual(doc.errors, [{ message: 'A resource block needs two labels: a type and a name', range: { start: 0, end: 24 } }]);
  });

  it('never throws on arbitrary input', () => {
    for (const text of ['{', '}', '"', 'a = ', '<<EOT', 'resource "a" "b" { x = "${', '\u0000\uffff', 'x = [1, 2,']) {
      const doc = parseTerraformHcl('main.tf', text);
      assert.ok(Array.isArray(doc.errors));
    }
  });
});
