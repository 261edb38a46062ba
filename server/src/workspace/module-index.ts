// Terraform module awareness: the other .tf/.tf.json files of a file's directory, open buffers first, else from disk.
import { readdir, stat } from 'node:fs/promises';
import { readInputFile } from './input-file';

/** A sibling module file is read non-blocking and never past this (a template over `maxFileSize` is not linted anyway). */
const SIBLING_READ_LIMIT = 64 * 1024 * 1024;
import * as path from 'node:path';
import type { IacDocument } from '../model/document';
import { parseDocument } from '../parsers/index';
import { pathToUri, uriToPath } from './paths';
import { localModuleSourcesIn } from '../scan/partition';
import { walkFiles } from '../scan/walk';
import { moduleCalls, parseModulesManifest } from '../engine/modules/module-graph';
import { isTemplatePath, localStackSourcesIn, stackCalls } from '../engine/modules/stack-graph';

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
  /** The text of the buffer open for this file path, if any (read to skip buffers that nest no stack unparsed). */
  text?(fsPath: string): string | undefined;
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

  /** The parse of an open buffer for this file path, if one is open (a nested stack's template as typed). */
  openParsed(fsPath: string): IacDocument | undefined {
    return this.open.parsed(fsPath);
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
    this.manifests.delete(path.dirname(path.dirname(path.dirname(fsPath))));
    for (const index of this.callerIndexes.values()) if (isTerraformPath(fsPath)) index.stale.add(fsPath);
    for (const index of this.stackIndexes.values()) if (isTemplatePath(fsPath)) index.stale.add(fsPath);
  }

  /** The parsed Terraform documents of a directory (open buffers first), sorted by name. */
  async dirDocuments(dir: string): Promise<IacDocument[]> {
    const names = new Set(await this.listDir(dir));
    for (const other of this.open.uris()) {
      const p = uriToPath(other);
      if (p && isTerraformPath(p) && path.dirname(p) === dir) names.add(path.basename(p));
    }
    const out: IacDocument[] = [];
    for (const name of [...names].sort()) {
      const file = path.join(dir, name);
      const doc = this.open.parsed(file) ?? (await this.readDisk(file));
      if (doc) out.push(doc);
    }
    return out;
  }

  private readonly manifests = new Map<string, { at: number; value: Map<string, string> | undefined }>();

  /** `.terraform/modules/modules.json` of `dir`, checked at most once a second (module registry calls read it). */
  async manifest(dir: string): Promise<Map<string, string> | undefined> {
    const recent = this.manifests.get(dir);
    if (recent && performance.now() - recent.at < RECHECK_MS) return recent.value;
    let value: Map<string, string> | undefined;
    try {
      value = parseModulesManifest(dir, await readInputFile(path.join(dir, '.terraform', 'modules', 'modules.json'), SIBLING_READ_LIMIT));
    } catch {
      value = undefined;
    }
    this.manifests.set(dir, { at: performance.now(), value });
    return value;
  }

  /** Per workspace folder: the local module directories each Terraform file on disk calls (a reverse index of callers). */
  private readonly callerIndexes = new Map<string, { sources: Map<string, string[]>; stale: Set<string>; ready: Promise<void> }>();

  /**
   * The directories under `folder` whose Terraform files call `dir` as a local module (`source = "../..."`), open
   * buffers as typed. The folder is walked once; file-watcher events (`invalidate`) re-read only the files they name.
   */
  async callersOf(dir: string, folder: string | undefined): Promise<string[]> {
    const out = new Set<string>();
    const openFiles = new Set<string>();
    for (const uri of this.open.uris()) {
      const p = uriToPath(uri);
      if (!p || !isTerraformPath(p)) continue;
      openFiles.add(p);
      const doc = this.open.parsed(p);
      for (const call of doc ? moduleCalls(path.dirname(p), [doc], () => undefined) : []) if (call.childDir === dir) out.add(path.dirname(p));
    }
    if (folder) {
      let index = this.callerIndexes.get(folder);
      if (!index) {
        const sources = new Map<string, string[]>();
        const ready = walkFiles([folder], { limit: 20000 }).then(async (files) => {
          for (const file of files) if (isTerraformPath(file)) sources.set(file, await this.sourcesOnDisk(file));
        });
        this.callerIndexes.set(folder, (index = { sources, stale: new Set(), ready }));
      }
      await index.ready;
      for (const file of [...index.stale]) {
        index.stale.delete(file);
        const found = await this.sourcesOnDisk(file);
        if (found.length > 0 || index.sources.has(file)) index.sources.set(file, found);
      }
      for (const [file, children] of index.sources) if (!openFiles.has(file) && children.includes(dir)) out.add(path.dirname(file));
    }
    out.delete(dir);
    return [...out].sort();
  }

  /** Per workspace folder: the local templates each template on disk nests (a reverse index of nested-stack parents). */
  private readonly stackIndexes = new Map<string, { sources: Map<string, string[]>; stale: Set<string>; ready: Promise<void> }>();

  /**
   * The templates under `folder` (and open buffers, as typed) whose nested stacks deploy the template `file` by a
   * local path. The folder is walked once; file-watcher events (`invalidate`) re-read only the files they name.
   */
  async stackParentsOf(file: string, folder: string | undefined): Promise<string[]> {
    const out = new Set<string>();
    const openFiles = new Set<string>();
    for (const uri of this.open.uris()) {
      const p = uriToPath(uri);
      if (!p || !isTemplatePath(p)) continue;
      openFiles.add(p);
      // Any open .json/.yaml is a candidate: only one that names a nesting type is parsed for its stacks.
      const text = this.open.text?.(p);
      if (text !== undefined && !text.includes('AWS::CloudFormation::Stack') && !text.includes('AWS::Serverless::Application')) continue;
      const doc = this.open.parsed(p);
      for (const call of doc ? stackCalls(p, doc) : []) if (call.childPath === file) out.add(p);
    }
    if (folder) {
      let index = this.stackIndexes.get(folder);
      if (!index) {
        const sources = new Map<string, string[]>();
        const ready = walkFiles([folder], { limit: 20000 }).then(async (files) => {
          for (const f of files) if (isTemplatePath(f)) sources.set(f, await this.stackSourcesOnDisk(f));
        });
        this.stackIndexes.set(folder, (index = { sources, stale: new Set(), ready }));
      }
      await index.ready;
      for (const f of [...index.stale]) {
        index.stale.delete(f);
        const found = await this.stackSourcesOnDisk(f);
        if (found.length > 0 || index.sources.has(f)) index.sources.set(f, found);
      }
      for (const [parent, children] of index.sources) if (!openFiles.has(parent) && children.includes(file)) out.add(parent);
    }
    out.delete(file);
    return [...out].sort();
  }

  private async stackSourcesOnDisk(file: string): Promise<string[]> {
    try {
      // CloudFormation reads templates of at most 1 MB: a larger JSON file of the workspace is no parent.
      return localStackSourcesIn(await readInputFile(file, 1024 * 1024)).map((s) => path.resolve(path.dirname(file), s));
    } catch {
      return [];
    }
  }

  private async sourcesOnDisk(file: string): Promise<string[]> {
    try {
      return localModuleSourcesIn(await readInputFile(file, SIBLING_READ_LIMIT)).map((s) => path.resolve(path.dirname(file), s));
    } catch {
      return [];
    }
  }

  /** Open Terraform documents in any of `dirs` and open templates named in it (a nested-stack graph), except `uri`. */
  openUrisIn(dirs: readonly string[], except: string): string[] {
    const wanted = new Set(dirs);
    return [...this.open.uris()].filter((other) => {
      const p = uriToPath(other);
      return other !== except && p !== undefined && (isTerraformPath(p) ? wanted.has(path.dirname(p)) : wanted.has(p));
    });
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
