// Parallel scanning: worker threads give the serial scan's result, in its order, keep Terraform modules whole and
// report the files of a worker that died instead of dropping them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { initParsers } from '../../server/src/parsers/index';
import { scanFilesParallel } from '../../server/src/scan/parallel';
import { partitionByDirectory } from '../../server/src/scan/partition';
import { scanFiles, type ScanResult } from '../../server/src/scan/scan-files';
import { walkFiles } from '../../server/src/scan/walk';
import { CORPUS, needsCorpus } from '../harness/corpus';

const ROOT = resolve(__dirname, '../..');
const DIST = join(ROOT, 'dist');
const WORKER = join(DIST, 'scan-worker.js');
const CLI = join(DIST, 'cli.js');
const REALWORLD = join(CORPUS, 'realworld');

/** Findings and errors as the report sees them, without the texts, so a mismatch prints readably. */
function summary(result: ScanResult) {
  return {
    files: result.files.map((f) => ({ path: f.path, findings: f.findings, errors: f.errors, ruleFailures: f.ruleFailures, length: f.text.length })),
    readErrors: result.readErrors,
  };
}

/** A workspace of `count` directories, each a two-file Terraform module whose bucket is versioned only by the sibling file. */
function moduleTree(root: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const dir = join(root, `mod${String(i).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'bucket.tf'), `resource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\n`);
    writeFileSync(
      join(dir, 'versioning.tf'),
      `resource "aws_s3_bucket_versioning" "v" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\nvariable "name" {}\n`,
    );
    writeFileSync(join(dir, 'terraform.tfvars'), `name = "bucket-${i}"\n`);
    // A lone bucket next to the modules: it has no versioning, so the rule must fire for it and only it.
    writeFileSync(join(root, `lone${i}.tf`), `resource "aws_s3_bucket" "lone${i}" {\n  bucket = "lone-${i}"\n}\n`);
    writeFileSync(join(dir, 'broken.yaml'), `AWSTemplateFormatVersion: "2010-09-09"\nResources: [unclosed\n`);
  }
}

describe('parallel scan', function () {
  this.timeout(120_000);
  let tmp: string;

  before(async function () {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run 'node esbuild.mjs' first`);
    await initParsers();
    tmp = mkdtempSync(join(tmpdir(), 'secure-iac-parallel-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('partitions by directory, so a module never straddles two units', () => {
    const paths = ['/w/a/main.tf', '/w/a/b/x.tf', '/w/a/vars.tf', '/w/c.yaml', '/w/a/b/y.tf'];
    const units = partitionByDirectory(paths, (p) => p.length);
    assert.deepEqual(units.map((u) => u.indices).sort(), [[0, 2], [1, 4], [3]]);
    assert.equal(
      units.reduce((n, u) => n + u.bytes, 0),
      paths.join('').length,
    );
  });

  it('keeps Terraform modules and their tfvars whole across workers', async () => {
    const root = join(tmp, 'modules');
    moduleTree(root, 12);
    const paths = await walkFiles([root]);
    const serial = await scanFiles(paths);
    const parallel = await scanFilesParallel(paths, { jobs: 3, workerScript: WORKER, minParallelBytes: 0 });
    assert.deepEqual(summary(parallel), summary(serial));
    const versioning = parallel.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 's3-versioning').map(() => f.path));
    assert.deepEqual(versioning, Array.from({ length: 12 }, (_, i) => join(root, `lone${i}.tf`)).sort());
    assert.equal(parallel.files.filter((f) => f.path.endsWith('broken.yaml') && f.errors.length > 0).length, 12);
  });

  it('gives the serial result in the serial order for real templates, whatever the number of workers', async function () {
    needsCorpus(this, 'realworld');
    const paths = await walkFiles([
      join(REALWORLD, 'terraform-aws-eks'),
      join(REALWORLD, 'terraform-aws-vpc'),
      join(REALWORLD, 'aws-cloudformation-templates'),
    ]);
    const serial = summary(await scanFiles(paths));
    assert.ok(serial.files.length > 100 && serial.files.some((f) => f.findings.length > 0));
    // jobs 1 past the threshold: this thread alone, unit by unit (one unit's documents alive at a time).
    for (const jobs of [1, 2, 3])
      assert.deepEqual(summary(await scanFilesParallel(paths, { jobs, workerScript: WORKER, minParallelBytes: 0 })), serial);
  });

  it('reports the files of a unit whose worker keeps dying, and keeps every other result', async () => {
    const root = join(tmp, 'crash');
    moduleTree(root, 6);
    mkdirSync(join(root, 'crash-here'));
    writeFileSync(join(root, 'crash-here', 'main.tf'), 'resource "aws_s3_bucket" "c" {}\n');
    // A worker that dies whenever it claims or is handed the crash-here directory (its listener is registered first, so
    // it wins; a claim is announced before the unit is linted).
    const crashing = join(tmp, 'crashing-worker.js');
    writeFileSync(
      crashing,
      `const { parentPort, workerData } = require('node:worker_threads');\n` +
        `const crashes = (paths) => paths.some((p) => p.includes('crash-here'));\n` +
        `parentPort.on('message', (m) => { if (crashes(m.paths)) process.exit(7); });\n` +
        `const post = parentPort.postMessage.bind(parentPort);\n` +
        `parentPort.postMessage = (m) => { if (m.claimed !== undefined && crashes(workerData.claims.units[m.claimed])) process.exit(7); post(m); };\n` +
        `require(${JSON.stringify(WORKER)});\n`,
    );
    const paths = await walkFiles([root]);
    // Workers only: with this thread linting too, which thread gets the crash-here unit would depend on timing.
    const result = await scanFilesParallel(paths, { jobs: 2, workerScript: crashing, minParallelBytes: 0, lintInMainThread: false });
    const serial = await scanFiles(paths.filter((p) => !p.includes('crash-here')));
    assert.deepEqual(summary({ ...result, readErrors: [] }), summary(serial));
    assert.deepEqual(
      result.readErrors.map((e) => e.path),
      [join(root, 'crash-here', 'main.tf')],
    );
    assert.match(result.readErrors[0]?.message ?? '', /not scanned: the scan worker stopped with exit code 7/);
  });

  it('fails loudly when workers cannot run at all and no other thread lints', async () => {
    const root = join(tmp, 'no-workers');
    moduleTree(root, 4);
    const dead = join(tmp, 'dead-worker.js');
    writeFileSync(dead, `throw new Error('broken bundle');\n`);
    await assert.rejects(
      scanFilesParallel(await walkFiles([root]), { jobs: 2, workerScript: dead, minParallelBytes: 0, lintInMainThread: false }),
      /scan workers keep failing: .*broken bundle/,
    );
  });

  it('finishes the scan in the main thread when workers cannot run at all', async () => {
    const root = join(tmp, 'no-workers-main');
    moduleTree(root, 4);
    const dead = join(tmp, 'dead-worker-2.js');
    writeFileSync(dead, `throw new Error('broken bundle');\n`);
    const paths = await walkFiles([root]);
    const result = await scanFilesParallel(paths, { jobs: 3, workerScript: dead, minParallelBytes: 0 });
    assert.deepEqual(summary(result), summary(await scanFiles(paths)));
  });

  it('shares the units between the main thread and the workers, and gives the serial result', async () => {
    const root = join(tmp, 'shared');
    moduleTree(root, 40);
    // A worker that counts what it is handed, in a file of its own, so the test sees that both kinds of thread linted.
    const log = join(tmp, 'handed.log');
    const counting = join(tmp, 'counting-worker.js');
    writeFileSync(
      counting,
      `const { parentPort, workerData } = require('node:worker_threads');\n` +
        `const post = parentPort.postMessage.bind(parentPort);\n` +
        `parentPort.postMessage = (m) => { if (m.claimed !== undefined) require('node:fs').appendFileSync(${JSON.stringify(log)}, workerData.claims.units[m.claimed].length + '\\n'); post(m); };\n` +
        `require(${JSON.stringify(WORKER)});\n`,
    );
    const paths = await walkFiles([root]);
    const result = await scanFilesParallel(paths, { jobs: 2, workerScript: counting, minParallelBytes: 0 });
    assert.deepEqual(summary(result), summary(await scanFiles(paths)));
    const inWorker = existsSync(log)
      ? readFileSync(log, 'utf8')
          .trim()
          .split('\n')
          .map(Number)
          .reduce((a, b) => a + b, 0)
      : 0;
    assert.ok(inWorker < paths.length, `the main thread linted nothing (${inWorker} of ${paths.length} files went to the worker)`);
  });

  it('rejects with the scan error a serial scan would raise', async () => {
    const root = join(tmp, 'modules-varfile');
    moduleTree(root, 2);
    const paths = await walkFiles([root]);
    const options = { varFiles: [join(tmp, 'missing.tfvars')] };
    await assert.rejects(scanFiles(paths, options), /cannot read var file/);
    await assert.rejects(scanFilesParallel(paths, { ...options, jobs: 2, workerScript: WORKER, minParallelBytes: 0 }), /cannot read var file/);
  });

  it('prints the same report with --jobs 1 and --jobs 2, and refuses a bad --jobs', function () {
    needsCorpus(this, 'realworld');
    const cli = (...args: string[]) =>
      execFileSync(
        process.execPath,
        [
          CLI,
          'scan',
          join(REALWORLD, 'terraform-aws-eks'),
          join(REALWORLD, 'terraform-aws-vpc'),
          '--format',
          'json',
          '--fail-on',
          'none',
          '--no-config',
          ...args,
        ],
        { cwd: tmp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
      );
    const one = cli('--jobs', '1');
    assert.ok(JSON.parse(one).filesScanned > 50);
    assert.equal(cli('--jobs', '2'), one);
    assert.throws(() => cli('--jobs', '0'), /--jobs needs a whole number/);
  });
});
