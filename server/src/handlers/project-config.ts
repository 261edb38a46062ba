// `.secure-iac.yaml` at each workspace folder root: loaded once per change, its problems shown on the file itself.
import * as path from 'node:path';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES, emptyConfig, loadProjectConfig, type LoadedProjectConfig } from '../engine/config/config-file';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { documentKey, pathToUri } from '../workspace/paths';
import { describeError, type Log } from './guard';

/** The diagnostic code of a problem in the project config file. */
export const CONFIG_DIAGNOSTIC_CODE = 'invalid-config';

/**
 * Project configs by folder. The CLI refuses to scan with an invalid file; an editor cannot refuse, so the bad parts
 * keep their defaults (the loader's contract), the rest applies, and each problem is an error on the file.
 */
export class ProjectConfigStore {
  private readonly loaded = new Map<string, Promise<LoadedProjectConfig>>();
  /** Published config diagnostics by file path, so they can be re-sent with an open buffer's and cleared. */
  private readonly shown = new Map<string, Diagnostic[]>();

  constructor(
    private readonly connection: Connection,
    private readonly log: Log,
  ) {}

  /** The config of a workspace folder (defaults when it has no file). */
  forFolder(folder: string): Promise<LoadedProjectConfig> {
    let pending = this.loaded.get(folder);
    if (!pending) {
      pending = this.load(folder);
      this.loaded.set(folder, pending);
    }
    return pending;
  }

  /** Whether `fsPath` is the config file of one of `folders`; if so its cached config is dropped. */
  invalidate(fsPath: string, folders: readonly string[]): boolean {
    const folder = path.dirname(fsPath);
    if (!CONFIG_FILE_NAMES.some((name) => name === path.basename(fsPath)) || !folders.includes(folder)) return false;
    this.loaded.delete(folder);
    return true;
  }

  /** Drops every cached config (workspace folders changed). */
  clear(): void {
    this.loaded.clear();
  }

  /** The config diagnostics of a document, which the open-document pipeline publishes together with its own. */
  diagnosticsFor(uri: string): Diagnostic[] {
    return this.shown.get(documentKey(uri)) ?? [];
  }

  private async load(folder: string): Promise<LoadedProjectConfig> {
    let result: LoadedProjectConfig;
    try {
      result = await loadProjectConfig(folder);
    } catch (err) {
      // The loader does not throw by contract; if it ever does, the folder gets the defaults, not a dead server.
      this.log.error(`Reading the project config of ${folder} failed: ${describeError(err)}`);
      return { config: emptyConfig(), diagnostics: [] };
    }
    this.show(folder, result);
    return result;
  }

  /** Publishes the file's problems, and clears what an earlier version of the folder's file showed. */
  private show(folder: string, result: LoadedProjectConfig): void {
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(folder, name);
      if (file === result.path || !this.shown.has(file)) continue;
      this.shown.delete(file);
      this.publish(file, []);
    }
    if (!result.path) return;
    const text = TextDocument.create(pathToUri(result.path), 'yaml', 0, result.text ?? '');
    const diagnostics: Diagnostic[] = result.diagnostics.map((d) => ({
      range: { start: text.positionAt(d.range.start), end: text.positionAt(d.range.end) },
      severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: CONFIG_DIAGNOSTIC_CODE,
      message: d.message,
    }));
    if (diagnostics.length === 0 && !this.shown.has(result.path)) return;
    if (diagnostics.length > 0) {
      this.shown.set(result.path, diagnostics);
      this.log.warn(`${result.path}: ${diagnostics.length} problem(s); the defaults apply to those parts.`);
    } else {
      this.shown.delete(result.path);
    }
    this.publish(result.path, diagnostics);
  }

  private publish(file: string, diagnostics: Diagnostic[]): void {
    void this.connection.sendDiagnostics({ uri: pathToUri(file), diagnostics }).catch((err: unknown) => {
      this.log.error(`publishDiagnostics for ${file} failed: ${describeError(err)}`);
    });
  }
}
