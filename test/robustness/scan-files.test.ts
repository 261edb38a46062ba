// The CLI scan on a hostile file system and on files too large to lint: each problem is reported for its file and the
// scan goes on. Also the one size limit shared by the CLI flag, the project config and the language server setting.
import * as assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { validateConfig } from '../../server/src/engine/config/config-validate';
import { DEFAULT_MAX_FILE_SIZE, oversizeNote, parseByteSize } from '../../server/src/engine/config/file-size';
import { scanFiles } from '../../server/src/scan/scan-files';
import { walkFiles } from '../../server/src/scan/walk';
import { normalizeSettings } from '../../server/src/workspace/settings';
import { initParsersOnce } from './fuzz-harness';

const ROOT = path.resolve(__dirname, '..', '..');

/** A world-readable copy of the bundles (dist/cli.js loads the vendor-*.js next to it on demand), in `<tmp>/dist`. */
function readableBundle(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'secure-iac-bundle-'));
  const dist = path.join(root, 'dist');
  mkdirSync(dist);
  for (const name of readdirSync(path.join(ROOT, 'dist'))) {
    if (name.endsWith('.js') || name.endsWith('.wasm')) copyFileSync(path.join(ROOT, 'dist', name), path.join(dist, name));
  }
  chmodSync(root, 0o755);
  chmodSync(dist, 0o755);
  return dist;
}
const TEMPLATE = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n';

describe('robustness: scanning a hostile workspace', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => initParsersOnce());
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'secure-iac-robust-'));
  });
  afterEach(() => {
    try {
      chmodSync(path.join(dir, 'locked.yaml'), 0o644);
    } catch {
      // not every test locks a file
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('a symlink loop is walked once, and the templates beside it are scanned', async function () {
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a', 'ok.yaml'), TEMPLATE);
    symlinkSync(dir, path.join(dir, 'a', 'loop'));
    symlinkSync(path.join(dir, 'a', 'self.yaml'), path.join(dir, 'a', 'self.yaml'), 'file');
    const errors: { path: string; message: string }[] = [];
    const files = await walkFiles([dir], { onError: (e) => errors.push(e) });
    assert.deepEqual(files, [path.join(dir, 'a', 'ok.yaml')]);
    assert.equal(errors.length, 1, 'the self-referencing link is reported');
    assert.match(errors[0]?.message ?? '', /ELOOP|too many/i);
  });

  it('an unreadable file is reported and the others are scanned', async function () {
    writeFileSync(path.join(dir, 'ok.yaml'), TEMPLATE);
    writeFileSync(path.join(dir, 'locked.yaml'), TEMPLATE);
    chmodSync(path.join(dir, 'locked.yaml'), 0o000);
    let readable = true;
    try {
      readFileSync(path.join(dir, 'locked.yaml'));
    } catch {
      readable = false;
    }
    const result = await scanFiles([path.join(dir, 'locked.yaml'), path.join(dir, 'ok.yaml')]);
    assert.ok(result.files.some((f) => f.path.endsWith('ok.yaml') && f.findings.length > 0));
    if (readable) {
      // Root reads a mode-000 file anyway: the next test runs the CLI as an unprivileged user instead.
      assert.equal(process.getuid?.(), 0);
      return;
    }
    assert.deepEqual(
      result.readErrors.map((e) => path.basename(e.path)),
      ['locked.yaml'],
    );
    assert.match(result.readErrors[0]?.message ?? '', /EACCES|permission/i);
  });

  it('the CLI, run as an unprivileged user, reports an unreadable file, scans the others and exits 2', function () {
    writeFileSync(path.join(dir, 'ok.yaml'), TEMPLATE);
    writeFileSync(path.join(dir, 'locked.yaml'), TEMPLATE);
    chmodSync(path.join(dir, 'locked.yaml'), 0o000);
    chmodSync(dir, 0o755);
    // As root (CI containers), drop to `nobody` so the mode actually denies the read; otherwise run as we are.
    const asRoot = process.getuid?.() === 0;
    if (asRoot && spawnSync('setpriv', ['--version']).status !== 0) this.skip();
    // `nobody` may not be able to reach the checkout (a clone in a private temporary folder): it runs a copy of the
    // bundle (the CLI and the wasm files it loads) from a folder it can read.
    const bundle = asRoot ? readableBundle() : path.join(ROOT, 'dist');
    const cli = [path.join(bundle, 'cli.js'), 'scan', dir, '--format', 'json', '--fail-on', 'none', '--no-config'];
    let r;
    try {
      r = asRoot
        ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...cli], { encoding: 'utf8' })
        : spawnSync(process.execPath, cli, { encoding: 'utf8' });
    } finally {
      if (asRoot) rmSync(path.dirname(bundle), { recursive: true, force: true });
    }
    assert.equal(r.status, 2, r.stderr);
    const report = JSON.parse(r.stdout) as { findings: { file: string }[]; errors: { file: string; message: string }[] };
    assert.ok(report.findings.length > 0 && report.findings.every((f) => f.file.endsWith('ok.yaml')));
    assert.deepEqual(
      report.errors.map((e) => path.basename(e.file)),
      ['locked.yaml'],
    );
    assert.match(report.errors[0]?.message ?? '', /EACCES|permission/i);
    assert.match(r.stderr, /cannot read .*locked\.yaml/);
  });

  it('a file deleted between the walk and its read is reported, and the scan goes on', async function () {
    for (const name of ['a.yaml', 'b.yaml', 'c.yaml']) writeFileSync(path.join(dir, name), TEMPLATE);
    const files = await walkFiles([dir]);
    assert.equal(files.length, 3);
    unlinkSync(path.join(dir, 'b.yaml'));
    const result = await scanFiles(files);
    assert.deepEqual(
      result.files.map((f) => path.basename(f.path)),
      ['a.yaml', 'c.yaml'],
    );
    assert.deepEqual(
      result.readErrors.map((e) => path.basename(e.path)),
      ['b.yaml'],
    );
    assert.match(result.readErrors[0]?.message ?? '', /ENOENT|no such file/i);
  });

  it('a 20 MB template and a 5 MB single-line JSON get one "not checked" note each, not a scan', async function () {
    const big = TEMPLATE + '  # padding\n'.repeat(Math.ceil((20 * 1024 * 1024) / 12));
    writeFileSync(path.join(dir, 'big.yaml'), big);
    const resources = Array.from({ length: 60_000 }, (_, i) => `"B${i}":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":"bucket-${i}"}}`);
    writeFileSync(path.join(dir, 'line.json'), `{"AWSTemplateFormatVersion":"2010-09-09","Resources":{${resources.join(',')}}}`);
    writeFileSync(path.join(dir, 'ok.yaml'), TEMPLATE);
    const started = performance.now();
    const result = await scanFiles([path.join(dir, 'big.yaml'), path.join(dir, 'line.json'), path.join(dir, 'ok.yaml')]);
    assert.ok(performance.now() - started < 5000, 'large files are not parsed');
    assert.deepEqual(
      result.files.map((f) => path.basename(f.path)),
      ['ok.yaml'],
    );
    assert.deepEqual(
      result.readErrors.map((e) => [path.basename(e.path), e.skipped]),
      [
        ['big.yaml', true],
        ['line.json', true],
      ],
    );
    assert.match(result.readErrors[0]?.message ?? '', /^Not checked: this file is 20(\.\d)? MB, over the 2 MB limit/);
    // The limit is the option's: a lower one skips even the small template.
    const lowered = await scanFiles([path.join(dir, 'ok.yaml')], { maxFileSize: 50 });
    assert.deepEqual(lowered.files, []);
    assert.match(lowered.readErrors[0]?.message ?? '', /over the 50 bytes limit/);
  });
});

describe('maxFileSize: one limit for the CLI, the project config and the language server', function () {
  it('sizes are bytes or a number with a binary unit; anything else is refused', function () {
    assert.equal(parseByteSize(1234), 1234);
    assert.equal(parseByteSize('1234'), 1234);
    assert.equal(parseByteSize('500KB'), 500 * 1024);
    assert.equal(parseByteSize('4 mb'), 4 * 1024 * 1024);
    assert.equal(parseByteSize('1.5M'), 1.5 * 1024 * 1024);
    for (const bad of [0, -1, 1.5, '', 'lots', '5 TB', '-2MB', null, true]) assert.equal(parseByteSize(bad), undefined, String(bad));
  });

  it('the CLI takes --max-file-size and rejects a bad one', function () {
    const parsed = parseArgs(['scan', '--max-file-size', '4MB', '.'], new Set());
    assert.equal('maxFileSize' in parsed ? parsed.maxFileSize : undefined, 4 * 1024 * 1024);
    assert.throws(() => parseArgs(['scan', '--max-file-size', 'huge'], new Set()), UsageError);
  });

  it('the project config takes maxFileSize and locates a bad value', function () {
    assert.equal(validateConfig('maxFileSize: 3MB\n', new Set()).config.maxFileSize, 3 * 1024 * 1024);
    const bad = validateConfig('maxFileSize: lots\n', new Set());
    assert.equal(bad.config.maxFileSize, undefined);
    assert.equal(bad.diagnostics.length, 1);
    assert.equal(bad.diagnostics[0]?.range.start, 'maxFileSize: '.length);
  });

  it('the server setting defaults to the shared 2 MB and names a bad value', function () {
    assert.equal(normalizeSettings({}).settings.maxFileSize, DEFAULT_MAX_FILE_SIZE);
    assert.equal(DEFAULT_MAX_FILE_SIZE, 2 * 1024 * 1024);
    assert.equal(normalizeSettings({ maxFileSize: '10MB' }).settings.maxFileSize, 10 * 1024 * 1024);
    const bad = normalizeSettings({ maxFileSize: -5 });
    assert.equal(bad.settings.maxFileSize, DEFAULT_MAX_FILE_SIZE);
    assert.match(bad.problems.join('\n'), /secureIac\.maxFileSize/);
  });

  it('an open document over the limit gets one note when it is IaC, none when it is other JSON', function () {
    const limit = 1024;
    const pad = 'x'.repeat(2000);
    assert.equal(oversizeNote('file:///t.yaml', TEMPLATE, limit), undefined, 'within the limit');
    const note = oversizeNote('file:///t.yaml', TEMPLATE + `# ${pad}\n`, limit);
    assert.match(note?.message ?? '', /Not checked: this file is 2(\.\d)? KB, over the 1 KB limit/);
    assert.deepEqual(note?.range, { start: 0, end: 1 });
    assert.ok(oversizeNote('file:///main.tf', `# ${pad}`, limit), 'Terraform by its name');
    assert.equal(oversizeNote('file:///package-lock.json', JSON.stringify({ lockfileVersion: 3, pad }), limit), undefined);
    // Multi-byte text is measured in UTF-8 bytes, as on disk: 600 'é' are 1,200 bytes.
    assert.ok(oversizeNote('file:///main.tf', 'é'.repeat(600), limit));
  });
});
