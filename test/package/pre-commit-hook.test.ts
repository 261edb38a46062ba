// The pre-commit hook as pre-commit runs it: its entry with the staged file names appended, exit code deciding.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { main } from '../../server/src/cli';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude?: string;
}

const hooks = parse(readFileSync(resolve(__dirname, '..', '..', '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

describe('pre-commit hook', () => {
  const hook = hooks.find((h) => h.id === 'secure-iac');
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'secure-iac-hook-'));
    mkdirSync(join(dir, 'infra'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** What pre-commit does: filter staged names by `files`/`exclude`, then run `entry` with them appended. */
  async function runHook(staged: string[]): Promise<{ code: number; out: string }> {
    assert.ok(hook);
    const files = new RegExp(hook.files);
    const exclude = hook.exclude ? new RegExp(hook.exclude) : undefined;
    const names = staged.filter((f) => files.test(f) && !exclude?.test(f));
    const [command, ...args] = hook.entry.split(' ');
    assert.equal(command, 'secure-iac', 'the entry runs the package bin');
    let out = '';
    const previous = process.cwd();
    process.chdir(dir);
    try {
      const code = await main(
        [...args, '--jobs', '1', ...names],
        (t) => void (out += t),
        (t) => void (out += t),
      );
      return { code, out };
    } finally {
      process.chdir(previous);
    }
  }

  it('is a node hook on CloudFormation and Terraform file names', () => {
    assert.equal(hook?.language, 'node');
    const files = new RegExp(hook?.files ?? '$^');
    for (const name of ['main.tf', 'a/b.tf.json', 'stack.yaml', 'stack.yml', 'stack.json', 'app.template']) assert.ok(files.test(name), name);
    for (const name of ['README.md', 'main.go', 'terraform.tfvars']) assert.ok(!files.test(name), name);
  });

  it('fails the commit on a finding in a staged file and passes on clean or non-template files', async () => {
    writeFileSync(
      join(dir, 'infra', 'main.tf'),
      'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 10\n  encrypted         = false\n}\n',
    );
    writeFileSync(join(dir, 'package.json'), '{"name": "x"}\n');
    writeFileSync(join(dir, 'notes.md'), '# notes\n');
    const failing = await runHook(['infra/main.tf', 'package.json', 'notes.md']);
    assert.equal(failing.code, 1);
    assert.match(failing.out, /^infra\/main\.tf$/m);
    assert.match(failing.out, /^  4:23 +high +ebs-encryption /m);
    assert.doesNotMatch(failing.out, /package\.json|notes\.md/);
    writeFileSync(
      join(dir, 'topic.yaml'),
      'Resources:\n  Alerts:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: alias/aws/sns\n',
    );
    const clean = await runHook(['topic.yaml', 'package.json']);
    assert.equal(clean.code, 0, clean.out);
    assert.match(clean.out, /No findings in 1 file scanned/);
  });
});
