// Terraform module calls judged as deployed (issue 11): callers' arguments bound to the child's variables, findings at
// the value that decides them, in native HCL and in .tf.json, through the scan engine and the CLI's JSON report.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../server/src/cli';
import type { Finding } from '../../server/src/engine/types';
import { initParsers } from '../../server/src/parsers/index';
import { scanFiles } from '../../server/src/scan/scan-files';
import { walkFiles } from '../../server/src/scan/walk';
import { partitionByDirectory } from '../../server/src/scan/partition';

type Syntax = 'hcl' | 'json';

/** A module call in either syntax: `args` are HCL expressions (for JSON: JSON values, `${...}` for references). */
function call(syntax: Syntax, name: string, source: string, args: Record<string, { hcl: string; json: unknown }>): string {
  if (syntax === 'hcl')
    return `module "${name}" {\n  source = "${source}"\n${Object.entries(args)
      .map(([k, v]) => `  ${k} = ${v.hcl}\n`)
      .join('')}}\n`;
  return JSON.stringify({ module: { [name]: { source, ...Object.fromEntries(Object.entries(args).map(([k, v]) => [k, v.json])) } } }, null, 2);
}

const file = (syntax: Syntax, base: string) => (syntax === 'hcl' ? `${base}.tf` : `${base}.tf.json`);
const lit = (v: boolean | number | string) => ({ hcl: JSON.stringify(v), json: v });
const ref = (expr: string) => ({ hcl: expr, json: `\${${expr}}` });

const DB_MODULE = `variable "storage_encrypted" {
  type    = bool
  default = false
}

resource "aws_db_instance" "this" {
  engine            = "mysql"
  storage_encrypted = var.storage_encrypted
}
`;

/** The child passes its own input on to the db module (two levels of nesting). */
const APP_MODULE = `variable "encrypted" {
  type = bool
}

module "db" {
  source            = "../db"
  storage_encrypted = var.encrypted
}
`;

let root: string;

function write(files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, 'case-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

interface Seen {
  file: string;
  text: string;
  finding: Finding;
}

async function scan(dir: string, options: Parameters<typeof scanFiles>[1] = {}, paths?: string[]): Promise<Seen[]> {
  const result = await scanFiles(paths ?? (await walkFiles([dir])), { ...options, config: { only: ['rds-encryption'], ...options.config } });
  return result.files.flatMap((f) =>
    f.findings
      .filter((x) => !x.suppressed)
      .map((finding) => ({ file: f.path.slice(dir.length + 1), text: f.text.slice(finding.range.start, finding.range.end), finding })),
  );
}

describe('engine: Terraform module calls', () => {
  before(async () => {
    await initParsers();
    root = mkdtempSync(join(tmpdir(), 'secure-iac-modules-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const syntax of ['hcl', 'json'] as const) {
    describe(syntax === 'hcl' ? 'HCL callers' : '.tf.json callers', () => {
      it("reports a caller's insecure argument at the argument, with the chain, a related location in the child and a fix there", async () => {
        const dir = write({
          'modules/db/main.tf': DB_MODULE,
          [file(syntax, 'root/main')]: call(syntax, 'db', '../modules/db', { storage_encrypted: lit(false) }),
        });
        const seen = await scan(dir);
        assert.equal(seen.length, 1, JSON.stringify(seen.map((s) => s.finding.message)));
        const [{ file: where, text, finding }] = seen as [Seen];
        assert.equal(where, file(syntax, 'root/main'));
        assert.equal(text, 'false');
        assert.match(finding.message, /\(module\.db → aws_db_instance\.this\)$/);
        assert.equal(finding.resource?.address, 'module.db.aws_db_instance.this');
        assert.ok(finding.related?.some((r) => r.uri.endsWith('modules/db/main.tf') && r.start.line === 7));
        assert.deepEqual(
          finding.fixes[0]?.edits.map((e) => e.newText),
          ['true'],
        );
      });

      it('does not report a child default that every caller overrides', async () => {
        const dir = write({
          'modules/db/main.tf': DB_MODULE,
          [file(syntax, 'root/main')]: call(syntax, 'db', '../modules/db', { storage_encrypted: lit(true) }),
          [file(syntax, 'other/main')]:
            call(syntax, 'db', '../modules/db', { storage_encrypted: ref('var.enc') }) +
            (syntax === 'hcl' ? 'variable "enc" {\n  default = true\n}\n' : ''),
          ...(syntax === 'json' ? { 'other/variables.tf': 'variable "enc" {\n  default = true\n}\n' } : {}),
        });
        assert.deepEqual(await scan(dir), []);
      });

      it("reports the child's default in the child, once, when a caller leaves it unset", async () => {
        const dir = write({
          'modules/db/main.tf': DB_MODULE,
          [file(syntax, 'a/main')]: call(syntax, 'db', '../modules/db', {}),
          [file(syntax, 'b/main')]: call(syntax, 'db', '../modules/db', {}),
        });
        const seen = await scan(dir);
        assert.equal(seen.length, 1);
        assert.equal(seen[0]?.file, 'modules/db/main.tf');
        // Both chains are named among the related locations.
        assert.equal(seen[0]?.finding.related?.filter((r) => r.message.startsWith('Deployed through')).length, 2);
      });

      it('reports the same insecure value from two callers once per deciding location', async () => {
        const dir = write({
          'modules/db/main.tf': DB_MODULE.replace('default = false', 'default = true'),
          [file(syntax, 'a/main')]: call(syntax, 'db', '../modules/db', { storage_encrypted: lit(false) }),
          [file(syntax, 'b/main')]: call(syntax, 'db', '../modules/db', { storage_encrypted: lit(false) }),
        });
        const seen = await scan(dir);
        assert.deepEqual(seen.map((s) => s.file).sort(), [file(syntax, 'a/main'), file(syntax, 'b/main')]);
      });

      it("follows the caller's variables through tfvars and a root --var-file", async () => {
        const files = {
          'modules/db/main.tf': DB_MODULE.replace('default = false', 'default = true'),
          [file(syntax, 'root/main')]: call(syntax, 'db', '../modules/db', { storage_encrypted: ref('var.enc') }),
          'root/variables.tf': 'variable "enc" {\n  default = true\n}\n',
        };
        assert.deepEqual(await scan(write(files)), []);
        const withTfvars = await scan(write({ ...files, 'root/terraform.tfvars': 'enc = false\n' }));
        assert.equal(withTfvars.length, 1);
        assert.equal(withTfvars[0]?.file, file(syntax, 'root/main'));
        const dir = write(files);
        writeFileSync(join(dir, 'prod.tfvars'), 'enc = false\n');
        const withVarFile = await scan(
          dir,
          { varFiles: [join(dir, 'prod.tfvars')] },
          (await walkFiles([dir])).filter((p) => !p.endsWith('.tfvars')),
        );
        assert.equal(withVarFile.length, 1);
      });

      it('binds through two levels of calls and reports at the top caller', async () => {
        const dir = write({
          'modules/db/main.tf': DB_MODULE.replace('default = false', 'default = true'),
          'modules/app/main.tf': APP_MODULE,
          [file(syntax, 'root/main')]: call(syntax, 'app', '../modules/app', { encrypted: lit(false) }),
        });
        const seen = await scan(dir);
        assert.equal(seen.length, 1);
        assert.equal(seen[0]?.file, file(syntax, 'root/main'));
        assert.match(seen[0]?.finding.message ?? '', /module\.app → module\.db → aws_db_instance\.this/);
        assert.equal(seen[0]?.finding.resource?.address, 'module.app.module.db.aws_db_instance.this');
      });

      it('leaves an input the caller cannot resolve silent, and says so with unresolved: info', async () => {
        const dir = write({
          'modules/db/main.tf': DB_MODULE,
          [file(syntax, 'root/main')]: call(syntax, 'db', '../modules/db', { storage_encrypted: ref('var.no_default') }),
          'root/variables.tf': 'variable "no_default" {\n  type = bool\n}\n',
        });
        assert.deepEqual(await scan(dir), []);
        const notes = await scan(dir, { config: { unresolved: 'info', only: ['rds-encryption'] } });
        assert.equal(notes.length, 1);
        assert.equal(notes[0]?.finding.messageId, 'cannotVerify');
      });

      it('creates nothing for count = 0, and names instances of count and for_each', async () => {
        const child = DB_MODULE.replace('default = false', 'default = true');
        const none = write({
          'modules/db/main.tf': child,
          [file(syntax, 'root/main')]: call(syntax, 'db', '../modules/db', { count: lit(0), storage_encrypted: lit(false) }),
        });
        assert.deepEqual(await scan(none), []);
        const two = write({
          'modules/db/main.tf': child,
          [file(syntax, 'root/main')]: call(syntax, 'db', '../modules/db', { count: lit(2), storage_encrypted: lit(false) }),
        });
        const counted = await scan(two);
        assert.equal(counted.length, 1);
        assert.equal(counted[0]?.finding.resource?.address, 'module.db[0].aws_db_instance.this');
        const keyed = write({
          'modules/db/main.tf': child,
          [file(syntax, 'root/main')]: call(syntax, 'db', '../modules/db', {
            for_each: { hcl: '{ a = false, b = true }', json: { a: false, b: true } },
            storage_encrypted: ref('each.value'),
          }),
        });
        const each = await scan(keyed);
        assert.equal(each.length, 1);
        assert.equal(each[0]?.finding.resource?.address, 'module.db["a"].aws_db_instance.this');
      });

      it('reads a registry module from the directory terraform init recorded, and leaves it unresolved without one', async () => {
        const files = {
          '.terraform/modules/db/main.tf': DB_MODULE.replace('default = false', 'default = true'),
          [file(syntax, 'main')]: call(syntax, 'db', 'terraform-aws-modules/rds/aws', { storage_encrypted: lit(false) }),
        };
        const withoutManifest = write(files);
        assert.deepEqual(await scan(withoutManifest), []);
        const withManifest = write({
          ...files,
          '.terraform/modules/modules.json': JSON.stringify({
            Modules: [
              { Key: '', Source: '', Dir: '.' },
              { Key: 'db', Source: 'registry.terraform.io/terraform-aws-modules/rds/aws', Dir: '.terraform/modules/db' },
            ],
          }),
        });
        const seen = await scan(withManifest);
        assert.equal(seen.length, 1);
        assert.equal(seen[0]?.file, file(syntax, 'main'));
      });

      it("reads another module's output passed as an argument", async () => {
        const dir = write({
          'modules/db/main.tf': DB_MODULE.replace('default = false', 'default = true'),
          'modules/settings/main.tf': 'output "encrypted" {\n  value = false\n}\n',
          [file(syntax, 'root/main')]: call(syntax, 'db', '../modules/db', { storage_encrypted: ref('module.settings.encrypted') }),
          'root/settings.tf': 'module "settings" {\n  source = "../modules/settings"\n}\n',
        });
        const seen = await scan(dir);
        assert.equal(seen.length, 1);
      });

      it('judges a child no caller reaches on its defaults, as before', async () => {
        const dir = write({ 'modules/db/main.tf': DB_MODULE });
        const seen = await scan(dir);
        assert.equal(seen.length, 1);
        assert.equal(seen[0]?.file, 'modules/db/main.tf');
        assert.equal(seen[0]?.finding.resource?.address, 'aws_db_instance.this');
      });
    });
  }

  it('CLI JSON: the finding is in the caller file with the full address and related locations', async () => {
    const dir = write({ 'modules/db/main.tf': DB_MODULE, 'root/main.tf': call('hcl', 'db', '../modules/db', { storage_encrypted: lit(false) }) });
    let out = '';
    const previous = process.cwd();
    process.chdir(dir);
    try {
      await main(
        ['scan', '.', '--rule', 'rds-encryption', '--format', 'json', '--fail-on', 'none'],
        (t) => void (out += t),
        () => {},
      );
    } finally {
      process.chdir(previous);
    }
    const report = JSON.parse(out);
    assert.equal(report.findings.length, 1, out);
    const [finding] = report.findings;
    assert.equal(finding.file, 'root/main.tf');
    assert.equal(finding.startLine, 3);
    assert.equal(finding.resource, 'module.db.aws_db_instance.this');
    assert.deepEqual(
      finding.related.map((r: { file: string; startLine: number }) => [r.file, r.startLine]),
      [
        ['modules/db/main.tf', 8],
        ['root/main.tf', 1],
      ],
    );
  });

  it('parallel scans keep a caller and the local modules it calls in one work unit', () => {
    const paths = ['/w/a/main.tf', '/w/b/main.tf', '/w/modules/db/main.tf', '/w/modules/app/main.tf'];
    const sources: Record<string, string[]> = { '/w/a/main.tf': ['../modules/app'], '/w/modules/app/main.tf': ['../db'] };
    const units = partitionByDirectory(
      paths,
      () => 1,
      (p) => sources[p] ?? [],
    );
    assert.deepEqual(units.map((u) => u.indices).sort(), [[0, 2, 3], [1]]);
  });

  it('CLI: a named child file (as pre-commit hooks scan) gives the same result as a directory scan', async () => {
    const dir = write({
      'modules/db/main.tf': DB_MODULE,
      'modules/db/log.tf': 'resource "aws_cloudwatch_log_group" "db" {\n  retention_in_days = var.retention\n}\n',
      'modules/db/variables.tf': 'variable "retention" {\n  default = 1\n}\n',
      'root/main.tf': call('hcl', 'db', '../modules/db', { storage_encrypted: lit(true), retention: lit(365) }),
      'other/main.tf': call('hcl', 'db', '../modules/db', { storage_encrypted: lit(true) }),
    });
    const run = async (paths: string[]) => {
      let out = '';
      const previous = process.cwd();
      process.chdir(dir);
      try {
        await main(
          ['scan', ...paths, '--rule', 'rds-encryption', '--rule', 'logs-retention', '--format', 'json', '--fail-on', 'none'],
          (t) => void (out += t),
          () => {},
        );
      } finally {
        process.chdir(previous);
      }
      return (JSON.parse(out).findings as { file: string; ruleId: string; startLine: number }[]).map((f) => `${f.file}:${f.startLine}:${f.ruleId}`);
    };
    const whole = (await run(['.'])).filter((f) => f.startsWith('modules/db/log.tf'));
    // One caller leaves the retention at the default of variables.tf (a sibling): reported in log.tf, named or not.
    assert.deepEqual(whole, ['modules/db/log.tf:2:logs-retention']);
    assert.deepEqual(await run(['modules/db/log.tf']), whole);
    // Every caller overrides the encryption default: named alone, main.tf is not judged on it.
    assert.deepEqual(await run(['modules/db/main.tf']), []);
  });
});
