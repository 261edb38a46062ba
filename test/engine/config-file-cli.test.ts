// The CLI reads `.secure-iac.yaml` (or --config), lets flags override it, and refuses to scan with an invalid one.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allRules } from '../../rules/index';
import { main } from '../../server/src/cli';
import { parseArgs, type ScanOptions } from '../../server/src/cli/args';
import { scanSetup } from '../../server/src/cli/project-config';

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
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

const ruleIds = (out: string) =>
  (JSON.parse(out) as { findings: { ruleId: string; file: string; severity: string }[] }).findings.map((f) => `${f.file} ${f.ruleId} ${f.severity}`);

const BUCKET = 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n';
const TRAIL = 'resource "aws_cloudtrail" "main" {\n  name = "main"\n}\n';

describe('cli with a project config', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'secure-iac-cfg-'));
    mkdirSync(join(dir, 'infra'));
    mkdirSync(join(dir, 'fixtures'));
    writeFileSync(join(dir, 'infra', 'bucket.yaml'), BUCKET);
    writeFileSync(join(dir, 'infra', 'main.tf'), TRAIL);
    writeFileSync(join(dir, 'fixtures', 'bucket.yaml'), BUCKET);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies rule settings and exclude globs from .secure-iac.yaml in the working directory', async () => {
    writeFileSync(join(dir, '.secure-iac.yaml'), 'rules:\n  cloudtrail-log-validation: off\n  s3-versioning: critical\nexclude: [fixtures]\n');
    const r = await run(['scan', '.', '--format', 'json'], dir);
    const configured = ruleIds(r.out).filter((l) => / (s3-versioning|cloudtrail-log-validation) /.test(l));
    assert.deepEqual(configured, ['infra/bucket.yaml s3-versioning critical']);
  });

  it('without a config, scans everything with the catalogue settings', async () => {
    const r = await run(['scan', '.', '--format', 'json'], dir);
    const lines = ruleIds(r.out);
    assert.ok(lines.includes('fixtures/bucket.yaml s3-versioning medium'));
    assert.ok(lines.includes('infra/main.tf cloudtrail-log-validation medium'));
  });

  it('checks a file named on the command line even when a glob excludes it', async () => {
    writeFileSync(join(dir, '.secure-iac.yaml'), 'exclude: ["fixtures/**"]\n');
    const r = await run(['scan', 'fixtures/bucket.yaml', '--format', 'json'], dir);
    assert.ok(ruleIds(r.out).includes('fixtures/bucket.yaml s3-versioning medium'));
  });

  it('lets --rule run a rule the file turns off', async () => {
    writeFileSync(join(dir, '.secure-iac.yaml'), 'rules: { cloudtrail-log-validation: off }\n');
    const r = await run(['scan', 'infra', '--rule', 'cloudtrail-log-validation', '--format', 'json'], dir);
    assert.deepEqual(ruleIds(r.out), ['infra/main.tf cloudtrail-log-validation medium']);
  });

  it('uses --config <file> instead, with its paths relative to that file, and --no-config ignores any', async () => {
    mkdirSync(join(dir, 'ci'));
    writeFileSync(join(dir, 'ci', 'secure-iac.yaml'), 'rules: { s3-versioning: off }\n');
    writeFileSync(join(dir, '.secure-iac.yaml'), 'rules: { s3-versioning: low }\n');
    const viaFlag = await run(['scan', 'infra', '--config', 'ci/secure-iac.yaml', '--format', 'json'], dir);
    assert.ok(!ruleIds(viaFlag.out).some((l) => l.includes('s3-versioning')));
    const none = await run(['scan', 'infra', '--no-config', '--format', 'json'], dir);
    assert.ok(ruleIds(none.out).includes('infra/bucket.yaml s3-versioning medium'));
  });

  it('prints the errors of an invalid config with their positions and exits 2 without scanning', async () => {
    writeFileSync(join(dir, '.secure-iac.yaml'), 'rules:\n  s3-versoning: off\nexclud: [x]\n');
    const r = await run(['scan', '.'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /invalid project config/);
    assert.match(r.err, /\.secure-iac\.yaml:2:3: error: Unknown rule id 's3-versoning'\. Did you mean 's3-versioning'\?/);
    assert.match(r.err, /\.secure-iac\.yaml:3:1: error: Unknown setting 'exclud'\. Did you mean 'exclude'\?/);
    const missing = await run(['scan', '.', '--config', 'nope.yaml'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /Cannot read/);
  });

  it('lays flags over the file: --parameters / --var-file replace its lists, --report-unresolved its unresolved', async () => {
    for (const f of ['a.json', 'b.json', 'a.tfvars']) writeFileSync(join(dir, f), f.endsWith('json') ? '[]' : '');
    writeFileSync(join(dir, '.secure-iac.yaml'), 'parameters: [a.json]\nvarFiles: [a.tfvars]\nrequiredTags: [Owner]\nunresolved: silent\n');
    const options = (argv: string[]) => parseArgs(['scan', ...argv], new Set(allRules.map((r) => r.id))) as ScanOptions;
    const fromFile = await scanSetup(options([]), dir);
    assert.deepEqual(fromFile.errors, []);
    assert.deepEqual([fromFile.parameterFiles, fromFile.varFiles], [[join(dir, 'a.json')], [join(dir, 'a.tfvars')]]);
    assert.deepEqual(fromFile.config, { rules: {}, requiredTags: ['Owner'], unresolved: 'silent' });
    const flagged = await scanSetup(options(['--parameters', 'b.json', '--report-unresolved', '--rule', 's3-versioning']), dir);
    assert.deepEqual(flagged.parameterFiles, ['b.json']);
    assert.deepEqual(flagged.varFiles, [join(dir, 'a.tfvars')]);
    assert.deepEqual(flagged.config, { rules: {}, requiredTags: ['Owner'], unresolved: 'info', only: ['s3-versioning'] });
  });
});
