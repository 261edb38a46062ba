// Diagnostics for open documents: debounced per URI, linted one document per event-loop turn, stale versions dropped.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeError, yieldToEventLoop, type Log } from './guard';
import type { Linter } from './linter';
import { resultToDiagnostics } from './to-diagnostic';
import * as path from 'node:path';
import { uriToPath } from '../workspace/paths';
import type { RunMode } from '../workspace/settings';
import type { ServerStatus } from './status';

/** What the scheduler asks the workspace-scan side when a document closes. */
export interface ClosedDocumentOwner {
  /** True when a workspace scan published this file and takes it back (re-linting it from disk). */
  reclaim(uri: string): boolean;
}

/**
 * Lint is synchronous CPU work, so the scheduler never runs two in one turn: due documents wait in a queue
 * drained with `setImmediate` between them, letting code-action and other requests interleave.
 */
export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly due = new Set<string>();
  private draining = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly linter: Linter,
    private readonly log: Log,
    private readonly debounceMs: number,
    private readonly owner: ClosedDocumentOwner,
    /** Diagnostics that are not findings (problems of the project config file), sent along with a document's own. */
    private readonly extra: (uri: string) => Diagnostic[] = () => [],
    /** `secureIac.run` of the folder a document is in. */
    private readonly runMode: (uri: string) => Promise<RunMode> = async () => 'onType',
    /** The status bar's view of the server: a lint that throws shows as an error until that file checks again. */
    private readonly status?: ServerStatus,
  ) {}

  /**
   * A document was opened, edited or saved: re-check it and, for Terraform, its open siblings (they share a
   * module). Under `secureIac.run: onSave` an edit re-checks nothing: the last diagnostics stay until the save.
   */
  changed(uri: string, why: 'open' | 'edit' | 'save' = 'edit'): void {
    // An opened document is checked at once: the debounce gathers a burst of keystrokes, and there is none to wait
    // for; on an editor's start its first diagnostics are what the user waits for (issue 13).
    if (why === 'open') {
      this.schedule(uri, 0);
      for (const other of this.related(uri)) this.schedule(other);
      return;
    }
    if (why !== 'edit') return this.scheduleWithSiblings(uri);
    void this.runMode(uri)
      .then((mode) => {
        if (mode === 'onType') this.scheduleWithSiblings(uri);
      })
      .catch((err: unknown) => this.log.error(`Reading secureIac.run for ${uri} failed: ${describeError(err)}`));
  }

  private scheduleWithSiblings(uri: string): void {
    this.schedule(uri);
    for (const other of this.related(uri)) this.schedule(other);
  }

  /**
   * Open files whose findings a change to `uri` can change: its Terraform module siblings, the open files of the
   * modules it calls and of those that call it, the open templates its nested stacks deploy and that nest it (as the
   * last lints found them; a new call is caught after the lint).
   */
  private related(uri: string): string[] {
    const dirs = this.linter.lastGraphDirs;
    const mine = dirs.get(uri);
    const out = new Set(this.linter.modules.openSiblingUris(uri));
    if (mine) for (const other of this.linter.modules.openUrisIn([...mine], uri)) out.add(other);
    const fsPath = uriToPath(uri);
    const dir = fsPath && path.dirname(fsPath);
    for (const [other, theirs] of dirs) {
      // A Terraform graph holds directories, a nested-stack graph template paths.
      if (other !== uri && dir && (theirs.has(dir) || theirs.has(fsPath)) && this.documents.get(other)) out.add(other);
    }
    return [...out];
  }

  /** Settings changed: re-check every open document. */
  changedAll(): void {
    for (const uri of this.documents.keys()) this.schedule(uri);
  }

  /** Re-check open Terraform documents of the directory of a file that changed on disk. */
  changedOnDisk(uri: string): void {
    for (const other of this.related(uri)) this.schedule(other);
  }

  /** A document was closed: its diagnostics go, unless a workspace scan owns the file. */
  closed(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    this.due.delete(uri);
    this.linter.forget(uri);
    if (!this.owner.reclaim(uri)) this.publish(uri, undefined, []);
    // Its open siblings (and callers / called modules) now see the file on disk instead of the closed buffer.
    for (const other of this.related(uri)) this.schedule(other);
  }

  /** Debounces per URI: a burst of keystrokes becomes one lint of the last version. */
  schedule(uri: string, delayMs = this.debounceMs): void {
    const previous = this.timers.get(uri);
    if (previous) clearTimeout(previous);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.due.add(uri);
        void this.drain();
      }, delayMs),
    );
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.due.size > 0) {
        const uri = this.due.values().next().value as string;
        this.due.delete(uri);
        await this.lintAndPublish(uri);
        await yieldToEventLoop();
      }
    } finally {
      this.draining = false;
    }
  }

  private async lintAndPublish(uri: string): Promise<void> {
    try {
      const before = this.linter.lastGraphDirs.get(uri);
      const outcome = await this.linter.lintOpen(uri);
      // A module call added or removed (or a caller found or lost): the open files of directories newly involved are re-checked.
      const after = this.linter.lastGraphDirs.get(uri);
      if (after && before) {
        const added = [...[...after].filter((d) => !before.has(d)), ...[...before].filter((d) => !after.has(d))];
        if (added.length > 0) for (const other of this.linter.modules.openUrisIn(added, uri)) this.schedule(other);
      }
      // Undefined: closed or edited meanwhile; the newer version has its own timer.
      if (!outcome || outcome.version === undefined) return;
      if (this.documents.get(uri)?.version !== outcome.version) return;
      const diagnostics = outcome.result ? resultToDiagnostics(outcome.result, outcome.text, outcome.version) : [];
      this.publish(uri, outcome.version, diagnostics);
      this.status?.recovered(uri);
    } catch (err) {
      this.log.error(`Diagnostics for ${uri} failed: ${describeError(err)}`);
      this.status?.failed(uri, `checking ${uri.split('/').pop() ?? uri} failed`);
    }
  }

  private publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    void this.connection.sendDiagnostics({ uri, version, diagnostics: [...diagnostics, ...this.extra(uri)] }).catch((err: unknown) => {
      this.log.error(`publishDiagnostics for ${uri} failed: ${describeError(err)}`);
    });
  }
}
