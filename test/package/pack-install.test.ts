// The npm package as a user gets it: packed, installed into an empty project (no network: it has no dependencies),
// and run through npx from there. Catches a `files` list that leaves out what dist/ needs, or a runtime dependency
// that the bundle still requires.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });

describe('npm package', function () {
  this.timeout(120_000);
  let dir: string;
  let tarball: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'secure-iac-pack-'));
    // `npm test` has built dist/ already; prepack would rebuild it minified, which changes nothing this test reads.
    const packed = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT)) as {
      filename: string;
      files: { path: string }[];
    }[];
    tarball = join(dir, packed[0]!.filename);
    files = packed[0]!.files.map((f) => f.path).sort();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  let files: string[] = [];

  it('holds only the bundles (no .wasm: every parser is in them), the rule pages, the two commands and the top-level documents', () => {
    const unexpected = files.filter(
      (f) => !/^(dist\/[\w-]+\.js|dist\/docs\/.+\.md|bin\/secure-iac(-server)?\.js|package\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(f),
    );
    assert.deepEqual(unexpected, []);
    for (const needed of [
      'dist/cli.js',
      'dist/scan-worker.js',
      'dist/server.js',
      'bin/secure-iac.js',
      'bin/secure-iac-server.js',
      'dist/docs/rules/s3-versioning.md',
    ]) {
      assert.ok(files.includes(needed), needed);
    }
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      private?: boolean;
      dependencies?: Record<string, string>;
      scripts: Record<string, string>;
    };
    assert.equal(manifest.private, undefined, 'publishable');
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), [], 'the bundles need no runtime dependency');
    assert.match(manifest.scripts.prepack ?? '', /esbuild\.mjs --production/);
  });

  it('installs into an empty project offline and runs scan, rules, fix --dry-run and the server from there', () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'infra'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{ "name": "user-project", "version": "1.0.0", "private": true }\n');
    writeFileSync(
      join(project, 'infra', 'main.tf'),
      'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 10\n}\n',
    );
    npm(['install', '--offline', '--no-audit', '--no-fund', tarball], project);
    const npx = (args: string[]) => {
      try {
        return {
          code: 0,
          out: execFileSync('npx', ['--offline', '--no-install', ...args], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
        };
      } catch (e) {
        const err = e as { status: number; stdout: string };
        return { code: err.status, out: err.stdout };
      }
    };
    const scan = npx(['secure-iac', 'scan', 'infra', '--format', 'json', '--rule', 'ebs-encryption']);
    assert.equal(scan.code, 1);
    assert.deepEqual(
      (JSON.parse(scan.out) as { findings: { ruleId: string; file: string }[] }).findings.map((f) => `${f.ruleId} ${f.file}`),
      ['ebs-encryption infra/main.tf'],
    );
    const rules = npx(['secure-iac', 'rules', '--format', 'json']);
    assert.ok((JSON.parse(rules.out) as { id: string }[]).some((r) => r.id === 's3-versioning'));
    const fix = npx(['secure-iac', 'fix', 'infra', '--dry-run', '--include-review', '--rule', 'ebs-encryption']);
    assert.match(fix.out, /\+  encrypted         = true\n/);
    assert.match(readFileSync(join(project, 'infra', 'main.tf'), 'utf8'), /size {14}= 10\n}\n$/, 'a dry run writes nothing');
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    assert.equal(npx(['secure-iac-server', '--version']).out.trim(), version);
  });
});
