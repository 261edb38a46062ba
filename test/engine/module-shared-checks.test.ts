// The instances of a called module share a check when none of them binds a variable it read (module-lint.ts,
// lint.ts `SharedChecks`): the result must be what each instance judged alone gives, whichever instance comes first.
import assert from 'node:assert/strict';
import { lintWithModules } from '../../server/src/engine/modules/module-lint';
import { ModuleGraph, type ModuleDir } from '../../server/src/engine/modules/module-graph';
import type { Finding } from '../../server/src/engine/types';
import type { IacDocument } from '../../server/src/model/document';
import { initParsers, parseDocument } from '../../server/src/parsers/index';

const CHILD = `variable "storage_encrypted" {
  type    = bool
  default = false
}

resource "aws_db_instance" "this" {
  engine            = "mysql"
  storage_encrypted = var.storage_encrypted
}
`;

const ROOT = '/tmp/secure-iac-shared-checks';

function caller(name: string, encrypted: boolean | undefined): string {
  const arg = encrypted === undefined ? '' : `  storage_encrypted = ${encrypted}\n`;
  return `module "db" {\n  source = "../../modules/db"\n${arg}}\n# ${name}\n`;
}

/** The child's findings of `rds-encryption` with every caller's arguments (undefined: the caller passes none). */
function childFindings(callers: Record<string, boolean | undefined>): Finding[] {
  const child = parseDocument(`${ROOT}/modules/db/main.tf`, CHILD) as IacDocument;
  const dirs = new Map<string, ModuleDir>([[`${ROOT}/modules/db`, { dir: `${ROOT}/modules/db`, docs: [child], tfvars: new Map() }]]);
  const docs = [child];
  for (const [name, encrypted] of Object.entries(callers)) {
    const doc = parseDocument(`${ROOT}/callers/${name}/main.tf`, caller(name, encrypted)) as IacDocument;
    docs.push(doc);
    dirs.set(`${ROOT}/callers/${name}`, { dir: `${ROOT}/callers/${name}`, docs: [doc], tfvars: new Map() });
  }
  const results = lintWithModules(new ModuleGraph(dirs), docs);
  return (results.get(child)?.findings ?? []).filter((f) => f.ruleId === 'rds-encryption');
}

/** The callers a finding's related locations name as deploying it. */
function deployedThrough(f: Finding): string[] {
  return (f.related ?? [])
    .filter((r) => r.message.startsWith('Deployed through'))
    .map((r) => /callers\/(\w+)\//.exec(r.uri)?.[1] ?? '?')
    .sort();
}

describe('module instances sharing checks', () => {
  before(async () => {
    await initParsers();
  });

  it('a check on a default shared between the instances that do not bind it, also when the first instance binds it', () => {
    for (const callers of [
      { a: true, b: undefined, c: undefined },
      { a: undefined, b: true, c: undefined },
      { a: undefined, b: undefined, c: true },
    ]) {
      const found = childFindings(callers);
      assert.equal(found.length, 1, JSON.stringify(callers));
      const unbound = Object.entries(callers)
        .filter(([, v]) => v === undefined)
        .map(([k]) => k)
        .sort();
      assert.deepEqual(deployedThrough(found[0] as Finding), unbound, JSON.stringify(callers));
    }
  });

  it('an instance binding the variable is judged on its own value, not on a shared default', () => {
    // b passes false: its finding is decided at its argument, in its own file, not shared with a and c.
    const found = childFindings({ a: undefined, b: false, c: undefined });
    assert.equal(found.length, 1);
    assert.deepEqual(deployedThrough(found[0] as Finding), ['a', 'c']);
    const all = childFindings({ a: false, b: false });
    assert.equal(all.length, 0, 'every caller decides: nothing is reported in the child');
  });
});
