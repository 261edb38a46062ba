// Pulls `secureIac.*` (and the exclude settings the scan honours) per workspace folder; re-pulls on change.
import type { Connection, DidChangeConfigurationParams, WorkspaceFolder } from 'vscode-languageserver/node';
import { ruleById } from '../../../rules/index';
import { enabledGlobs, normalizeSettings, overlaySettings, type Settings } from '../workspace/settings';
import { folderOf, uriToPath } from '../workspace/paths';
import type { Log } from './guard';
import type { ProjectConfigStore } from './project-config';

/** The settings of the folder a document belongs to, with that folder's path. */
export interface ScopedSettings {
  settings: Settings;
  /** Workspace folder path containing the document; undefined outside every folder. */
  folder?: string;
}

/**
 * Per-folder settings cache. Clients that support `workspace/configuration` are asked (once per folder until the
 * next change); others get what they pushed in `didChangeConfiguration`, or the defaults.
 */
export class SettingsStore {
  private folderPaths: string[] = [];
  private folderUris = new Map<string, string>();
  private readonly cache = new Map<string, Promise<Settings>>();
  private pushed: unknown;
  private verbose = false;
  private readonly warned = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly log: Log,
    private readonly canPull: boolean,
    /** `.secure-iac.yaml` of each folder, under the settings (which override it). */
    private readonly projectConfigs?: ProjectConfigStore,
  ) {}

  /** Workspace folder paths (file: URIs only; virtual folders cannot be walked). */
  get folders(): readonly string[] {
    return this.folderPaths;
  }

  /** Replaces the workspace folder list (initialize, didChangeWorkspaceFolders). */
  setFolders(folders: readonly WorkspaceFolder[]): void {
    this.folderUris = new Map();
    for (const f of folders) {
      const p = uriToPath(f.uri);
      if (p) this.folderUris.set(p, f.uri);
    }
    this.folderPaths = [...this.folderUris.keys()];
    this.cache.clear();
    this.projectConfigs?.clear();
  }

  /** Drops cached settings after a project config file changed; the next lint reads it again. */
  invalidate(): void {
    this.cache.clear();
  }

  /** Reads every folder's settings and project config now, so a broken config file is flagged before any lint. */
  preload(): void {
    for (const folder of this.folderPaths) void this.forFolder(folder);
  }

  /** Whether the log should carry per-lint timings. */
  get isVerbose(): boolean {
    return this.verbose;
  }

  /** Drops cached settings; the next lint pulls them again. */
  handleDidChangeConfiguration(params: DidChangeConfigurationParams): void {
    const settings: unknown = params.settings;
    if (typeof settings === 'object' && settings !== null && 'secureIac' in settings) this.pushed = settings.secureIac;
    this.cache.clear();
    void this.forFolder(undefined); // refresh the trace level without waiting for a lint
  }

  /** The settings that apply to a document. */
  async forUri(uri: string): Promise<ScopedSettings> {
    const fsPath = uriToPath(uri);
    const folder = fsPath ? folderOf(this.folderPaths, fsPath) : undefined;
    return { settings: await this.forFolder(folder), folder };
  }

  /** The settings of one workspace folder (undefined: window level). */
  forFolder(folder: string | undefined): Promise<Settings> {
    const key = folder ?? '';
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.pull(folder);
      this.cache.set(key, pending);
    }
    return pending;
  }

  /** `files.exclude` and `search.exclude` globs switched on for a folder (the scan honours both, as VS Code search does). */
  async editorExcludes(folder: string): Promise<string[]> {
    if (!this.canPull) return [];
    try {
      const scopeUri = this.folderUris.get(folder);
      const [files, search] = (await this.connection.workspace.getConfiguration([
        { scopeUri, section: 'files.exclude' },
        { scopeUri, section: 'search.exclude' },
      ])) as unknown[];
      return [...enabledGlobs(files), ...enabledGlobs(search)];
    } catch (err) {
      this.log.warn(`Could not read files.exclude/search.exclude: ${String(err)}`);
      return [];
    }
  }

  private async pull(folder: string | undefined): Promise<Settings> {
    let raw: unknown = this.pushed;
    if (this.canPull) {
      try {
        const scopeUri = folder === undefined ? undefined : this.folderUris.get(folder);
        raw = await this.connection.workspace.getConfiguration({ scopeUri, section: 'secureIac' });
      } catch (err) {
        this.log.warn(`workspace/configuration failed, using defaults: ${String(err)}`);
        raw = undefined;
      }
    }
    const { settings, problems } = normalizeSettings(raw);
    for (const id of Object.keys(settings.rules)) {
      if (!ruleById(id)) problems.push(`secureIac.rules: unknown rule id '${id}'`);
    }
    for (const problem of problems) this.warnOnce(problem);
    if (folder === undefined) this.verbose = settings.trace === 'verbose';
    const project = folder !== undefined && this.projectConfigs ? (await this.projectConfigs.forFolder(folder)).config : undefined;
    return overlaySettings(settings, project, folder, (problem) => this.warnOnce(problem));
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.log.warn(message);
  }
}
