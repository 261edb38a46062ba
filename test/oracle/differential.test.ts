// The product's HCL parser against the tree-sitter oracle on every .tf file of the shared corpus: the models must be
// deep-equal (blocks, labels, attributes, expression kinds, ExprNode text and refs, offsets), except where the oracle
// departs from the HCL spec; those differences are counted by cause and printed with the spec reference.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { walkFiles } from '../../server/src/scan/walk';
import { compareParsers, countModel, ORACLE_QUIRKS, type QuirkName } from './differential';
import { initTerraformParser } from './tree-sitter-terraform';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');

describe('HCL parser vs the tree-sitter oracle (shared corpus)', function () {
  this.timeout(600_000);

  it('builds the same model as the oracle for every .tf file, differences only where the oracle departs from the spec', async function () {
    if (!existsSync(CORPUS)) {
      console.log('    skipped: ../shared/corpus not present');
      this.skip();
    }
    await initTerraformParser();
    const files = (await walkFiles([CORPUS])).filter((f) => f.endsWith('.tf'));
    const totals = { files: 0, blocks: 0, attributes: 0, expressions: 0 };
    const byCause = new Map<QuirkName, string[]>();
    const unexplained: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const { ours, quirks, difference } = compareParsers(file, text);
      const counts = countModel(ours);
      totals.files++;
      totals.blocks += counts.blocks;
      totals.attributes += counts.attributes;
      totals.expressions += counts.expressions;
      for (const q of quirks) byCause.set(q.cause, [...(byCause.get(q.cause) ?? []), `${file.slice(CORPUS.length + 1)} ${q.path}`]);
      if (difference)
        unexplained.push(`${file}: ${difference.path}: ours ${JSON.stringify(difference.ours)} oracle ${JSON.stringify(difference.oracle)}`);
    }
    console.log(
      `    compared ${totals.files} files: ${totals.blocks} blocks, ${totals.attributes} attributes, ${totals.expressions} expression nodes`,
    );
    for (const [cause, where] of byCause) {
      console.log(`    ${where.length} difference(s) from the oracle quirk '${cause}': ${ORACLE_QUIRKS[cause]}`);
      for (const w of where) console.log(`      ${w}`);
    }
    assert.ok(totals.files > 0);
    assert.deepEqual(unexplained, []);
  });
});
