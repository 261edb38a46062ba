// Terraform module awareness: the other .tf/.tf.json files of a file's directory, open buffers first, else from disk.
import { readdir, stat } from 'node:fs/promises';
import { readInputFile } from './input-file';

/** A sibling module file is read non-blocking and never past this (a template over `maxFileSize` is not linted anyway). */
const SIBLING_READ_LIMIT = 64 * 1024 * 1024;
import * as path from 'node:path';
import type { IacDocument } from '../model/document';
import { parseDocument } from '../parsers/index';
import { pathToUri, uriToPath } from './paths';

/** Whether a path or URI names a Terraform file (native or JSON syntax). */
export function isTerraformPath(pathOrUri: string): boolean {
  return /\.tf(\.json)?$/i.test(pathOrUri);
}

/** What the index needs to know about open editors: their parsed buffers win over the files on disk. */
export interface OpenBuffers {
  /** The parsed buffer open for this file path, if any. */
  parsed(fsPath: string): IacDocument | undefined;
  /** URIs of every open document. */
  uris(): Iterable<string>;
}

interface CachedDir {
  mtimeMs: number;
  files: string[];
  /** When the listing was last checked against the disk (performance.now()). */
  checkedAt: number;
}

/**
 * How long a checked cache entry is trusted without asking the disk again: a keystroke in a 50-file module would
 * otherwise stat every sibling, and a client without file-watcher events still sees a change within this time.
 */
const RECHECK_MS = 1000;

/**
 * Parsed files kept from disk; a workspace scan of a large monorepo must not keep every file's tree alive. The scan
 * visits files in path order, so a module's siblings are used together: a few hundred cover the largest modules, and
 * 2,000 cached trees had a 2,000-file workspace at 254 MB RSS against 186 MB with 256 (`npm run bench`).
 */
const MAX_CACHED_FILES = 256;

interface CachedFile {
  mtimeMs: number;
  size: number;
  doc: IacDocument | undefined;
  checkedAt: number;
}

/**
 * Caches directory listings and parsed files, keyed by path and validated by mtime when used and not checked in the
 * last second, so the module stays right even for clients that send no file-watcher events; `invalidate` handles
 * those that do at once (and mtime granularity).
 */
export class ModuleIndex {
  private readonly dirs = new Map<string, CachedDir>();
  private readonly files = new Map<string, CachedFile>();

  constructor(private readonly open: OpenBuffers) {}

  /** The other documents of the module `uri` belongs to; empty for non-Terraform or non-file URIs. */
  async siblings(uri: string): Promise<IacDocument[]> {
    const own = uriToPath(uri);
    if (!own || !isTerraformPath(own)) return [];
    const dir = path.dirname(own);
    const names = new Set(await this.listDir(dir));
    // Open buffers of files not yet saved belong to the module too.
    for (const other of this.openSiblingUris(uri)) {
      const p = uriToPath(other);
      if (p) names.add(path.basename(p));
    }
    const out: IacDocument[] = [];
    for (const name of [...names].sort()) {
      const file = path.join(dir, name);
      if (file === own) continue;
      const doc = this.open.parsed(file) ?? (await this.readDisk(file));
      if (doc) out.push(doc);
    }
    return out;
  }

  /** Open Terraform documents in the same directory as `uri`, excluding it. */
  openSiblingUris(uri: string): string[] {
    const own = uriToPath(uri);
    if (!own || !isTerraformPath(own)) return [];
    const dir = path.dirname(own);
    const out: string[] = [];
    for (const other of this.open.uris()) {
      const p = uriToPath(other);
      if (p && p !== own && isTerraformPath(p) && path.dirname(p) === dir) out.push(other);
    }
    return out;
  }

  /** Forget what is cached about a file (created, changed or deleted on disk) and its directory listing. */
  invalidate(fsPath: string): void {
    this.files.delete(fsPath);
    this.dirs.delete(path.dirname(fsPath));
  }

  /** Parses a file from disk through the cache; undefined when unreadable or not a template. */
  async readDisk(fsPath: string): Promise<IacDocument | undefined> {
    const recent = this.files.get(fsPath);
    if (recent && performance.now() - recent.checkedAt < RECHECK_MS) {
      this.files.delete(fsPath); // Map order is the eviction order
      this.files.set(fsPath, recent);
      return recent.doc;
    }
    let info: { mtimeMs: number; size: number };
    try {
      info = await stat(fsPath);
    } catch {
      this.files.delete(fsPath);
      return undefined;
    }
    const cached = this.files.get(fsPath);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) {
      // Re-insert: Map order is the eviction order, so this keeps recently used files.
      this.files.delete(fsPath);
      this.files.set(fsPath, { ...cached, checkedAt: performance.now() });
      return cached.doc;
    }
    let doc: IacDocument | undefined;
    try {
      doc = parseDocument(pathToUri(fsPath), await readInputFile(fsPath, SIBLING_READ_LIMIT));
    } catch {
      doc = undefined; // unreadable now; a later change event or mtime bump retries
    }
    this.files.delete(fsPath);
    this.files.set(fsPath, { mtimeMs: info.mtimeMs, size: info.size, doc, checkedAt: performance.now() });
    if (this.files.size > MAX_CACHED_FILES) {
      const oldest = this.files.keys().next().value;
      if (oldest !== undefined) this.files.delete(oldest);
    }
    return doc;
  }

  private async listDir(dir: string): Promise<string[]> {
    const recent = this.dirs.get(dir);
    if (recent && performance.now() - recent.checkedAt < RECHECK_MS) return recent.files;
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(dir)).mtimeMs;
    } catch {
      return [];
    }
    const cached = this.dirs.get(dir);
    if (cached && cached.mtimeMs === mtimeMs) {
      cached.checkedAt = performance.now();
      return cached.files;
    }
    let files: string[] = [];
    try {
      const entries = await readdir(dir, { withFileTypes: true });
      files = entries.filter((e) => e.isFile() && isTerraformPath(e.name)).map((e) => e.name);
    } catch {
      files = [];
    }
    this.dirs.set(dir, { mtimeMs, files, checkedAt: performance.now() });
    return files;
  }
}
