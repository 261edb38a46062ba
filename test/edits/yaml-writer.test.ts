// Table tests for the CloudFormation YAML writer: exact output text, and the output re-parses cleanly.
import assert from 'node:assert/strict';
import type { FixValue } from '../../rules/api';
import type { TextEdit } from '../../server/src/edits/types';
import { applyEdits } from '../../server/src/engine/positions';
import { yamlWriter } from '../../server/src/edits/yaml-writer';
import type { IacDocument } from '../../server/src/model/document';
import { entryOf, type IacNode, type MapNode } from '../../server/src/model/nodes';
import { parseCfnYaml } from '../../server/src/parsers/cloudformation';

const y = (...lines: string[]): string => `${lines.join('\n')}\n`;

function parse(text: string): IacDocument {
  const doc = parseCfnYaml('t.yaml', text);
  assert.ok(doc, 'expected a template');
  return doc;
}

/** As the engine applies a fix: identical edits once, overlapping edits rejected. */
const apply = (text: string, edits: TextEdit[]): string => applyEdits(text, edits);

/** The node at `path` under resource `name` (path through map keys, numbers index lists). */
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
      const e = entryOf(node as Extract<IacNode, { kind: 'map' }>, step);
      assert.ok(e, `key ${step}`);
      node = e.value;
    }
  }
  return node;
}

type Op = (doc: IacDocument) => TextEdit[];
const insert =
  (name: string, mapPath: Array<string | number>, path: string[], value: FixValue): Op =>
  (doc) => {
    const map = at(doc, name, mapPath);
    assert.equal(map.kind, 'map');
    return yamlWriter.insertProperty(doc, map as Extract<IacNode, { kind: 'map' }>, path, value);
  };
const replace =
  (name: string, path: Array<string | number>, value: FixValue): Op =>
  (doc) =>
    yamlWriter.replaceValue(doc, at(doc, name, path), value);

interface Case {
  name: string;
  input: string;
  op: Op;
  expected: string;
}

const bucket = y('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties:', '      Size: 8');

const cases: Case[] = [
  {
    name: 'insert into a block map after its last entry',
    input: bucket,
    op: insert('Vol', ['Properties'], ['Encrypted'], true),
    expected: y('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties:', '      Size: 8', '      Encrypted: true'),
  },
  {
    name: 'insert a nested path as block maps',
    input: y('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:', '      BucketName: b'),
    op: insert('B', ['Properties'], ['VersioningConfiguration', 'Status'], 'Enabled'),
    expected: y(
      'Resources:',
      '  B:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketName: b',
      '      VersioningConfiguration:',
      '        Status: Enabled',
    ),
  },
  {
    name: 'create a missing Properties',
    input: y('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    DeletionPolicy: Retain', 'Outputs: {}'),
    op: insert('Vol', [], ['Properties', 'Encrypted'], true),
    expected: y(
      'Resources:',
      '  Vol:',
      '    Type: AWS::EC2::Volume',
      '    DeletionPolicy: Retain',
      '    Properties:',
      '      Encrypted: true',
      'Outputs: {}',
    ),
  },
  {
    name: 'insert into a padded flow map, nested value in flow style',
    input: y('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties: { BucketName: b }'),
    op: insert('B', ['Properties'], ['VersioningConfiguration', 'Status'], 'Enabled'),
    expected: y('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties: { BucketName: b, VersioningConfiguration: { Status: Enabled } }'),
  },
  {
    name: 'insert into a compact flow map keeps its separators',
    input: y('Resources:', '  Db:', '    Type: AWS::RDS::DBInstance', '    Properties: {Engine: mysql,Port: 3306}'),
    op: insert('Db', ['Properties'], ['StorageEncrypted'], true),
    expected: y('Resources:', '  Db:', '    Type: AWS::RDS::DBInstance', '    Properties: {Engine: mysql,Port: 3306,StorageEncrypted: true}'),
  },
  {
    name: 'an empty flow map under a block key becomes a block map',
    input: y('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties: {} # none yet', '  Next:', '    Type: AWS::SNS::Topic'),
    op: insert('Vol', ['Properties'], ['Encrypted'], true),
    expected: y(
      'Resources:',
      '  Vol:',
      '    Type: AWS::EC2::Volume',
      '    Properties: # none yet',
      '      Encrypted: true',
      '  Next:',
      '    Type: AWS::SNS::Topic',
    ),
  },
  {
    name: 'an empty flow map inside a flow collection stays flow',
    input: y('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties: { Tags: [{}] }'),
    op: (doc) => yamlWriter.insertProperty(doc, (at(doc, 'Vol', ['Properties', 'Tags']) as { items: IacNode[] }).items[0] as MapNode, ['Key'], 'k'),
    expected: y('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties: { Tags: [{ Key: k }] }'),
  },
  {
    name: 'two insertions compose when they create the same parent (missing Properties)',
    input: y('Resources:', '  R:', '    Type: AWS::ElastiCache::ReplicationGroup'),
    op: (doc) => [
      ...insert('R', [], ['Properties', 'AtRestEncryptionEnabled'], true)(doc),
      ...insert('R', [], ['Properties', 'TransitEncryptionEnabled'], true)(doc),
    ],
    expected: y(
      'Resources:',
      '  R:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      AtRestEncryptionEnabled: true',
      '      TransitEncryptionEnabled: true',
    ),
  },
  {
    name: 'two nested insertions under one new parent compose',
    input: y('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties: {}'),
    op: (doc) => [
      ...insert('B', ['Properties'], ['PublicAccessBlockConfiguration', 'BlockPublicAcls'], true)(doc),
      ...insert('B', ['Properties'], ['PublicAccessBlockConfiguration', 'BlockPublicPolicy'], true)(doc),
    ],
    expected: y(
      'Resources:',
      '  B:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      PublicAccessBlockConfiguration:',
      '        BlockPublicAcls: true',
      '        BlockPublicPolicy: true',
    ),
  },
  {
    name: 'two insertions into a flow map compose',
    input: y('Resources:', '  R:', '    Type: AWS::ElastiCache::ReplicationGroup', '    Properties: { Engine: redis }'),
    op: (doc) => [
      ...insert('R', ['Properties'], ['AtRestEncryptionEnabled'], true)(doc),
      ...insert('R', ['Properties'], ['TransitEncryptionEnabled'], true)(doc),
    ],
    expected: y(
      'Resources:',
      '  R:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties: { Engine: redis, AtRestEncryptionEnabled: true, TransitEncryptionEnabled: true }',
    ),
  },
  {
    name: 'insert into a multi-line flow map',
    input: y('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties: {', '      Size: 8', '    }'),
    op: insert('Vol', ['Properties'], ['Encrypted'], true),
    expected: y('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties: {', '      Size: 8,', '      Encrypted: true', '    }'),
  },
  {
    name: 'CRLF line endings are kept',
    input: bucket.replace(/\n/g, '\r\n'),
    op: insert('Vol', [], ['DeletionPolicy'], 'Snapshot'),
    expected: y('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties:', '      Size: 8', '    DeletionPolicy: Snapshot').replace(
      /\n/g,
      '\r\n',
    ),
  },
  {
    name: 'comments stay where they are (same-line and the next line)',
    input: y(
      'Resources:',
      '  Vol:',
      '    Type: AWS::EC2::Volume',
      '    Properties:',
      '      Size: 8 # GiB',
      '  # the next one',
      '  Other:',
      '    Type: AWS::SNS::Topic',
    ),
    op: insert('Vol', ['Properties'], ['Encrypted'], true),
    expected: y(
      'Resources:',
      '  Vol:',
      '    Type: AWS::EC2::Volume',
      '    Properties:',
      '      Size: 8 # GiB',
      '      Encrypted: true',
      '  # the next one',
      '  Other:',
      '    Type: AWS::SNS::Topic',
    ),
  },
  {
    name: '4-space indentation',
    input: y('Resources:', '    B:', '        Type: AWS::S3::Bucket', '        Properties:', '            BucketName: b'),
    op: insert('B', ['Properties'], ['VersioningConfiguration', 'Status'], 'Enabled'),
    expected: y(
      'Resources:',
      '    B:',
      '        Type: AWS::S3::Bucket',
      '        Properties:',
      '            BucketName: b',
      '            VersioningConfiguration:',
      '                Status: Enabled',
    ),
  },
  {
    name: '4-space indentation when Properties is missing',
    input: y('Resources:', '    Vol:', '        Type: AWS::EC2::Volume'),
    op: insert('Vol', [], ['Properties', 'Encrypted'], true),
    expected: y('Resources:', '    Vol:', '        Type: AWS::EC2::Volume', '        Properties:', '            Encrypted: true'),
  },
  {
    name: 'after a multi-line last value (block list, block scalar)',
    input: y(
      'Resources:',
      '  Fn:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Layers:',
      '        - a',
      '        - b',
      '      Code:',
      '        ZipFile: |',
      '          print(1)',
      '',
      '  Next:',
      '    Type: AWS::SNS::Topic',
    ),
    op: insert('Fn', [], ['Metadata', 'Owner'], 'me'),
    expected: y(
      'Resources:',
      '  Fn:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Layers:',
      '        - a',
      '        - b',
      '      Code:',
      '        ZipFile: |',
      '          print(1)',
      '    Metadata:',
      '      Owner: me',
      '',
      '  Next:',
      '    Type: AWS::SNS::Topic',
    ),
  },
  {
    name: 'into a list item map, lists as block sequences',
    input: y(
      'Resources:',
      '  I:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      BlockDeviceMappings:',
      '        - DeviceName: /dev/sda1',
      '          Ebs:',
      '            VolumeSize: 8',
    ),
    op: insert('I', ['Properties', 'BlockDeviceMappings', 0, 'Ebs'], ['Encrypted'], true),
    expected: y(
      'Resources:',
      '  I:',
      '    Type: AWS::EC2::Instance',
      '    Properties:',
      '      BlockDeviceMappings:',
      '        - DeviceName: /dev/sda1',
      '          Ebs:',
      '            VolumeSize: 8',
      '            Encrypted: true',
    ),
  },
  {
    name: 'a list of maps with refs and strings needing quotes',
    input: bucket,
    op: insert(
      'Vol',
      ['Properties'],
      ['Tags'],
      [
        { Key: 'a:b', Value: { $ref: { input: 'Env' } } },
        { Key: 'yes', Value: '*' },
      ],
    ),
    expected: y(
      'Resources:',
      '  Vol:',
      '    Type: AWS::EC2::Volume',
      '    Properties:',
      '      Size: 8',
      '      Tags:',
      '        - Key: a:b',
      '          Value: !Ref Env',
      '        - Key: "yes"',
      '          Value: "*"',
    ),
  },
  {
    name: 'text without a final newline',
    input: bucket.trimEnd(),
    op: insert('Vol', ['Properties'], ['Encrypted'], true),
    expected: y('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties:', '      Size: 8', '      Encrypted: true').trimEnd(),
  },
];

const sg = (value: string): string =>
  y('Resources:', '  Sg:', '    Type: AWS::EC2::SecurityGroupIngress', '    Properties:', `      CidrIp: ${value}`, '      IpProtocol: tcp');
const replaceCases: Case[] = [
  { name: 'single quotes kept', input: sg("'0.0.0.0/0'"), op: replace('Sg', ['Properties', 'CidrIp'], '10.0.0.0/8'), expected: sg("'10.0.0.0/8'") },
  { name: 'double quotes kept', input: sg('"0.0.0.0/0"'), op: replace('Sg', ['Properties', 'CidrIp'], '10.0.0.0/8'), expected: sg('"10.0.0.0/8"') },
  { name: 'plain kept', input: sg('0.0.0.0/0'), op: replace('Sg', ['Properties', 'CidrIp'], '10.0.0.0/8'), expected: sg('10.0.0.0/8') },
  { name: 'plain that needs quoting', input: sg('x'), op: replace('Sg', ['Properties', 'CidrIp'], '*'), expected: sg('"*"') },
  { name: 'yes is quoted', input: sg('x'), op: replace('Sg', ['Properties', 'CidrIp'], 'yes'), expected: sg('"yes"') },
  { name: 'numeric string is quoted', input: sg('x'), op: replace('Sg', ['Properties', 'CidrIp'], '8080'), expected: sg('"8080"') },
  { name: 'a quoted "false" becomes plain true', input: sg('"false"'), op: replace('Sg', ['Properties', 'CidrIp'], true), expected: sg('true') },
  {
    name: 'input ref',
    input: sg("'0.0.0.0/0'"),
    op: replace('Sg', ['Properties', 'CidrIp'], { $ref: { input: 'AllowedSshCidr' } }),
    expected: sg('!Ref AllowedSshCidr'),
  },
  {
    name: 'resource attribute ref',
    input: sg('x'),
    op: replace('Sg', ['Properties', 'CidrIp'], { $ref: { resource: 'Vpc', attr: 'CidrBlock' } }),
    expected: sg('!GetAtt Vpc.CidrBlock'),
  },
  {
    name: 'an intrinsic replaced whole',
    input: sg('!Sub "${A}"'),
    op: replace('Sg', ['Properties', 'CidrIp'], '10.0.0.0/8'),
    expected: sg('10.0.0.0/8'),
  },
  { name: 'a scalar replaced by a map goes flow', input: sg('x'), op: replace('Sg', ['Properties', 'CidrIp'], { A: 1 }), expected: sg('{ A: 1 }') },
  {
    name: 'a block map replaced by a block map',
    input: y(
      'Resources:',
      '  B:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      VersioningConfiguration:',
      '        Status: Suspended',
      '        Other: x',
      '      BucketName: b',
    ),
    op: replace('B', ['Properties', 'VersioningConfiguration'], { Status: 'Enabled', MfaDelete: 'Disabled' }),
    expected: y(
      'Resources:',
      '  B:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      VersioningConfiguration:',
      '        Status: Enabled',
      '        MfaDelete: Disabled',
      '      BucketName: b',
    ),
  },
  {
    name: 'an empty value filled with a block map',
    input: y('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties:', 'Outputs: {}'),
    op: replace('Vol', ['Properties'], { Encrypted: true }),
    expected: y('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties:', '      Encrypted: true', 'Outputs: {}'),
  },
  {
    name: 'a block map replaced by a scalar goes after the key',
    input: y('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:', '      Acl:', '        a: 1', '      BucketName: b'),
    op: replace('B', ['Properties', 'Acl'], 'Private'),
    expected: y('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:', '      Acl: Private', '      BucketName: b'),
  },
  {
    name: 'a list flush with its key replaced by a map is indented under the key',
    input: y('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:', '      Rules:', '      - a', '      - b', '      BucketName: b'),
    op: replace('B', ['Properties', 'Rules'], { Status: 'Enabled' }),
    expected: y(
      'Resources:',
      '  B:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      Rules:',
      '        Status: Enabled',
      '      BucketName: b',
    ),
  },
  {
    name: 'an empty value with a comment keeps the comment on the key line',
    input: y('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties: # todo'),
    op: replace('Vol', ['Properties'], { Encrypted: true }),
    expected: y('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties: # todo', '      Encrypted: true'),
  },
  {
    name: 'a list item',
    input: y('Resources:', '  P:', '    Type: AWS::IAM::Policy', '    Properties:', '      Actions: [s3:GetObject, "*"]'),
    op: replace('P', ['Properties', 'Actions', 1], 's3:PutObject'),
    expected: y('Resources:', '  P:', '    Type: AWS::IAM::Policy', '    Properties:', '      Actions: [s3:GetObject, "s3:PutObject"]'),
  },
];

const input = { name: 'AllowedSshCidr', type: 'string' as const, description: 'CIDR allowed to reach SSH' };
const declare: Op = (doc) => yamlWriter.declareInput(doc, input);
const companion: Op = (doc) =>
  yamlWriter.insertResource(doc, doc.resources[0]!, {
    type: 'AWS::S3::BucketPolicy',
    name: 'BucketPolicy',
    body: { Bucket: { $ref: { resource: 'Bucket' } }, PolicyDocument: { Statement: [{ Effect: 'Deny', Action: 's3:*' }] } },
  });
const otherCases: Case[] = [
  {
    name: 'declareInput creates Parameters before Resources (and its heading comment), keeping the blank line',
    input: y('AWSTemplateFormatVersion: "2010-09-09"', '', '# the resources', 'Resources:', '  B:', '    Type: AWS::S3::Bucket'),
    op: declare,
    expected: y(
      'AWSTemplateFormatVersion: "2010-09-09"',
      '',
      'Parameters:',
      '  AllowedSshCidr:',
      '    Type: String',
      '    Description: CIDR allowed to reach SSH',
      '',
      '# the resources',
      'Resources:',
      '  B:',
      '    Type: AWS::S3::Bucket',
    ),
  },
  {
    name: 'declareInput at the top of a file, 4-space indentation, CRLF',
    input: y('Resources:', '    B:', '        Type: AWS::S3::Bucket').replace(/\n/g, '\r\n'),
    op: declare,
    expected: y(
      'Parameters:',
      '    AllowedSshCidr:',
      '        Type: String',
      '        Description: CIDR allowed to reach SSH',
      'Resources:',
      '    B:',
      '        Type: AWS::S3::Bucket',
    ).replace(/\n/g, '\r\n'),
  },
  {
    name: 'declareInput appends to Parameters',
    input: y('Parameters:', '  Env:', '    Type: String', '    Default: dev', 'Resources:', '  B:', '    Type: AWS::S3::Bucket'),
    op: declare,
    expected: y(
      'Parameters:',
      '  Env:',
      '    Type: String',
      '    Default: dev',
      '  AllowedSshCidr:',
      '    Type: String',
      '    Description: CIDR allowed to reach SSH',
      'Resources:',
      '  B:',
      '    Type: AWS::S3::Bucket',
    ),
  },
  {
    name: 'declareInput follows flow-style parameters',
    input: y('Parameters:', '  Env: {Type: String}', 'Resources:', '  B:', '    Type: AWS::S3::Bucket'),
    op: declare,
    expected: y(
      'Parameters:',
      '  Env: {Type: String}',
      '  AllowedSshCidr: {Type: String, Description: CIDR allowed to reach SSH}',
      'Resources:',
      '  B:',
      '    Type: AWS::S3::Bucket',
    ),
  },
  {
    name: 'declareInput of an existing parameter does nothing',
    input: y('Parameters:', '  AllowedSshCidr:', '    Type: String', 'Resources:', '  B:', '    Type: AWS::S3::Bucket'),
    op: declare,
    expected: y('Parameters:', '  AllowedSshCidr:', '    Type: String', 'Resources:', '  B:', '    Type: AWS::S3::Bucket'),
  },
  {
    name: 'insertResource after its companion, a blank line between, refs as short forms',
    input: y(
      'Resources:',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketName: b  # name',
      '',
      '  Topic:',
      '    Type: AWS::SNS::Topic',
    ),
    op: companion,
    expected: y(
      'Resources:',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketName: b  # name',
      '',
      '  BucketPolicy:',
      '    Type: AWS::S3::BucketPolicy',
      '    Properties:',
      '      Bucket: !Ref Bucket',
      '      PolicyDocument:',
      '        Statement:',
      '          - Effect: Deny',
      '            Action: s3:*',
      '',
      '  Topic:',
      '    Type: AWS::SNS::Topic',
    ),
  },
  {
    name: 'insertResource at the end of Resources: a blank line before it, as between the others',
    input: y(
      'Resources:',
      '  Topic:',
      '    Type: AWS::SNS::Topic',
      '',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '',
      'Outputs:',
      '  Name:',
      '    Value: !Ref Bucket',
    ),
    op: (doc) => yamlWriter.insertResource(doc, doc.resources[1]!, { type: 'AWS::S3::BucketPolicy', name: 'P', body: { Bucket: 'b' } }),
    expected: y(
      'Resources:',
      '  Topic:',
      '    Type: AWS::SNS::Topic',
      '',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '',
      '  P:',
      '    Type: AWS::S3::BucketPolicy',
      '    Properties:',
      '      Bucket: b',
      '',
      'Outputs:',
      '  Name:',
      '    Value: !Ref Bucket',
    ),
  },
  {
    name: 'insertResource where resources follow each other without blank lines adds none',
    input: y('Resources:', '  Topic:', '    Type: AWS::SNS::Topic', '  Bucket:', '    Type: AWS::S3::Bucket'),
    op: (doc) => yamlWriter.insertResource(doc, doc.resources[1]!, { type: 'AWS::S3::BucketPolicy', name: 'P', body: { Bucket: 'b' } }),
    expected: y(
      'Resources:',
      '  Topic:',
      '    Type: AWS::SNS::Topic',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '  P:',
      '    Type: AWS::S3::BucketPolicy',
      '    Properties:',
      '      Bucket: b',
    ),
  },
  {
    name: 'insertResource at the end of a 4-space file without a final newline',
    input: y('Resources:', '    Bucket:', '        Type: AWS::S3::Bucket').trimEnd(),
    op: (doc) => yamlWriter.insertResource(doc, doc.resources[0]!, { type: 'AWS::S3::BucketPolicy', name: 'P', body: { Bucket: 'b' } }),
    expected: y(
      'Resources:',
      '    Bucket:',
      '        Type: AWS::S3::Bucket',
      '',
      '    P:',
      '        Type: AWS::S3::BucketPolicy',
      '        Properties:',
      '            Bucket: b',
    ).trimEnd(),
  },
  {
    name: 'insertLineComment above a nested line with its indentation',
    input: bucket,
    op: (doc) => yamlWriter.insertLineComment!(doc, doc.text.indexOf('Size') + 2, 'secure-iac-ignore ebs-encryption'),
    expected: y('Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties:', '      # secure-iac-ignore ebs-encryption', '      Size: 8'),
  },
  {
    name: 'insertLineComment on the first line, CRLF',
    input: bucket.replace(/\n/g, '\r\n'),
    op: (doc) => yamlWriter.insertLineComment!(doc, 0, 'hello'),
    expected: `# hello\r\n${bucket.replace(/\n/g, '\r\n')}`,
  },
];

function run(c: Case): void {
  const doc = parse(c.input);
  const out = apply(c.input, c.op(doc));
  assert.equal(out, c.expected);
  assert.deepEqual(parse(out).errors, []);
}

describe('yamlWriter', () => {
  describe('insertProperty', () => {
    for (const c of cases) it(c.name, () => run(c));
  });
  describe('replaceValue', () => {
    for (const c of replaceCases) it(c.name, () => run(c));
  });
  describe('declareInput, insertResource, insertLineComment', () => {
    for (const c of otherCases) it(c.name, () => run(c));
  });
});
