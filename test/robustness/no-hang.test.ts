// No input makes Secure IaC hang. Benchmark-style: each case runs once, prints its measured time, and asserts a bound
// far above it (a shared CI machine must not make it flaky) but far below what the unfixed code took (minutes, or
// never finishing: 2^30 steps for a doubling chain, exponential backtracking for a glob).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { lastNameWords, nameWords } from '../../rules/lib/secret-text';
import { parseProjectConfig } from '../../server/src/engine/config/config-file';
import { lintDocument } from '../../server/src/engine/lint/lint';
import type { IacDocument } from '../../server/src/model/document';
import { initParsers, parseDocument } from '../../server/src/parsers/index';
import { scanFiles } from '../../server/src/scan/scan-files';
import { walkFiles } from '../../server/src/scan/walk';
import { compileGlob, globProblem } from '../../server/src/workspace/glob';
import { GlobSet } from '../../server/src/workspace/paths';
import { allRules } from '../../rules/index';

/** Runs `work` once and returns its duration, printing it next to the bound the test asserts. */
function measure(label: string, bound: number, work: () => void): number {
  const started = performance.now();
  work();
  const ms = performance.now() - started;
  console.log(`      ${label}: ${ms.toFixed(1)} ms (bound ${bound} ms)`);
  return ms;
}

const EVERY_RULE = Object.fromEntries(allRules.map((r) => [r.id, 'on' as const]));

function lintAll(files: Record<string, string>): void {
  const docs = Object.entries(files).map(([name, text]) => parseDocument(`/ws/mod/${name}`, text) as IacDocument);
  for (const doc of docs) {
    const result = lintDocument(doc, { config: { rules: EVERY_RULE, requiredTags: ['Owner'], unresolved: 'info' }, module: docs });
    assert.deepEqual(result.ruleFailures, []);
  }
}

/** Resources whose rules read values deeply (policies as JSON, CIDR lists, scripts, environment variables). */
const READERS = (value: string) => `
resource "aws_iam_policy" "p" { policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ${value}, Resource = ${value} }] }) }
resource "aws_security_group" "g" {
  ingress {
    cidr_blocks = ${value}
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
  }
}
resource "aws_instance" "i" { user_data = join("", ${value}) }
resource "aws_lambda_function" "f" { environment { variables = { X = ${value} } } }
resource "aws_s3_bucket" "b" { bucket = ${value} }
`;

describe('no hang on any input (benchmark-style bounds)', function () {
  this.timeout(120_000);
  before(() => initParsers());

  describe('locals, variables and outputs: memoised, cycles cut', () => {
    const BOUND = 3_000;
    it(`locals { a = [local.a, local.a] } read by every rule < ${BOUND} ms`, () => {
      assert.ok(
        measure('self-reference', BOUND, () => lintAll({ 'main.tf': `locals { a = [local.a, local.a, local.a] }\n${READERS('local.a')}` })) < BOUND,
      );
    });
    it(`a 30-deep chain that doubles at each step < ${BOUND} ms`, () => {
      const chain = Array.from({ length: 30 }, (_, i) => `  l${i + 1} = [local.l${i}, local.l${i}]`).join('\n');
      assert.ok(measure('doubling chain', BOUND, () => lintAll({ 'main.tf': `locals {\n  l0 = "*"\n${chain}\n}\n${READERS('local.l30')}` })) < BOUND);
    });
    it(`mutual recursion across the files of a module (locals, variables, outputs) < ${BOUND} ms`, () => {
      const files = {
        'a.tf': `locals { a = [local.b, local.b, var.v] }\noutput "o" { value = [local.a, local.b] }\n${READERS('local.a')}`,
        'b.tf': `locals { b = [local.a, local.a] }\nvariable "v" { default = local.b }\n`,
      };
      assert.ok(measure('mutual recursion', BOUND, () => lintAll(files)) < BOUND);
    });
    it(`CloudFormation: a doubling chain of conditions and a self-referencing one < ${BOUND} ms`, () => {
      const conditions = Array.from({ length: 30 }, (_, i) => `  C${i + 1}: !Or [!Condition C${i}, !Condition C${i}]`).join('\n');
      const text = `Parameters:\n  P: {Type: String}\nConditions:\n  C0: !Equals [!Ref P, x]\n  Self: !And [!Condition Self, !Condition Self]\n${conditions}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Condition: C30\n  Q:\n    Type: AWS::SQS::Queue\n    Condition: Self\n    Properties:\n      KmsMasterKeyId: !If [C30, !If [Self, k, !Ref AWS::NoValue], !Ref AWS::NoValue]\n`;
      assert.ok(measure('conditions', BOUND, () => lintAll({ 'template.yaml': text })) < BOUND);
    });
  });

  describe('regular expressions on names and text', () => {
    it('param-noecho reads a 2 MB parameter name in < 50 ms (its splitter reads the end only, in one pass)', () => {
      const MB2 = 2 * 1024 * 1024;
      for (const [label, built] of [
        ['2 MB of camelCase words', 'Ab'.repeat(MB2 / 2) + 'DbPassword'],
        ['2 MB capital run', 'A'.repeat(MB2) + 'b'],
        ['2 MB of separators', '_-.'.repeat(MB2 / 3)],
      ] as const) {
        const name = JSON.parse(JSON.stringify(built)) as string; // a flat string, as a parser hands over (not a rope)
        assert.ok(measure(label, 50, () => lastNameWords(name, 3)) < 50);
      }
      assert.deepEqual(lastNameWords('Ab'.repeat(MB2 / 2) + 'DbPassword', 3), ['ab', 'db', 'password']);
      // The single-pass splitter itself stays linear on the whole name (a 2 MB capital run).
      assert.ok(measure('nameWords on a 2 MB capital run', 1_000, () => nameWords('A'.repeat(MB2) + 'b')) < 1_000);
    });
  });

  describe('exclude globs: backtracking-free, or rejected over a limit', () => {
    it('`*a*a*…*b` against a name of 40 `a`s matches in < 10 ms', () => {
      const glob = '*a'.repeat(20) + '*b';
      const name = 'a'.repeat(40);
      const set = new GlobSet([glob]);
      assert.ok(measure('pathological glob', 10, () => assert.equal(set.matches(name), false)) < 10);
      assert.equal(new GlobSet([glob]).matches(name + 'b'), true);
    });
    it('matches as picomatch does on the globs users write', () => {
      const globs = [
        '**/node_modules',
        'build/**',
        'test/fixtures/**',
        '**/*.test.yaml',
        '*.{yaml,yml}',
        '**/generated/*.json',
        'a/**/b',
        '**/.terraform',
        '[abc]*.tf',
        'docs/?.md',
        '**',
        'x/*/y',
      ];
      const paths = [
        'node_modules',
        'a/node_modules',
        'build',
        'build/x/y.yaml',
        'test/fixtures/a.yaml',
        'test/x.yaml',
        'a/b/c.test.yaml',
        'c.yaml',
        'c.yml',
        'c.json',
        'x/generated/a.json',
        'generated/a.json',
        'a/b',
        'a/x/y/b',
        'a/x/b/c',
        '.terraform',
        'm/.terraform',
        'a.tf',
        'd.tf',
        'bx.tf',
        'ax.tf',
        'docs/a.md',
        'docs/ab.md',
        'x/q/y',
        'x/y',
        'x/q/r/y',
      ];
      for (const glob of globs) {
        const ours = compileGlob(glob);
        const theirs = picomatch(glob, { dot: true });
        for (const p of paths) assert.equal(ours?.(p), theirs(p), `${glob} on ${p}`);
      }
    });
    it('[!a] and [^a] are negated classes, as in VS Code', () => {
      assert.equal(compileGlob('[!a]x.tf')?.('bx.tf'), true);
      assert.equal(compileGlob('[^a]x.tf')?.('ax.tf'), false);
    });
    it('a glob past the complexity limit is one located error in .secure-iac.yaml and excludes nothing', () => {
      const huge = '{a,b}'.repeat(8);
      assert.match(globProblem(huge) ?? '', /more than 64 brace alternatives/);
      const text = `exclude:\n  - ok/**\n  - "${huge}"\n`;
      const { config, diagnostics } = parseProjectConfig(text, new Set());
      assert.deepEqual(config.exclude, ['ok/**']);
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0]?.line, 3);
      assert.equal(new GlobSet([huge]).matches('aaaaaaaa'), false);
    });
  });

  describe('only regular files are read', () => {
    let dir: string;
    before(function () {
      dir = mkdtempSync(path.join(tmpdir(), 'fifo-'));
      mkdirSync(path.join(dir, 'm'));
      writeFileSync(path.join(dir, 'm', 'main.tf'), 'resource "aws_s3_bucket" "b" {}\n');
      try {
        execFileSync('mkfifo', [path.join(dir, 'm', 'pipe.tf'), path.join(dir, 'm', 'terraform.tfvars'), path.join(dir, 'template.yaml')]);
      } catch {
        this.skip();
      }
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('the walk skips FIFOs named like templates and reports each once as "not a regular file"; the scan never blocks', async () => {
      const errors: { path: string; message: string; skipped?: true }[] = [];
      const files = await walkFiles([dir, path.join(dir, 'template.yaml')], { onError: (e) => errors.push(e) });
      assert.deepEqual(files, [path.join(dir, 'm', 'main.tf')]);
      assert.deepEqual(
        errors.map((e) => [path.relative(dir, e.path), e.message, e.skipped]).sort(),
        [
          ['m/pipe.tf', 'not a regular file', true],
          ['template.yaml', 'not a regular file', true],
        ].sort(),
      );
      // A FIFO handed to the scan directly (e.g. it became one after the walk), and a FIFO terraform.tfvars.
      const result = await scanFiles([path.join(dir, 'm', 'main.tf'), path.join(dir, 'm', 'pipe.tf')]);
      assert.equal(result.files.length, 1);
      assert.deepEqual(result.readErrors, [{ path: path.join(dir, 'm', 'pipe.tf'), message: 'not a regular file', skipped: true }]);
    });
  });
});
