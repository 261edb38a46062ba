// Nested stacks through the CLI (issue 11): the JSON report puts a finding a parent's value decides in the parent's
// file with the chain's address and related locations, SARIF carries them as relatedLocations, and naming a parent
// or a child (as pre-commit hooks do) gives each file the result of a directory scan.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../server/src/cli';
import { nestedChild, nestedParent } from '../harness/nested-stack-fixtures';

const CHILD = nestedChild('false');
const PARENT = nestedParent;

interface JsonFinding {
  file: string;
  startLine: number;
  resource: string;
  ruleId: string;
  message: string;
  related?: { file: string; startLine: number }[];
}

async function run(dir: string, args: string[]): Promise<string> {
  let out = '';
  const previous = process.cwd();
  process.chdir(dir);
  try {
    await main(
      ['scan', ...args, '--rule', 'rds-encryption', '--fail-on', 'none'],
      (t) => void (out += t),
      () => {},
    );
  } finally {
    process.chdir(previous);
  }
  return out;
}

const findings = async (dir: string, paths: string[]) => JSON.parse(await run(dir, [...paths, '--format', 'json'])).findings as JsonFinding[];

describe('CLI: nested stacks', () => {
  let root: string;
  before(() => (root = mkdtempSync(join(tmpdir(), 'secure-iac-stacks-cli-'))));
  after(() => rmSync(root, { recursive: true, force: true }));

  function write(files: Record<string, string>): string {
    const dir = mkdtempSync(join(root, 'case-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }

  for (const syntax of ['yaml', 'json'] as const) {
    it(`${syntax}: JSON puts the parent's value in the parent file, with the chain address and related locations; SARIF too`, async () => {
      const dir = write({
        [`stacks/db.${syntax}`]: CHILD[syntax],
        [`main.${syntax}`]: PARENT[syntax](`./stacks/db.${syntax}`, 'false'),
        [`ok.${syntax}`]: PARENT[syntax](`stacks/db.${syntax}`, 'true'),
      });
      const report = await findings(dir, ['.']);
      assert.equal(report.length, 1, JSON.stringify(report));
      const [finding] = report as [JsonFinding];
      assert.equal(finding.file, `main.${syntax}`);
      assert.equal(finding.startLine, 7);
      assert.equal(finding.resource, 'Db/Database');
      assert.match(finding.message, /\(Stack Db → AWS::RDS::DBInstance Database\)$/);
      assert.deepEqual(
        finding.related?.map((r) => [r.file, r.startLine]),
        [
          [`stacks/db.${syntax}`, syntax === 'yaml' ? 11 : 8],
          [`main.${syntax}`, syntax === 'yaml' ? 2 : 3],
        ],
      );
      const sarif = JSON.parse(await run(dir, ['.', '--format', 'sarif']));
      const [result] = sarif.runs[0].results;
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, `main.${syntax}`);
      assert.deepEqual(
        result.relatedLocations.map((r: { physicalLocation: { artifactLocation: { uri: string } } }) => r.physicalLocation.artifactLocation.uri),
        [`stacks/db.${syntax}`, `main.${syntax}`],
      );
    });

    it(`${syntax}: a named parent or child gives each file the result of a directory scan`, async () => {
      const dir = write({
        [`stacks/db.${syntax}`]: CHILD[syntax],
        [`a.${syntax}`]: PARENT[syntax](`./stacks/db.${syntax}`, 'false'),
        [`b.${syntax}`]: PARENT[syntax](`./stacks/db.${syntax}`, 'true'),
      });
      const key = (f: JsonFinding) => `${f.file}:${f.startLine}:${f.resource}`;
      const whole = (await findings(dir, ['.'])).map(key);
      assert.deepEqual(whole, [`a.${syntax}:7:Db/Database`]);
      for (const name of [`a.${syntax}`, `b.${syntax}`, `stacks/db.${syntax}`])
        assert.deepEqual(
          (await findings(dir, [name])).map(key),
          whole.filter((k) => k.startsWith(`${name}:`)),
          name,
        );
      // Every parent overrides the child's insecure default: named alone, the child is not judged on it.
      assert.deepEqual((await findings(dir, [`stacks/db.${syntax}`])).map(key), []);
    });
  }
});
