// Table tests for the HCL writer: exact output text, and every output re-parses without errors.
import assert from 'node:assert/strict';
import type { FixValue } from '../../rules/api';
import { hclWriter } from '../../server/src/edits/hcl-writer';
import type { TextEdit } from '../../server/src/edits/types';
import { applyEdits } from '../../server/src/engine/positions';
import type { IacDocument } from '../../server/src/model/document';
import type { IacNode, MapNode } from '../../server/src/model/nodes';
import { parseTerraformHcl } from '../../server/src/parsers/terraform-hcl';

const cidrRef: FixValue = { $ref: { input: 'allowed_ssh_cidr' } };

/** The node at `keys` under the first resource's body; `key#n` picks the n-th repeated entry, `[i]` a list item. */
function nodeAt(doc: IacDocument, keys: readonly string[], resource = 0): IacNode {
  let node: IacNode = (doc.resources[resource] as { node: MapNode }).node;
  for (const k of keys) {
    const item = /^\[(\d+)\]$/.exec(k);
    if (item) {
      assert.equal(node.kind, 'list');
      node = (node as { items: IacNode[] }).items[Number(item[1])] as IacNode;
      continue;
    }
    const [name, nth] = k.split('#');
    assert.equal(node.kind, 'map', `${k}: not a map`);
    const found = (node as MapNode).entries.filter((e) => e.key === name)[Number(nth ?? 0)];
    assert.ok(found, `no entry ${k}`);
    node = found.value;
  }
  return node;
}

function mapAt(doc: IacDocument, keys: readonly string[]): MapNode {
  const node = nodeAt(doc, keys);
  assert.equal(node.kind, 'map');
  return node as MapNode;
}

/** Applies edits the way the engine must: exact duplicates once. */
function apply(text: string, edits: readonly TextEdit[]): string {
  const seen = new Set<string>();
  const unique = edits.filter((e) => {
    const id = `${e.start}:${e.end}:${e.newText}`;
    return seen.has(id) ? false : (seen.add(id), true);
  });
  const out = applyEdits(text, unique);
  assert.deepEqual(parseTerraformHcl('out.tf', out).errors, [], `output does not parse:\n${out}`);
  return out;
}

interface Case {
  name: string;
  src: string;
  edit: (doc: IacDocument) => TextEdit[];
  out: string;
}

const insert =
  (at: readonly string[], path: readonly string[], value: FixValue) =>
  (doc: IacDocument): TextEdit[] =>
    hclWriter.insertProperty(doc, mapAt(doc, at), path, value);

const replace =
  (at: readonly string[], value: FixValue) =>
  (doc: IacDocument): TextEdit[] =>
    hclWriter.replaceValue(doc, nodeAt(doc, at), value);

const cases: Case[] = [
  {
    name: 'one-line empty block becomes multi-line',
    src: 'resource "aws_ebs_volume" "v" {}\n',
    edit: insert([], ['encrypted'], true),
    out: 'resource "aws_ebs_volume" "v" {\n  encrypted = true\n}\n',
  },
  {
    name: 'one-line block with spaces',
    src: 'resource "aws_ebs_volume" "v" { }',
    edit: insert([], ['encrypted'], true),
    out: 'resource "aws_ebs_volume" "v" {\n  encrypted = true\n}',
  },
  {
    name: 'one-line block with an attribute',
    src: 'resource "aws_ebs_volume" "v" { size = 8 }\n',
    edit: insert([], ['encrypted'], true),
    out: 'resource "aws_ebs_volume" "v" {\n  size = 8\n  encrypted = true\n}\n',
  },
  {
    name: 'empty multi-line block',
    src: 'resource "aws_ebs_volume" "v" {\n}\n',
    edit: insert([], ['encrypted'], true),
    out: 'resource "aws_ebs_volume" "v" {\n  encrypted = true\n}\n',
  },
  {
    name: 'block holding only a comment',
    src: 'resource "aws_ebs_volume" "v" {\n  # todo\n}\n',
    edit: insert([], ['encrypted'], true),
    out: 'resource "aws_ebs_volume" "v" {\n  # todo\n  encrypted = true\n}\n',
  },
  {
    name: 'after the last attribute',
    src: 'resource "aws_ebs_volume" "v" {\n  size = 8\n  type = "gp3"\n}\n',
    edit: insert([], ['encrypted'], true),
    out: 'resource "aws_ebs_volume" "v" {\n  size      = 8\n  type      = "gp3"\n  encrypted = true\n}\n',
  },
  {
    name: 'a trailing comment stays on its line',
    src: 'resource "aws_ebs_volume" "v" {\n  size = 8 # GiB\n}\n',
    edit: insert([], ['encrypted'], true),
    out: 'resource "aws_ebs_volume" "v" {\n  size      = 8 # GiB\n  encrypted = true\n}\n',
  },
  {
    name: 'after a multi-line nested block',
    src: 'resource "aws_instance" "i" {\n  ami = "x"\n  ebs_block_device {\n    device_name = "/dev/sdb"\n  }\n}\n',
    edit: insert([], ['monitoring'], true),
    out: 'resource "aws_instance" "i" {\n  ami = "x"\n  ebs_block_device {\n    device_name = "/dev/sdb"\n  }\n  monitoring = true\n}\n',
  },
  {
    name: 'after a heredoc',
    src: 'resource "aws_iam_policy" "p" {\n  policy = <<EOT\n{}\nEOT\n}\n',
    edit: insert([], ['name'], 'p'),
    out: 'resource "aws_iam_policy" "p" {\n  policy = <<EOT\n{}\nEOT\n  name = "p"\n}\n',
  },
  {
    name: 'comments between and after entries are kept',
    src: 'resource "aws_ebs_volume" "v" {\n  # size in GiB\n  size = 8\n\n  /* type */\n  type = "gp3"\n  # end of settings\n}\n',
    edit: insert([], ['encrypted'], true),
    out: 'resource "aws_ebs_volume" "v" {\n  # size in GiB\n  size = 8\n\n  /* type */\n  type      = "gp3"\n  encrypted = true\n  # end of settings\n}\n',
  },
  {
    name: 'after a dynamic block',
    src: 'resource "aws_security_group" "s" {\n  dynamic "ingress" {\n    for_each = var.r\n    content {}\n  }\n}\n',
    edit: insert([], ['description'], 'sg'),
    out: 'resource "aws_security_group" "s" {\n  dynamic "ingress" {\n    for_each = var.r\n    content {}\n  }\n  description = "sg"\n}\n',
  },
  {
    name: 'into a variable body',
    src: 'variable "db_password" {\n  type = string\n}\n',
    edit: (doc) => hclWriter.insertProperty(doc, (doc.inputs[0] as { node: MapNode }).node, ['sensitive'], true),
    out: 'variable "db_password" {\n  type      = string\n  sensitive = true\n}\n',
  },
  {
    name: 'intermediate keys become nested blocks',
    src: 'resource "aws_instance" "i" {\n  ami = "x"\n}\n',
    edit: insert([], ['root_block_device', 'encrypted'], true),
    out: 'resource "aws_instance" "i" {\n  ami = "x"\n  root_block_device {\n    encrypted = true\n  }\n}\n',
  },
  {
    name: 'an object value becomes a nested block',
    src: 'resource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.id\n}\n',
    edit: insert([], ['versioning_configuration'], { status: 'Enabled' }),
    out: 'resource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
  },
  {
    name: 'inside a nested block (the new `=` lines up with its group)',
    src: 'resource "aws_instance" "i" {\n  root_block_device {\n    volume_size = 8\n  }\n}\n',
    edit: insert(['root_block_device'], ['encrypted'], true),
    out: 'resource "aws_instance" "i" {\n  root_block_device {\n    volume_size = 8\n    encrypted   = true\n  }\n}\n',
  },
  {
    name: 'inside an empty one-line nested block',
    src: 'resource "aws_instance" "i" {\n  root_block_device {}\n}\n',
    edit: insert(['root_block_device'], ['encrypted'], true),
    out: 'resource "aws_instance" "i" {\n  root_block_device {\n    encrypted = true\n  }\n}\n',
  },
  {
    name: 'inside the second of repeated blocks',
    src: 'resource "aws_security_group" "s" {\n  ingress {\n    from_port = 22\n  }\n  ingress {\n    from_port = 443\n  }\n}\n',
    edit: insert(['ingress#1'], ['to_port'], 443),
    out: 'resource "aws_security_group" "s" {\n  ingress {\n    from_port = 22\n  }\n  ingress {\n    from_port = 443\n    to_port   = 443\n  }\n}\n',
  },
  {
    name: 'CRLF line breaks',
    src: 'resource "aws_instance" "i" {\r\n  ami = "x"\r\n}\r\n',
    edit: insert([], ['root_block_device', 'encrypted'], true),
    out: 'resource "aws_instance" "i" {\r\n  ami = "x"\r\n  root_block_device {\r\n    encrypted = true\r\n  }\r\n}\r\n',
  },
  {
    name: 'tab indentation',
    src: 'resource "aws_instance" "i" {\n\tami = "x"\n}\n',
    edit: insert([], ['root_block_device', 'encrypted'], true),
    out: 'resource "aws_instance" "i" {\n\tami = "x"\n\troot_block_device {\n\t\tencrypted = true\n\t}\n}\n',
  },
  {
    name: '4-space indentation',
    src: 'resource "aws_instance" "i" {\n    ami = "x"\n}\n',
    edit: insert([], ['root_block_device', 'encrypted'], true),
    out: 'resource "aws_instance" "i" {\n    ami = "x"\n    root_block_device {\n        encrypted = true\n    }\n}\n',
  },
  {
    name: '4-space indentation taken from the document for an empty block',
    src: 'resource "a" "b" {\n    x = 1\n}\n\nresource "aws_instance" "i" {}\n',
    edit: (doc) => hclWriter.insertProperty(doc, (doc.resources[1] as { node: MapNode }).node, ['monitoring'], true),
    out: 'resource "a" "b" {\n    x = 1\n}\n\nresource "aws_instance" "i" {\n    monitoring = true\n}\n',
  },
  {
    name: 'indented module-level block keeps its base indentation',
    src: 'resource "aws_instance" "i" {\n  metadata_options {\n    http_endpoint = "enabled"\n  }\n}\n',
    edit: insert(['metadata_options'], ['http_tokens'], 'required'),
    out: 'resource "aws_instance" "i" {\n  metadata_options {\n    http_endpoint = "enabled"\n    http_tokens   = "required"\n  }\n}\n',
  },
  {
    name: 'one-line flow object',
    src: 'resource "aws_s3_bucket" "b" {\n  tags = { Name = "b" }\n}\n',
    edit: insert(['tags'], ['Owner'], ''),
    out: 'resource "aws_s3_bucket" "b" {\n  tags = { Name = "b", Owner = "" }\n}\n',
  },
  {
    name: 'multi-line flow object',
    src: 'resource "aws_s3_bucket" "b" {\n  tags = {\n    Name = "b"\n  }\n}\n',
    edit: insert(['tags'], ['team:owner'], 'x'),
    out: 'resource "aws_s3_bucket" "b" {\n  tags = {\n    Name = "b"\n    "team:owner" = "x"\n  }\n}\n',
  },
  {
    name: 'multi-line flow object with trailing commas',
    src: 'resource "aws_s3_bucket" "b" {\n  tags = {\n    Name = "b",\n  }\n}\n',
    edit: insert(['tags'], ['Owner'], 'me'),
    out: 'resource "aws_s3_bucket" "b" {\n  tags = {\n    Name = "b",\n    Owner = "me",\n  }\n}\n',
  },
  {
    name: 'multi-line flow object closed on the last line',
    src: 'locals {\n  m = {\n    a = 1 }\n}\n',
    edit: (doc) => hclWriter.insertProperty(doc, doc.blocks[0]?.body.entries[0]?.value as MapNode, ['b'], 2),
    out: 'locals {\n  m = {\n    a = 1\n    b = 2 }\n}\n',
  },
  {
    name: 'empty flow object',
    src: 'resource "aws_s3_bucket" "b" {\n  tags = {}\n}\n',
    edit: insert(['tags'], ['Owner'], 'me'),
    out: 'resource "aws_s3_bucket" "b" {\n  tags = { Owner = "me" }\n}\n',
  },
  {
    name: 'missing tags are an argument map, not a block (aligned with its group)',
    src: 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
    edit: insert([], ['tags', 'Owner'], ''),
    out: 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  tags   = { Owner = "" }\n}\n',
  },
  {
    name: 'two insertions into one map compose',
    src: 'resource "aws_elasticache_replication_group" "r" {\n  engine = "redis"\n}\n',
    edit: (doc) => [
      ...hclWriter.insertProperty(doc, mapAt(doc, []), ['at_rest_encryption_enabled'], true),
      ...hclWriter.insertProperty(doc, mapAt(doc, []), ['transit_encryption_enabled'], true),
    ],
    out: 'resource "aws_elasticache_replication_group" "r" {\n  engine                     = "redis"\n  at_rest_encryption_enabled = true\n  transit_encryption_enabled = true\n}\n',
  },
  {
    name: 'two insertions into a one-line block compose (duplicates applied once)',
    src: 'resource "aws_elasticache_replication_group" "r" { engine = "redis" }\n',
    edit: (doc) => [
      ...hclWriter.insertProperty(doc, mapAt(doc, []), ['at_rest_encryption_enabled'], true),
      ...hclWriter.insertProperty(doc, mapAt(doc, []), ['transit_encryption_enabled'], true),
    ],
    out: 'resource "aws_elasticache_replication_group" "r" {\n  engine = "redis"\n  at_rest_encryption_enabled = true\n  transit_encryption_enabled = true\n}\n',
  },
  {
    name: 'a new attribute lines its `=` up with the aligned group it joins',
    src: 'resource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n  size              = 40\n}\n',
    edit: insert([], ['encrypted'], true),
    out: 'resource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n  size              = 40\n  encrypted         = true\n}\n',
  },
  {
    name: 'a key longer than the aligned column re-aligns the group, as terraform fmt would',
    src: 'resource "aws_instance" "i" {\n  ami  = "x"\n  size = 8\n}\n',
    edit: insert([], ['associate_public_ip_address'], false),
    out: 'resource "aws_instance" "i" {\n  ami                         = "x"\n  size                        = 8\n  associate_public_ip_address = false\n}\n',
  },
  {
    name: 'several new attributes share one column with the group they join (terraform fmt)',
    src: 'resource "aws_kinesis_stream" "s" {\n  name        = "s"\n  shard_count = 1\n}\n',
    edit: (doc) =>
      hclWriter.insertProperties!(doc, mapAt(doc, []), [
        { path: ['encryption_type'], value: 'KMS' },
        { path: ['kms_key_id'], value: 'alias/aws/kinesis' },
      ]),
    out: 'resource "aws_kinesis_stream" "s" {\n  name            = "s"\n  shard_count     = 1\n  encryption_type = "KMS"\n  kms_key_id      = "alias/aws/kinesis"\n}\n',
  },
  {
    name: 'new attributes after a new nested block form their own group',
    src: 'resource "aws_instance" "i" {\n  ami = "x"\n}\n',
    edit: (doc) =>
      hclWriter.insertProperties!(doc, mapAt(doc, []), [
        { path: ['metadata_options'], value: { http_tokens: 'required', http_endpoint: 'enabled' } },
        { path: ['monitoring'], value: true },
        { path: ['ebs_optimized'], value: true },
      ]),
    out: 'resource "aws_instance" "i" {\n  ami = "x"\n  metadata_options {\n    http_tokens   = "required"\n    http_endpoint = "enabled"\n  }\n  monitoring    = true\n  ebs_optimized = true\n}\n',
  },
  {
    name: 'an unaligned group gets no padding',
    src: 'resource "aws_instance" "i" {\n  ami = "x"\n  size   = 8\n}\n',
    edit: insert([], ['id'], 1),
    out: 'resource "aws_instance" "i" {\n  ami = "x"\n  size   = 8\n  id = 1\n}\n',
  },
  {
    name: 'the group ends at a blank line',
    src: 'resource "aws_ebs_volume" "v" {\n  availability_zone = "a"\n\n  size = 40\n}\n',
    edit: insert([], ['io'], 3),
    out: 'resource "aws_ebs_volume" "v" {\n  availability_zone = "a"\n\n  size = 40\n  io   = 3\n}\n',
  },
  {
    name: 'the group ends at a comment line',
    src: 'resource "aws_ebs_volume" "v" {\n  availability_zone = "a"\n  # sizing\n  size = 40\n}\n',
    edit: insert([], ['io'], 3),
    out: 'resource "aws_ebs_volume" "v" {\n  availability_zone = "a"\n  # sizing\n  size = 40\n  io   = 3\n}\n',
  },
  {
    name: 'alignment in a multi-line object',
    src: 'resource "aws_s3_bucket" "b" {\n  tags = {\n    Name  = "b"\n    Owner = "me"\n  }\n}\n',
    edit: insert(['tags'], ['Env'], 'dev'),
    out: 'resource "aws_s3_bucket" "b" {\n  tags = {\n    Name  = "b"\n    Owner = "me"\n    Env   = "dev"\n  }\n}\n',
  },
  {
    name: 'a new nested block after a nested block gets a blank line when the file separates blocks so',
    src: 'resource "aws_instance" "i" {\n  ami           = "x"\n  instance_type = "t3.micro"\n\n  ebs_block_device {\n    device_name = "/dev/sdb"\n  }\n}\n',
    edit: insert([], ['root_block_device', 'encrypted'], true),
    out: 'resource "aws_instance" "i" {\n  ami           = "x"\n  instance_type = "t3.micro"\n\n  ebs_block_device {\n    device_name = "/dev/sdb"\n  }\n\n  root_block_device {\n    encrypted = true\n  }\n}\n',
  },
  {
    name: 'no blank line before a new nested block when the file puts blocks right after their siblings',
    src: 'resource "aws_instance" "i" {\n  ami = "x"\n  ebs_block_device {\n    device_name = "/dev/sdb"\n  }\n}\n',
    edit: insert([], ['root_block_device', 'encrypted'], true),
    out: 'resource "aws_instance" "i" {\n  ami = "x"\n  ebs_block_device {\n    device_name = "/dev/sdb"\n  }\n  root_block_device {\n    encrypted = true\n  }\n}\n',
  },
  {
    name: 'the blank-line style is read from other blocks of the file when the body has no example',
    src: 'resource "aws_instance" "a" {\n  ami = "x"\n\n  ebs_block_device {}\n}\n\nresource "aws_instance" "b" {\n  ebs_block_device {\n    device_name = "/dev/sdb"\n  }\n}\n',
    edit: (doc) => hclWriter.insertProperty(doc, (doc.resources[1] as { node: MapNode }).node, ['root_block_device'], { encrypted: true }),
    out: 'resource "aws_instance" "a" {\n  ami = "x"\n\n  ebs_block_device {}\n}\n\nresource "aws_instance" "b" {\n  ebs_block_device {\n    device_name = "/dev/sdb"\n  }\n\n  root_block_device {\n    encrypted = true\n  }\n}\n',
  },
  {
    name: 'replace a scalar',
    src: 'resource "aws_db_instance" "d" {\n  storage_encrypted = false # keep\n}\n',
    edit: replace(['storage_encrypted'], true),
    out: 'resource "aws_db_instance" "d" {\n  storage_encrypted = true # keep\n}\n',
  },
  {
    name: 'replace a string, escaping it',
    src: 'resource "aws_s3_bucket" "b" {\n  acl = "public-read"\n}\n',
    edit: replace(['acl'], 'say "${hi}"\n'),
    out: 'resource "aws_s3_bucket" "b" {\n  acl = "say \\"$${hi}\\"\\n"\n}\n',
  },
  {
    name: 'replace a list item with a variable',
    src: 'resource "aws_security_group" "s" {\n  ingress {\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
    edit: replace(['ingress', 'cidr_blocks', '[0]'], cidrRef),
    out: 'resource "aws_security_group" "s" {\n  ingress {\n    cidr_blocks = [var.allowed_ssh_cidr]\n  }\n}\n',
  },
  {
    name: 'replace an interpolation-only string as a whole',
    src: 'resource "aws_s3_bucket_versioning" "v" {\n  bucket = "${aws_s3_bucket.a.id}"\n}\n',
    edit: replace(['bucket'], { $ref: { resource: 'aws_s3_bucket.b' } }),
    out: 'resource "aws_s3_bucket_versioning" "v" {\n  bucket = aws_s3_bucket.b.id\n}\n',
  },
  {
    name: 'replace with a list and a resource attribute',
    src: 'resource "x" "y" {\n  a = "b"\n}\n',
    edit: replace(['a'], ['a', 1, false, { $ref: { resource: 'aws_kms_key.k', attr: 'arn' } }]),
    out: 'resource "x" "y" {\n  a = ["a", 1, false, aws_kms_key.k.arn]\n}\n',
  },
  {
    name: 'replace with an inline object',
    src: 'resource "x" "y" {\n  a = null\n}\n',
    edit: replace(['a'], { k: 'v', 'a b': 2 }),
    out: 'resource "x" "y" {\n  a = { k = "v", "a b" = 2 }\n}\n',
  },
  {
    name: 'replace a nested block body',
    src: 'resource "aws_lb_listener" "l" {\n  default_action {\n    type = "forward"\n  }\n}\n',
    edit: replace(['default_action'], { type: 'redirect', redirect: { port: '443', protocol: 'HTTPS' } }),
    out: 'resource "aws_lb_listener" "l" {\n  default_action {\n    type = "redirect"\n    redirect {\n      port     = "443"\n      protocol = "HTTPS"\n    }\n  }\n}\n',
  },
  {
    name: 'declare a variable with one blank line before it',
    src: 'resource "x" "y" {}\n',
    edit: (doc) => hclWriter.declareInput(doc, { name: 'allowed_ssh_cidr', type: 'string', description: 'CIDR allowed to reach SSH' }),
    out: 'resource "x" "y" {}\n\nvariable "allowed_ssh_cidr" {\n  type        = string\n  description = "CIDR allowed to reach SSH"\n}\n',
  },
  {
    name: 'declare a variable: no final newline, extra blank lines, CRLF',
    src: 'resource "x" "y" {\r\n    a = 1\r\n}\r\n\r\n\r\n',
    edit: (doc) => hclWriter.declareInput(doc, { name: 'port', type: 'number', description: 'Port' }),
    out: 'resource "x" "y" {\r\n    a = 1\r\n}\r\n\r\nvariable "port" {\r\n    type        = number\r\n    description = "Port"\r\n}\r\n',
  },
  {
    name: 'declare a variable in an empty file',
    src: '',
    edit: (doc) => hclWriter.declareInput(doc, { name: 'v', type: 'string', description: 'd' }),
    out: 'variable "v" {\n  type        = string\n  description = "d"\n}\n',
  },
  {
    name: 'a declared variable is not declared again',
    src: 'variable "v" {}\n',
    edit: (doc) => hclWriter.declareInput(doc, { name: 'v', type: 'string', description: 'd' }),
    out: 'variable "v" {}\n',
  },
  {
    name: 'insert a resource after another',
    src: 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n} # end\n\nresource "aws_vpc" "v" {}\n',
    edit: (doc) =>
      hclWriter.insertResource(doc, doc.resources[0] as IacDocument['resources'][number], {
        type: 'aws_s3_bucket_versioning',
        name: 'b',
        body: { bucket: { $ref: { resource: 'aws_s3_bucket.b' } }, versioning_configuration: { status: 'Enabled' } },
      }),
    out:
      'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n} # end\n\n' +
      'resource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n\n' +
      'resource "aws_vpc" "v" {}\n',
  },
  {
    name: 'insert a resource at the end of a file without a final newline',
    src: 'resource "aws_vpc" "v" {\n    cidr_block = "10.0.0.0/16"\n}',
    edit: (doc) =>
      hclWriter.insertResource(doc, doc.resources[0] as IacDocument['resources'][number], {
        type: 'aws_flow_log',
        name: 'v',
        body: { vpc_id: { $ref: { resource: 'aws_vpc.v' } }, traffic_type: 'ALL' },
      }),
    out: 'resource "aws_vpc" "v" {\n    cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_flow_log" "v" {\n    vpc_id       = aws_vpc.v.id\n    traffic_type = "ALL"\n}',
  },
  {
    name: 'line comment above a nested line',
    src: 'resource "aws_s3_bucket" "b" {\n  acl = "public-read"\n}\n',
    edit: (doc) => hclWriter.insertLineComment?.(doc, nodeAt(doc, ['acl']).range.start, 'secure-iac-ignore s3-public-acl: website') ?? [],
    out: 'resource "aws_s3_bucket" "b" {\n  # secure-iac-ignore s3-public-acl: website\n  acl = "public-read"\n}\n',
  },
  {
    name: 'line comment at the start of a file that begins with a blank line',
    src: '\nresource "a" "b" {}\n',
    edit: (doc) => hclWriter.insertLineComment?.(doc, 1, 'x') ?? [],
    out: '\n# x\nresource "a" "b" {}\n',
  },
  {
    name: 'line comment above a resource, CRLF',
    src: 'resource "aws_s3_bucket" "b" {\r\n}\r\n',
    edit: (doc) => hclWriter.insertLineComment?.(doc, 5, 'note') ?? [],
    out: '# note\r\nresource "aws_s3_bucket" "b" {\r\n}\r\n',
  },
];

describe('hclWriter', () => {
  for (const c of cases) {
    it(c.name, () => {
      const doc = parseTerraformHcl('main.tf', c.src);
      assert.deepEqual(doc.errors, []);
      assert.equal(apply(c.src, c.edit(doc)), c.out);
    });
  }

  it('rejects replacing a block with a non-object', () => {
    const doc = parseTerraformHcl('main.tf', 'resource "a" "b" {\n  c {}\n}\n');
    assert.throws(() => hclWriter.replaceValue(doc, nodeAt(doc, ['c']), true));
  });
});
