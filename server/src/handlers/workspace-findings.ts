// Diagnostics a workspace scan published for files on disk: who owns them, refreshing them, withdrawing them.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKey, folderOf, uriToPath } from '../workspace/paths';
import type { ClosedDocumentOwner } from './diagnostics';
import { describeError, yieldToEventLoop, type Log } from './guard';
import type { Linter, LintOutcome } from './linter';
import type { SettingsStore } from './settings';
import { resultToDiagnostics } from './to-diagnostic';

/**
 * The files (by path) the last scan covered, and the URI their diagnostics went out under. An open document's
 * diagnostics belong to the open-document pipeline; the scan takes a file back when it closes.
 */
export class WorkspaceFindings implements ClosedDocumentOwner {
  private readonly owned = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly linter: Linter,
    private readonly settings: SettingsStore,
    private readonly log: Log,
  ) {}

  /** Number of files whose findings the scan owns. */
  get size(): number {
    return this.owned.size;
  }

  /** The open document for a file path, if any (clients may spell its URI differently). */
  openDocument(fsPath: string): TextDocument | undefined {
    return this.documents.all().find((d) => documentKey(d.uri) === fsPath);
  }

  /** Records that the scan covers `fsPath`, and publishes its diagnostics unless the file is open. */
  adopt(fsPath: string, outcome: LintOutcome): Diagnostic[] {
    this.owned.set(fsPath, outcome.uri);
    const diagnostics = outcome.result ? resultToDiagnostics(outcome.result, outcome.text) : [];
    if (!this.openDocument(fsPath)) this.publish(outcome.uri, diagnostics);
    return diagnostics;
  }

  /** Withdraws the findings of files a new scan no longer lists (deleted, or now excluded). */
  releaseExcept(keep: ReadonlySet<string>): void {
    for (const [fsPath, uri] of [...this.owned]) {
      if (keep.has(fsPath)) continue;
      this.owned.delete(fsPath);
      if (!this.openDocument(fsPath)) this.publish(uri, []);
    }
  }

  /** Withdraws every scan diagnostic; open documents keep their own. Returns how many files were cleared. */
  clear(): number {
    const count = this.owned.size;
    this.releaseExcept(new Set());
    return count;
  }

  /** ClosedDocumentOwner: a scanned file that closes shows its on-disk findings again. */
  reclaim(uri: string): boolean {
    const fsPath = uriToPath(uri);
    if (!fsPath || !this.owned.has(fsPath)) return false;
    void this.refreshFile(fsPath);
    return true;
  }

  /** A file changed on disk: re-lint it if the scan owns it and it is not open; withdraw it if it is gone. */
  async refreshFile(fsPath: string): Promise<void> {
    const uri = this.owned.get(fsPath);
    if (uri === undefined || this.openDocument(fsPath)) return;
    try {
      const folder = folderOf(this.settings.folders, fsPath);
      const outcome = await this.linter.lintFile(fsPath, await this.settings.forFolder(folder), folder);
      // Opened, closed or cleared while reading: whoever owns it now has published.
      if (this.owned.get(fsPath) !== uri || this.openDocument(fsPath)) return;
      if (!outcome?.result?.document) {
        // Deleted, unreadable, excluded or no longer a template: nothing of the scan's to show.
        this.owned.delete(fsPath);
        this.publish(uri, []);
        return;
      }
      this.adopt(fsPath, outcome);
    } catch (err) {
      this.log.error(`Refreshing scan findings for ${fsPath} failed: ${describeError(err)}`);
    }
  }

  /** Settings changed: re-lint every owned file that is not open, one per event-loop turn. */
  async refreshAll(): Promise<void> {
    for (const fsPath of [...this.owned.keys()]) {
      await this.refreshFile(fsPath);
      await yieldToEventLoop();
    }
  }

  private publish(uri: string, diagnostics: Diagnostic[]): void {
    void this.connection.sendDiagnostics({ uri, diagnostics }).catch((err: unknown) => {
      this.log.error(`publishDiagnostics for ${uri} failed: ${describeError(err)}`);
    });
  }
}
