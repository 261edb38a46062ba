// The CLI end to end through main(): output formats, exit codes, unreadable paths, SARIF validated against its schema.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { main } from '../../server/src/cli';
import { ruleDocsUrl } from '../../server/src/engine/docs-url';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(args: string[], cwd: string): Promise<Run> {
  let out = '';
  let err = '';
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(
      args,
      (t) => void (out += t),
      (t) => void (err += t),
    );
    return { code, out, err };
  } finally {
    process.chdir(previous);
  }
}

const VOLUME = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  DataVolume:
    Type: AWS::EC2::Volume
    Properties:
      Size: 10
      Encrypted: false
`;

const TRAIL = `resource "aws_cloudtrail" "main" {
  name = "main"
}
`;

describe('cli', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'secure-iac-cli-'));
    mkdirSync(join(dir, 'templates'));
    mkdirSync(join(dir, 'infra'));
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(dir, 'templates', 'app.yaml'), VOLUME);
    writeFileSync(join(dir, 'infra', 'main.tf'), TRAIL);
    // Skipped folder and non-templates: no findings, no errors.
    writeFileSync(join(dir, 'node_modules', 'pkg', 'app.yaml'), VOLUME);
    writeFileSync(join(dir, 'package.json'), '{"name": "x"}');
    writeFileSync(join(dir, 'deploy.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // Tests about the output format run two rules, so the expected lines do not change whenever a rule is added.
  const TWO_RULES = ['--rule', 'cloudtrail-log-validation', '--rule', 'ebs-encryption'];

  it('prints findings grouped by file, aligned, with code frames, fixes, docs and a summary; exit 1 on findings', async () => {
    const r = await run(['scan', '.', ...TWO_RULES], dir);
    assert.equal(r.code, 1);
    const lines = r.out.split('\n');
    assert.equal(lines[0], 'infra/main.tf');
    assert.match(lines[1] ?? '', /^  1:1  medium    cloudtrail-log-validation  aws_cloudtrail\.main does not set enable_log_file_validation/);
    assert.equal(lines[2], '    > 1 | resource "aws_cloudtrail" "main" {');
    assert.match(lines[3] ?? '', /^ +\| \^+$/);
    assert.match(r.out, /\n    fix: Set enable_log_file_validation to true \(secure-iac fix\)\n    docs: .*cloudtrail-log-validation\.md\n/);
    assert.ok(lines.includes('templates/app.yaml'));
    assert.match(
      r.out,
      /\n  7:18  high      ebs-encryption  DataVolume sets Encrypted to false\.\n      6 \|       Size: 10\n    > 7 \|       Encrypted: false\n        \|                  \^{5}\n/,
    );
    assert.match(
      r.out,
      /\n2 findings \(1 high, 1 medium\) in 2 of 2 files scanned; 1 fixable with `secure-iac fix`; 1 more with `--include-review`\nBy rule: cloudtrail-log-validation 1, ebs-encryption 1\n$/,
    );
    assert.doesNotMatch(r.out, /\u001b\[/, 'no colour when not on a terminal');
    // With every rule, the text lists exactly what the JSON report holds.
    const all = await run(['scan', '.', '--no-snippets'], dir);
    const report = JSON.parse((await run(['scan', '.', '--format', 'json'], dir)).out) as {
      findings: { file: string; startLine: number; startColumn: number; severity: string; ruleId: string }[];
    };
    const listed: string[] = [];
    let file = '';
    for (const line of all.out.split('\n')) {
      if (/^\S/.test(line) && !/^\d+ findings|^By rule/.test(line)) file = line;
      const m = /^  (\d+:\d+)\s+(\w+)\s+(\S+)/.exec(line);
      if (m) listed.push(`${file}:${m[1]} ${m[2]} ${m[3]}`);
    }
    assert.deepEqual(listed.sort(), report.findings.map((f) => `${f.file}:${f.startLine}:${f.startColumn} ${f.severity} ${f.ruleId}`).sort());
    assert.match(all.out, new RegExp(`\\n${report.findings.length} findings `));
  });

  it('honours --fail-on and --rule', async () => {
    assert.equal((await run(['scan', '.', '--fail-on', 'high'], dir)).code, 1);
    assert.equal((await run(['scan', '.', '--fail-on', 'critical'], dir)).code, 0);
    assert.equal((await run(['scan', '.', '--fail-on', 'none'], dir)).code, 0);
    const only = await run(['scan', '.', '--rule', 'cloudtrail-log-validation', '--format', 'json'], dir);
    assert.deepEqual(
      (JSON.parse(only.out) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId),
      ['cloudtrail-log-validation'],
    );
  });

  it('writes the documented JSON shape', async () => {
    const r = await run(['scan', 'templates', '--format', 'json', '--rule', 'ebs-encryption'], dir);
    assert.deepEqual(JSON.parse(r.out), {
      version: 1,
      filesScanned: 1,
      findings: [
        {
          ruleId: 'ebs-encryption',
          severity: 'high',
          message: 'DataVolume sets Encrypted to false.',
          file: 'templates/app.yaml',
          startLine: 7,
          startColumn: 18,
          endLine: 7,
          endColumn: 23,
          resource: 'DataVolume',
          resourceStartLine: 3,
          resourceEndLine: 7,
          fixable: true,
          docs: ruleDocsUrl('ebs-encryption'),
        },
      ],
      errors: [],
    });
  });

  it('exits 2 on usage errors with a clear message', async () => {
    for (const args of [['scan', '--format', 'xml'], ['scan', '--rule', 'no-such-rule'], ['scan', '--bogus'], ['frobnicate']]) {
      const r = await run(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /^secure-iac: .*\nRun 'secure-iac --help' for usage\.\n$/);
    }
  });

  it('reports an unreadable path, scans the rest, and exits 2', async function () {
    if (process.getuid?.() === 0) {
      // root reads anything; a missing path exercises the same branch.
      const r = await run(['scan', 'missing-dir', 'templates', '--format', 'json'], dir);
      assert.equal(r.code, 2);
      const report = JSON.parse(r.out) as { findings: unknown[]; errors: { file: string }[] };
      const alone = JSON.parse((await run(['scan', 'templates', '--format', 'json'], dir)).out) as { findings: unknown[] };
      assert.ok(alone.findings.length > 0);
      assert.deepEqual(report.findings, alone.findings, 'the readable path is scanned as if given alone');
      assert.equal(report.errors[0]?.file, 'missing-dir');
      assert.match(r.err, /cannot read missing-dir/);
      return;
    }
    chmodSync(join(dir, 'infra'), 0);
    const r = await run(['scan', '.'], dir);
    assert.equal(r.code, 2);
  });

  it('reports a parse error and still the findings of what parsed', async () => {
    writeFileSync(join(dir, 'templates', 'app.yaml'), VOLUME + '  Broken: [unclosed\n');
    const r = await run(['scan', 'templates', '--format', 'json', '--rule', 'ebs-encryption'], dir);
    const report = JSON.parse(r.out) as { findings: { ruleId: string }[]; errors: { startLine: number }[] };
    assert.equal(r.code, 1);
    assert.deepEqual(
      report.findings.map((f) => f.ruleId),
      ['ebs-encryption'],
    );
    assert.ok(report.errors.length >= 1 && report.errors.every((e) => e.startLine >= 8));
  });

  it('lists suppressed findings only with --show-suppressed', async () => {
    writeFileSync(join(dir, 'infra', 'main.tf'), '# secure-iac-ignore cloudtrail-log-validation: validated by the org trail\n' + TRAIL);
    const only = ['--rule', 'cloudtrail-log-validation'];
    const plain = await run(['scan', 'infra', ...only], dir);
    assert.equal(plain.code, 0);
    const shown = await run(['scan', 'infra', ...only, '--show-suppressed', '--format', 'json'], dir);
    const report = JSON.parse(shown.out) as { findings: { suppressed?: { reason: string } }[] };
    assert.deepEqual(
      report.findings.map((f) => f.suppressed?.reason),
      ['validated by the org trail'],
    );
  });

  it('writes SARIF 2.1.0 that validates against the official schema', async () => {
    writeFileSync(join(dir, 'infra', 'main.tf'), '# secure-iac-ignore cloudtrail-log-validation: org trail\n' + TRAIL);
    const out = join(dir, 'report.sarif');
    const r = await run(['scan', '.', '--format', 'sarif', '--output', out], dir);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as {
      runs: {
        tool: { driver: { rules: { id: string; helpUri: string; properties: Record<string, string> }[] } };
        results: { ruleId: string; suppressions?: unknown[]; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
      }[];
    };
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/sarif-multitool-linux/sarif-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
    // GitHub code scanning's extra demands.
    const run0 = sarif.runs[0];
    assert.ok(run0);
    const ids = new Set(run0.tool.driver.rules.map((x) => x.id));
    for (const rule of run0.tool.driver.rules) {
      assert.match(rule.properties['security-severity'] ?? '', /^\d+\.\d$/);
      assert.match(rule.helpUri, /^https:\/\//);
    }
    for (const res of run0.results) {
      assert.ok(ids.has(res.ruleId));
      assert.ok((res.locations[0]?.physicalLocation.region.startLine ?? 0) >= 1);
    }
    assert.equal(run0.results.filter((x) => x.suppressions).length, 1);
  });
  it('applies parameter files, module tfvars and --var-file, and reports unresolved values on request', async () => {
    writeFileSync(
      join(dir, 'templates', 'trail.yaml'),
      'Parameters:\n  Validate:\n    Type: String\n    Default: "true"\nResources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: logs\n      EnableLogFileValidation: !Ref Validate\n',
    );
    writeFileSync(join(dir, 'params.json'), JSON.stringify([{ ParameterKey: 'Validate', ParameterValue: 'false' }]));
    // Only the rule whose input is resolved: the trail's other settings are not what this test is about.
    const ids = async (args: string[]) =>
      (
        JSON.parse((await run([...args, '--rule', 'cloudtrail-log-validation', '--format', 'json'], dir)).out) as {
          findings: { ruleId: string; file: string; severity: string }[];
        }
      ).findings.map((f) => `${f.file} ${f.ruleId} ${f.severity}`);
    assert.deepEqual(await ids(['scan', 'templates/trail.yaml']), []);
    assert.deepEqual(await ids(['scan', 'templates/trail.yaml', '--parameters', 'params.json']), [
      'templates/trail.yaml cloudtrail-log-validation medium',
    ]);

    writeFileSync(
      join(dir, 'infra', 'main.tf'),
      'resource "aws_cloudtrail" "main" {\n  name = "main"\n  enable_log_file_validation = var.validate\n}\n\nvariable "validate" {\n  type = bool\n}\n',
    );
    assert.deepEqual(await ids(['scan', 'infra']), []);
    assert.deepEqual(await ids(['scan', 'infra', '--report-unresolved']), ['infra/main.tf cloudtrail-log-validation info']);
    writeFileSync(join(dir, 'infra', 'terraform.tfvars'), 'validate = false\n');
    assert.deepEqual(await ids(['scan', 'infra']), ['infra/main.tf cloudtrail-log-validation medium']);
    writeFileSync(join(dir, 'prod.tfvars'), 'validate = true\n');
    assert.deepEqual(await ids(['scan', 'infra', '--var-file', 'prod.tfvars']), []);
    assert.equal((await run(['scan', 'infra', '--var-file', 'missing.tfvars'], dir)).code, 2);
  });
});
