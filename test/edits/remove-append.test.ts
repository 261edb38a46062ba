// Table tests for removeProperty and appendItem in the three writers: exact output text, the output re-parses
// without errors (through the project's parseDocument), and composition of several edits as the engine applies them.
import assert from 'node:assert/strict';
import type { FixValue } from '../../rules/api';
import { writerFor } from '../../server/src/edits/index';
import { removeMember, YAML_TRIVIA } from '../../server/src/edits/separated';
import type { TextEdit } from '../../server/src/edits/types';
import { applyEdits } from '../../server/src/engine/positions';
import type { IacDocument } from '../../server/src/model/document';
import type { IacNode, ListNode, MapEntry, MapNode } from '../../server/src/model/nodes';
import { initParsers, parseDocument } from '../../server/src/parsers/index';

type Step = string | number;

function parse(uri: string, text: string): IacDocument {
  const doc = parseDocument(uri, text);
  assert.ok(doc, `${uri}: not a template`);
  return doc;
}

/** The node at `path` under the first resource (its map for CloudFormation, its body for Terraform). */
function nodeAt(doc: IacDocument, path: readonly Step[]): IacNode {
  let node: IacNode = doc.resources[0]!.node;
  for (const step of path) {
    if (typeof step === 'number') {
      assert.equal(node.kind, 'list', `list at [${step}]`);
      node = (node as ListNode).items[step]!;
    } else {
      assert.equal(node.kind, 'map', `map at ${step}`);
      const e: MapEntry | undefined = (node as MapNode).entries.find((x) => x.key === step);
      assert.ok(e, `key ${step}`);
      node = e.value;
    }
  }
  return node;
}

type Op = (doc: IacDocument) => TextEdit[];

/** Removes entry `key` of the map at `mapPath`. */
const remove =
  (mapPath: readonly Step[], key: string): Op =>
  (doc) => {
    const map = nodeAt(doc, mapPath) as MapNode;
    assert.equal(map.kind, 'map');
    const entry: MapEntry | undefined = map.entries.find((e) => e.key === key);
    assert.ok(entry, `entry ${key}`);
    return writerFor(doc.format).removeProperty(doc, map, entry);
  };

/** Appends `value` to the list at `listPath`. */
const append =
  (listPath: readonly Step[], value: FixValue): Op =>
  (doc) => {
    const list = nodeAt(doc, listPath);
    assert.equal(list.kind, 'list');
    return writerFor(doc.format).appendItem(doc, list as ListNode, value);
  };

const insert =
  (mapPath: readonly Step[], path: string[], value: FixValue): Op =>
  (doc) =>
    writerFor(doc.format).insertProperty(doc, nodeAt(doc, mapPath) as MapNode, path, value);

const both =
  (...ops: Op[]): Op =>
  (doc) =>
    ops.flatMap((op) => op(doc));

interface Case {
  name: string;
  uri: string;
  src: string;
  op: Op;
  out: string;
}

function run(c: Case): void {
  const doc = parse(c.uri, c.src);
  assert.deepEqual(doc.errors, [], 'input parses');
  const out = applyEdits(c.src, c.op(doc));
  assert.equal(out, c.out);
  assert.deepEqual(parse(c.uri, out).errors, [], `output does not parse:\n${out}`);
}

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const cfnY = (...props: string[]): string => lines('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties:', ...props);
const cfnJ = (...props: string[]): string =>
  lines(
    '{',
    '  "Resources": {',
    '    "Vol": {',
    '      "Type": "AWS::EC2::Volume",',
    '      "Properties": {',
    ...props,
    '      }',
    '    }',
    '  }',
    '}',
  );
const tf = (...body: string[]): string => lines('resource "aws_instance" "i" {', ...body, '}');

const yamlRemove: Case[] = [
  {
    name: 'flow sequence over lines: a comment line above the removed last item stays',
    uri: 't.yaml',
    src: cfnY('      Ids: [a,', '        # the second one', '        b]'),
    op: (doc) => {
      const list = nodeAt(doc, ['Properties', 'Ids']) as ListNode;
      return removeMember(
        doc.text,
        YAML_TRIVIA,
        { open: list.range.start, close: list.range.end - 1, empty: '[]' },
        list.items[1]!.range.start,
        list.items[1]!.range.end,
        list.items[0]!.range.end,
      );
    },
    out: cfnY('      Ids: [a', '        # the second one', '        ]'),
  },
  {
    name: 'a middle entry of a block map',
    uri: 't.yaml',
    src: cfnY('      Size: 8', '      Encrypted: false', '      VolumeType: gp3'),
    op: remove(['Properties'], 'Encrypted'),
    out: cfnY('      Size: 8', '      VolumeType: gp3'),
  },
  {
    name: 'the last entry with its nested block and trailing comment; the next resource stays',
    uri: 't.yaml',
    src: lines(
      'Resources:',
      '  Vol:',
      '    Type: AWS::EC2::Volume',
      '    Properties:',
      '      Size: 8',
      '      Tags:',
      '        - Key: a # k',
      '          Value: b',
      '  Next:',
      '    Type: AWS::SNS::Topic',
    ),
    op: remove(['Properties'], 'Tags'),
    out: lines('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties:', '      Size: 8', '  Next:', '    Type: AWS::SNS::Topic'),
  },
  {
    name: 'comment lines above the entry stay, its own trailing comment goes',
    uri: 't.yaml',
    src: cfnY('      Size: 8', '      # legacy flag', '      Encrypted: false # todo', '      VolumeType: gp3'),
    op: remove(['Properties'], 'Encrypted'),
    out: cfnY('      Size: 8', '      # legacy flag', '      VolumeType: gp3'),
  },
  {
    name: 'a block scalar value',
    uri: 't.yaml',
    src: cfnY('      Script: |', '        echo hi', '', '        echo bye', '      Size: 8'),
    op: remove(['Properties'], 'Script'),
    out: cfnY('      Size: 8'),
  },
  {
    name: 'of the blank lines on both sides, one goes',
    uri: 't.yaml',
    src: cfnY('      Size: 8', '', '      Encrypted: false', '', '      VolumeType: gp3'),
    op: remove(['Properties'], 'Encrypted'),
    out: cfnY('      Size: 8', '', '      VolumeType: gp3'),
  },
  {
    name: 'a blank line above and the end of the file below',
    uri: 't.yaml',
    src: cfnY('      Size: 8', '', '      Encrypted: false'),
    op: remove(['Properties'], 'Encrypted'),
    out: cfnY('      Size: 8'),
  },
  {
    name: 'the only property leaves `Properties: {}`, before a comment on the key line',
    uri: 't.yaml',
    src: lines(
      'Resources:',
      '  Vol:',
      '    Type: AWS::EC2::Volume',
      '    Properties: # settings',
      '      Encrypted: false',
      '  Next:',
      '    Type: AWS::SNS::Topic',
    ),
    op: remove(['Properties'], 'Encrypted'),
    out: lines('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties: {} # settings', '  Next:', '    Type: AWS::SNS::Topic'),
  },
  {
    name: 'the only property at the end of a file without a final newline',
    uri: 't.yaml',
    src: cfnY('      Encrypted: false').trimEnd(),
    op: remove(['Properties'], 'Encrypted'),
    out: lines('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties: {}').trimEnd(),
  },
  {
    name: 'the first key of a list item map hands the dash to the next key',
    uri: 't.yaml',
    src: cfnY('      Tags:', '        - Key: a', '          Value: b', '        - Key: c', '          Value: d'),
    op: remove(['Properties', 'Tags', 0], 'Key'),
    out: cfnY('      Tags:', '        - Value: b', '        - Key: c', '          Value: d'),
  },
  {
    name: 'the only key of a list item map leaves `- {}`',
    uri: 't.yaml',
    src: cfnY('      Tags:', '        - Key: a', '        - Key: c'),
    op: remove(['Properties', 'Tags', 1], 'Key'),
    out: cfnY('      Tags:', '        - Key: a', '        - {}'),
  },
  {
    name: 'a key after an anchor on its line: the whole line goes',
    uri: 't.yaml',
    src: cfnY('      Size: 8', '      &enc Encrypted: false', '      VolumeType: gp3'),
    op: remove(['Properties'], 'Encrypted'),
    out: cfnY('      Size: 8', '      VolumeType: gp3'),
  },
  {
    name: 'flow map: the first entry with its comma',
    uri: 't.yaml',
    src: cfnY('      Ebs: { Size: 8, Encrypted: false }'),
    op: remove(['Properties', 'Ebs'], 'Size'),
    out: cfnY('      Ebs: { Encrypted: false }'),
  },
  {
    name: 'flow map: the last entry with the comma before it',
    uri: 't.yaml',
    src: cfnY('      Ebs: {Size: 8,Encrypted: false}'),
    op: remove(['Properties', 'Ebs'], 'Encrypted'),
    out: cfnY('      Ebs: {Size: 8}'),
  },
  {
    name: 'flow map: the only entry leaves {}',
    uri: 't.yaml',
    src: cfnY('      Ebs: { Encrypted: false }', '      Size: 8'),
    op: remove(['Properties', 'Ebs'], 'Encrypted'),
    out: cfnY('      Ebs: {}', '      Size: 8'),
  },
  {
    name: 'multi-line flow map: the last line, and the comma before it',
    uri: 't.yaml',
    src: cfnY('      Ebs: {', '        Size: 8,', '        Encrypted: false', '      }'),
    op: remove(['Properties', 'Ebs'], 'Encrypted'),
    out: cfnY('      Ebs: {', '        Size: 8', '      }'),
  },
  {
    name: 'multi-line flow map: the last line keeps the comment of the line before',
    uri: 't.yaml',
    src: cfnY('      Ebs: {', '        Size: 8, # GiB', '        Encrypted: false # x', '      }'),
    op: remove(['Properties', 'Ebs'], 'Encrypted'),
    out: cfnY('      Ebs: {', '        Size: 8 # GiB', '      }'),
  },
  {
    name: 'multi-line flow map: a first line with a trailing comment',
    uri: 't.yaml',
    src: cfnY('      Ebs: {', '        Size: 8, # GiB', '        Encrypted: false', '      }'),
    op: remove(['Properties', 'Ebs'], 'Size'),
    out: cfnY('      Ebs: {', '        Encrypted: false', '      }'),
  },
  {
    name: 'CRLF',
    uri: 't.yaml',
    src: cfnY('      Size: 8', '      Encrypted: false', '      VolumeType: gp3').replace(/\n/g, '\r\n'),
    op: remove(['Properties'], 'VolumeType'),
    out: cfnY('      Size: 8', '      Encrypted: false').replace(/\n/g, '\r\n'),
  },
  {
    name: 'two neighbouring entries removed in one fix compose',
    uri: 't.yaml',
    src: cfnY('      Size: 8', '      Encrypted: false', '      VolumeType: gp3'),
    op: both(remove(['Properties'], 'Size'), remove(['Properties'], 'Encrypted')),
    out: cfnY('      VolumeType: gp3'),
  },
  {
    name: 'removing the last entry and inserting one compose (a replacement property)',
    uri: 't.yaml',
    src: cfnY('      Size: 8', '      AccessControl: PublicRead'),
    op: both(remove(['Properties'], 'AccessControl'), insert(['Properties'], ['OwnershipControls', 'Rule'], 'BucketOwnerEnforced')),
    out: cfnY('      Size: 8', '      OwnershipControls:', '        Rule: BucketOwnerEnforced'),
  },
];

const yamlAppend: Case[] = [
  {
    name: 'a map item in block style under the dash',
    uri: 't.yaml',
    src: cfnY('      Tags:', '        - Key: Team', '          Value: core # owner', '      Size: 8'),
    op: append(['Properties', 'Tags'], { Key: 'Env', Value: '' }),
    out: cfnY('      Tags:', '        - Key: Team', '          Value: core # owner', '        - Key: Env', '          Value: ""', '      Size: 8'),
  },
  {
    name: 'a sequence flush with its key, 4-space file, nested map in the item',
    uri: 't.yaml',
    src: lines(
      'Resources:',
      '    Fn:',
      '        Type: AWS::Lambda::Function',
      '        Properties:',
      '            Layers:',
      '            - a',
      '            Code:',
      '                ZipFile: x',
    ),
    op: append(['Properties', 'Layers'], { Ref: 'L', Opts: { A: 1 } }),
    out: lines(
      'Resources:',
      '    Fn:',
      '        Type: AWS::Lambda::Function',
      '        Properties:',
      '            Layers:',
      '            - a',
      '            - Ref: L',
      '              Opts:',
      '                  A: 1',
      '            Code:',
      '                ZipFile: x',
    ),
  },
  {
    name: 'a scalar item keeps the spacing after the dash; a reference in short form',
    uri: 't.yaml',
    src: cfnY('      Ids:', '        -   a', '        -   !Ref B'),
    op: append(['Properties', 'Ids'], { $ref: { input: 'Extra' } }),
    out: cfnY('      Ids:', '        -   a', '        -   !Ref B', '        -   !Ref Extra'),
  },
  {
    name: 'two appends compose, in call order',
    uri: 't.yaml',
    src: cfnY('      Ids:', '        - a'),
    op: both(append(['Properties', 'Ids'], 'b'), append(['Properties', 'Ids'], 'yes')),
    out: cfnY('      Ids:', '        - a', '        - b', '        - "yes"'),
  },
  {
    name: 'flow sequence on one line',
    uri: 't.yaml',
    src: cfnY('      Ids: [a, b]'),
    op: append(['Properties', 'Ids'], '*'),
    out: cfnY('      Ids: [a, b, "*"]'),
  },
  {
    name: 'flow sequence of compact flow maps',
    uri: 't.yaml',
    src: cfnY('      Tags: [ {Key: a, Value: b} ]'),
    op: append(['Properties', 'Tags'], { Key: 'Env', Value: '' }),
    out: cfnY('      Tags: [ {Key: a, Value: b}, {Key: Env, Value: ""} ]'),
  },
  {
    name: 'multi-line flow sequence with a trailing comma',
    uri: 't.yaml',
    src: cfnY('      Ids: [', '        a,', '        b,', '      ]'),
    op: append(['Properties', 'Ids'], 'c'),
    out: cfnY('      Ids: [', '        a,', '        b,', '        c,', '      ]'),
  },
  {
    name: 'multi-line flow sequence, comment after the last item',
    uri: 't.yaml',
    src: cfnY('      Ids: [', '        a, # first', '        b # second', '      ]'),
    op: append(['Properties', 'Ids'], 'c'),
    out: cfnY('      Ids: [', '        a, # first', '        b, # second', '        c', '      ]'),
  },
  {
    name: 'an empty flow sequence under a block key becomes a block sequence',
    uri: 't.yaml',
    src: cfnY('      Tags: [] # none yet', '      Size: 8'),
    op: append(['Properties', 'Tags'], { Key: 'Env', Value: 'dev' }),
    out: cfnY('      Tags: # none yet', '        - Key: Env', '          Value: dev', '      Size: 8'),
  },
  {
    name: 'an empty flow sequence in a flow map stays flow',
    uri: 't.yaml',
    src: cfnY('      Ebs: { Ids: [ ] }'),
    op: append(['Properties', 'Ebs', 'Ids'], 'a'),
    out: cfnY('      Ebs: { Ids: [ a ] }'),
  },
];

const jsonRemove: Case[] = [
  {
    name: 'a middle member: its whole line',
    uri: 't.json',
    src: cfnJ('        "Size": 8,', '        "Encrypted": false,', '        "VolumeType": "gp3"'),
    op: remove(['Properties'], 'Encrypted'),
    out: cfnJ('        "Size": 8,', '        "VolumeType": "gp3"'),
  },
  {
    name: 'the last member and the comma before it',
    uri: 't.json',
    src: cfnJ('        "Size": 8,', '        "Tags": [', '          {"Key": "a", "Value": "b"}', '        ]'),
    op: remove(['Properties'], 'Tags'),
    out: cfnJ('        "Size": 8'),
  },
  {
    name: 'the only member leaves {}',
    uri: 't.json',
    src: cfnJ('        "Encrypted": false'),
    op: remove(['Properties'], 'Encrypted'),
    out: lines('{', '  "Resources": {', '    "Vol": {', '      "Type": "AWS::EC2::Volume",', '      "Properties": {}', '    }', '  }', '}'),
  },
  {
    name: 'single line: first, then last member',
    uri: 't.json',
    src: '{"Resources": {"Vol": {"Type": "AWS::EC2::Volume", "Properties": {"Size": 8, "Encrypted": false, "Iops": 3}}}}',
    op: both(remove(['Properties'], 'Size'), remove(['Properties'], 'Iops')),
    out: '{"Resources": {"Vol": {"Type": "AWS::EC2::Volume", "Properties": {"Encrypted": false}}}}',
  },
  {
    name: 'two members on one line of a pretty object',
    uri: 't.json',
    src: cfnJ('        "Size": 8, "Encrypted": false,', '        "VolumeType": "gp3"'),
    op: remove(['Properties'], 'Size'),
    out: cfnJ('        "Encrypted": false,', '        "VolumeType": "gp3"'),
  },
  {
    name: 'CRLF',
    uri: 't.json',
    src: cfnJ('        "Size": 8,', '        "Encrypted": false').replace(/\n/g, '\r\n'),
    op: remove(['Properties'], 'Encrypted'),
    out: cfnJ('        "Size": 8').replace(/\n/g, '\r\n'),
  },
  {
    name: 'Terraform JSON: a member after a "//" comment member',
    uri: 'main.tf.json',
    src: lines(
      '{',
      '  "resource": {',
      '    "aws_s3_bucket": {',
      '      "b": {',
      '        "//": "legacy",',
      '        "acl": "public-read"',
      '      }',
      '    }',
      '  }',
      '}',
    ),
    op: remove([], 'acl'),
    out: lines('{', '  "resource": {', '    "aws_s3_bucket": {', '      "b": {', '        "//": "legacy"', '      }', '    }', '  }', '}'),
  },
];

const jsonAppend: Case[] = [
  {
    name: 'one item per line',
    uri: 't.json',
    src: cfnJ('        "Ids": [', '          "a",', '          "b"', '        ]'),
    op: append(['Properties', 'Ids'], { $ref: { input: 'Extra' } }),
    out: cfnJ('        "Ids": [', '          "a",', '          "b",', '          {"Ref": "Extra"}', '        ]'),
  },
  {
    name: 'an object item expanded like the file',
    uri: 't.json',
    src: cfnJ('        "Tags": [', '          {', '            "Key": "a",', '            "Value": "b"', '          }', '        ]'),
    op: append(['Properties', 'Tags'], { Key: 'Env', Value: '' }),
    out: cfnJ(
      '        "Tags": [',
      '          {',
      '            "Key": "a",',
      '            "Value": "b"',
      '          },',
      '          {',
      '            "Key": "Env",',
      '            "Value": ""',
      '          }',
      '        ]',
    ),
  },
  {
    name: 'an object item on one line when the last item is, with its brace spacing',
    uri: 't.json',
    src: cfnJ('        "Tags": [', '          { "Key": "a", "Value": "b" }', '        ]'),
    op: append(['Properties', 'Tags'], { Key: 'Env', Value: '' }),
    out: cfnJ('        "Tags": [', '          { "Key": "a", "Value": "b" },', '          { "Key": "Env", "Value": "" }', '        ]'),
  },
  {
    name: 'single-line arrays keep their separator',
    uri: 't.json',
    src: '{"Resources":{"P":{"Type":"AWS::IAM::Policy","Properties":{"Action":["s3:GetObject","s3:ListBucket"]}}}}',
    op: append(['Properties', 'Action'], 's3:PutObject'),
    out: '{"Resources":{"P":{"Type":"AWS::IAM::Policy","Properties":{"Action":["s3:GetObject","s3:ListBucket","s3:PutObject"]}}}}',
  },
  {
    name: 'a single-line array in a pretty file, two appends compose',
    uri: 't.json',
    src: cfnJ('        "Ids": ["a"]'),
    op: both(append(['Properties', 'Ids'], 'b'), append(['Properties', 'Ids'], 'c')),
    out: cfnJ('        "Ids": ["a", "b", "c"]'),
  },
  {
    name: 'two appends to a multi-line array compose',
    uri: 't.json',
    src: cfnJ('        "Ids": [', '          "a"', '        ]'),
    op: both(append(['Properties', 'Ids'], 'b'), append(['Properties', 'Ids'], 'c')),
    out: cfnJ('        "Ids": [', '          "a",', '          "b",', '          "c"', '        ]'),
  },
  {
    name: 'an empty array in a pretty file is expanded',
    uri: 't.json',
    src: cfnJ('        "Ids": []'),
    op: append(['Properties', 'Ids'], 'a'),
    out: cfnJ('        "Ids": [', '          "a"', '        ]'),
  },
  {
    name: 'an empty array in a single-line file',
    uri: 't.json',
    src: '{"Resources": {"Vol": {"Type": "AWS::EC2::Volume", "Properties": {"Tags": []}}}}',
    op: append(['Properties', 'Tags'], { Key: 'Env', Value: 'dev' }),
    out: '{"Resources": {"Vol": {"Type": "AWS::EC2::Volume", "Properties": {"Tags": [{"Key": "Env", "Value": "dev"}]}}}}',
  },
  {
    name: 'Terraform JSON: a variable reference',
    uri: 'main.tf.json',
    src: '{"resource": {"aws_security_group_rule": {"r": {"cidr_blocks": ["10.0.0.0/8"]}}}}',
    op: append(['cidr_blocks'], { $ref: { input: 'extra_cidr' } }),
    out: '{"resource": {"aws_security_group_rule": {"r": {"cidr_blocks": ["10.0.0.0/8", "${var.extra_cidr}"]}}}}',
  },
];

const hclRemove: Case[] = [
  {
    name: 'object over lines: the last element goes, a comment line above it stays',
    uri: 'main.tf',
    src: tf('  tags = {', '    Name = "b",', '    # who to call', '    Owner = "me"', '  }'),
    op: remove(['tags'], 'Owner'),
    out: tf('  tags = {', '    Name = "b"', '    # who to call', '  }'),
  },
  {
    name: 'object opened on the first element: a comment line after its comma stays',
    uri: 'main.tf',
    src: tf('  tags = { Name = "b",', '    # who to call', '    Owner = "me" }'),
    op: remove(['tags'], 'Name'),
    out: tf('  tags = { ', '    # who to call', '    Owner = "me" }'),
  },
  {
    name: 'a middle attribute',
    uri: 'main.tf',
    src: tf('  ami  = "x"', '  size = 8', '  type = "gp3"'),
    op: remove([], 'size'),
    out: tf('  ami  = "x"', '  type = "gp3"'),
  },
  {
    name: 'the last attribute with its trailing comment, the comment line above stays',
    uri: 'main.tf',
    src: tf('  ami = "x"', '  # legacy', '  associate_public_ip_address = true # why'),
    op: remove([], 'associate_public_ip_address'),
    out: tf('  ami = "x"', '  # legacy'),
  },
  {
    name: 'a comment before the attribute on its line goes with it',
    uri: 'main.tf',
    src: tf('  ami = "x"', '  /* legacy */ count = 1', '  type = "t3"'),
    op: remove([], 'count'),
    out: tf('  ami = "x"', '  type = "t3"'),
  },
  {
    name: 'a heredoc attribute',
    uri: 'main.tf',
    src: tf('  user_data = <<EOT', 'echo hi', 'EOT', '  ami = "x"'),
    op: remove([], 'user_data'),
    out: tf('  ami = "x"'),
  },
  {
    name: 'a nested block between blank lines: one blank line goes',
    uri: 'main.tf',
    src: tf(
      '  ami = "x"',
      '',
      '  ebs_block_device {',
      '    device_name = "/dev/sdb"',
      '  }',
      '',
      '  root_block_device {',
      '    encrypted = true',
      '  }',
    ),
    op: remove([], 'ebs_block_device'),
    out: tf('  ami = "x"', '', '  root_block_device {', '    encrypted = true', '  }'),
  },
  {
    name: 'the last nested block after a blank line: no blank line left before the brace',
    uri: 'main.tf',
    src: tf('  ami = "x"', '', '  ebs_block_device {', '    device_name = "/dev/sdb"', '  }'),
    op: remove([], 'ebs_block_device'),
    out: tf('  ami = "x"'),
  },
  {
    name: 'one of repeated blocks',
    uri: 'main.tf',
    src: lines('resource "aws_security_group" "s" {', '  ingress {', '    from_port = 22', '  }', '  ingress {', '    from_port = 443', '  }', '}'),
    op: (doc) => {
      const body = doc.resources[0]!.node;
      return writerFor(doc.format).removeProperty(doc, body, body.entries.filter((e) => e.key === 'ingress')[0]!);
    },
    out: lines('resource "aws_security_group" "s" {', '  ingress {', '    from_port = 443', '  }', '}'),
  },
  {
    name: 'the only attribute leaves the braces on their lines',
    uri: 'main.tf',
    src: tf('  ami = "x"'),
    op: remove([], 'ami'),
    out: lines('resource "aws_instance" "i" {', '}'),
  },
  {
    name: 'the only attribute of a one-line block leaves {}',
    uri: 'main.tf',
    src: 'resource "aws_instance" "i" { ami = "x" }\n',
    op: remove([], 'ami'),
    out: 'resource "aws_instance" "i" {}\n',
  },
  {
    name: 'CRLF',
    uri: 'main.tf',
    src: tf('  ami = "x"', '  size = 8').replace(/\n/g, '\r\n'),
    op: remove([], 'size'),
    out: tf('  ami = "x"').replace(/\n/g, '\r\n'),
  },
  {
    name: 'removing the last attribute and inserting one compose',
    uri: 'main.tf',
    src: tf('  ami = "x"', '  acl = "public-read"'),
    op: both(remove([], 'acl'), insert([], ['encrypted'], true)),
    // The insertion re-aligns the group as terraform fmt would; the removed line's re-alignment is dropped.
    out: tf('  ami       = "x"', '  encrypted = true'),
  },
  {
    name: 'object on one line: the first element with its comma',
    uri: 'main.tf',
    src: tf('  tags = { Name = "b", Owner = "me" }'),
    op: remove(['tags'], 'Name'),
    out: tf('  tags = { Owner = "me" }'),
  },
  {
    name: 'object on one line: the last element with the comma before it',
    uri: 'main.tf',
    src: tf('  tags = { Name = "b", Owner = "me" }'),
    op: remove(['tags'], 'Owner'),
    out: tf('  tags = { Name = "b" }'),
  },
  {
    name: 'object: the only element leaves {}',
    uri: 'main.tf',
    src: tf('  tags = { Name = "b" }'),
    op: remove(['tags'], 'Name'),
    out: tf('  tags = {}'),
  },
  {
    name: 'multi-line object without commas: first and last lines',
    uri: 'main.tf',
    src: tf('  tags = {', '    Name  = "b"', '    Team  = "core"', '    Owner = "me" # who', '  }'),
    op: both(remove(['tags'], 'Name'), remove(['tags'], 'Owner')),
    out: tf('  tags = {', '    Team  = "core"', '  }'),
  },
  {
    name: 'multi-line object with commas: the last element, the comment before it stays',
    uri: 'main.tf',
    src: tf('  tags = {', '    Name = "b", // the name', '    Team = "core"', '  }'),
    op: remove(['tags'], 'Team'),
    out: tf('  tags = {', '    Name = "b" // the name', '  }'),
  },
  {
    name: 'multi-line object with trailing commas',
    uri: 'main.tf',
    src: tf('  tags = {', '    Name = "b",', '    Team = "core",', '  }'),
    op: remove(['tags'], 'Team'),
    out: tf('  tags = {', '    Name = "b",', '  }'),
  },
];

const hclAppend: Case[] = [
  {
    name: 'a tuple on one line',
    uri: 'main.tf',
    src: tf('  vpc_security_group_ids = ["sg-1", aws_security_group.a.id]'),
    op: append(['vpc_security_group_ids'], { $ref: { resource: 'aws_security_group.b' } }),
    out: tf('  vpc_security_group_ids = ["sg-1", aws_security_group.a.id, aws_security_group.b.id]'),
  },
  {
    name: 'an empty tuple',
    uri: 'main.tf',
    src: tf('  vpc_security_group_ids = []'),
    op: append(['vpc_security_group_ids'], 'sg-1'),
    out: tf('  vpc_security_group_ids = ["sg-1"]'),
  },
  {
    name: 'a multi-line tuple with a trailing comma, an object item',
    uri: 'main.tf',
    src: tf('  rules = [', '    { port = 22 },', '  ]'),
    op: append(['rules'], { port: 443, 'cidr block': '10.0.0.0/8' }),
    out: tf('  rules = [', '    { port = 22 },', '    { port = 443, "cidr block" = "10.0.0.0/8" },', '  ]'),
  },
  {
    name: 'a multi-line tuple without a trailing comma; two appends compose',
    uri: 'main.tf',
    src: tf('  ids = [', '    "a",', '    "b"', '  ]'),
    op: both(append(['ids'], 'c'), append(['ids'], 'd')),
    out: tf('  ids = [', '    "a",', '    "b",', '    "c",', '    "d"', '  ]'),
  },
  {
    name: 'a comment after the last item stays on its line',
    uri: 'main.tf',
    src: tf('  ids = [', '    "a", // first', '    "b" # second', '  ]'),
    op: append(['ids'], 'c'),
    out: tf('  ids = [', '    "a", // first', '    "b", # second', '    "c"', '  ]'),
  },
];

describe('removeProperty and appendItem', () => {
  before(async () => {
    await initParsers();
  });
  describe('YAML removeProperty', () => {
    for (const c of yamlRemove) it(c.name, () => run(c));
  });
  describe('YAML appendItem', () => {
    for (const c of yamlAppend) it(c.name, () => run(c));
  });
  describe('JSON removeProperty', () => {
    for (const c of jsonRemove) it(c.name, () => run(c));
  });
  describe('JSON appendItem', () => {
    for (const c of jsonAppend) it(c.name, () => run(c));
  });
  describe('HCL removeProperty', () => {
    for (const c of hclRemove) it(c.name, () => run(c));
  });
  describe('HCL appendItem', () => {
    for (const c of hclAppend) it(c.name, () => run(c));
  });

  describe('edits that cannot compose are refused (overlap) rather than written broken', () => {
    const refused = (uri: string, src: string, op: Op): void => {
      assert.throws(() => applyEdits(src, op(parse(uri, src))), /overlapping/);
    };
    it('YAML: removing the only property and inserting another (`{}` would precede the new key)', () => {
      refused(
        't.yaml',
        cfnY('      Encrypted: false', '      # end'),
        both(remove(['Properties'], 'Encrypted'), insert(['Properties'], ['Size'], 8)),
      );
    });
    it('JSON: removing the last two members (they share a comma)', () => {
      refused('t.json', cfnJ('        "A": 1,', '        "B": 2,', '        "C": 3'), both(remove(['Properties'], 'B'), remove(['Properties'], 'C')));
    });
    it('JSON: removing the only member and inserting another', () => {
      refused('t.json', cfnJ('        "A": 1'), both(remove(['Properties'], 'A'), insert(['Properties'], ['B'], 2)));
    });
  });
});
