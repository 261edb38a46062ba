// The V8 code cache the two commands load their bundle through: used when valid, rebuilt when missing or damaged,
// never an error, one file per bundle text.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDir, requireWithCodeCache } from '../../server/src/cli/code-cache';

const BUNDLE = `'use strict';
exports.answer = function answer() { return 6 * 7; };
exports.where = __filename;
exports.sibling = () => require('./sibling.js');
`;

describe('code cache', () => {
  let dir: string;
  let bundle: string;
  let cache: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'secure-iac-code-cache-'));
    bundle = join(dir, 'cli.js');
    cache = join(dir, 'cache');
    writeFileSync(bundle, BUNDLE);
    writeFileSync(join(dir, 'sibling.js'), 'module.exports = "next to the bundle";\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const load = (d: string | undefined = cache) => requireWithCodeCache(bundle, module, d);
  const answer = (m: ReturnType<typeof load>) => (m.exports as { answer(): number }).answer();
  const cacheFiles = () => readdirSync(cache).filter((f) => f.endsWith('.v8'));

  it('runs the bundle as a CommonJS module, then loads it from the cache it wrote', () => {
    const first = load();
    assert.equal(first.accepted, false);
    assert.equal(answer(first), 42);
    assert.equal((first.exports as { where: string }).where, bundle);
    assert.equal((first.exports as { sibling(): string }).sibling(), 'next to the bundle', 'require is relative to the bundle');
    assert.equal(first.save(), true);
    assert.equal(first.save(), false, 'once per process');
    assert.equal(cacheFiles().length, 1);
    const second = load();
    assert.equal(second.accepted, true);
    assert.equal(answer(second), 42);
    assert.equal(second.save(), false, 'an accepted cache is not written again');
  });

  it('ignores a damaged or truncated cache, and replaces it', () => {
    load().save();
    const file = join(cache, cacheFiles()[0] as string);
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 10] = (flipped[flipped.length - 10] as number) ^ 0xff;
    for (const bad of [flipped, good.subarray(0, good.length / 2), Buffer.alloc(0), Buffer.from('not a cache')]) {
      writeFileSync(file, bad);
      const m = load();
      assert.equal(m.accepted, false);
      assert.equal(answer(m), 42);
      assert.equal(m.save(), true);
      assert.equal(load().accepted, true);
    }
  });

  it('keys the cache on the bundle text: a rebuilt bundle of the same length gets its own, and the old one goes', () => {
    load().save();
    const before = cacheFiles();
    writeFileSync(bundle, BUNDLE.replace('6 * 7', '7 * 6'));
    const m = load();
    assert.equal(m.accepted, false);
    assert.equal(answer(m), 42);
    m.save();
    const after = cacheFiles();
    assert.equal(after.length, 1, 'the stale cache is removed');
    assert.notDeepEqual(after, before);
  });

  it('keeps one cache per installation: two installs side by side do not evict each other', () => {
    const other = join(dir, 'other-install', 'cli.js');
    mkdirSync(join(dir, 'other-install'));
    writeFileSync(other, BUNDLE.replace('6 * 7', '7 * 6'));
    load().save();
    requireWithCodeCache(other, module, cache).save();
    assert.equal(cacheFiles().length, 2);
    assert.equal(load().accepted, true);
    assert.equal(requireWithCodeCache(other, module, cache).accepted, true);
  });

  it('removes caches of any installation not rewritten for 30 days when it saves one', () => {
    load().save();
    const gone = join(cache, 'cli-00000000-0000000000000000000.v8');
    const recent = join(cache, 'server-11111111-1111111111111111111.v8');
    writeFileSync(gone, 'old');
    writeFileSync(recent, 'in use elsewhere');
    const old = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    utimesSync(gone, old, old);
    writeFileSync(bundle, `${BUNDLE}// rebuilt\n`);
    load().save();
    assert.ok(!existsSync(gone));
    assert.ok(existsSync(recent));
    assert.equal(cacheFiles().length, 2, 'the new cache and the recent one of the other installation');
  });

  it('runs without a cache folder, or with one it cannot write', () => {
    const none = requireWithCodeCache(bundle, module, undefined);
    assert.equal(answer(none), 42);
    assert.equal(none.save(), false);
    const blocked = join(dir, 'file-not-folder');
    writeFileSync(blocked, '');
    const m = load(join(blocked, 'cache'));
    assert.equal(answer(m), 42);
    assert.equal(m.save(), false);
  });

  if (process.platform !== 'win32' && process.getuid?.() !== 0) {
    it('leaves no temporary file behind when the folder is read-only', () => {
      load().save();
      writeFileSync(bundle, `${BUNDLE}// changed\n`);
      chmodSync(cache, 0o500);
      try {
        assert.equal(load().save(), false);
        assert.deepEqual(
          readdirSync(cache).filter((f) => f.endsWith('.tmp')),
          [],
        );
      } finally {
        chmodSync(cache, 0o700);
      }
    });
  }

  it('lives in the per-user cache folder, never a shared one; SECURE_IAC_CODE_CACHE=0 turns it off', () => {
    assert.equal(cacheDir({ SECURE_IAC_CODE_CACHE: '0' }), undefined);
    assert.equal(cacheDir({ SECURE_IAC_CODE_CACHE: '/somewhere' }), '/somewhere');
    if (process.platform !== 'win32') {
      assert.equal(cacheDir({ XDG_CACHE_HOME: '/xdg' }), join('/xdg', 'secure-iac', 'code-cache'));
      assert.match(cacheDir({}) ?? '', /[/\\]\.cache[/\\]secure-iac[/\\]code-cache$/);
    }
  });
});
