// Lists the candidate template files under the workspace folders for the workspace scan, honouring exclusions.
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { isCandidatePath } from '../parsers/index';
import { GlobSet } from './paths';

/** Folders never worth walking: dependencies, VCS data, Terraform's provider/module cache. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', '.terraform', '.terragrunt-cache', 'cdk.out']);

/** One workspace folder to walk and the globs (relative to it) to leave out. */
export interface WalkRoot {
  folder: string;
  exclude: readonly string[];
}

/** Options of `listCandidateFiles`. */
export interface WalkOptions {
  /** Checked between directories; a cancelled walk returns what it found so far. */
  isCancelled?: () => boolean;
  /** Stop after this many files (a safety net for huge monorepos). */
  limit?: number;
}

/**
 * Walks each root breadth-first with async `readdir`, so a large tree never blocks the server, and returns
 * absolute paths of files whose name makes them candidates (content decides later). Unreadable folders are skipped.
 */
export async function listCandidateFiles(roots: readonly WalkRoot[], options: WalkOptions = {}): Promise<string[]> {
  const limit = options.limit ?? 50_000;
  const found = new Set<string>();
  for (const root of roots) {
    const globs = new GlobSet(root.exclude);
    const queue = [root.folder];
    while (queue.length > 0 && found.size < limit) {
      if (options.isCancelled?.()) return [...found];
      const dir = queue.shift() as string;
      let entries: Dirent[];
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        const rel = path.relative(root.folder, full);
        if (entry.isDirectory()) {
          if (!ALWAYS_SKIPPED.has(entry.name) && !globs.matches(rel)) queue.push(full);
        } else if (entry.isFile() && isCandidatePath(entry.name) && !globs.matches(rel)) {
          found.add(full);
          if (found.size >= limit) break;
        }
      }
    }
  }
  return [...found];
}
