// Loads a bundle (dist/cli.js, dist/server.js) through a V8 code cache, so a short-lived command does not compile the
// same megabyte of JavaScript on every run. Node 22 has `module.enableCompileCache()`; Node 20 (our floor) does not,
// so this is the `v8-compile-cache` approach: `vm.Script` with `cachedData`, the cache produced after the work ran (it
// then holds the functions the run compiled, not only the top level), one file per bundle content, written atomically.
// Every failure (no home folder, read-only disk, corrupt or foreign cache) falls back to a plain compile, never to an
// error: the cache is an optimisation only.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Set to `0` to load without a cache (and write none); any other value names the folder to keep it in. */
export const CACHE_ENV = 'SECURE_IAC_CODE_CACHE';

export interface CachedModule {
  /** The module's `module.exports`. */
  exports: unknown;
  /** Whether V8 took the cache (false on the first run, after an upgrade, or with different V8 flags). */
  accepted: boolean;
  /**
   * Writes the cache when the one read was missing or refused, with every function compiled so far. Call it after the
   * run did its typical work; at most once per process. Returns whether a cache file was written.
   */
  save(): boolean;
}

/**
 * The per-user cache folder: `$SECURE_IAC_CODE_CACHE`, else `$XDG_CACHE_HOME/secure-iac`, `~/.cache/secure-iac`
 * (`%LOCALAPPDATA%\secure-iac` on Windows). Never a shared temporary folder: a code cache is executable, and one
 * another user could plant there would run as the user. Undefined: no cache.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env[CACHE_ENV];
  if (chosen === '0') return undefined;
  if (chosen) return chosen;
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'secure-iac', 'code-cache');
  const base = env.XDG_CACHE_HOME || (safeHome() ? join(safeHome() as string, '.cache') : undefined);
  return base ? join(base, 'secure-iac', 'code-cache') : undefined;
}

function safeHome(): string | undefined {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * `require(file)`, compiled from the code cache in `dir` (`cacheDir()`; undefined: none) when there is a valid one.
 * The cache file is named by a hash of the bundle's bytes, Node's version and the architecture: V8 itself checks only
 * the text's length and its own version and flags, so a rebuilt bundle of the same length must never meet the old cache.
 */
export function requireWithCodeCache(file: string, parent: NodeModule | undefined, dir: string | undefined): CachedModule {
  // Hashed as bytes: hashing the decoded string would first encode it back to UTF-8.
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  const key = createHash('sha1').update(bytes).update(process.version).update(process.arch).digest('hex').slice(0, 20);
  // Per installation too (its path): two installs side by side (global and project-local) keep a cache each instead of
  // evicting each other's, and an upgrade in place finds its predecessor's cache by the same prefix.
  const prefix = `${basename(file, '.js')}-${createHash('sha1').update(file).digest('hex').slice(0, 8)}-`;
  const cachePath = dir === undefined ? undefined : join(dir, `${prefix}${key}.v8`);
  let cachedData: Buffer | undefined;
  if (cachePath !== undefined) {
    try {
      // Only a regular file owned by this user: a cache is executable code.
      const stat = statSync(cachePath);
      if (stat.isFile() && (process.getuid === undefined || stat.uid === process.getuid())) cachedData = verified(readFileSync(cachePath));
    } catch {
      // No cache yet.
    }
  }
  // The wrapper Node's own loader puts around a CommonJS file: the bundle sees exports, require, module, __filename, __dirname.
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const accepted = cachedData !== undefined && !script.cachedDataRejected;
  const mod = new Module(file, parent);
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  let saved = accepted;
  return {
    exports: mod.exports,
    accepted,
    save(): boolean {
      if (saved || cachePath === undefined || dir === undefined) return false;
      saved = true;
      const data = script.createCachedData();
      if (!writeAtomic(dir, cachePath, Buffer.concat([digest(data), data]))) return false;
      removeStale(dir, prefix, basename(cachePath));
      return true;
    },
  };
}

const DIGEST_BYTES = 20;

function digest(data: Buffer): Buffer {
  return createHash('sha1').update(data).digest();
}

/**
 * The cache without its leading digest, or undefined when they disagree: V8 checks a cache's length, version and flags
 * but (in release builds) not its bytes, and a damaged cache must cost a compile, not a crash.
 */
function verified(file: Buffer): Buffer | undefined {
  if (file.length <= DIGEST_BYTES) return undefined;
  const data = file.subarray(DIGEST_BYTES);
  return digest(data).equals(file.subarray(0, DIGEST_BYTES)) ? data : undefined;
}

/** A cache not rewritten for this long is removed by the next save of any cache (it is rebuilt if still in use). */
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The caches of earlier builds of the same installation, and caches of any installation not rewritten for 30 days
 * (installs that are gone, test runs' temporary ones): they would pile up otherwise.
 */
function removeStale(dir: string, prefix: string, keep: string): void {
  try {
    const now = Date.now();
    for (const name of readdirSync(dir)) {
      if (name === keep || !name.endsWith('.v8')) continue;
      const path = join(dir, name);
      if (name.startsWith(prefix) || now - statSync(path).mtimeMs > MAX_AGE_MS) rmSync(path, { force: true });
    }
  } catch {
    // Left for the next save.
  }
}

/** Writes `data` to `path` through a temporary file and a rename, so a reader never sees half a cache. */
function writeAtomic(dir: string, path: string, data: Buffer): boolean {
  const temp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, path);
    return true;
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The folder itself is unusable: nothing was written.
    }
    return false;
  }
}
