// The one directory walker of the CLI and the language server: finds candidate IaC files under the given roots,
// skipping tool folders and excluded globs as it goes, never following a loop or a link out of the root.
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isCandidatePath } from '../parsers/index';
import { GlobSet } from '../workspace/paths';

/** Folders that never hold the user's own templates: dependencies, VCS data, tools' caches and build output. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  '.terraform',
  '.terragrunt-cache',
  '.serverless',
  'cdk.out',
]);

export interface WalkError {
  path: string;
  message: string;
  /** Left out on purpose (not a regular file): a note, not a failure of the walk. */
  skipped?: true;
}

/** A folder (walked) or a file (taken as is, whatever its name), with globs relative to it to leave out. */
export interface WalkRoot {
  path: string;
  exclude?: readonly string[];
  /** Also walk `cdk.out` folders, taking their synthesized `*.template.json` only (`scan.includeCdkOut`). */
  includeCdkOut?: boolean;
}

/** CDK's cloud assembly folder: skipped unless the user opts in, and then only its templates are taken. */
const CDK_OUT = 'cdk.out';

/** In a cloud assembly only the synthesized templates are IaC: assets, manifests and tree.json are not. */
function isCdkTemplate(name: string): boolean {
  return name.endsWith('.template.json');
}

export interface WalkOptions {
  /** Any other exclusion, by absolute path (the CLI's config globs are relative to the config file's folder). */
  isExcluded?: (path: string) => boolean;
  /** Called for every path that cannot be read; the walk goes on. */
  onError?: (error: WalkError) => void;
  /** Checked between folders; a cancelled walk returns what it found so far. */
  isCancelled?: () => boolean;
  /** Stop after this many files (a safety net for huge monorepos). */
  limit?: number;
  /** The default of `WalkRoot.includeCdkOut` for roots given as plain paths (the CLI's project config). */
  includeCdkOut?: boolean;
  /**
   * Read folders with blocking calls: for a command that has nothing else to do meanwhile. A thread-pool round trip
   * per folder made the CLI's walk of a 186-folder repository 28-90 ms under load instead of 3-5 ms (docs/performance.md,
   * "CLI start"). The language server keeps the default, so a large tree never blocks it.
   */
  sync?: boolean;
}

/** The calls the walk makes, blocking or not; the results are the same. */
const ASYNC_FS = { readdir: (p: string) => readdir(p, { withFileTypes: true }), stat, realpath };
const SYNC_FS = {
  readdir: async (p: string) => readdirSync(p, { withFileTypes: true }),
  stat: async (p: string) => statSync(p),
  realpath: async (p: string) => realpathSync(p),
};

/** What a FIFO, socket or device named like a template is reported as (once, by the walk); it is never read. */
export const NOT_REGULAR = 'not a regular file';

/** Whether `path` is `root` or lies under it (both real paths). */
function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Folders read at once: enough to keep the file system's thread pool busy, few enough to bound open handles. */
const READS_AT_ONCE = 64;

type QueuedDir = { path: string; real: string; cdk: boolean };

/**
 * Every candidate file (by name) under `roots`, sorted. Folders are read breadth-first with one async `readdir` each,
 * so a large tree never blocks the language server, and a directory entry's own type is trusted (only links and
 * roots are stat'ed): a promise round trip per file made the walk of a 15,000-file tree take seconds. The folders
 * waiting in the queue are read together (up to READS_AT_ONCE), not one await after another, and their entries taken
 * in queue order, so the result is the one a folder-by-folder walk gives.
 *
 * Excluded paths (skip list, root globs, `isExcluded`) are tested as the walk meets them: an excluded folder is never
 * read. A folder is read once by its real path (a link back to an ancestor would recurse forever), and a link to a
 * folder outside the root's real path is not followed (a scan of `infra/` must not wander into `/`).
 */
export async function walkFiles(roots: readonly (string | WalkRoot)[], options: WalkOptions = {}): Promise<string[]> {
  const limit = options.limit ?? Infinity;
  const { readdir, stat, realpath } = options.sync ? SYNC_FS : ASYNC_FS;
  const seenDirs = new Set<string>();
  const files = new Set<string>();
  const notRegular = new Set<string>(); // each reported once, even when also named as a root
  const skipNotRegular = (path: string) => {
    if (notRegular.has(path)) return;
    notRegular.add(path);
    options.onError?.({ path, message: NOT_REGULAR, skipped: true });
  };
  const report = (path: string, err: unknown) =>
    options.onError?.({ path, message: err instanceof Error ? err.message.replace(/^[A-Z]+: /, '') : String(err) });

  for (const given of roots) {
    const root = typeof given === 'string' ? { path: given } : given;
    const globs = root.exclude && root.exclude.length > 0 ? new GlobSet(root.exclude) : undefined;
    const excluded = (path: string) => (globs?.matches(relative(root.path, path)) ?? false) || (options.isExcluded?.(path) ?? false);
    let rootReal: string;
    try {
      const info = await stat(root.path);
      if (info.isFile()) {
        files.add(root.path); // named explicitly: scanned whatever its name
        continue;
      }
      if (!info.isDirectory()) {
        skipNotRegular(root.path);
        continue;
      }
      rootReal = await realpath(root.path);
    } catch (err) {
      report(root.path, err);
      continue;
    }
    const withCdk = root.includeCdkOut ?? options.includeCdkOut ?? false;
    const skippedDir = (name: string) => SKIPPED_DIRS.has(name) && !(withCdk && name === CDK_OUT);
    /** Takes one folder's entries: candidate files into `files`, subfolders onto `found`. */
    const takeEntries = async (dir: QueuedDir, entries: Dirent[], found: QueuedDir[]): Promise<void> => {
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (files.size >= limit) break;
        let isDirectory = entry.isDirectory();
        let isFile = entry.isFile();
        if (isDirectory ? skippedDir(entry.name) || (dir.cdk && entry.name.startsWith('asset.')) : isFile && !isCandidatePath(entry.name)) continue;
        // Joined only past the filter: most entries of a source tree are files that are no template.
        const path = join(dir.path, entry.name);
        let real = join(dir.real, entry.name);
        if (entry.isSymbolicLink()) {
          try {
            const target = await stat(path);
            isDirectory = target.isDirectory();
            isFile = target.isFile();
            if (isDirectory) real = await realpath(path);
          } catch (err) {
            report(path, err);
            continue;
          }
          if (isDirectory && (skippedDir(entry.name) || !inside(rootReal, real))) continue;
        }
        if (excluded(path)) continue;
        const cdk = dir.cdk || entry.name === CDK_OUT;
        if (isDirectory) found.push({ path, real, cdk });
        else if (isFile && isCandidatePath(entry.name) && (!dir.cdk || isCdkTemplate(entry.name))) files.add(path);
        // A FIFO, socket or device named like a template: reading it could block forever or never end.
        else if (!isFile && isCandidatePath(entry.name)) skipNotRegular(path);
      }
    };
    // `cdk`: the folder is (inside) a cloud assembly; a root named `cdk.out` itself was asked for by name.
    let queue: QueuedDir[] = [{ path: root.path, real: rootReal, cdk: root.path.split(/[\\/]/).includes(CDK_OUT) }];
    while (queue.length > 0 && files.size < limit) {
      if (options.isCancelled?.()) return [...files].sort();
      const batch: QueuedDir[] = [];
      while (queue.length > 0 && batch.length < READS_AT_ONCE) {
        const dir = queue.shift() as QueuedDir;
        if (seenDirs.has(dir.real)) continue;
        seenDirs.add(dir.real);
        batch.push(dir);
      }
      const listings = await Promise.all(
        batch.map((dir) =>
          readdir(dir.path).then(
            (entries) => ({ entries }),
            (err: unknown) => ({ err }),
          ),
        ),
      );
      const found: QueuedDir[] = [];
      for (const [i, dir] of batch.entries()) {
        if (files.size >= limit) break;
        const listing = listings[i] as { entries: Dirent[] } | { err: unknown };
        if ('err' in listing) report(dir.path, listing.err);
        else await takeEntries(dir, listing.entries, found);
      }
      // Subfolders found in this batch go after the folders still queued: breadth-first, as one folder at a time.
      queue = queue.length > 0 ? [...queue, ...found] : found;
    }
  }
  return [...files].sort();
}
