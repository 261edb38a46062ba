// Finds candidate IaC files under the given paths, skipping tool folders and excluded globs, never following a loop.
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { isCandidatePath } from '../parsers/index';

/** Folders that never hold the user's own templates. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.terraform', '.terragrunt-cache', '.serverless', 'cdk.out']);

export interface WalkError {
  path: string;
  message: string;
}

export interface WalkOptions {
  /** Globs (matched against the path relative to each root, `/`-separated) to leave out. */
  exclude?: readonly string[];
  /** Called for every path that cannot be read; the walk goes on. */
  onError?: (error: WalkError) => void;
}

/**
 * Every candidate file (by extension) under `roots`, sorted, deduplicated by real path. The file system is read
 * synchronously and a directory entry's own type is trusted (only symlinks and roots are stat'ed): a scan waits for the
 * list anyway, and a promise round trip per file made the walk of a 15,000-file tree take seconds.
 */
export async function walkFiles(roots: readonly string[], options: WalkOptions = {}): Promise<string[]> {
  const isExcluded = options.exclude && options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true }) : () => false;
  const seenDirs = new Set<string>();
  const files = new Set<string>();
  const report = (path: string, err: unknown) =>
    options.onError?.({ path, message: err instanceof Error ? err.message.replace(/^[A-Z]+: /, '') : String(err) });

  /** `known` is what the parent's listing says the entry is, with its real path when it is a plain directory. */
  function visit(root: string, path: string, explicit: boolean, known?: { entry: Dirent; real: string }): void {
    const rel = relative(root, path).split(sep).join('/');
    if (!explicit && rel !== '' && isExcluded(rel)) return;
    let isDirectory: boolean;
    let isFile: boolean;
    if (known && !known.entry.isSymbolicLink()) {
      isDirectory = known.entry.isDirectory();
      isFile = known.entry.isFile();
    } else {
      try {
        const stat = statSync(path);
        isDirectory = stat.isDirectory();
        isFile = stat.isFile();
      } catch (err) {
        report(path, err);
        return;
      }
    }
    if (isDirectory) {
      let real: string;
      try {
        real = known && !known.entry.isSymbolicLink() ? known.real : realpathSync(path);
      } catch (err) {
        report(path, err);
        return;
      }
      // A symlink back to an ancestor would otherwise recurse forever.
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      let entries: Dirent[];
      try {
        entries = readdirSync(path, { withFileTypes: true });
      } catch (err) {
        report(path, err);
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (entry.isDirectory() && SKIPPED_DIRS.has(entry.name)) continue;
        if (entry.isFile() && !isCandidatePath(entry.name)) continue;
        visit(root, join(path, entry.name), false, { entry, real: join(real, entry.name) });
      }
    } else if (isFile && (explicit || isCandidatePath(path))) {
      files.add(path);
    }
  }

  for (const root of roots) visit(root, root, true);
  return [...files].sort();
}
