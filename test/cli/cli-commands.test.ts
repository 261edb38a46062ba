// The CLI's fix command, baselines, output safety (escaping, --output checks, `--`), flag suggestions and colour.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../server/src/cli';

async function run(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<{ code: number; out: string; err: string }> {
  const previous = process.cwd();
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  let out = '';
  let err = '';
  process.chdir(cwd);
  for (const [k, v] of Object.entries(env))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  try {
    const code = await main(
      args,
      (t) => void (out += t),
      (t) => void (err += t),
    );
    return { code, out, err };
  } finally {
    process.chdir(previous);
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

const BUCKET = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: data
`;
const ONLY = ['--rule', 's3-versioning', '--jobs', '1', '--no-config'];

describe('cli commands', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'secure-iac-cmd-'));
    writeFileSync(join(dir, 'app.yaml'), BUCKET);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('fix', () => {
    it('applies the safe fixes, writes atomically, keeps mode and CRLF line endings, and exits 0 when nothing is left', async () => {
      writeFileSync(join(dir, 'crlf.yaml'), BUCKET.replace(/\n/g, '\r\n'));
      chmodSync(join(dir, 'crlf.yaml'), 0o640);
      const r = await run(['fix', '.', ...ONLY], dir);
      assert.equal(r.code, 0, r.err + r.out);
      assert.match(r.out, /^fixed app\.yaml \(1 fix\)\nfixed crlf\.yaml \(1 fix\)\nApplied 2 fixes in 2 files; 0 findings left\.\n$/);
      const fixed = BUCKET + '      VersioningConfiguration:\n        Status: Enabled\n';
      assert.equal(readFileSync(join(dir, 'app.yaml'), 'utf8'), fixed);
      assert.equal(readFileSync(join(dir, 'crlf.yaml'), 'utf8'), fixed.replace(/\n/g, '\r\n'));
      assert.equal(statSync(join(dir, 'crlf.yaml')).mode & 0o777, 0o640);
      assert.deepEqual(
        readdirSync(dir).filter((f) => f.endsWith('.tmp')),
        [],
        'no temporary file left',
      );
      assert.equal((await run(['scan', '.', ...ONLY], dir)).code, 0);
    });

    it('--dry-run prints a unified diff and writes nothing; review fixes need --include-review, exit 1 while findings would be left', async () => {
      const r = await run(['fix', 'app.yaml', '--dry-run', '--rule', 's3-versioning', '--rule', 's3-public-acl', '--jobs', '1', '--no-config'], dir);
      assert.equal(readFileSync(join(dir, 'app.yaml'), 'utf8'), BUCKET);
      assert.equal(
        r.out,
        '--- a/app.yaml\n+++ b/app.yaml\n@@ -4,3 +4,5 @@\n     Type: AWS::S3::Bucket\n     Properties:\n       BucketName: data\n+      VersioningConfiguration:\n+        Status: Enabled\nWould apply 1 fix in 1 file; 0 findings left.\n',
      );
      assert.equal(r.code, 0);
      writeFileSync(join(dir, 'acl.yaml'), BUCKET.replace('BucketName: data', 'AccessControl: PublicRead'));
      const review = await run(['fix', 'acl.yaml', '--dry-run', '--rule', 's3-public-acl', '--jobs', '1', '--no-config'], dir);
      assert.equal(review.code, 1, 'the ACL fix needs --include-review');
      assert.match(review.out, /Would apply 0 fixes in 0 files; 1 finding left \(try --include-review/);
      const included = await run(['fix', 'acl.yaml', '--dry-run', '--include-review', '--rule', 's3-public-acl', '--jobs', '1', '--no-config'], dir);
      assert.match(included.out, /-      AccessControl: PublicRead\n\+      AccessControl: Private\n/);
      assert.equal(included.code, 0);
    });
  });

  describe('baselines', () => {
    it('record findings by rule, file, resource and property path: unrelated edits stay baselined, a new violation shows', async () => {
      writeFileSync(join(dir, 'app.yaml'), BUCKET.replace('BucketName: data', 'AccessControl: PublicRead'));
      const rules = ['--rule', 's3-versioning', '--rule', 's3-public-acl', '--jobs', '1', '--no-config'];
      const written = await run(['scan', '.', ...rules, '--write-baseline', '.secure-iac-baseline.json'], dir);
      assert.equal(written.code, 0);
      assert.match(written.err, /recorded 2 findings in \.secure-iac-baseline\.json/);
      // Lines move: nothing new.
      writeFileSync(join(dir, 'app.yaml'), '# a comment\n# another\n' + readFileSync(join(dir, 'app.yaml'), 'utf8'));
      const same = await run(['scan', '.', ...rules, '--baseline', '.secure-iac-baseline.json', '--format', 'json'], dir);
      assert.equal(same.code, 0);
      assert.deepEqual(JSON.parse(same.out).findings, []);
      assert.equal(JSON.parse(same.out).baselined, 2);
      // A second bucket with the same problem: exactly one new finding.
      writeFileSync(
        join(dir, 'app.yaml'),
        readFileSync(join(dir, 'app.yaml'), 'utf8') +
          '  Other:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Enabled\n      AccessControl: PublicReadWrite\n',
      );
      const fresh = await run(['scan', '.', ...rules, '--baseline', '.secure-iac-baseline.json', '--format', 'json'], dir);
      assert.equal(fresh.code, 1);
      assert.deepEqual(
        JSON.parse(fresh.out).findings.map((f: { ruleId: string; resource: string }) => `${f.ruleId} ${f.resource}`),
        ['s3-public-acl Other'],
      );
      // SARIF keeps every result and marks its state; the config's `baseline:` works like the flag.
      writeFileSync(join(dir, '.secure-iac.yaml'), 'baseline: .secure-iac-baseline.json\n');
      const sarif = JSON.parse(
        (await run(['scan', '.', '--rule', 's3-versioning', '--rule', 's3-public-acl', '--jobs', '1', '--format', 'sarif'], dir)).out,
      );
      const states = sarif.runs[0].results.map((r: { baselineState: string; ruleId: string }) => `${r.ruleId} ${r.baselineState}`).sort();
      assert.deepEqual(states, ['s3-public-acl new', 's3-public-acl unchanged', 's3-versioning unchanged']);
    });

    it('says what is wrong with a file that is not a baseline', async () => {
      writeFileSync(join(dir, 'bad.json'), '{"x": 1}');
      const r = await run(['scan', '.', ...ONLY, '--baseline', 'bad.json'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /bad\.json is not a secure-iac baseline/);
    });
  });

  describe('output safety', () => {
    it('escapes control characters from templates in text output, keeps JSON exact', async () => {
      writeFileSync(join(dir, 'app.yaml'), BUCKET.replace('  Data:', '  "Da\\rta\\e[31m\\n::error::x":'));
      const text = await run(['scan', '.', ...ONLY], dir);
      assert.doesNotMatch(text.out, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      assert.doesNotMatch(text.out, /^::error::/m);
      assert.match(text.out, /Da\\rta\\e\[31m\\n::error::x does not enable versioning/);
      const json = JSON.parse((await run(['scan', '.', ...ONLY, '--format', 'json'], dir)).out);
      assert.equal(json.findings[0].resource, 'Da\rta\u001b[31m\n::error::x');
    });

    it('refuses an --output that is a directory, in a missing folder, or a scanned file, before writing anything', async () => {
      mkdirSync(join(dir, 'out'));
      for (const [output, why] of [
        ['out', /is a directory/],
        ['missing/report.json', /does not exist/],
        ['app.yaml', /is one of the files being scanned/],
      ] as const) {
        const r = await run(['scan', '.', ...ONLY, '--output', output], dir);
        assert.equal(r.code, 2, output);
        assert.match(r.err, why);
      }
      assert.equal(readFileSync(join(dir, 'app.yaml'), 'utf8'), BUCKET);
      const ok = await run(['scan', '.', ...ONLY, '--output', 'report.txt'], dir);
      assert.equal(ok.code, 1);
      assert.match(readFileSync(join(dir, 'report.txt'), 'utf8'), /does not enable versioning/);
    });

    it("treats everything after '--' as a path", async () => {
      writeFileSync(join(dir, '-odd.yaml'), BUCKET);
      const r = await run(['scan', ...ONLY, '--format', 'json', '--', '-odd.yaml'], dir);
      assert.deepEqual(
        JSON.parse(r.out).findings.map((f: { file: string }) => f.file),
        ['-odd.yaml'],
      );
    });

    it('suggests the flag, rule or command meant, in one line, without the whole help', async () => {
      const cases: [string[], RegExp][] = [
        [['scan', '--fromat', 'json'], /unknown option '--fromat' \(did you mean '--format'\?\)/],
        [['scan', '--rule', 's3-versoning'], /unknown rule 's3-versoning' \(did you mean 's3-versioning'\?\)/],
        [['scna'], /unknown command 'scna' \(did you mean 'scan'\?\)/],
        [['scan', '--format', 'sarf'], /unknown format 'sarf' \(text, json or sarif\) \(did you mean 'sarif'\?\)/],
      ];
      for (const [args, message] of cases) {
        const r = await run(args, dir);
        assert.equal(r.code, 2);
        assert.match(r.err, message);
        assert.equal(r.err.split('\n').length, 3, r.err);
      }
    });

    it('colours only when asked: FORCE_COLOR on, NO_COLOR off, never into a file', async () => {
      const forced = await run(['scan', '.', ...ONLY], dir, { FORCE_COLOR: '1', NO_COLOR: undefined });
      assert.match(forced.out, /\u001b\[/);
      const none = await run(['scan', '.', ...ONLY], dir, { FORCE_COLOR: '1', NO_COLOR: '1' });
      assert.doesNotMatch(none.out, /\u001b\[/);
      await run(['scan', '.', ...ONLY, '--output', 'r.txt'], dir, { FORCE_COLOR: '1', NO_COLOR: undefined });
      assert.doesNotMatch(readFileSync(join(dir, 'r.txt'), 'utf8'), /\u001b\[/);
    });

    it('says so when there is nothing to scan', async () => {
      mkdirSync(join(dir, 'empty'));
      const r = await run(['scan', 'empty', ...ONLY], dir);
      assert.equal(r.code, 0);
      assert.match(r.out, /Nothing to scan: no CloudFormation template or Terraform file was found/);
      assert.ok(!existsSync(join(dir, 'empty', '.secure-iac-baseline.json')));
    });
  });
});
