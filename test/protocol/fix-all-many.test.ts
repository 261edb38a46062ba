// Protocol: fix-all and insertion quick fixes with the whole catalogue running, on files where many rules fire.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { lintText } from '../../server/src/engine/lint/lint';
import type { Finding } from '../../server/src/engine/types';
import { initParsers } from '../../server/src/parsers/index';
import { applyWorkspaceEdit, ensureServerBuilt, fileUri, FIXTURES, fullRange, TestClient } from './lsp-client';

const uriOf = (name: string) => fileUri(path.join(FIXTURES, 'fix-all-many', name));
const lines = (...ls: string[]) => ls.join('\n') + '\n';

const CFN_YAML = lines(
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  '  Data:',
  '    Type: AWS::S3::Bucket',
  '    Properties:',
  '      BucketName: team-data',
  '  Trail:',
  '    Type: AWS::CloudTrail::Trail',
  '    Properties:',
  '      IsLogging: true',
  '      S3BucketName: !Ref Data',
  '  Volume:',
  '    Type: AWS::EC2::Volume',
  '    Properties:',
  '      Size: 10',
  '      AvailabilityZone: eu-west-1a',
  '  Db:',
  '    Type: AWS::RDS::DBInstance',
  '    Properties:',
  '      Engine: postgres',
  '      DBInstanceClass: db.t3.micro',
  '      AllocatedStorage: 20',
  '      PubliclyAccessible: true',
  '  Table:',
  '    Type: AWS::DynamoDB::Table',
  '    Properties:',
  '      BillingMode: PAY_PER_REQUEST',
  '      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]',
  '      KeySchema: [{ AttributeName: pk, KeyType: HASH }]',
  '  Key:',
  '    Type: AWS::KMS::Key',
  '    Properties:',
  '      KeyPolicy: {}',
  '  Vpc:',
  '    Type: AWS::EC2::VPC',
  '    Properties:',
  '      CidrBlock: 10.0.0.0/16',
);

const TERRAFORM = lines(
  'resource "aws_s3_bucket" "data" {',
  '  bucket = "team-data"',
  '}',
  '',
  'resource "aws_cloudtrail" "main" {',
  '  name           = "main"',
  '  s3_bucket_name = aws_s3_bucket.data.id',
  '}',
  '',
  'resource "aws_ebs_volume" "v" {',
  '  availability_zone = "eu-west-1a"',
  '  size              = 10',
  '}',
  '',
  'resource "aws_db_instance" "db" {',
  '  engine              = "postgres"',
  '  instance_class      = "db.t3.micro"',
  '  allocated_storage   = 20',
  '  publicly_accessible = true',
  '}',
  '',
  'resource "aws_dynamodb_table" "t" {',
  '  name     = "t"',
  '  hash_key = "pk"',
  '  attribute {',
  '    name = "pk"',
  '    type = "S"',
  '  }',
  '}',
  '',
  'resource "aws_kms_key" "k" {',
  '  description = "k"',
  '}',
  '',
  'resource "aws_vpc" "main" {',
  '  cidr_block = "10.0.0.0/16"',
  '}',
);

/** A finding's identity across edits: rule, resource and message (offsets move when text is inserted above). */
const identity = (f: Finding) => `${f.ruleId} ${f.resource?.address ?? ''} ${f.messageId}`;
const visible = (uri: string, text: string) => lintText(uri, text).findings.filter((f) => !f.suppressed);
const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).sort();

describe('protocol: fixes with every rule running', function () {
  let client: TestClient;

  before(async function () {
    this.timeout(120_000);
    ensureServerBuilt();
    await initParsers(); // the in-process engine says what the server should have done
  });
  beforeEach(async () => {
    client = await TestClient.start({ root: FIXTURES }); // default settings: the whole catalogue
  });
  afterEach(async () => {
    await client.stop();
  });

  for (const [name, text] of [
    ['template.yaml', CFN_YAML],
    ['main.tf', TERRAFORM],
  ] as const) {
    it(`fix-all on ${name} applies every safe fix in one non-overlapping edit, keeps the file parseable, and settles`, async () => {
      const uri = uriOf(name);
      await client.open(uri, text);
      const before = await client.diagnosticsFor(uri, 1);
      const engineBefore = visible(uri, text);
      assert.deepEqual(codes(before), engineBefore.map((f) => f.ruleId).sort(), 'the server publishes what the engine finds');
      const safe = engineBefore.filter((f) => f.fixes.some((x) => x.safety === 'safe'));
      assert.ok(new Set(safe.map((f) => f.ruleId)).size >= 6, `many rules with a safe fix fire: ${safe.map(identity).join(', ')}`);

      const actions = await client.codeActions(uri, fullRange(text), [], ['source.fixAll.secure-iac']);
      assert.equal(actions.length, 1);
      const fixAll = actions[0] as CodeAction;
      const count = Number(/\((\d+)\)$/.exec(fixAll.title)?.[1]);
      assert.ok(count >= safe.length, `${fixAll.title}: at least the ${safe.length} safe fixes found up front`);
      // TextDocument.applyEdits throws on overlapping edits, so applying it proves there are none.
      const fixed = applyWorkspaceEdit(text, fixAll.edit, uri);

      const parsed = lintText(uri, fixed);
      assert.deepEqual(parsed.errors, [], `the fixed file parses:\n${fixed}`);
      const after = visible(uri, fixed);
      const left = new Set(after.map(identity));
      for (const f of safe) assert.ok(!left.has(identity(f)), `${identity(f)} is still reported after fix-all:\n${fixed}`);
      assert.deepEqual(after.filter((f) => f.fixes.some((x) => x.safety === 'safe')).map(identity), [], 'no safe fix is left');

      // The server agrees on the new version: no parse error, exactly the engine's findings, nothing left to fix.
      const version = await client.change(uri, [{ text: fixed }]);
      const published = await client.diagnosticsFor(uri, version);
      assert.ok(!published.some((d) => d.code === 'parse-error'));
      assert.deepEqual(codes(published), after.map((f) => f.ruleId).sort());
      assert.deepEqual(await client.codeActions(uri, fullRange(fixed), [], ['source.fixAll']), [], 'nothing safe left');
    });
  }

  for (const [name, text] of [
    ['actions.yaml', CFN_YAML],
    ['actions.tf', TERRAFORM],
  ] as const) {
    it(`every quick fix and suppression offered in ${name} applies as the client would and keeps the file parseable`, async function () {
      this.timeout(60_000);
      const uri = uriOf(name);
      await client.open(uri, text);
      const ds = await client.diagnosticsFor(uri, 1);
      let applied = 0;
      for (const d of ds) {
        for (const action of await client.codeActions(uri, d.range, [d], ['quickfix'])) {
          // Throws on overlapping edits, as LSP clients do.
          const fixed = applyWorkspaceEdit(text, action.edit, uri);
          assert.notEqual(fixed, text, `${action.title} changes nothing`);
          assert.deepEqual(lintText(uri, fixed).errors, [], `${d.code}: "${action.title}" breaks the file:\n${fixed}`);
          applied++;
        }
      }
      assert.ok(applied > ds.length, `${applied} actions for ${ds.length} diagnostics`);
    });
  }

  // Quick fixes that add a whole resource and a new input (parameter / variable) the user must fill in.
  const insertions = [
    { name: 'flow-logs.yaml', text: CFN_YAML, input: /^Parameters:\n {2}FlowLogBucketArn:\n/m, resource: /Type: AWS::EC2::FlowLog/ },
    { name: 'flow-logs.tf', text: TERRAFORM, input: /^variable "[a-z_]+" \{/m, resource: /^resource "aws_flow_log" /m },
  ];
  for (const { name, text, input, resource } of insertions) {
    it(`the vpc-flow-logs quick fix in ${name} inserts a resource and a new input, and the finding goes`, async () => {
      const uri = uriOf(name);
      await client.open(uri, text);
      const d = (await client.diagnosticsFor(uri, 1)).find((x) => x.code === 'vpc-flow-logs');
      assert.ok(d, 'vpc-flow-logs fires');
      const fixes = (await client.codeActions(uri, d.range, [d], ['quickfix'])).filter((a) => !a.title.startsWith('Ignore'));
      assert.ok(fixes.length > 0, 'a fix is offered');
      const fixed = applyWorkspaceEdit(text, fixes[0]?.edit, uri);
      assert.match(fixed, input);
      assert.match(fixed, resource);
      assert.deepEqual(lintText(uri, fixed).errors, []);
      const version = await client.change(uri, [{ text: fixed }]);
      const published = await client.diagnosticsFor(uri, version);
      assert.ok(!published.some((x) => x.code === 'vpc-flow-logs' || x.code === 'parse-error'), JSON.stringify(codes(published)));
    });
  }
});
