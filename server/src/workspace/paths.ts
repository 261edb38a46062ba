// URI ↔ file path conversion, workspace-folder lookup and glob matching for exclusions.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileGlob } from './glob';

/** The file path of a `file:` URI, or undefined for other schemes (untitled buffers, virtual workspaces). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The `file:` URI of a path. */
export function pathToUri(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}

/**
 * A comparable key for a document: its file path when it has one (clients and `pathToFileURL` percent-encode
 * differently, e.g. VS Code escapes `:` and `@`), else the URI itself.
 */
export function documentKey(uri: string): string {
  return uriToPath(uri) ?? uri;
}

/** Whether `file` is `dir` or lies below it. */
export function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The workspace folder (as a path) that contains `fsPath`, preferring the innermost one. */
export function folderOf(folders: readonly string[], fsPath: string): string | undefined {
  let best: string | undefined;
  for (const folder of folders) {
    if (isInside(folder, fsPath) && (best === undefined || folder.length > best.length)) best = folder;
  }
  return best;
}

/** Tests paths relative to a root against a set of VS Code-style globs (`**∕node_modules`, `build/**`). */
export class GlobSet {
  private readonly matchers: ((p: string) => boolean)[];

  constructor(globs: readonly string[]) {
    // A backtracking-free matcher (workspace globs and file names are both untrusted); `**/.terraform` matches
    // hidden folders; case-sensitive, as VS Code globs on Linux. A glob over the complexity limit excludes nothing
    // (the project config reports it at its entry).
    this.matchers = globs.flatMap((g) => compileGlob(g) ?? []);
  }

  /** Whether the relative path (any separator) or one of its parent folders matches. */
  matches(relativePath: string): boolean {
    if (this.matchers.length === 0) return false;
    const parts = relativePath.split(/[\\/]/).filter(Boolean);
    for (let i = parts.length; i > 0; i--) {
      const candidate = parts.slice(0, i).join('/');
      if (this.matchers.some((m) => m(candidate))) return true;
    }
    return false;
  }
}
