// The HCL native syntax as hashicorp/hcl's hclsyntax spec defines it, construct by construct, read into the model.
import assert from 'node:assert/strict';
import type { IacDocument } from '../../server/src/model/document';
import type { IacNode } from '../../server/src/model/nodes';
import { parseTerraformHcl } from '../../server/src/parsers/terraform-hcl';
import { tokenize } from '../../server/src/parsers/hcl/lexer';
import { parseTfvars } from '../../server/src/parsers/tfvars';

function attrs(body: string): { doc: IacDocument; values: Record<string, IacNode> } {
  const doc = parseTerraformHcl('main.tf', `resource "t" "n" {\n${body}\n}\n`);
  const values = Object.fromEntries((doc.resources[0]?.node.entries ?? []).map((e) => [e.key, e.value]));
  return { doc, values };
}

function shape(n: IacNode | undefined): unknown {
  if (!n) return undefined;
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
      return { ref: n.path.join('.') };
    case 'expr':
      return { expr: n.text, refs: n.refs.map((r) => r.join('.')) };
  }
}

describe('HCL native syntax (hclsyntax spec)', () => {
  it('ends an attribute at the newline, and ignores newlines inside brackets, parentheses and templates', () => {
    const { doc, values } = attrs('  a = 1\n  b = [\n    1,\n    2,\n  ]\n  c = max(\n    1,\n    2\n  )\n  d = "${\n    var.x\n  }"');
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(
      [shape(values.a), shape(values.b), shape(values.c), shape(values.d)],
      [1, [1, 2], { call: 'max', args: [1, 2] }, { ref: 'var.x' }],
    );
  });

  it('separates object items by newlines or commas', () => {
    const { doc, values } = attrs('  tags = {\n    a = 1\n    b = 2, c = 3\n    "d-e" : 4\n  }');
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(shape(values.tags), { a: 1, b: 2, c: 3, 'd-e': 4 });
  });

  it('nests chained conditionals to the right and binds operators tighter than ?:', () => {
    const { values } = attrs('  a = var.p ? 1 : var.q ? 2 : 3\n  b = var.x == "y" && !var.z ? "on" : "off"');
    assert.deepEqual(shape(values.a), { call: '?:', args: [{ ref: 'var.p' }, 1, { call: '?:', args: [{ ref: 'var.q' }, 2, 3] }] });
    assert.deepEqual(shape(values.b), { call: '?:', args: [{ expr: 'var.x == "y" && !var.z', refs: ['var.x', 'var.z'] }, 'on', 'off'] });
  });

  it('reads numbers as the spec writes them, and -n as a constant', () => {
    const { values } = attrs('  a = 10\n  b = 1.5\n  c = 1e3\n  d = 2.5E-1\n  e = -1\n  f = - 2');
    assert.deepEqual(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => shape(values[k])),
      [10, 1.5, 1000, 0.25, -1, -2],
    );
  });

  it('reads heredocs, un-indenting <<- by the smallest indentation; the closing marker may be indented', () => {
    const { doc, values } = attrs(
      '  a = <<EOT\nline 1\n  line 2\nEOT\n  b = <<-EOT\n    x\n      y\n\n    z\n    EOT\n  c = <<EOT\n${var.v} %{ if var.w }w%{ endif }\nEOT',
    );
    assert.deepEqual(doc.errors, []);
    assert.equal(shape(values.a), 'line 1\n  line 2\n');
    assert.equal(shape(values.b), 'x\n  y\n\nz\n');
    assert.deepEqual(shape(values.c), { expr: '<<EOT\n${var.v} %{ if var.w }w%{ endif }\nEOT', refs: ['var.v', 'var.w'] });
  });

  it('reads templates: escapes, $${ and %%{ escapes, a lone interpolation, directives with strip markers', () => {
    const { doc, values } = attrs(
      '  a = "tab\\there \\"q\\" \\u00e9 $${lit} %%{lit}"\n  b = "${var.x}"\n  c = "${~ var.x ~}"\n  d = "%{~ for s in var.l ~}${s}-${var.sep}%{~ endfor ~}"\n  e = "%{ if var.on }yes%{ else }no%{ endif }"',
    );
    assert.deepEqual(doc.errors, []);
    assert.equal(shape(values.a), 'tab\there "q" é ${lit} %{lit}');
    assert.deepEqual(shape(values.b), { ref: 'var.x' });
    assert.deepEqual(shape(values.c), { ref: 'var.x' });
    // Names a `for` binds are not references.
    assert.deepEqual((shape(values.d) as { refs: string[] }).refs, ['var.l', 'var.sep']);
    assert.deepEqual((shape(values.e) as { refs: string[] }).refs, ['var.on']);
  });

  it('reads for expressions, splats, index and attribute traversals', () => {
    const { doc, values } = attrs(
      '  a = [for s in var.subnets : s.id if s.public]\n  b = { for k, v in var.m : k => v... }\n  c = aws_instance.web[*].id\n  d = aws_instance.web.*.id\n  e = var.list[0].name["key"]\n  f = var.legacy.0.id\n  g = var.map[var.key]',
    );
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(shape(values.a), { expr: '[for s in var.subnets : s.id if s.public]', refs: ['var.subnets'] });
    assert.deepEqual(shape(values.b), { expr: '{ for k, v in var.m : k => v... }', refs: ['var.m'] });
    assert.deepEqual(
      [shape(values.c), shape(values.d), shape(values.e), shape(values.f)],
      [{ ref: 'aws_instance.web.*.id' }, { ref: 'aws_instance.web.*.id' }, { ref: 'var.list.0.name.key' }, { ref: 'var.legacy.0.id' }],
    );
    assert.deepEqual(shape(values.g), { expr: 'var.map[var.key]', refs: ['var.map', 'var.key'] });
  });

  it('reads function calls, provider-defined functions and expanded arguments', () => {
    const { doc, values } = attrs(
      '  a = provider::aws::arn_parse(var.arn)\n  b = concat(var.a, var.b...)\n  c = jsonencode({ Version = "2012-10-17" })',
    );
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(shape(values.a), { call: 'provider::aws::arn_parse', args: [{ ref: 'var.arn' }] });
    assert.deepEqual(shape(values.b), { call: 'concat', args: [{ ref: 'var.a' }, { ref: 'var.b' }] });
    assert.deepEqual(shape(values.c), { call: 'jsonencode', args: [{ Version: '2012-10-17' }] });
  });

  it('reads unicode identifiers, dashes in names, and every comment style', () => {
    const doc = parseTerraformHcl(
      'main.tf',
      '# one\n// two\n/* three\n   lines */\nlocals {\n  café-ñ = 1 /* inline */ # trailing\n  日本 = "x"\n}\n',
    );
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(
      doc.blocks[0]?.body.entries.map((e) => e.key),
      ['café-ñ', '日本'],
    );
  });

  it('reports an unclosed /* at its start, keeping the blocks before it', () => {
    const text = 'resource "t" "a" {\n  x = 1\n}\n/* never closed\nresource "t" "b" {\n  y = 2\n}\n';
    const doc = parseTerraformHcl('main.tf', text);
    assert.deepEqual(
      doc.resources.map((r) => r.address),
      ['t.a'],
    );
    assert.equal(doc.errors.length, 1);
    assert.equal(doc.errors[0]?.range.start, text.indexOf('/*'));
  });

  it('reads a one-line block and nested, repeated and dynamic blocks', () => {
    const doc = parseTerraformHcl(
      'main.tf',
      'resource "t" "n" {\n  lifecycle { ignore_changes = [tags] }\n  rule { id = 1 }\n  rule { id = 2 }\n  dynamic "ingress" {\n    for_each = var.rules\n    content { from_port = ingress.value }\n  }\n}\n',
    );
    assert.deepEqual(doc.errors, []);
    const entries = doc.resources[0]?.node.entries ?? [];
    assert.deepEqual(
      entries.map((e) => [e.key, e.block, e.value.kind]),
      [
        ['lifecycle', true, 'map'],
        ['rule', true, 'map'],
        ['rule', true, 'map'],
        ['ingress', true, 'expr'],
      ],
    );
    assert.deepEqual(entries[3]?.value.kind === 'expr' && entries[3].value.refs, [
      ['var', 'rules'],
      ['ingress', 'value'],
    ]);
  });

  it('tokenizes in UTF-16 offsets, as the model counts them', () => {
    const text = 'a = "😀" # 😀\nb = 1';
    const tokens = tokenize(text);
    const b = tokens.start.findIndex((s, i) => text.slice(s, tokens.end[i]) === 'b');
    assert.equal(tokens.start[b], text.indexOf('b ='));
  });

  it('reads .tfvars assignments', () => {
    const values = parseTfvars('x.tfvars', 'a = 1\nb = "two"\nc = [1, 2]\n');
    assert.deepEqual([...values.keys()], ['a', 'b', 'c']);
    assert.deepEqual(shape(values.get('c')), [1, 2]);
  });
});

describe('HCL error recovery', () => {
  it('loses only a half-typed attribute, as an unknown value', () => {
    const { doc, values } = attrs('  a = 1\n  b =\n  c = 3');
    assert.equal(doc.errors.length, 1);
    assert.deepEqual([shape(values.a), values.b?.kind, shape(values.c)], [1, 'expr', 3]);
  });

  it('ends an unclosed string at its line', () => {
    const text = 'resource "t" "n" {\n  a = "open\n  c = 3\n}\n';
    const doc = parseTerraformHcl('main.tf', text);
    assert.equal(doc.errors.length, 1);
    assert.equal(doc.errors[0]?.message, "Missing '\"' at the end of this string");
    assert.equal(text.slice(0, doc.errors[0]?.range.start).split('\n').length, 2);
    assert.deepEqual(
      doc.resources[0]?.node.entries.map((e) => [e.key, e.value.kind]),
      [
        ['a', 'expr'],
        ['c', 'scalar'],
      ],
    );
  });

  it('closes an unclosed nested block where the indentation says it ended, as an unknown block', () => {
    const text = 'resource "t" "n" {\n  versioning {\n    enabled = true\n  acl = "private"\n}\n\nresource "t" "m" {\n  x = 1\n}\n';
    const doc = parseTerraformHcl('main.tf', text);
    assert.equal(doc.errors.length, 1);
    assert.match(doc.errors[0]?.message ?? '', /^Missing '}' to close the block opened on line 2/);
    assert.deepEqual(
      doc.resources.map((r) => r.address),
      ['t.n', 't.m'],
    );
    assert.deepEqual(
      doc.resources[0]?.node.entries.map((e) => [e.key, e.value.kind]),
      [
        ['versioning', 'expr'],
        ['acl', 'scalar'],
      ],
    );
  });

  it('ends an unclosed heredoc before the next attribute instead of swallowing the file', () => {
    const text = 'resource "t" "n" {\n  policy = <<EOF\n{"a": 1}\n  acl = "private"\n}\n';
    const doc = parseTerraformHcl('main.tf', text);
    assert.equal(doc.errors.length, 1);
    assert.equal(doc.errors[0]?.message, "Missing heredoc end marker 'EOF' for the heredoc opened on line 2");
    assert.equal(doc.errors[0]?.range.start, text.indexOf('  acl'));
    assert.deepEqual(
      doc.resources[0]?.node.entries.map((e) => [e.key, e.value.kind]),
      [
        ['policy', 'expr'],
        ['acl', 'scalar'],
      ],
    );
  });

  it('skips a stray token and a half-typed block header, keeping what follows', () => {
    const text = 'resource "t" "n" {\n  = 5\n  a = 1\n}\nresource "aws_s3_bucket"\nresource "t" "m" {\n  b = 2\n}\n';
    const doc = parseTerraformHcl('main.tf', text);
    assert.equal(doc.errors.length, 2);
    assert.deepEqual(
      doc.resources.map((r) => r.address),
      ['t.n', 't.m'],
    );
  });
});
