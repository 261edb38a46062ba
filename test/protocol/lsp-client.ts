// A minimal LSP client for protocol tests: spawns `node dist/server.js --stdio` and speaks JSON-RPC as an editor would.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type CodeAction,
  type Command,
  type Diagnostic,
  type LogMessageParams,
  type ProtocolConnection,
  type Registration,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allRules } from '../../rules/index';
import { LIST_RULES_METHOD, STATUS_NOTIFICATION, type ListRulesResult, type StatusParams } from '../../server/src/protocol';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const FIXTURES = path.join(ROOT, 'client', 'testFixture');

/** The `file:` URI of a path. */
export function fileUri(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}

/** Writes `text` to `rel` under the folder `root`, creating its directories; returns the file's path. */
export function writeIn(root: string, rel: string, text: string): string {
  const full = path.join(root, rel);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Extra node options for the spawned server, from SECURE_IAC_SERVER_NODE_ARGS (space-separated): a profile of the
 * server under the latency bench is `SECURE_IAC_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" npm run bench:latency`.
 */
function serverNodeArgs(): string[] {
  return (process.env.SECURE_IAC_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

/** Builds dist/server.js with esbuild when it is missing or older than the sources, so tests never run a stale bundle. */
export function ensureServerBuilt(): void {
  const sources = Math.max(newestMtime(path.join(ROOT, 'server', 'src')), newestMtime(path.join(ROOT, 'rules')));
  if (existsSync(SERVER) && statSync(SERVER).mtimeMs >= sources) return;
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`node esbuild.mjs failed:\n${build.stdout}\n${build.stderr}`);
}

/**
 * `secureIac.rules` that switch off every registered rule but `ids` (at their catalogue severity), so a test about
 * some rules is not disturbed by the rest of the catalogue, however many rules are added.
 */
export function onlyRules(...ids: string[]): Record<string, 'off' | 'on'> {
  for (const id of ids) if (!allRules.some((r) => r.id === id)) throw new Error(`unknown rule id ${id}`);
  return Object.fromEntries(allRules.map((r) => [r.id, ids.includes(r.id) ? 'on' : 'off']));
}

/** One `$/progress` value of a work-done token. */
export type WorkDoneProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

/** Settings the fake editor answers `workspace/configuration` with, by section. */
export type SettingsBySection = Record<string, unknown>;

export interface StartOptions {
  /** Workspace folder (path); none when omitted. */
  root?: string;
  settings?: SettingsBySection;
  /** `initializationOptions.debounceMs`; tests use a short one to stay fast. */
  debounceMs?: number;
  /** Whether the client advertises versioned `documentChanges` edits (default true). */
  documentChanges?: boolean;
  /** Whether the client answers `workspace/configuration` (default true); without it settings are pushed. */
  configuration?: boolean;
  /** Whether the client lets the server register configuration and file-watcher notifications (default false). */
  dynamicRegistration?: boolean;
  /** Extra `initializationOptions` (merged over the debounce). */
  initializationOptions?: Record<string, unknown>;
  /** Whether the client applies snippet edits in workspace edits (LSP 3.18; default false). */
  snippetEdits?: boolean;
}

interface Waiter {
  uri: string;
  match: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

/** One server process and the client side of its connection. */
export class TestClient {
  readonly logs: LogMessageParams[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  readonly registrations: Registration[] = [];
  /** Every `secureIac/status` the server sent, in order. */
  readonly statuses: StatusParams[] = [];
  settings: SettingsBySection;
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  private stderr = '';
  readonly exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    settings: SettingsBySection,
  ) {
    this.settings = settings;
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    process.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.latest.set(p.uri, p);
      const ready = this.waiters.filter((w) => w.uri === p.uri && w.match(p));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(p);
    });
    connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p);
    });
    connection.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => {
      this.statuses.push(p);
    });
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((item) => this.settings[item.section ?? ''] ?? null));
    connection.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  }

  /** Spawns the server and completes the initialize handshake. */
  static async start(options: StartOptions = {}): Promise<TestClient> {
    ensureServerBuilt();
    const child = spawn(process.execPath, [...serverNodeArgs(), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection, options.settings ?? {});
    connection.listen();
    const rootUri = options.root ? fileUri(options.root) : null;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: options.root && rootUri ? [{ uri: rootUri, name: path.basename(options.root) }] : null,
      capabilities: {
        workspace: {
          configuration: options.configuration ?? true,
          workspaceFolders: true,
          workspaceEdit: { documentChanges: options.documentChanges ?? true, ...(options.snippetEdits ? { snippetEditSupport: true } : {}) },
          didChangeConfiguration: { dynamicRegistration: options.dynamicRegistration ?? false },
          didChangeWatchedFiles: { dynamicRegistration: options.dynamicRegistration ?? false },
        },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { dataSupport: true } },
      },
      initializationOptions: { debounceMs: options.debounceMs ?? 20, ...options.initializationOptions },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Opens a document (version 1). */
  async open(uri: string, text: string, languageId = languageOf(uri)): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends changes as the next version and returns that version number. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Tells the server the document was saved (the text is whatever was last sent). */
  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /**
   * Replaces the settings and tells the server, as VS Code does on a settings.json edit. `push` sends them in the
   * notification itself, as clients without `workspace/configuration` do.
   */
  async changeSettings(settings: SettingsBySection, push = false): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: push ? settings : null });
  }

  /**
   * Resolves with the first publish for `uri` that satisfies `match`, including the latest one already received.
   * Event-driven: no sleeps; a timeout fails with what was last published.
   */
  diagnostics(uri: string, match: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const last = this.latest.get(uri);
    if (last && match(last)) return Promise.resolve(last);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(
          new Error(
            `no matching publishDiagnostics for ${uri} in ${timeoutMs} ms; last: ${JSON.stringify(this.latest.get(uri))}\nserver log:\n${this.logText()}`,
          ),
        );
      }, timeoutMs);
      const waiter: Waiter = {
        uri,
        match,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** The diagnostics published for exactly `version` of an open document. */
  diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
    return this.diagnostics(uri, (p) => p.version === version).then((p) => p.diagnostics);
  }

  /** `textDocument/codeAction` with the given diagnostics and `only`. */
  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } });
    return (result ?? []).filter((a): a is CodeAction => !isCommand(a));
  }

  /** Any request, with an optional cancellation source. */
  request<R>(method: string, params?: unknown, cancel?: CancellationTokenSource): Promise<R> {
    // A trailing `undefined` would be sent as a second positional parameter, so pass the token only when there is one.
    if (cancel) return this.connection.sendRequest<R>(method, params, cancel.token);
    return params === undefined ? this.connection.sendRequest<R>(method) : this.connection.sendRequest<R>(method, params);
  }

  /** Records `$/progress` values of a work-done token (jsonrpc routes progress by token, so register before use). */
  trackProgress(token: string): WorkDoneProgressValue[] {
    const values: WorkDoneProgressValue[] = [];
    this.connection.onProgress(WorkDoneProgress.type, token, (value) => {
      values.push(value);
    });
    return values;
  }

  /** Proves the server still answers: a round trip of `secureIac/listRules`. */
  async ping(): Promise<number> {
    const result = await this.request<ListRulesResult>(LIST_RULES_METHOD);
    return result.rules.length;
  }

  /** The server's log so far, for failure messages. */
  logText(): string {
    return [...this.logs.map((l) => l.message), this.stderr].join('\n');
  }

  /** shutdown + exit, then makes sure the process is gone. */
  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.process.kill(), 2000);
    await this.exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

function isCommand(a: CodeAction | Command): a is Command {
  return typeof (a as Command).command === 'string';
}

/** The language id an editor would use. */
export function languageOf(uri: string): string {
  if (/\.tf$/.test(uri)) return 'terraform';
  if (/\.json$/.test(uri)) return 'json';
  return 'yaml';
}

/** Applies a WorkspaceEdit (either `changes` or `documentChanges`) for `uri` to `text`. */
export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit | undefined, uri: string): string {
  if (!edit) throw new Error('code action has no edit');
  const edits = [
    ...(edit.changes?.[uri] ?? []),
    ...(edit.documentChanges ?? []).flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? c.edits : [])),
  ].flatMap((e) => ('newText' in e ? [{ range: e.range, newText: e.newText }] : []));
  const doc = TextDocument.create(uri, 'plaintext', 0, text);
  return TextDocument.applyEdits(doc, edits);
}

/** The whole-document range of `text`. */
export function fullRange(text: string): Range {
  const doc = TextDocument.create('x', 'plaintext', 0, text);
  return { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
}
