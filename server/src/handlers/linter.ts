// Lints open buffers and files on disk with the right settings and Terraform module; caches parses and results by version.
import { readInputFile, TooLargeError } from '../workspace/input-file';
import * as path from 'node:path';
import type { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { oversizeNote, oversizeNoteOf } from '../engine/config/file-size';
import { lintDocument } from '../engine/lint/lint';
import {
  instanceCacheKey,
  ModuleGraph,
  moduleCalls,
  type CompositionGraph,
  type ModuleDir,
  type ModuleInstance,
} from '../engine/modules/module-graph';
import { isTemplatePath, StackGraph, stackCalls } from '../engine/modules/stack-graph';
import { resolveInside } from '../workspace/input-file';
import { lintDocumentWithModules } from '../engine/modules/module-lint';
import type { LintCache } from '../engine/lint/lint-cache';
import type { LintResult } from '../engine/types';
import type { IacDocument } from '../model/document';
import { parseDocument } from '../parsers/index';
import { isTerraformPath, ModuleIndex } from '../workspace/module-index';
import { InputValuesCache, type InputValues } from '../workspace/input-cache';
import { documentKey, GlobSet, pathToUri, uriToPath } from '../workspace/paths';
import { engineConfig, type Settings } from '../workspace/settings';
import { DocumentSession, type LintOutcome } from './document-session';
import { describeError, type Log } from './guard';
import type { SettingsStore } from './settings';

export type { LintOutcome } from './document-session';

/** A guard on the directories one lint reads (a workspace whose modules all call each other stays bounded). */
const MAX_GRAPH_DIRS = 200;

/** Runs the engine for the server. Every method catches: a bad file yields an empty result and a log line. */
export class Linter {
  readonly modules: ModuleIndex;
  /** Parameter-file and tfvars values; cleared by the owner when files or settings change. */
  readonly inputs: InputValuesCache;
  /** One session per open document: its parse, incremental parse state, lint cache and last result. */
  private readonly sessions = new Map<string, DocumentSession>();
  private readonly reportedFailures = new Set<string>();
  /** Compiled `secureIac.exclude` globs per settings object (settings are replaced, never mutated). */
  private readonly excludeGlobs = new WeakMap<Settings, GlobSet>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly log: Log,
  ) {
    this.inputs = new InputValuesCache((message) => this.log.warn(message));
    this.modules = new ModuleIndex({
      parsed: (fsPath) => {
        const open = this.documents.all().find((d) => documentKey(d.uri) === fsPath);
        try {
          return open ? this.parseOpen(open) : undefined;
        } catch {
          return undefined; // a sibling that cannot be parsed contributes nothing to the module
        }
      },
      uris: () => this.documents.keys(),
      text: (fsPath) =>
        this.documents
          .all()
          .find((d) => documentKey(d.uri) === fsPath)
          ?.getText(),
    });
  }

  /**
   * Lints the current version of an open document. Resolves to undefined when the document was closed or
   * changed while settings and module files were being read: a newer lint is already scheduled.
   */
  async lintOpen(uri: string): Promise<LintOutcome | undefined> {
    const before = this.documents.get(uri);
    if (!before) return undefined;
    const { settings, folder } = await this.settings.forUri(uri);
    const module = await this.modules.siblings(uri);
    const inputs = await this.inputValues(uri, settings, folder);
    const graph = await this.graphFor(uri, settings, folder);
    const doc = this.documents.get(uri);
    if (!doc || doc.version !== before.version) return undefined;
    const outcome: LintOutcome = { uri, version: doc.version, text: doc, result: undefined };
    if (!this.isExcluded(uri, folder, settings)) {
      const session = this.sessionOf(uri);
      outcome.result =
        this.tooLarge(uri, doc.getText(), settings) ??
        this.run(
          uri,
          () => this.parseOpen(doc),
          settings,
          module,
          inputs,
          session.lintCache,
          graph && { graph, cacheFor: (i) => session.instanceCache(instanceCacheKey(i)) },
        );
    }
    this.sessionOf(uri).result = outcome;
    return outcome;
  }

  /** The lint of the document's current version: cached when the scheduler already did it, else computed now. */
  async current(uri: string): Promise<LintOutcome | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const cached = this.sessions.get(uri)?.result;
    if (cached && cached.version === doc.version) return cached;
    return this.lintOpen(uri);
  }

  /** A linter for other texts of an open document, with its settings and module (fix-all re-lints its own output). */
  async textLinter(uri: string): Promise<(text: string) => LintResult | undefined> {
    const { settings, folder } = await this.settings.forUri(uri);
    const module = await this.modules.siblings(uri);
    const inputs = await this.inputValues(uri, settings, folder);
    if (this.isExcluded(uri, folder, settings)) return () => undefined;
    return (text) => this.tooLarge(uri, text, settings) ?? this.run(uri, () => parseDocument(uri, text), settings, module, inputs);
  }

  /** Lints a file from disk (workspace scan, watcher events); undefined when unreadable. */
  async lintFile(fsPath: string, settings: Settings, folder: string | undefined): Promise<LintOutcome | undefined> {
    const uri = pathToUri(fsPath);
    let content: string;
    try {
      // Non-blocking, regular files only, never past the limit: a FIFO named `x.tf` must not hold a worker thread.
      content = await readInputFile(fsPath, settings.maxFileSize);
    } catch (err) {
      const note = err instanceof TooLargeError ? oversizeNoteOf(uri, err.head, err.size, err.limit) : undefined;
      return note
        ? { uri, text: TextDocument.create(uri, 'plaintext', 0, ''), result: { findings: [], errors: [note], ruleFailures: [] } }
        : undefined;
    }
    const text = TextDocument.create(uri, 'plaintext', 0, content);
    if (this.isExcluded(uri, folder, settings)) return { uri, text, result: undefined };
    const module = await this.modules.siblings(uri);
    const inputs = await this.inputValues(uri, settings, folder);
    const graph = await this.graphFor(uri, settings, folder);
    // The graph's parse of the file (from the same disk text, through the module index's cache) is the one it knows.
    const inGraph = graph && [...graph.dirs.values()].flatMap((d) => d.docs).find((d) => d.uri === uri && d.text === content);
    const parse = () => inGraph ?? parseDocument(uri, content);
    return {
      uri,
      text,
      result: this.tooLarge(uri, content, settings) ?? this.run(uri, parse, settings, module, inputs, undefined, graph && { graph }),
    };
  }

  /** Drops what is cached for a closed document. */
  forget(uri: string): void {
    this.lastGraphDirs.delete(uri);
    this.sessions.get(uri)?.dispose();
    this.sessions.delete(uri);
  }

  private sessionOf(uri: string): DocumentSession {
    let session = this.sessions.get(uri);
    if (!session) this.sessions.set(uri, (session = new DocumentSession(uri)));
    return session;
  }

  /** Drops every cached result (settings changed, so the same text may lint differently). */
  invalidateResults(): void {
    for (const session of this.sessions.values()) session.result = undefined;
  }

  /** Whether `secureIac.enable` or `secureIac.exclude` leaves the document out. */
  isExcluded(uri: string, folder: string | undefined, settings: Settings): boolean {
    // `secureIac.enable: false` leaves every file out: the same path as an exclude, so lints, fixes, hovers and the
    // workspace scan all see "not checked", and re-checking on the settings change withdraws what was published.
    if (!settings.enable) return true;
    if (settings.exclude.length === 0) return false;
    const key = documentKey(uri);
    const rel = folder ? path.relative(folder, key) : key;
    let globs = this.excludeGlobs.get(settings);
    if (!globs) {
      globs = new GlobSet(settings.exclude);
      this.excludeGlobs.set(settings, globs);
    }
    return globs.matches(rel);
  }

  /** One "not checked" note, instead of a parse that could stall the server, for a template over `maxFileSize`. */
  private tooLarge(uri: string, text: string, settings: Settings): LintResult | undefined {
    const note = oversizeNote(uri, text, settings.maxFileSize);
    return note ? { findings: [], errors: [note], ruleFailures: [] } : undefined;
  }

  /** Parses an open buffer once per version; throws what the parser threw. */
  private parseOpen(doc: TextDocument): IacDocument | undefined {
    return this.sessionOf(doc.uri).parse(doc);
  }

  /** Parameter-file / tfvars values for a document, as `secure-iac scan` would apply them. */
  private async inputValues(uri: string, settings: Settings, folder: string | undefined): Promise<InputValues | undefined> {
    return this.inputs.forDocument(uri, uriToPath(uri), settings.parameterFiles, settings.varFiles, {
      maxFileSize: settings.maxFileSize,
      ...(folder !== undefined ? { roots: [folder] } : {}),
    });
  }

  private run(
    uri: string,
    parse: () => IacDocument | undefined,
    settings: Settings,
    module: readonly IacDocument[],
    inputValues?: InputValues,
    cache?: LintCache,
    modules?: { graph: CompositionGraph; cacheFor?: (instance: ModuleInstance) => LintCache | undefined },
  ): LintResult {
    const started = performance.now();
    try {
      const doc = parse();
      if (!doc) return { findings: [], errors: [], ruleFailures: [] };
      const config = engineConfig(settings);
      const inGraph = modules && [...modules.graph.dirs.values()].some((d) => d.docs.includes(doc));
      const result =
        modules && inGraph
          ? lintDocumentWithModules(modules.graph, doc, { config, cacheFor: modules.cacheFor ?? (() => undefined) })
          : lintDocument(doc, { config, module, inputValues, cache });
      for (const failure of result.ruleFailures) {
        this.errorOnce(
          `${uri}\n${failure.ruleId}`,
          `Rule ${failure.ruleId} failed on ${uri}; its findings are missing for this file: ${failure.message}`,
        );
      }
      this.log.verbose(`Linted ${uri} in ${(performance.now() - started).toFixed(1)} ms: ${result.findings.length} findings`);
      return result;
    } catch (err) {
      // lintDocument contains rule failures itself; this catches parser or engine bugs on odd input, which the
      // user sees as one parse error at the top of the file rather than as silence.
      this.errorOnce(`${uri}\nparse`, `Reading ${uri} failed: ${describeError(err)}`);
      const reason = err instanceof Error ? err.message : String(err);
      return { findings: [], errors: [{ message: `Secure IaC could not read this file: ${reason}`, range: { start: 0, end: 0 } }], ruleFailures: [] };
    }
  }

  /**
   * The module graph a Terraform file is judged in: its directory, the directories that call it (transitively, found
   * in the workspace folder and open buffers), and every module those call. Undefined for other files.
   */
  private async graphFor(uri: string, settings: Settings, folder: string | undefined): Promise<CompositionGraph | undefined> {
    const fsPath = uriToPath(uri);
    if (fsPath && isTemplatePath(fsPath)) return this.stackGraphFor(uri, fsPath, settings, folder);
    if (!fsPath || !isTerraformPath(fsPath)) return undefined;
    const start = path.dirname(fsPath);
    const up = [start];
    const reached = new Set([start]);
    while (up.length > 0 && reached.size < MAX_GRAPH_DIRS) {
      for (const caller of await this.modules.callersOf(up.shift() as string, folder)) {
        if (reached.has(caller)) continue;
        reached.add(caller);
        up.push(caller);
      }
    }
    const dirs = new Map<string, ModuleDir>();
    const queue = [...reached];
    while (queue.length > 0 && dirs.size < MAX_GRAPH_DIRS) {
      const dir = queue.shift() as string;
      if (dirs.has(dir)) continue;
      const docs = await this.modules.dirDocuments(dir);
      const manifest = await this.modules.manifest(dir);
      const probe = path.join(dir, 'main.tf');
      const tfvars = (await this.inputs.forDocument(pathToUri(probe), probe, settings.parameterFiles, settings.varFiles)) ?? new Map();
      dirs.set(dir, { dir, docs, tfvars, manifest });
      for (const call of moduleCalls(dir, docs, () => undefined)) if (call.childDir && !dirs.has(call.childDir)) queue.push(call.childDir);
      for (const child of manifest?.values() ?? []) if (!dirs.has(child)) queue.push(child);
    }
    this.lastGraphDirs.set(uri, new Set(dirs.keys()));
    return new ModuleGraph(dirs);
  }

  /**
   * The nested-stack graph a template is judged in: the templates that nest it (transitively, found in the workspace
   * folder and open buffers) and every local template their stacks deploy, open buffers as typed. Children outside the
   * workspace folder are not read. Undefined when the template neither nests nor is nested: it is linted alone, as a
   * plain template (with its own lint cache).
   */
  private async stackGraphFor(uri: string, fsPath: string, settings: Settings, folder: string | undefined): Promise<StackGraph | undefined> {
    const reached = new Set([fsPath]);
    const up = [fsPath];
    while (up.length > 0 && reached.size < MAX_GRAPH_DIRS) {
      for (const parent of await this.modules.stackParentsOf(up.shift() as string, folder)) {
        if (reached.has(parent)) continue;
        reached.add(parent);
        up.push(parent);
      }
    }
    const within = folder ?? path.dirname(fsPath);
    const templates = new Map<string, ModuleDir>();
    const queue = [...reached];
    while (queue.length > 0 && templates.size < MAX_GRAPH_DIRS) {
      const file = queue.shift() as string;
      if (templates.has(file)) continue;
      if (file !== fsPath && !reached.has(file) && !('path' in resolveInside(within, file))) continue;
      const doc = this.modules.openParsed(file) ?? (await this.modules.readDisk(file));
      if (doc?.family !== 'cloudformation') continue;
      const tfvars = (await this.inputs.forDocument(pathToUri(file), file, settings.parameterFiles, settings.varFiles)) ?? new Map();
      templates.set(file, { dir: file, docs: [doc], tfvars });
      for (const call of stackCalls(file, doc)) if (call.childPath && !templates.has(call.childPath)) queue.push(call.childPath);
    }
    this.lastGraphDirs.set(uri, new Set(templates.keys()));
    const graph = new StackGraph(templates);
    return graph.isComposed(fsPath) ? graph : undefined;
  }

  /** The directories of each document's last module graph (the scheduler re-checks open files of those). */
  readonly lastGraphDirs = new Map<string, ReadonlySet<string>>();

  /** Logs a failure once per file and cause (keyed with the message's first line), not on every keystroke. */
  private errorOnce(key: string, message: string): void {
    const full = `${key}\n${message.split('\n')[0] ?? ''}`;
    if (this.reportedFailures.has(full)) return;
    if (this.reportedFailures.size > 1000) this.reportedFailures.clear(); // a long session must not grow without bound
    this.reportedFailures.add(full);
    this.log.error(message);
  }
}
