// Finds candidate IaC files under the given paths, skipping tool folders and excluded globs, never following a loop.
import { promises as fs } from 'node:fs';
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

/** Every candidate file (by extension) under `roots`, sorted, deduplicated by real path. */
export async function walkFiles(roots: readonly string[], options: WalkOptions = {}): Promise<string[]> {
  const isExcluded = options.exclude && options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true }) : () => false;
  const seenDirs = new Set<string>();
  const files = new Set<string>();
  const report = (path: string, err: unknown) =>
    options.onError?.({ path, message: err instanceof Error ? err.message.replace(/^[A-Z]+: /, '') : String(err) });

  async function visit(root: string, path: string, explicit: boolean): Promise<void> {
    let stat;
    try {
      stat = await fs.stat(path);
    } catch (err) {
      report(path, err);
      return;
    }
    const rel = relative(root, path).split(sep).join('/');
    if (!explicit && rel !== '' && isExcluded(rel)) return;
    if (stat.isDirectory()) {
      let real: string;
      try {
        real = await fs.realpath(path);
      } catch (err) {
        report(path, err);
        return;
      }
      // A symlink back to an ancestor would otherwise recurse forever.
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      let entries;
      try {
        entries = await fs.readdir(path, { withFileTypes: true });
      } catch (err) {
        report(path, err);
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (entry.isDirectory() && SKIPPED_DIRS.has(entry.name)) continue;
        if (entry.isFile() && !isCandidatePath(entry.name)) continue;
        await visit(root, join(path, entry.name), false);
      }
    } else if (stat.isFile() && (explicit || isCandidatePath(path))) {
      files.add(path);
    }
  }

  for (const root of roots) await visit(root, root, true);
  return [...files].sort();
}
