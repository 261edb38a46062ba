// Reads, parses and lints a set of files, grouping Terraform files by module directory so joins see siblings.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, tooLargeMessage } from '../engine/config/file-size';
import { lintDocument, type LintOptions } from '../engine/lint/lint';
import type { Finding, LintResult, RuleFailure } from '../engine/types';
import type { IacDocument, ParseError } from '../model/document';
import { parseDocument } from '../parsers/index';
import { readModuleVariables, readParameterFiles } from './input-values';
import { ModuleGraph, moduleCalls, parseModulesManifest, type ModuleDir } from '../engine/modules/module-graph';
import { lintWithModules } from '../engine/modules/module-lint';
import { isTemplatePath, localStackSourcesIn, pathOfUri, StackGraph, stackCalls } from '../engine/modules/stack-graph';
import type { IacNode } from '../model/nodes';
import { resolveInside } from '../workspace/input-file';
import { isTerraformPath } from '../workspace/module-index';
import { localModuleSources } from './partition';
import { walkFiles } from './walk';

/** How deep module calls are followed into directories the scan was not given (a guard against runaway sources). */
const MAX_LOADED_DIRS = 200;

/** The Terraform files of a directory the scan was not given (a module it calls), parsed; empty when unreadable. */
function loadModuleDir(dir: string, maxSize: number): IacDocument[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => isTerraformPath(n))
      .sort();
  } catch {
    return [];
  }
  const out: IacDocument[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      if (statSync(file).size > maxSize) continue;
      // Capped and regular files only, as for scanned files: a module folder is as untrusted as the rest.
      const doc = parseDocument(file, readInputFileSync(file, maxSize));
      if (doc?.family === 'terraform') out.push(doc);
    } catch {
      // An unreadable module file leaves what it would have decided unresolved.
    }
  }
  return out;
}

/** The directories under `root` whose Terraform files call one of `dirs` as a local module, transitively. */
async function callersUnder(root: string, dirs: readonly string[]): Promise<string[]> {
  // Blocking reads: only the CLI names files (moduleSearchRoot), and it has nothing else to do meanwhile.
  const files = (await walkFiles([root], { limit: 20_000, sync: true })).filter((f) => isTerraformPath(f));
  const calls = new Map<string, Set<string>>();
  for (const file of files) {
    const from = resolve(dirname(file));
    for (const source of localModuleSources(file)) {
      const to = resolve(from, source);
      let set = calls.get(to);
      if (!set) calls.set(to, (set = new Set()));
      set.add(from);
    }
  }
  const found = new Set<string>();
  const queue = [...dirs];
  while (queue.length > 0) {
    for (const caller of calls.get(queue.shift() as string) ?? []) {
      if (found.has(caller) || dirs.includes(caller)) continue;
      found.add(caller);
      queue.push(caller);
    }
  }
  return [...found];
}

/** `.terraform/modules/modules.json` of a directory, when `terraform init` left one. */
function readManifest(dir: string): Map<string, string> | undefined {
  try {
    return parseModulesManifest(dir, readInputFileSync(join(dir, '.terraform', 'modules', 'modules.json')));
  } catch {
    return undefined;
  }
}

/**
 * The module graph of the scanned Terraform directories, with the directories their calls reach (local sources and
 * modules `terraform init` recorded) read from disk as context: their files are judged as deployed, never reported
 * unless scanned. Nothing is downloaded or executed.
 */
export async function moduleGraphFor(
  given: ReadonlyMap<string, IacDocument[]>,
  options: Pick<ScanOptions, 'varFiles' | 'maxFileSize' | 'moduleSearchRoot' | 'inputRoots'>,
): Promise<ModuleGraph> {
  // Absolute: a call's source is resolved against its directory, whatever form the scan's paths were given in.
  const scanned = new Map([...given].map(([dir, docs]) => [resolve(dir), docs]));
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const read = { maxFileSize: maxSize, ...(options.inputRoots ? { roots: options.inputRoots } : {}) };
  if (options.moduleSearchRoot !== undefined) {
    // Named files: the rest of each directory, and the directories that call it (transitively), as context.
    for (const [dir, docs] of scanned) {
      const named = new Set(docs.map((d) => resolve(d.uri)));
      scanned.set(dir, [...docs, ...loadModuleDir(dir, maxSize).filter((d) => !named.has(resolve(d.uri)))]);
    }
    for (const caller of await callersUnder(options.moduleSearchRoot, [...scanned.keys()]))
      if (!scanned.has(caller)) scanned.set(caller, loadModuleDir(caller, maxSize));
  }
  const dirs = new Map<string, ModuleDir>();
  const queue = [...scanned.keys()];
  while (queue.length > 0 && dirs.size < MAX_LOADED_DIRS + scanned.size) {
    const dir = queue.shift() as string;
    if (dirs.has(dir)) continue;
    const docs = scanned.get(dir) ?? loadModuleDir(dir, maxSize);
    const manifest = readManifest(dir);
    dirs.set(dir, { dir, docs, tfvars: await readModuleVariables(dir, options.varFiles, read), manifest });
    for (const call of moduleCalls(dir, docs, () => undefined)) if (call.childDir && !dirs.has(call.childDir)) queue.push(call.childDir);
    for (const child of manifest?.values() ?? []) if (!dirs.has(child)) queue.push(child);
  }
  return new ModuleGraph(dirs);
}
/** A template the scan was not given (a nested stack's child or parent), parsed; undefined when unreadable or not one. */
function loadTemplate(file: string, maxSize: number): IacDocument | undefined {
  try {
    const doc = parseDocument(file, readInputFileSync(file, maxSize));
    return doc?.family === 'cloudformation' ? doc : undefined;
  } catch {
    return undefined; // what it would have decided stays unresolved
  }
}

/** The templates under `root` that nest one of `files` (by a local path), transitively. */
async function stackParentsUnder(root: string, files: readonly string[], maxSize: number): Promise<string[]> {
  const parents = new Map<string, Set<string>>();
  for (const file of (await walkFiles([root], { limit: 20_000 })).filter(isTemplatePath)) {
    let text: string;
    try {
      text = readInputFileSync(file, maxSize);
    } catch {
      continue;
    }
    for (const source of localStackSourcesIn(text)) {
      const child = resolve(dirname(file), source);
      let set = parents.get(child);
      if (!set) parents.set(child, (set = new Set()));
      set.add(resolve(file));
    }
  }
  const found = new Set<string>();
  const queue = [...files];
  while (queue.length > 0) {
    for (const parent of parents.get(queue.shift() as string) ?? []) {
      if (found.has(parent) || files.includes(parent)) continue;
      found.add(parent);
      queue.push(parent);
    }
  }
  return [...found];
}

/**
 * The nested-stack graph of the scanned templates, with the local templates their stacks deploy (and, for named
 * files, the templates that nest them) read from disk as context, never reported unless scanned. A template outside
 * the scan's roots (the scanned folders, the working directory, the repository of named files) is not read: a
 * `TemplateURL: ../../../../etc/x` leaves that stack's values unresolved.
 */
export async function stackGraphFor(
  given: readonly IacDocument[],
  parameters: ReadonlyMap<string, IacNode>,
  options: Pick<ScanOptions, 'maxFileSize' | 'moduleSearchRoot' | 'inputRoots'>,
): Promise<StackGraph> {
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const templates = new Map(given.map((doc) => [pathOfUri(doc.uri), doc]));
  const roots = [...(options.inputRoots ?? []), ...(options.moduleSearchRoot !== undefined ? [options.moduleSearchRoot] : [])];
  const confined = (file: string) => (roots.length > 0 ? roots : [process.cwd()]).some((r) => 'path' in resolveInside(r, file));
  if (options.moduleSearchRoot !== undefined && templates.size > 0) {
    for (const parent of await stackParentsUnder(options.moduleSearchRoot, [...templates.keys()], maxSize)) {
      const doc = templates.has(parent) ? undefined : loadTemplate(parent, maxSize);
      if (doc) templates.set(parent, doc);
    }
  }
  const queue = [...templates.keys()];
  let loaded = 0;
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const doc = templates.get(file);
    for (const call of doc ? stackCalls(file, doc) : []) {
      const child = call.childPath;
      if (!child || templates.has(child) || loaded >= MAX_LOADED_DIRS || !confined(child)) continue;
      const childDoc = loadTemplate(child, maxSize);
      loaded++;
      if (!childDoc) continue;
      templates.set(child, childDoc);
      queue.push(child);
    }
  }
  return new StackGraph(new Map([...templates].map(([dir, doc]) => [dir, { dir, docs: [doc], tfvars: parameters }])));
}

import { NOT_REGULAR } from './walk';
import { readInputFileSync } from '../workspace/input-file';

/**
 * One linted file. Plain data (no parse tree), so a scan worker can post it to the main thread and a large scan
 * does not keep every document's model alive until the report is written.
 */
export interface FileResult {
  path: string;
  /** The file's text, for turning offsets into lines and columns. */
  text: string;
  findings: Finding[];
  errors: ParseError[];
  ruleFailures: RuleFailure[];
}

export interface ScanResult {
  /** One entry per file that is a template or Terraform file, in the order of the paths given. */
  files: FileResult[];
  /**
   * Files that could not be read (or were not scanned), in the order of the paths given. `skipped` marks a file left
   * out on purpose (over the size limit): a note for the user, not a failure of the scan.
   */
  readErrors: { path: string; message: string; skipped?: true }[];
}

export interface ScanOptions extends Omit<LintOptions, 'module' | 'inputValues'> {
  /** Files larger than this many bytes are reported, not read (default DEFAULT_MAX_FILE_SIZE). */
  maxFileSize?: number;
  /** CloudFormation parameter files applied to every template. */
  parameterFiles?: readonly string[];
  /** Terraform var files applied to every module, after the module's own tfvars. */
  varFiles?: readonly string[];
  /** See WorkerScanOptions: named files are judged with their directory, callers and called modules as context. */
  moduleSearchRoot?: string;
  /** Folders a module's own tfvars must resolve into (the scanned folders and the working directory). */
  inputRoots?: readonly string[];
  /** Texts to use instead of the files' contents on disk (`secure-iac fix --dry-run` counts what would be left). */
  overrides?: ReadonlyMap<string, string>;
}

/**
 * Lints `paths` in this thread: every file is parsed once, Terraform documents of the same directory are passed to
 * each other as their module, and non-templates are dropped silently. Callers that split a scan (scan workers) must
 * keep each directory's files together, since a directory is a Terraform module.
 */
export async function scanFiles(paths: readonly string[], options: ScanOptions = {}): Promise<ScanResult> {
  const readErrors: ScanResult['readErrors'] = [];
  const docs: IacDocument[] = [];
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  for (const path of paths) {
    try {
      // Synchronous on purpose: a scan has nothing else to do meanwhile, and a promise round trip per file left the
      // thread idle for a fifth of the scan.
      const stat = statSync(path);
      if (!stat.isFile()) {
        readErrors.push({ path, message: NOT_REGULAR, skipped: true });
        continue;
      }
      if (stat.size > maxSize) {
        readErrors.push({ path, message: tooLargeMessage(stat.size, maxSize), skipped: true });
        continue;
      }
      // Read non-blocking with the cap: a file swapped for a FIFO (or grown) since the stat is refused, not waited on.
      const doc = parseDocument(path, options.overrides?.get(path) ?? readInputFileSync(path, maxSize));
      if (doc) docs.push(doc);
    } catch (err) {
      readErrors.push({ path, message: err instanceof Error ? err.message : String(err) });
    }
  }
  const composition = await compositionFor(docs, options);
  const results = lintComposed(composition, docs, options);
  const files = docs.map((doc): FileResult => {
    const result = results.get(doc) ?? lintDocument(doc, { ...options, inputValues: composition.parameters });
    return { path: doc.uri, text: doc.text, findings: result.findings, errors: result.errors, ruleFailures: result.ruleFailures };
  });
  return { files, readErrors };
}

/**
 * How a scan judges a set of documents as deployed: the Terraform module graph, the nested-stack graph, and the
 * parameter files' values for templates that are not composed. `secure-iac fix` lints through the same composition,
 * so it fixes what `scan` reports (a caller's argument that decides a finding in a called module).
 */
export interface Composition {
  modules: ModuleGraph;
  stacks: StackGraph;
  parameters: ReadonlyMap<string, IacNode>;
}

/** The composition of `docs` (parsed scanned files), with the modules and templates they reach read as context. */
export async function compositionFor(
  docs: readonly IacDocument[],
  options: Pick<ScanOptions, 'parameterFiles' | 'varFiles' | 'maxFileSize' | 'moduleSearchRoot' | 'inputRoots'>,
): Promise<Composition> {
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const modules = new Map<string, IacDocument[]>();
  for (const doc of docs) {
    if (doc.family !== 'terraform') continue;
    const dir = dirname(doc.uri);
    modules.set(dir, [...(modules.get(dir) ?? []), doc]);
  }
  const read = { maxFileSize: maxSize, ...(options.inputRoots ? { roots: options.inputRoots } : {}) };
  const parameters = await readParameterFiles(options.parameterFiles ?? [], read);
  const graph = await moduleGraphFor(modules, options);
  const templates = docs.filter((d) => d.family === 'cloudformation');
  const stacks = await stackGraphFor(templates, parameters, options);
  return { modules: graph, stacks, parameters };
}

/**
 * The result of each of `targets` (documents of the composition) as the scan reports it: Terraform through its module
 * graph; templates that nest or are nested as deployed; the other templates alone, with the parameter files' values.
 */
export function lintComposed(
  composition: Composition,
  targets: readonly IacDocument[],
  options: Omit<LintOptions, 'module' | 'inputValues'>,
): Map<IacDocument, LintResult> {
  const terraform = lintWithModules(
    composition.modules,
    targets.filter((d) => d.family === 'terraform'),
    options,
  );
  const composed = targets.filter((d) => d.family === 'cloudformation' && composition.stacks.isComposed(pathOfUri(d.uri)));
  const nested = composed.length > 0 ? lintWithModules(composition.stacks, composed, options) : new Map<IacDocument, never>();
  return new Map(
    targets.map((doc) => [doc, terraform.get(doc) ?? nested.get(doc) ?? lintDocument(doc, { ...options, inputValues: composition.parameters })]),
  );
}

/**
 * The composition with `doc` in place of the document of the same file (an edited text). Module calls and nested
 * stacks are read again from the documents; the directories and templates read as context stay as they were.
 */
export function withDocument(composition: Composition, doc: IacDocument): Composition {
  const swap = (dirs: ReadonlyMap<string, ModuleDir>): Map<string, ModuleDir> | undefined => {
    if (![...dirs.values()].some((d) => d.docs.some((x) => x.uri === doc.uri))) return undefined;
    return new Map(
      [...dirs].map(([key, d]) => [
        key,
        d.docs.some((x) => x.uri === doc.uri) ? { ...d, docs: d.docs.map((x) => (x.uri === doc.uri ? doc : x)) } : d,
      ]),
    );
  };
  const modules = swap(composition.modules.dirs);
  const stacks = swap(composition.stacks.dirs);
  return {
    modules: modules ? new ModuleGraph(modules) : composition.modules,
    stacks: stacks ? new StackGraph(stacks) : composition.stacks,
    parameters: composition.parameters,
  };
}

/**
 * The composed group of each file (by uri): the Terraform directories linked by module calls and the templates
 * linked by nested stacks, in either direction. A file's composed result depends only on its group, so a fix in one
 * group leaves the results of the others as they were.
 */
export function compositionGroups(composition: Composition): (uri: string) => string {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(k, root);
    return root;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  const tfGroup = new Map<string, string>();
  for (const d of composition.modules.dirs.values()) {
    for (const doc of d.docs) tfGroup.set(doc.uri, `tf:${d.dir}`);
    for (const call of moduleCalls(d.dir, d.docs, () => undefined))
      if (call.childDir && composition.modules.dirs.has(call.childDir)) union(`tf:${d.dir}`, `tf:${call.childDir}`);
    for (const child of d.manifest?.values() ?? []) if (composition.modules.dirs.has(child)) union(`tf:${d.dir}`, `tf:${child}`);
  }
  const cfnGroup = new Map<string, string>();
  for (const d of composition.stacks.dirs.values()) {
    const doc = d.docs[0];
    if (!doc) continue;
    cfnGroup.set(doc.uri, `cfn:${d.dir}`);
    for (const call of stackCalls(d.dir, doc))
      if (call.childPath && composition.stacks.dirs.has(call.childPath)) union(`cfn:${d.dir}`, `cfn:${call.childPath}`);
  }
  return (uri) => {
    const key = tfGroup.get(uri) ?? cfnGroup.get(uri);
    return key ? find(key) : `file:${uri}`;
  };
}
