// Workspace content is data, never instructions: scanning templates full of URLs, remote module sources, an
// AWS::Include transform, a local-exec provisioner and npm scripts must neither connect anywhere nor run anything.
// The CLI and the language server run with a preload that records and refuses every socket, lookup and child process.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SCAN_WORKSPACE_METHOD } from '../../server/src/protocol';
import { ensureServerBuilt, fileUri, ROOT, TestClient } from '../protocol/lsp-client';

const PRELOAD = path.join(__dirname, 'fixtures', 'deny-network.cjs');
const CLI = path.join(ROOT, 'dist', 'cli.js');

/** Files whose content invites a fetch or an execution; `pwned` would appear if any command in them ran. */
function trickyWorkspace(dir: string): Record<string, string> {
  const files: Record<string, string> = {
    'template.yaml': [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Transform:',
      '  Name: AWS::Include',
      '  Parameters:',
      '    Location: https://127.0.0.1:9/include/snippet.yaml',
      'Resources:',
      '  Site:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      WebsiteConfiguration:',
      '        RedirectAllRequestsTo: { HostName: "http://127.0.0.1:9/redirect" }',
      '  Nested:',
      '    Type: AWS::CloudFormation::Stack',
      '    Properties:',
      '      TemplateURL: https://127.0.0.1:9/nested.yaml',
      '  Extra:',
      '    Fn::Transform:',
      '      Name: AWS::Include',
      '      Parameters: { Location: "s3://bucket/extra.yaml" }',
      '',
    ].join('\n'),
    'main.tf': [
      'module "remote" {',
      '  source = "git::https://127.0.0.1:9/modules/vpc.git?ref=v1"',
      '}',
      'module "registry" {',
      '  source  = "terraform-aws-modules/vpc/aws"',
      '  version = "5.0.0"',
      '}',
      'resource "aws_instance" "web" {',
      '  ami           = "ami-123"',
      '  instance_type = "t3.micro"',
      '  provisioner "local-exec" {',
      `    command = "touch ${path.join(dir, 'pwned')} && curl http://127.0.0.1:9/"`,
      '  }',
      '}',
      'data "http" "remote" {',
      '  url = "https://127.0.0.1:9/data"',
      '}',
      'data "external" "run" {',
      `  program = ["sh", "-c", "touch ${path.join(dir, 'pwned')}"]`,
      '}',
      '',
    ].join('\n'),
    'package.json': JSON.stringify(
      { name: 'tricky', scripts: { preinstall: `touch ${path.join(dir, 'pwned')}`, test: 'curl http://127.0.0.1:9/' } },
      null,
      2,
    ),
    'remote.tf.json': JSON.stringify({ module: { m: { source: 'https://127.0.0.1:9/module.zip' } } }),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return files;
}

describe('robustness: no network access and no code execution from workspace content', function () {
  this.timeout(60_000);
  let dir: string;
  let denyLog: string;
  before(function () {
    ensureServerBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'secure-iac-nonet-'));
    mkdirSync(path.join(dir, 'ws'));
    denyLog = path.join(dir, 'denied.log');
    trickyWorkspace(path.join(dir, 'ws'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => writeFileSync(denyLog, ''));

  const attempts = () => readFileSync(denyLog, 'utf8');

  it('the preload records and refuses an attempt (so the checks below can fail)', function () {
    const run = spawnSync(process.execPath, ['--require', PRELOAD, '-e', "require('node:net').connect(9, '127.0.0.1')"], {
      env: { ...process.env, SECURE_IAC_DENY_LOG: denyLog },
      encoding: 'utf8',
    });
    assert.notEqual(run.status, 0);
    assert.match(attempts(), /net\.connect 9 127\.0\.0\.1/);
  });

  it('a CLI scan reads everything and tries nothing', function () {
    const ws = path.join(dir, 'ws');
    const run = spawnSync(process.execPath, ['--require', PRELOAD, CLI, 'scan', '.', '--format', 'json', '--jobs', '2'], {
      cwd: ws,
      env: { ...process.env, SECURE_IAC_DENY_LOG: denyLog },
      encoding: 'utf8',
    });
    assert.equal(attempts(), '', 'no connection, lookup or child process was attempted');
    assert.ok(!existsSync(path.join(ws, 'pwned')), 'nothing from the workspace ran');
    assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
    const report = JSON.parse(run.stdout) as { filesScanned: number; findings: { file: string }[] };
    assert.ok(report.filesScanned >= 3, 'the templates were scanned');
    assert.ok(report.findings.some((f) => f.file === 'template.yaml'));
    assert.ok(report.findings.some((f) => f.file === 'main.tf'));
  });

  it('a language server session (open, lint, workspace scan) tries nothing', async function () {
    const ws = path.join(dir, 'ws');
    const saved = process.env.NODE_OPTIONS;
    // The test client spawns the server with this process's environment: the preload rides along in NODE_OPTIONS.
    process.env.NODE_OPTIONS = `${saved ?? ''} --require ${PRELOAD}`.trim();
    process.env.SECURE_IAC_DENY_LOG = denyLog;
    let client: TestClient | undefined;
    try {
      client = await TestClient.start({ root: ws });
      for (const name of ['template.yaml', 'main.tf']) {
        const uri = fileUri(path.join(ws, name));
        await client.open(uri, readFileSync(path.join(ws, name), 'utf8'));
        const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
        assert.ok(published.diagnostics.length > 0, `${name} was linted`);
      }
      const scan = await client.request<{ files: number; scanned: number }>(SCAN_WORKSPACE_METHOD, {});
      assert.ok(scan.scanned >= 3, `the workspace scan read the files (${JSON.stringify(scan)})`);
    } finally {
      await client?.stop();
      if (saved === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved;
      delete process.env.SECURE_IAC_DENY_LOG;
    }
    assert.equal(attempts(), '', 'no connection, lookup or child process was attempted');
    assert.ok(!existsSync(path.join(ws, 'pwned')));
  });
});
