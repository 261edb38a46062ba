// The fix safety sweep on a seeded sample of the corpora (the whole sweep is `npm run fix-sweep`), and the sweep's
// own checks: a fix that breaks parsing, leaves its finding or makes another rule fire is caught.
import assert from 'node:assert/strict';
import { kicsFiles, problemsAfter, realworldFiles, sample, sweep } from '../scripts/fix-sweep';
import { lintText } from '../server/src/engine/lint/lint';
import { applyEdits } from '../server/src/engine/positions';
import { initParsers } from '../server/src/parsers/index';
import { needsCorpus } from './harness/corpus';
import { dedent } from './harness/sources';

describe('fix sweep', () => {
  before(() => initParsers());

  it('every fix on a seeded sample of the corpora re-parses, silences its finding and makes no other rule fire', function () {
    this.timeout(120_000);
    needsCorpus(this);
    const files = [
      ...sample(kicsFiles(), 50),
      ...sample(
        realworldFiles().filter((f) => /\.(ya?ml|json|template)$/.test(f.path)),
        10,
      ),
    ];
    assert.equal(files.length, 60);
    const report = sweep(files);
    // The sample must exercise fixes, or passing would mean nothing.
    assert.ok(report.checks >= 60, `only ${report.checks} fixes in the sample`);
    assert.deepEqual(report.failures, []);
  });

  it('the sample is the same on every run', function () {
    needsCorpus(this, 'kics');
    const a = sample(kicsFiles(), 5).map((f) => f.path);
    assert.deepEqual(
      sample(kicsFiles(), 5).map((f) => f.path),
      a,
    );
    assert.notDeepEqual(
      a,
      kicsFiles()
        .slice(0, 5)
        .map((f) => f.path),
    );
  });

  describe('catches', () => {
    const text = dedent(`
      resource "aws_ebs_volume" "v" {
        size = 8
      }
    `);
    let base: ReturnType<typeof lintText>;
    let finding: ReturnType<typeof lintText>['findings'][number];
    before(() => {
      base = lintText('main.tf', text);
      finding = base.findings.find((f) => f.ruleId === 'ebs-encryption')!;
    });

    it('a fix that is fine', () => {
      assert.ok(finding, 'the volume is reported');
      assert.deepEqual(problemsAfter('main.tf', base, [finding], applyEdits(text, finding.fixes[0]!.edits)), []);
    });

    it('a fix that breaks parsing', () => {
      const problems = problemsAfter('main.tf', base, [finding], text.replace('size = 8', 'size = 8\n  encrypted = = true'));
      assert.ok(
        problems.some((p) => p.startsWith('new parse error')),
        problems.join('\n'),
      );
    });

    it('a fix that leaves its finding', () => {
      const problems = problemsAfter('main.tf', base, [finding], text.replace('size = 8', 'size = 9'));
      assert.deepEqual(problems, ['ebs-encryption still reports aws_ebs_volume.v (1 of 1)']);
    });

    it('a fix that makes another rule fire on the resource', () => {
      const cfn = dedent(`
        Resources:
          Vol:
            Type: AWS::EC2::Volume
            DeletionPolicy: Snapshot
            UpdateReplacePolicy: Snapshot
            Properties:
              Size: 8
      `);
      const cfnBefore = lintText('t.yaml', cfn);
      const ebs = cfnBefore.findings.find((f) => f.ruleId === 'ebs-encryption')!;
      const broken = cfn.replace('DeletionPolicy: Snapshot', 'DeletionPolicy: Delete').replace('Size: 8', 'Size: 8\n      Encrypted: true');
      assert.deepEqual(problemsAfter('t.yaml', cfnBefore, [ebs], broken), ['stateful-deletion-policy newly reports Vol']);
    });
  });
});
