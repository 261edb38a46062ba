// Reuse of findings between lints of one buffer: over sequences of edits, a lint through the cache must equal a lint
// from scratch (findings, messages, ranges, related places, fixes) at every step, whatever the edit touched.
import assert from 'node:assert/strict';
import { lintDocument } from '../../server/src/engine/lint/lint';
import { LintCache, offsetMap } from '../../server/src/engine/lint/lint-cache';
import type { EngineConfig } from '../../server/src/engine/types';
import type { IacDocument } from '../../server/src/model/document';
import { IncrementalParser } from '../../server/src/parsers/incremental';
import { initParsers, parseDocument } from '../../server/src/parsers/index';
import { cfnJson, cfnYaml, tfFile } from '../../scripts/bench/generate';
import { random } from '../harness/random';

type Edit = (text: string, next: () => number) => string | undefined;

/** Replaces one (randomly chosen) occurrence of `from` with `to`; undefined when there is none. */
function swap(from: string, to: string): Edit {
  return (text, next) => {
    const hits = [...text.matchAll(new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))];
    const hit = hits[Math.floor(next() * hits.length)];
    if (hit?.index === undefined) return undefined;
    return text.slice(0, hit.index) + to + text.slice(hit.index + from.length);
  };
}

/** Inserts `piece` right after the first `after`, or removes it when it is there already. */
function toggle(after: string, piece: string): Edit {
  return (text) => {
    if (text.includes(piece)) return text.replace(piece, '');
    const at = text.indexOf(after);
    return at < 0 ? undefined : text.slice(0, at + after.length) + piece + text.slice(at + after.length);
  };
}

/** A character typed or deleted anywhere: the edits a user makes most. */
const keystroke: Edit = (text, next) => {
  const at = Math.floor(next() * (text.length + 1));
  if (next() < 0.5) return text.slice(0, at) + ' x:1\n"{}'.charAt(Math.floor(next() * 8)) + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
};

/** Parameters/variables, referenced and companion resources, mappings, locals and providers, plus random typing. */
const YAML_EDITS: Edit[] = [
  keystroke,
  swap('Default: prod', 'Default: dev'),
  swap('Default: dev', 'Default: prod'),
  swap('Default: 0.0.0.0/0', 'Default: 10.0.0.0/8'),
  swap('Default: 10.0.0.0/8', 'Default: 0.0.0.0/0'),
  swap('EnableKeyRotation: true', 'EnableKeyRotation: false'),
  swap('EnableKeyRotation: false', 'EnableKeyRotation: true'),
  swap('Status: Suspended', 'Status: Enabled'),
  swap('Status: Enabled', 'Status: Suspended'),
  swap('Enabled: true', 'Enabled: false'),
  swap('Enabled: false', 'Enabled: true'),
  swap('Parameters:\n', 'Parameters:\n  Extra:\n    Type: String\n'),
  swap('  AllowedCidr:\n', '  AllowedCidrX:\n'),
  swap('  AllowedCidrX:\n', '  AllowedCidr:\n'),
  toggle(
    'Resources:\n',
    '  SecureTransport0:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref DataBucket0\n      PolicyDocument:\n        Statement:\n          - Effect: Deny\n            Principal: "*"\n            Action: "s3:*"\n            Resource: "*"\n            Condition:\n              Bool:\n                aws:SecureTransport: false\n',
  ),
  toggle('Resources:\n', '  Logs0:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: logs\n'),
  swap('Cidr: 0.0.0.0/0', 'Cidr: 10.0.0.0/8'),
  swap('Cidr: 10.0.0.0/8', 'Cidr: 0.0.0.0/0'),
  swap('DataBucket0:', 'DataBucketZ:'),
  swap('DataBucketZ:', 'DataBucket0:'),
];

const YAML_EXTRA = ['Mappings:', '  Names:', '    Logs:', '      Cidr: 0.0.0.0/0', 'Conditions:', '  IsProd: !Equals [!Ref Environment, prod]'].join(
  '\n',
);

const YAML_RESOURCES = [
  '  OpenGroup:',
  '    Type: AWS::EC2::SecurityGroup',
  '    Properties:',
  '      GroupDescription: open',
  '      SecurityGroupIngress:',
  '        - IpProtocol: tcp',
  '          FromPort: 22',
  '          ToPort: 22',
  '          CidrIp: !Ref AllowedCidr',
  '        - IpProtocol: tcp',
  '          FromPort: 3389',
  '          ToPort: 3389',
  '          CidrIp: !FindInMap [Names, Logs, Cidr]',
  '  CondBucket:',
  '    Type: AWS::S3::Bucket',
  '    Properties:',
  '      VersioningConfiguration: !If [IsProd, {Status: Enabled}, !Ref AWS::NoValue]',
  '',
].join('\n');

function yamlTemplate(lines: number): string {
  return cfnYaml(lines)
    .replace('Parameters:\n', 'Parameters:\n  AllowedCidr:\n    Type: String\n    Default: 0.0.0.0/0\n')
    .replace('Resources:\n', `${YAML_EXTRA}\nResources:\n${YAML_RESOURCES}`);
}

const JSON_EDITS: Edit[] = [
  keystroke,
  swap('"Default": "prod"', '"Default": "dev"'),
  swap('"Default": "dev"', '"Default": "prod"'),
  swap('"EnableKeyRotation": true', '"EnableKeyRotation": false'),
  swap('"EnableKeyRotation": false', '"EnableKeyRotation": true'),
  swap('"Status": "Suspended"', '"Status": "Enabled"'),
  swap('"Status": "Enabled"', '"Status": "Suspended"'),
  swap('"0.0.0.0/0"', '"10.0.0.0/8"'),
  toggle(
    '"Resources": {',
    '\n    "Policy0": {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": {"Ref": "DataBucket0"}, "PolicyDocument": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": false}}}]}}},',
  ),
];

const TF_EDITS: Edit[] = [
  keystroke,
  swap('default = "prod"', 'default = "dev"'),
  swap('default = "dev"', 'default = "prod"'),
  swap('default = "0.0.0.0/0"', 'default = "10.0.0.0/8"'),
  swap('default = "10.0.0.0/8"', 'default = "0.0.0.0/0"'),
  swap('status = "Suspended"', 'status = "Enabled"'),
  swap('status = "Enabled"', 'status = "Suspended"'),
  swap('encrypted   = false', 'encrypted   = true'),
  swap('encrypted   = true', 'encrypted   = false'),
  swap('http_tokens = "optional"', 'http_tokens = "required"'),
  swap('cidr = "0.0.0.0/0"', 'cidr = "10.0.0.0/8"'),
  swap('cidr = "10.0.0.0/8"', 'cidr = "0.0.0.0/0"'),
  swap('Owner       = "platform"', 'Team = "platform"'),
  swap('Team = "platform"', 'Owner       = "platform"'),
  swap('values   = ["false"]', 'values   = ["true"]'),
  swap('values   = ["true"]', 'values   = ["false"]'),
  swap('actions   = ["*"]', 'actions   = ["s3:GetObject"]'),
  swap('actions   = ["s3:GetObject"]', 'actions   = ["*"]'),
  toggle(
    '}\n\n',
    'resource "aws_s3_bucket_versioning" "v0" {\n  bucket = aws_s3_bucket.data_0.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
  ),
  toggle('}\n\n', 'resource "aws_ebs_encryption_by_default" "all" {\n  enabled = true\n}\n'),
  toggle('}\n\n', 'provider "aws" {\n  default_tags {\n    tags = { Owner = "x", Environment = "y" }\n  }\n}\n'),
  toggle('}\n\n', 'data "aws_iam_policy_document" "p" {\n  statement {\n    actions   = ["*"]\n    resources = ["*"]\n  }\n}\n'),
];

/** What a sibling file of a module holds that this one reads: variables, locals, companions. */
const TF_SIBLING_EDITS: Edit[] = [
  swap('default = "0.0.0.0/0"', 'default = "10.0.0.0/8"'),
  swap('default = "10.0.0.0/8"', 'default = "0.0.0.0/0"'),
  swap('cidr = "0.0.0.0/0"', 'cidr = "10.0.0.0/8"'),
  swap('cidr = "10.0.0.0/8"', 'cidr = "0.0.0.0/0"'),
  swap('values   = ["false"]', 'values   = ["true"]'),
  swap('values   = ["true"]', 'values   = ["false"]'),
  swap('actions   = ["*"]', 'actions   = ["s3:GetObject"]'),
  swap('actions   = ["s3:GetObject"]', 'actions   = ["*"]'),
  toggle(
    '}\n\n',
    'resource "aws_s3_bucket_versioning" "v0" {\n  bucket = aws_s3_bucket.data_0.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
  ),
  toggle('}\n\n', 'provider "aws" {\n  default_tags {\n    tags = { Owner = "x", Environment = "y" }\n  }\n}\n'),
];

const TF_EXTRA = [
  'variable "allowed" {',
  '  default = "0.0.0.0/0"',
  '}',
  '',
  'locals {',
  '  cidr = "0.0.0.0/0"',
  '}',
  '',
  'resource "aws_security_group" "open" {',
  '  ingress {',
  '    from_port   = 22',
  '    to_port     = 22',
  '    protocol    = "tcp"',
  '    cidr_blocks = [var.allowed, local.cidr]',
  '  }',
  '}',
  '',
  'resource "aws_iam_policy" "uses_p" {',
  '  policy = data.aws_iam_policy_document.p.json',
  '}',
  '',
  'resource "aws_s3_bucket" "tls" {',
  '  bucket = "tls"',
  '}',
  '',
  'resource "aws_s3_bucket_policy" "tls" {',
  '  bucket = aws_s3_bucket.tls.id',
  '  policy = data.aws_iam_policy_document.tls.json',
  '}',
  '',
  'data "aws_iam_policy_document" "tls" {',
  '  statement {',
  '    effect    = "Deny"',
  '    actions   = ["s3:*"]',
  '    resources = ["*"]',
  '    principals {',
  '      type        = "*"',
  '      identifiers = ["*"]',
  '    }',
  '    condition {',
  '      test     = "Bool"',
  '      variable = "aws:SecureTransport"',
  '      values   = ["false"]',
  '    }',
  '  }',
  '}',
  '',
].join('\n');

/** Every finding with its fixes (read, so lazy fixes are computed), comparable as text. */
function snapshot(doc: IacDocument, options: Parameters<typeof lintDocument>[1]): string {
  const result = lintDocument(doc, options);
  return JSON.stringify({ findings: result.findings, failures: result.ruleFailures });
}

interface Run {
  uri: string;
  text: string;
  edits: Edit[];
  steps: number;
  config?: EngineConfig;
  /** Sibling files of a Terraform module, edited too (with `siblingEdits`). */
  siblings?: { uri: string; text: string }[];
  siblingEdits?: Edit[];
}

/** Edits and lints through one cache, comparing each step with a fresh lint; returns the share of checks reused. */
function exercise(seed: number, run: Run): number {
  const next = random(seed);
  const cache = new LintCache();
  const parser = new IncrementalParser(run.uri);
  let text = run.text;
  const siblings = (run.siblings ?? []).map((s) => ({ ...s }));
  let reused = 0;
  let total = 0;
  for (let step = 0; step < run.steps; step++) {
    const target = siblings.length > 0 && next() < 0.5 ? siblings[Math.floor(next() * siblings.length)] : undefined;
    const edits = target ? (run.siblingEdits ?? run.edits) : run.edits;
    const edit = edits[Math.floor(next() * edits.length)] as Edit;
    const edited = edit(target ? target.text : text, next);
    if (edited !== undefined) {
      if (target) target.text = edited;
      else text = edited;
    }
    const module = siblings.map((s) => parseDocument(s.uri, s.text)).filter((d): d is IacDocument => d !== undefined);
    // Parsed as the server parses open buffers (Terraform blocks and YAML resources reused between versions).
    const doc = parser.parse(text);
    if (!doc) continue;
    const cached = snapshot(doc, { config: run.config, module, cache });
    reused += cache.stats.reused;
    total += cache.stats.reused + cache.stats.checked;
    const fresh = snapshot(parseDocument(run.uri, text) as IacDocument, { config: run.config, module });
    assert.equal(cached, fresh, `seed ${seed}, step ${step}: cached lint differs from a fresh one`);
  }
  parser.dispose();
  return total === 0 ? 0 : reused / total;
}

describe('lint cache (reuse of findings between keystrokes)', () => {
  before(() => initParsers());

  it('maps offsets through the unchanged prefix and suffix only', () => {
    const map = offsetMap('aaa-bbb-ccc', 'aaa-XXXXbbb-ccc');
    assert.deepEqual(map({ start: 0, end: 3 }), { start: 0, end: 3 });
    assert.deepEqual(map({ start: 4, end: 7 }), { start: 8, end: 11 });
    assert.equal(map({ start: 2, end: 6 }), undefined, 'a range around the insertion changed');
    assert.equal(map({ start: 4, end: 4 }), undefined, 'an empty range at the insertion point is ambiguous');
    const deleted = offsetMap('aaa-bbb-ccc', 'aaa-ccc');
    assert.equal(deleted({ start: 5, end: 9 }), undefined);
    assert.deepEqual(deleted({ start: 8, end: 11 }), { start: 4, end: 7 });
  });

  for (const seed of [1, 2, 3]) {
    it(`CloudFormation YAML: 60 edits (seed ${seed}) lint as from scratch`, () => {
      const share = exercise(seed, {
        uri: 'file:///t.yaml',
        text: yamlTemplate(500),
        edits: YAML_EDITS,
        steps: 60,
        config: seed === 2 ? { unresolved: 'info' } : undefined,
      });
      assert.ok(share > 0.5, `most checks are reused (${share.toFixed(2)})`);
    });
  }

  it('CloudFormation JSON: 50 edits lint as from scratch', () => {
    const share = exercise(4, { uri: 'file:///t.json', text: cfnJson(800), edits: JSON_EDITS, steps: 50 });
    assert.ok(share > 0.5, `most checks are reused (${share.toFixed(2)})`);
  });

  for (const seed of [5, 6]) {
    it(`Terraform file: 60 edits (seed ${seed}) lint as from scratch`, () => {
      const share = exercise(seed, {
        uri: 'file:///m/main.tf',
        text: TF_EXTRA + tfFile(8_000),
        edits: TF_EDITS,
        steps: 60,
        config: seed === 6 ? { unresolved: 'info', requiredTags: ['Owner'], rules: { 'asset-tags': 'on' } } : undefined,
      });
      assert.ok(share > 0.5, `most checks are reused (${share.toFixed(2)})`);
    });
  }

  it('Terraform module: edits to this file and its siblings lint as from scratch', () => {
    const siblings = [
      { uri: 'file:///m/variables.tf', text: TF_EXTRA.replace('"open"', '"open2"').replace('"uses_p"', '"uses_p2"').replace(/"tls"/g, '"tls2"') },
      { uri: 'file:///m/other.tf', text: tfFile(3_000).replace(/"(data|web|db|app|vol|table)_(\d+)"/g, '"$1_x$2"') },
    ];
    // Its variables and locals are declared in the siblings only.
    const main =
      tfFile(5_000)
        .replace(/^variable "[\s\S]*?^}\n/gm, '')
        .replace(/^locals \{[\s\S]*?^}\n/m, '') +
      'resource "aws_security_group" "main_open" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [var.allowed]\n  }\n}\n' +
      'resource "aws_security_group" "main_local" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [local.cidr]\n  }\n}\n' +
      'resource "aws_iam_policy" "main_p" {\n  policy = data.aws_iam_policy_document.p.json\n}\n' +
      'resource "aws_s3_bucket_policy" "main_tls" {\n  bucket = aws_s3_bucket.data_0.id\n  policy = data.aws_iam_policy_document.tls2.json\n}\n';
    const share = exercise(7, {
      uri: 'file:///m/main.tf',
      text: main,
      edits: TF_EDITS,
      steps: 120,
      siblings,
      siblingEdits: TF_SIBLING_EDITS,
      config: { requiredTags: ['Owner'], rules: { 'asset-tags': 'on' } },
    });
    assert.ok(share > 0.3, `many checks are reused (${share.toFixed(2)})`);
  });

  it('SAM: a check that reads Globals through a `~/` path re-runs when Globals change', () => {
    const fn = (i: number) =>
      `  Fn${i}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n      Events:\n        Get:\n          Type: Api\n          Properties:\n            Path: /f${i}\n            Method: get\n`;
    const text =
      'Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Api:\n    Auth:\n      DefaultAuthorizer: NONE\n    MethodSettings:\n      - HttpMethod: "*"\n        ResourcePath: /*\n        LoggingLevel: ERROR\nResources:\n' +
      Array.from({ length: 20 }, (_, i) => fn(i)).join('');
    const edits: Edit[] = [
      keystroke,
      swap('DefaultAuthorizer: NONE', 'DefaultAuthorizer: AWS_IAM'),
      swap('DefaultAuthorizer: AWS_IAM', 'DefaultAuthorizer: NONE'),
      swap('LoggingLevel: ERROR', 'LoggingLevel: "OFF"'),
      swap('LoggingLevel: "OFF"', 'LoggingLevel: ERROR'),
      toggle('  Api:\n', '    AccessLogSetting:\n      DestinationArn: arn:aws:logs:eu-west-1:123456789012:log-group:access\n'),
    ];
    exercise(8, { uri: 'file:///sam.yaml', text, edits, steps: 60 });
  });

  it("conditions: edits to parameter defaults, condition definitions and companions' own conditions lint as from scratch", () => {
    const vpc = (i: number) =>
      `  Vpc${i}:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.${i}.0.0/16\n` +
      `  Log${i}:\n    Type: AWS::EC2::FlowLog\n    Condition: HasLogs\n    Properties:\n      ResourceId: !Ref Vpc${i}\n      ResourceType: VPC\n      TrafficType: ALL\n      LogDestinationType: s3\n      LogDestination: arn:aws:s3:::logs\n` +
      `  Key${i}:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: !If [IsProd, true, !If [IsDev, true, false]]\n` +
      `  Vol${i}:\n    Type: AWS::EC2::Volume\n    Condition: IsDev\n    Properties:\n      AvailabilityZone: eu-west-1a\n      Size: 1\n      Encrypted: !If [NotProd, false, true]\n`;
    const text =
      'Parameters:\n  Env:\n    Type: String\n    Default: prod\n  Logs:\n    Type: String\n    Default: "no"\n' +
      'Conditions:\n  IsProd: !Equals [!Ref Env, prod]\n  IsDev: !Equals [!Ref Env, dev]\n  NotProd: !Not [!Condition IsProd]\n  HasLogs: !Equals [!Ref Logs, "yes"]\n' +
      'Resources:\n' +
      Array.from({ length: 10 }, (_, i) => vpc(i)).join('');
    const edits: Edit[] = [
      keystroke,
      swap('Default: prod', 'Default: dev'),
      swap('Default: dev', 'Default: test'),
      swap('Default: test', 'Default: prod'),
      toggle('    Type: String\n', '    AllowedValues: [prod, dev]\n'),
      swap('    Default: prod\n', ''),
      swap('  Env:\n    Type: String\n', '  Env:\n    Type: String\n    Default: prod\n'),
      swap('Default: "no"', 'Default: "yes"'),
      swap('Default: "yes"', 'Default: "no"'),
      swap('NotProd: !Not [!Condition IsProd]', 'NotProd: !Equals [!Ref Env, test]'),
      swap('NotProd: !Equals [!Ref Env, test]', 'NotProd: !Not [!Condition IsProd]'),
      swap('    Condition: HasLogs\n', ''),
      swap('    Type: AWS::EC2::FlowLog\n', '    Type: AWS::EC2::FlowLog\n    Condition: HasLogs\n'),
      swap('    Condition: IsDev\n', '    Condition: IsProd\n'),
      swap('    Condition: IsProd\n', '    Condition: IsDev\n'),
    ];
    for (const seed of [9, 10])
      exercise(seed, { uri: 'file:///cond.yaml', text, edits, steps: 60, config: seed === 10 ? { unresolved: 'info' } : undefined });
  });

  it('starts afresh when the configuration changes', () => {
    const cache = new LintCache();
    const text = yamlTemplate(200);
    lintDocument(parseDocument('file:///t.yaml', text) as IacDocument, { cache });
    const off = snapshot(parseDocument('file:///t.yaml', text) as IacDocument, { cache, config: { rules: { 's3-versioning': 'off' } } });
    assert.equal(cache.stats.reused, 0);
    assert.equal(off, snapshot(parseDocument('file:///t.yaml', text) as IacDocument, { config: { rules: { 's3-versioning': 'off' } } }));
  });
});
