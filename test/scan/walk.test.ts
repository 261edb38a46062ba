// The one directory walker (CLI scan and language-server workspace scan): skip list, loops, exclusions during the
// walk, links out of the root.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SKIPPED_DIRS, walkFiles } from '../../server/src/scan/walk';

const TEMPLATE = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n';

describe('directory walker', () => {
  let base: string;
  let root: string;
  const file = (...parts: string[]) => {
    const p = path.join(root, ...parts);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, TEMPLATE);
    return p;
  };

  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'secure-iac-walk-'));
    root = path.join(base, 'root');
    mkdirSync(root);
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('skips every folder of the one skip list, and keeps candidate files only', async () => {
    const kept = [file('a.yaml'), file('sub', 'main.tf'), file('sub', 'x.tf.json')];
    file('notes.txt');
    for (const skipped of SKIPPED_DIRS) file(skipped, 'inside.yaml');
    assert.deepEqual(await walkFiles([root]), kept.sort());
    assert.ok(['node_modules', '.git', '.terraform', '.terragrunt-cache', 'cdk.out', '.serverless', '.hg', '.svn'].every((d) => SKIPPED_DIRS.has(d)));
  });

  it('reads a folder once when a link loops back to an ancestor', async () => {
    const ok = file('a', 'ok.yaml');
    symlinkSync(root, path.join(root, 'a', 'loop'));
    symlinkSync(path.join(root, 'a'), path.join(root, 'a', 'self'));
    const errors: unknown[] = [];
    assert.deepEqual(await walkFiles([root], { onError: (e) => errors.push(e) }), [ok]);
    assert.deepEqual(errors, []);
  });

  it('applies exclude globs during the walk: an excluded folder is never read', async () => {
    const kept = file('keep', 'a.yaml');
    file('gen', 'deep', 'b.yaml');
    file('keep', 'skip.generated.yaml');
    const asked: string[] = [];
    const files = await walkFiles([{ path: root, exclude: ['gen'] }], {
      isExcluded: (p) => {
        asked.push(path.relative(root, p));
        return p.endsWith('.generated.yaml');
      },
    });
    assert.deepEqual(files, [kept]);
    assert.ok(!asked.some((p) => p.startsWith(`gen${path.sep}`)), `nothing under an excluded folder is looked at: ${asked.join(', ')}`);
    assert.ok(asked.includes(path.join('keep', 'skip.generated.yaml')));
  });

  it('follows a folder link inside the root but never one out of it', async () => {
    const outside = path.join(base, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'far.yaml'), TEMPLATE);
    file('real', 'near.yaml');
    symlinkSync(outside, path.join(root, 'escape'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'alias'));
    const files = await walkFiles([root]);
    assert.ok(!files.some((f) => f.includes('escape') || f.includes('far.yaml')), files.join(', '));
    // The folder is read once, under whichever path the breadth-first walk reaches first (sorted: `alias`).
    assert.deepEqual(files, [path.join(root, 'alias', 'near.yaml')]);
  });

  it('takes a file named as a root whatever its name, and stops at the limit', async () => {
    const odd = file('template.cfn');
    file('a.yaml');
    file('b.yaml');
    assert.deepEqual(await walkFiles([odd]), [odd]);
    assert.equal((await walkFiles([root], { limit: 1 })).length, 1);
  });

  it('walks the same with blocking reads (the CLI): files, reported errors, links, loops, exclusions', async () => {
    const outside = path.join(base, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'far.yaml'), TEMPLATE);
    file('real', 'near.yaml');
    file('gen', 'b.yaml');
    file('a', 'main.tf');
    file('node_modules', 'x.yaml');
    symlinkSync(outside, path.join(root, 'escape'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'alias'));
    symlinkSync(root, path.join(root, 'a', 'loop'));
    symlinkSync(path.join(root, 'a', 'self.yaml'), path.join(root, 'a', 'self.yaml'));
    symlinkSync(path.join(root, 'missing'), path.join(root, 'dangling.yaml'));
    const walk = async (sync: boolean) => {
      const errors: unknown[] = [];
      const roots = [{ path: root, exclude: ['gen'] }, path.join(base, 'no-such-folder')];
      const files = await walkFiles(roots, { onError: (e) => errors.push(e), sync });
      return { files, errors };
    };
    const blocking = await walk(true);
    assert.deepEqual(blocking, await walk(false));
    assert.equal(blocking.files.length, 2, blocking.files.join(', '));
    assert.equal(blocking.errors.length, 3, 'the self-link, the dangling link and the missing root are reported');
  });
});
