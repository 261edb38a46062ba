// The short, seeded run of the random-edit consistency harness: after every edit (typing, deleting, value swaps,
// broken-then-repaired syntax, undo, a tfvars / parameter file changing on disk, settings changing), incremental
// results (findings, errors, quick fixes) equal a fresh lint. The long run: `npm run fuzz:incremental`.
import assert from 'node:assert/strict';
import { initParsers } from '../../server/src/parsers/index';
import { runConsistency } from '../harness/incremental-consistency';

describe('incremental results equal a fresh lint after random edits (seeded)', function () {
  this.timeout(180_000);
  before(() => initParsers());

  it('300 edits over CloudFormation YAML/JSON and a 3-file Terraform module: 0 differences, every kind of edit made', () => {
    const run = runConsistency({ seed: 20261207, steps: 300, maxDifferences: 1 });
    const first = run.differences[0];
    assert.equal(
      first,
      undefined,
      first && `step ${first.step} (${first.edit}) ${first.subject}/${first.file}\nincremental ${first.incremental}\nfresh       ${first.fresh}`,
    );
    for (const kind of ['type', 'delete', 'swap', 'break', 'repair', 'undo', 'inputs-file', 'settings', 'yaml-document'])
      assert.ok((run.edits[kind] ?? 0) > 0, kind);
  });
});
