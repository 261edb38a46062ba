// `secure-iac fix` judges files as `scan` does: a finding that a module call's argument (Terraform) or a parent
// stack's parameter value (CloudFormation) decides is reported in the caller's file, so `fix` edits the caller's
// value there, and the re-scan is clean (rds-encryption's fix needs --include-review: it replaces a deployed instance). Files that compose with nothing are fixed as before.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../server/src/cli';
import { nestedChild, nestedParent } from '../harness/nested-stack-fixtures';

const RULE = ['--rule', 'rds-encryption', '--jobs', '1', '--no-config'];

async function run(dir: string, args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const previous = process.cwd();
  process.chdir(dir);
  try {
    const code = await main(
      [...args, ...RULE],
      (t) => void (out += t),
      () => {},
    );
    return { code, out };
  } finally {
    process.chdir(previous);
  }
}

const DB_MODULE = `variable "storage_encrypted" {
  type    = bool
  default = true
}

resource "aws_db_instance" "this" {
  engine            = "mysql"
  storage_encrypted = var.storage_encrypted
}
`;

const ROOT = {
  tf: (v: boolean) => `module "db" {
  source            = "./modules/db"
  storage_encrypted = ${v}
}
`,
  'tf.json': (v: boolean) => `{
  "module": {
    "db": {
      "source": "./modules/db",
      "storage_encrypted": ${v}
    }
  }
}
`,
};

const CHILD = nestedChild('true');
const PARENT = nestedParent;

describe('CLI: fix through module calls and nested stacks', () => {
  let root: string;
  before(() => (root = mkdtempSync(join(tmpdir(), 'secure-iac-fix-compose-'))));
  after(() => rmSync(root, { recursive: true, force: true }));

  function write(files: Record<string, string>): string {
    const dir = mkdtempSync(join(root, 'case-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }
  const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

  for (const ext of ['tf', 'tf.json'] as const) {
    it(`${ext}: rewrites the root's module argument (the caller decides the finding); the child is untouched; re-scan clean`, async () => {
      const dir = write({ [`main.${ext}`]: ROOT[ext](false), 'modules/db/main.tf': DB_MODULE });
      const before = await run(dir, ['scan', '.', '--format', 'json']);
      assert.deepEqual(
        JSON.parse(before.out).findings.map((f: { file: string }) => f.file),
        [`main.${ext}`],
        'the scan reports the finding in the caller',
      );
      const dry = await run(dir, ['fix', '.', '--dry-run', '--include-review']);
      assert.equal(read(dir, `main.${ext}`), ROOT[ext](false), '--dry-run writes nothing');
      assert.match(dry.out, new RegExp(`^--- a/main\\.${ext.replace('.', '\\.')}\\n`));
      assert.match(dry.out, /Would apply 1 fix in 1 file; 0 findings left\.\n$/);
      const fixed = await run(dir, ['fix', '.', '--include-review']);
      assert.equal(fixed.code, 0, fixed.out);
      assert.equal(read(dir, `main.${ext}`), ROOT[ext](true));
      assert.equal(read(dir, 'modules/db/main.tf'), DB_MODULE);
      const after = await run(dir, ['scan', '.', '--format', 'json']);
      assert.deepEqual(JSON.parse(after.out).findings, []);
    });
  }

  for (const syntax of ['yaml', 'json'] as const) {
    it(`${syntax}: edits the parent stack's parameter value that decides the child's finding; re-scan clean`, async () => {
      const dir = write({ [`stacks/db.${syntax}`]: CHILD[syntax], [`main.${syntax}`]: PARENT[syntax](`./stacks/db.${syntax}`, 'false') });
      const fixed = await run(dir, ['fix', '.', '--include-review']);
      assert.equal(fixed.code, 0, fixed.out);
      assert.match(fixed.out, new RegExp(`^fixed main\\.${syntax} \\(1 fix\\)\\n`));
      assert.equal(read(dir, `main.${syntax}`), PARENT[syntax](`./stacks/db.${syntax}`, 'true'));
      assert.equal(read(dir, `stacks/db.${syntax}`), CHILD[syntax]);
      const after = await run(dir, ['scan', '.', '--format', 'json']);
      assert.deepEqual(JSON.parse(after.out).findings, []);
    });
  }

  it('a named child module is judged with its callers, as `scan` names it: a caller passing true leaves it alone', async () => {
    // Alone, the child's default (false) decides the finding; deployed, the caller's true does.
    const child = DB_MODULE.replace('default = true', 'default = false');
    const dir = write({ 'main.tf': ROOT.tf(true), 'modules/db/main.tf': child });
    assert.deepEqual(JSON.parse((await run(dir, ['scan', 'modules/db/main.tf', '--format', 'json'])).out).findings, []);
    const fixed = await run(dir, ['fix', 'modules/db/main.tf', '--include-review']);
    assert.equal(fixed.code, 0, fixed.out);
    assert.equal(fixed.out, 'Applied 0 fixes in 0 files; 0 findings left.\n');
    assert.equal(read(dir, 'modules/db/main.tf'), child);
  });

  it('files that compose with nothing are fixed on their own, as before', async () => {
    const alone = DB_MODULE.replace('var.storage_encrypted', 'false');
    const template = CHILD.yaml.replace('!Ref Encrypted', "'false'");
    const dir = write({ 'main.tf': alone, 'db.yaml': template });
    const fixed = await run(dir, ['fix', '.', '--include-review']);
    assert.equal(fixed.code, 0, fixed.out);
    assert.equal(read(dir, 'main.tf'), alone.replace('storage_encrypted = false', 'storage_encrypted = true'));
    assert.match(read(dir, 'db.yaml'), /StorageEncrypted: (')?true\1\n/);
    assert.deepEqual(JSON.parse((await run(dir, ['scan', '.', '--format', 'json'])).out).findings, []);
  });
});
