// Table tests for the JSON writer (CloudFormation and Terraform JSON): exact output text, and it re-parses cleanly.
import assert from 'node:assert/strict';
import type { FixValue } from '../../rules/api';
import { jsonWriter } from '../../server/src/edits/json-writer';
import type { TextEdit } from '../../server/src/edits/types';
import { applyEdits } from '../../server/src/engine/positions';
import type { IacDocument, ResourceNode } from '../../server/src/model/document';
import { entryOf, type IacNode, type MapNode } from '../../server/src/model/nodes';
import { parseCfnJson } from '../../server/src/parsers/cloudformation';
import { convertJson } from '../../server/src/parsers/cfn-json';

const j = (...lines: string[]): string => `${lines.join('\n')}\n`;

function parse(text: string): IacDocument {
  const doc = parseCfnJson('t.json', text);
  assert.ok(doc, 'expected a template');
  return doc;
}

/** A hand-made Terraform JSON document: the writer finds the root itself (Terraform documents carry none). */
function tfDoc(text: string): IacDocument {
  return { uri: 'main.tf.json', format: 'tf-json', family: 'terraform', text, resources: [], inputs: [], blocks: [], errors: [] };
}

/** As the engine applies a fix: identical edits once, overlapping edits rejected. */
const apply = (text: string, edits: TextEdit[]): string => applyEdits(text, edits);

function at(doc: IacDocument, name: string, path: Array<string | number>): IacNode {
  const r = doc.resources.find((x) => x.name === name);
  assert.ok(r, `resource ${name}`);
  let node: IacNode = r.node;
  for (const step of path) {
    if (typeof step === 'number') {
      assert.equal(node.kind, 'list');
      node = (node as Extract<IacNode, { kind: 'list' }>).items[step]!;
    } else {
      assert.equal(node.kind, 'map', `map at ${step}`);
      const e = entryOf(node as MapNode, step);
      assert.ok(e, `key ${step}`);
      node = e.value;
    }
  }
  return node;
}

type Op = (doc: IacDocument) => TextEdit[];
const insert =
  (name: string, mapPath: Array<string | number>, path: string[], value: FixValue): Op =>
  (doc) =>
    jsonWriter.insertProperty(doc, at(doc, name, mapPath) as MapNode, path, value);
const replace =
  (name: string, path: Array<string | number>, value: FixValue): Op =>
  (doc) =>
    jsonWriter.replaceValue(doc, at(doc, name, path), value);
const declare: Op = (doc) => jsonWriter.declareInput(doc, { name: 'AllowedSshCidr', type: 'string', description: 'SSH CIDR' });

interface Case {
  name: string;
  input: string;
  op: Op;
  expected: string;
  tf?: boolean;
}

const pretty2 = j(
  '{',
  '  "Resources": {',
  '    "Vol": {',
  '      "Type": "AWS::EC2::Volume",',
  '      "Properties": {',
  '        "Size": 8',
  '      }',
  '    }',
  '  }',
  '}',
);

const cases: Case[] = [
  {
    name: 'insert after the last member, 2 spaces',
    input: pretty2,
    op: insert('Vol', ['Properties'], ['Encrypted'], true),
    expected: pretty2.replace('"Size": 8', '"Size": 8,\n        "Encrypted": true'),
  },
  {
    name: 'nested path, 4 spaces',
    input: pretty2.replace(/^( +)/gm, '$1$1'),
    op: insert('Vol', ['Properties'], ['VersioningConfiguration', 'Status'], 'Enabled'),
    expected: pretty2
      .replace(/^( +)/gm, '$1$1')
      .replace('"Size": 8', '"Size": 8,\n                "VersioningConfiguration": {\n                    "Status": "Enabled"\n                }'),
  },
  {
    name: 'missing Properties',
    input: j('{', '  "Resources": {', '    "Vol": {', '      "Type": "AWS::EC2::Volume"', '    }', '  }', '}'),
    op: insert('Vol', [], ['Properties', 'Encrypted'], true),
    expected: j(
      '{',
      '  "Resources": {',
      '    "Vol": {',
      '      "Type": "AWS::EC2::Volume",',
      '      "Properties": {',
      '        "Encrypted": true',
      '      }',
      '    }',
      '  }',
      '}',
    ),
  },
  {
    name: 'single-line compact file stays compact',
    input: '{"Resources":{"Db":{"Type":"AWS::RDS::DBInstance","Properties":{"Engine":"mysql","Port":1}}}}',
    op: insert('Db', ['Properties'], ['Tags'], [{ Key: 'a', Value: { $ref: { resource: 'B', attr: 'Arn' } } }]),
    expected:
      '{"Resources":{"Db":{"Type":"AWS::RDS::DBInstance","Properties":{"Engine":"mysql","Port":1,"Tags":[{"Key":"a","Value":{"Fn::GetAtt":["B","Arn"]}}]}}}}',
  },
  {
    name: 'single-line spaced object in a pretty file',
    input: j(
      '{',
      '  "Resources": {',
      '    "Db": {',
      '      "Type": "AWS::RDS::DBInstance",',
      '      "Properties": { "Engine": "mysql" }',
      '    }',
      '  }',
      '}',
    ),
    op: insert('Db', ['Properties'], ['StorageEncrypted'], true),
    expected: j(
      '{',
      '  "Resources": {',
      '    "Db": {',
      '      "Type": "AWS::RDS::DBInstance",',
      '      "Properties": { "Engine": "mysql", "StorageEncrypted": true }',
      '    }',
      '  }',
      '}',
    ),
  },
  {
    name: 'empty object in a pretty file',
    input: j('{', '  "Resources": {', '    "Vol": {', '      "Type": "AWS::EC2::Volume",', '      "Properties": {}', '    }', '  }', '}'),
    op: insert('Vol', ['Properties'], ['Encrypted'], true),
    expected: j(
      '{',
      '  "Resources": {',
      '    "Vol": {',
      '      "Type": "AWS::EC2::Volume",',
      '      "Properties": {',
      '        "Encrypted": true',
      '      }',
      '    }',
      '  }',
      '}',
    ),
  },
  {
    name: 'empty object in a single-line file',
    input: '{"Resources": {"Vol": {"Type": "AWS::EC2::Volume", "Properties": {}}}}',
    op: insert('Vol', ['Properties'], ['Encrypted'], true),
    expected: '{"Resources": {"Vol": {"Type": "AWS::EC2::Volume", "Properties": {"Encrypted": true}}}}',
  },
  {
    name: 'two insertions into one object compose',
    input: pretty2,
    op: (doc) => [...insert('Vol', ['Properties'], ['Encrypted'], true)(doc), ...insert('Vol', ['Properties'], ['KmsKeyId'], 'alias/aws/ebs')(doc)],
    expected: pretty2.replace('"Size": 8', '"Size": 8,\n        "Encrypted": true,\n        "KmsKeyId": "alias/aws/ebs"'),
  },
  {
    name: 'CRLF',
    input: pretty2.replace(/\n/g, '\r\n'),
    op: insert('Vol', ['Properties'], ['Encrypted'], true),
    expected: pretty2.replace('"Size": 8', '"Size": 8,\n        "Encrypted": true').replace(/\n/g, '\r\n'),
  },
  {
    name: 'replace a scalar',
    input: pretty2,
    op: replace('Vol', ['Properties', 'Size'], 'big'),
    expected: pretty2.replace('"Size": 8', '"Size": "big"'),
  },
  {
    name: 'replace with an input ref',
    input: pretty2,
    op: replace('Vol', ['Properties', 'Size'], { $ref: { input: 'VolSize' } }),
    expected: pretty2.replace('"Size": 8', '"Size": {"Ref": "VolSize"}'),
  },
  {
    name: 'replace a scalar with a map, pretty',
    input: pretty2,
    op: replace('Vol', ['Properties', 'Size'], { A: true }),
    expected: pretty2.replace('"Size": 8', '"Size": {\n          "A": true\n        }'),
  },
  {
    name: 'replace a list item in a one-line list',
    input: j('{"Resources": {"P": {"Type": "AWS::IAM::Policy",', '  "Properties": {"Action": ["s3:GetObject", "*"]}}}}'),
    op: replace('P', ['Properties', 'Action', 1], 's3:PutObject'),
    expected: j('{"Resources": {"P": {"Type": "AWS::IAM::Policy",', '  "Properties": {"Action": ["s3:GetObject", "s3:PutObject"]}}}}'),
  },
  {
    name: 'declareInput creates Parameters before Resources',
    input: j('{', '    "AWSTemplateFormatVersion": "2010-09-09",', '    "Resources": {', '        "B": {"Type": "AWS::S3::Bucket"}', '    }', '}'),
    op: declare,
    expected: j(
      '{',
      '    "AWSTemplateFormatVersion": "2010-09-09",',
      '    "Parameters": {',
      '        "AllowedSshCidr": {',
      '            "Type": "String",',
      '            "Description": "SSH CIDR"',
      '        }',
      '    },',
      '    "Resources": {',
      '        "B": {"Type": "AWS::S3::Bucket"}',
      '    }',
      '}',
    ),
  },
  {
    name: 'declareInput creates Parameters in a single-line file',
    input: '{"Resources":{"B":{"Type":"AWS::S3::Bucket"}}}',
    op: declare,
    expected: '{"Parameters":{"AllowedSshCidr":{"Type":"String","Description":"SSH CIDR"}},"Resources":{"B":{"Type":"AWS::S3::Bucket"}}}',
  },
  {
    name: 'declareInput appends to Parameters',
    input: j('{', '  "Parameters": {', '    "Env": {"Type": "String"}', '  },', '  "Resources": {"B": {"Type": "AWS::S3::Bucket"}}', '}'),
    op: declare,
    expected: j(
      '{',
      '  "Parameters": {',
      '    "Env": {"Type": "String"},',
      '    "AllowedSshCidr": {',
      '      "Type": "String",',
      '      "Description": "SSH CIDR"',
      '    }',
      '  },',
      '  "Resources": {"B": {"Type": "AWS::S3::Bucket"}}',
      '}',
    ),
  },
  {
    name: 'declareInput of an existing parameter does nothing',
    input: '{"Parameters": {"AllowedSshCidr": {"Type": "String"}}, "Resources": {"B": {"Type": "AWS::S3::Bucket"}}}',
    op: declare,
    expected: '{"Parameters": {"AllowedSshCidr": {"Type": "String"}}, "Resources": {"B": {"Type": "AWS::S3::Bucket"}}}',
  },
  {
    name: 'insertResource right after its companion',
    input: j(
      '{',
      '  "Resources": {',
      '    "Bucket": {',
      '      "Type": "AWS::S3::Bucket"',
      '    },',
      '    "Topic": {',
      '      "Type": "AWS::SNS::Topic"',
      '    }',
      '  }',
      '}',
    ),
    op: (doc) =>
      jsonWriter.insertResource(doc, doc.resources[0]!, {
        type: 'AWS::S3::BucketPolicy',
        name: 'BucketPolicy',
        body: { Bucket: { $ref: { resource: 'Bucket' } }, Actions: ['s3:*'] },
      }),
    expected: j(
      '{',
      '  "Resources": {',
      '    "Bucket": {',
      '      "Type": "AWS::S3::Bucket"',
      '    },',
      '    "BucketPolicy": {',
      '      "Type": "AWS::S3::BucketPolicy",',
      '      "Properties": {',
      '        "Bucket": {"Ref": "Bucket"},',
      '        "Actions": [',
      '          "s3:*"',
      '        ]',
      '      }',
      '    },',
      '    "Topic": {',
      '      "Type": "AWS::SNS::Topic"',
      '    }',
      '  }',
      '}',
    ),
  },
];

/** A security group ingress in a file that writes its one-line objects with spaces inside the braces. */
const spacedRefs = (cidr: string): string =>
  j(
    '{',
    '  "Resources": {',
    '    "Sg": {',
    '      "Type": "AWS::EC2::SecurityGroupIngress",',
    '      "Properties": {',
    '        "GroupId": { "Ref": "Group" },',
    `        "CidrIp": ${cidr},`,
    '        "IpProtocol": "tcp"',
    '      }',
    '    }',
    '  }',
    '}',
  );

const braceCases: Case[] = [
  {
    name: 'a replacing reference follows the file\'s `{ "Ref": "X" }` spacing',
    input: spacedRefs('"0.0.0.0/0"'),
    op: replace('Sg', ['Properties', 'CidrIp'], { $ref: { input: 'AllowedRdpCidr' } }),
    expected: spacedRefs('{ "Ref": "AllowedRdpCidr" }'),
  },
  {
    name: 'an inserted GetAtt and inline object follow it too',
    input: spacedRefs('"0.0.0.0/0"'),
    op: (doc) => [
      ...insert('Sg', ['Properties'], ['SourceSecurityGroupId'], { $ref: { resource: 'Other', attr: 'GroupId' } })(doc),
      ...insert('Sg', ['Properties'], ['Tags'], [{ Key: 'a', Value: 'b' }])(doc),
    ],
    expected: spacedRefs('"0.0.0.0/0"').replace(
      '"IpProtocol": "tcp"',
      '"IpProtocol": "tcp",\n        "SourceSecurityGroupId": { "Fn::GetAtt": ["Other", "GroupId"] },' +
        '\n        "Tags": [\n          {\n            "Key": "a",\n            "Value": "b"\n          }\n        ]',
    ),
  },
  {
    name: 'the nearest one-line object decides (same line first)',
    input: j(
      '{',
      '  "Resources": {',
      '    "A": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Ref": "N"}}},',
      '    "Sg": {',
      '      "Type": "AWS::EC2::SecurityGroupIngress",',
      '      "Properties": { "GroupId": { "Ref": "Group" }, "CidrIp": "0.0.0.0/0" }',
      '    }',
      '  }',
      '}',
    ),
    op: replace('Sg', ['Properties', 'CidrIp'], { $ref: { input: 'AllowedRdpCidr' } }),
    expected: j(
      '{',
      '  "Resources": {',
      '    "A": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Ref": "N"}}},',
      '    "Sg": {',
      '      "Type": "AWS::EC2::SecurityGroupIngress",',
      '      "Properties": { "GroupId": { "Ref": "Group" }, "CidrIp": { "Ref": "AllowedRdpCidr" } }',
      '    }',
      '  }',
      '}',
    ),
  },
  {
    name: 'compact one-line objects elsewhere keep references compact',
    input: j(
      '{',
      '  "Resources": {',
      '    "A": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Ref": "N"}}},',
      '    "Sg": {',
      '      "Type": "AWS::EC2::SecurityGroupIngress",',
      '      "Properties": {',
      '        "CidrIp": "0.0.0.0/0"',
      '      }',
      '    }',
      '  }',
      '}',
    ),
    op: replace('Sg', ['Properties', 'CidrIp'], { $ref: { input: 'AllowedRdpCidr' } }),
    expected: j(
      '{',
      '  "Resources": {',
      '    "A": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Ref": "N"}}},',
      '    "Sg": {',
      '      "Type": "AWS::EC2::SecurityGroupIngress",',
      '      "Properties": {',
      '        "CidrIp": {"Ref": "AllowedRdpCidr"}',
      '      }',
      '    }',
      '  }',
      '}',
    ),
  },
];

const tfResource = (type: string, name: string): ResourceNode => ({
  kind: 'resource',
  type,
  name,
  address: `${type}.${name}`,
  headerRange: { start: 0, end: 0 },
  range: { start: 0, end: 0 },
  node: { kind: 'map', entries: [], style: 'flow', range: { start: 0, end: 0 } },
  propsPath: [],
});
const versioning = (doc: IacDocument): TextEdit[] =>
  jsonWriter.insertResource(doc, tfResource('aws_s3_bucket', 'b'), {
    type: 'aws_s3_bucket_versioning',
    name: 'b',
    body: { bucket: { $ref: { resource: 'aws_s3_bucket.b' } }, versioning_configuration: { status: 'Enabled' } },
  });
const tfDeclare: Op = (doc) => jsonWriter.declareInput(doc, { name: 'allowed_ssh_cidr', type: 'string', description: 'SSH CIDR' });

const tfCases: Case[] = [
  {
    name: 'tf-json declareInput creates "variable"',
    input: j('{', '  "resource": {', '    "aws_s3_bucket": {', '      "b": {}', '    }', '  }', '}'),
    op: tfDeclare,
    expected: j(
      '{',
      '  "resource": {',
      '    "aws_s3_bucket": {',
      '      "b": {}',
      '    }',
      '  },',
      '  "variable": {',
      '    "allowed_ssh_cidr": {',
      '      "type": "string",',
      '      "description": "SSH CIDR"',
      '    }',
      '  }',
      '}',
    ),
  },
  {
    name: 'tf-json declareInput merges into "variable", single-line',
    input: '{"variable": {"env": {}}, "resource": {}}',
    op: tfDeclare,
    expected: '{"variable": {"env": {}, "allowed_ssh_cidr": {"type": "string", "description": "SSH CIDR"}}, "resource": {}}',
  },
  {
    name: 'tf-json declareInput of an existing variable does nothing',
    input: '{"variable": {"allowed_ssh_cidr": {}}}',
    op: tfDeclare,
    expected: '{"variable": {"allowed_ssh_cidr": {}}}',
  },
  {
    name: 'tf-json insertResource creates the type object after the companion type',
    input: j('{', '  "resource": {', '    "aws_s3_bucket": {', '      "b": {"bucket": "x"}', '    },', '    "aws_sns_topic": {}', '  }', '}'),
    op: versioning,
    expected: j(
      '{',
      '  "resource": {',
      '    "aws_s3_bucket": {',
      '      "b": {"bucket": "x"}',
      '    },',
      '    "aws_s3_bucket_versioning": {',
      '      "b": {',
      '        "bucket": "${aws_s3_bucket.b.id}",',
      '        "versioning_configuration": {',
      '          "status": "Enabled"',
      '        }',
      '      }',
      '    },',
      '    "aws_sns_topic": {}',
      '  }',
      '}',
    ),
  },
  {
    name: 'tf-json insertResource into an existing type object, single-line',
    input: '{"resource":{"aws_s3_bucket":{"b":{}},"aws_s3_bucket_versioning":{"other":{}}}}',
    op: versioning,
    expected:
      '{"resource":{"aws_s3_bucket":{"b":{}},"aws_s3_bucket_versioning":{"other":{},"b":{"bucket":"${aws_s3_bucket.b.id}","versioning_configuration":{"status":"Enabled"}}}}}',
  },
  {
    name: 'tf-json replaceValue with a variable reference',
    input: '{"resource": {"aws_security_group_rule": {"r": {"cidr_blocks": ["0.0.0.0/0"]}}}}',
    op: (doc) => {
      const root = convertJson(doc.text).root as MapNode;
      const list = (((root.entries[0]!.value as MapNode).entries[0]!.value as MapNode).entries[0]!.value as MapNode).entries[0]!.value;
      assert.equal(list.kind, 'list');
      return jsonWriter.replaceValue(doc, list.items[0]!, { $ref: { input: 'allowed_ssh_cidr' } });
    },
    expected: '{"resource": {"aws_security_group_rule": {"r": {"cidr_blocks": ["${var.allowed_ssh_cidr}"]}}}}',
  },
];

describe('jsonWriter', () => {
  for (const c of cases) {
    it(c.name, () => {
      const out = apply(c.input, c.op(parse(c.input)));
      assert.equal(out, c.expected);
      assert.deepEqual(parse(out).errors, []);
    });
  }
  describe('brace spacing of inline objects', () => {
    for (const c of braceCases) {
      it(c.name, () => {
        const out = apply(c.input, c.op(parse(c.input)));
        assert.equal(out, c.expected);
        assert.deepEqual(parse(out).errors, []);
      });
    }
  });
  for (const c of tfCases) {
    it(c.name, () => {
      const out = apply(c.input, c.op(tfDoc(c.input)));
      assert.equal(out, c.expected);
      assert.deepEqual(convertJson(out).errors, []);
    });
  }
  it('makes two insertions into one empty object overlap, so the engine refuses rather than drop a comma', () => {
    const text = '{"Resources": {"R": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {}}}}';
    const doc = parse(text);
    const edits = [...insert('R', ['Properties'], ['A'], true)(doc), ...insert('R', ['Properties'], ['B'], true)(doc)];
    assert.throws(() => applyEdits(text, edits), /overlapping/);
  });
  it('has no line comments (JSON has no comments)', () => {
    assert.equal(jsonWriter.insertLineComment, undefined);
  });
});
