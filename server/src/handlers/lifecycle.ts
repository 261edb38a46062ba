// Initialize/initialized: capabilities, parser loading, and wiring every handler to the document store.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { initParsers } from '../parsers/index';
import { FIX_ALL_KIND, FIX_ALL_REVIEW_KIND } from '../protocol';
import { registerCodeActions } from './code-actions';
import { registerHover } from './hover';
import { DiagnosticsScheduler } from './diagnostics';
import { connectionLog, guardEvent, type Log } from './guard';
import { Linter } from './linter';
import { ProjectConfigStore } from './project-config';
import { registerRulesInfo } from './rules-info';
import { registerScanWorkspace } from './scan-workspace';
import { SettingsStore } from './settings';
import { logStartup } from './startup-log';
import { ServerStatus } from './status';
import { registerWatchedFiles } from './watched-files';
import { WorkspaceFindings } from './workspace-findings';

/** Debounce between the last keystroke and the lint; clients may lower it (`initializationOptions.debounceMs`, tests). */
export const DEFAULT_DEBOUNCE_MS = 150;

/** Registers every handler on `connection` and starts listening. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings: SettingsStore | undefined;
  let projectConfigs: ProjectConfigStore | undefined;
  const log = connectionLog(connection, () => settings?.isVerbose ?? false);
  let supportsFolderEvents = false;
  let registerConfiguration = false;
  let registerWatchers = false;
  const status = new ServerStatus(connection);

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    const caps = params.capabilities;
    supportsFolderEvents = caps.workspace?.workspaceFolders === true;
    registerConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    // Our VS Code client declares its own watchers; other clients (Neovim, ...) get ours if they allow it.
    registerWatchers =
      caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true && !optionOf(params.initializationOptions, 'clientWatchesFiles');
    projectConfigs = new ProjectConfigStore(connection, log);
    settings = new SettingsStore(connection, log, caps.workspace?.configuration === true, projectConfigs);
    settings.setFolders(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []));
    await initParsers();
    const clientCommands = optionOf(params.initializationOptions, 'clientCommands') === true;
    const snippetEdits = (caps.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true;
    wire(
      connection,
      documents,
      settings,
      projectConfigs,
      log,
      status,
      debounceFrom(params.initializationOptions),
      caps.workspace?.workspaceEdit?.documentChanges === true,
      { clientCommands, snippetEdits },
    );
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, FIX_ALL_REVIEW_KIND], resolveProvider: false },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'secure-iac' },
    };
  });

  connection.onInitialized(
    guardEvent(log, 'initialized', async () => {
      const registrations: Promise<unknown>[] = [];
      if (registerConfiguration) {
        // Pull model: the notification only says "something changed"; the sections scope which edits wake us.
        registrations.push(
          connection.client.register(DidChangeConfigurationNotification.type, { section: ['secureIac', 'files.exclude', 'search.exclude'] }),
        );
      }
      if (registerWatchers) {
        registrations.push(
          connection.client.register(DidChangeWatchedFilesNotification.type, {
            watchers: [
              { globPattern: '**/*.{tf,tf.json}' },
              { globPattern: '**/*.{yaml,yml,json,template}' },
              // Dot files and tfvars: the project config, and variable values that change what a module resolves to.
              { globPattern: '**/.secure-iac.{yaml,yml}' },
              { globPattern: '**/*.tfvars' },
            ],
          }),
        );
      }
      await Promise.all(registrations);
      settings?.preload();
      if (settings && projectConfigs) await logStartup(log, settings, projectConfigs);
      status.ready();
      if (supportsFolderEvents && settings) {
        const store = settings;
        connection.workspace.onDidChangeWorkspaceFolders(
          guardEvent(log, 'didChangeWorkspaceFolders', async () => {
            store.setFolders((await connection.workspace.getWorkspaceFolders()) ?? []);
            store.preload();
          }),
        );
      }
    }),
  );

  documents.listen(connection);
  connection.listen();
}

/** Creates the services and registers every handler; runs once, during initialize, when capabilities are known. */
function wire(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  settings: SettingsStore,
  projectConfigs: ProjectConfigStore,
  log: Log,
  status: ServerStatus,
  debounceMs: number,
  documentChanges: boolean,
  client: { clientCommands: boolean; snippetEdits: boolean },
): void {
  const linter = new Linter(documents, settings, log);
  const findings = new WorkspaceFindings(connection, documents, linter, settings, log);
  const scheduler = new DiagnosticsScheduler(
    connection,
    documents,
    linter,
    log,
    debounceMs,
    findings,
    (uri) => projectConfigs.diagnosticsFor(uri),
    async (uri) => (await settings.forUri(uri)).settings.run,
    status,
  );
  /** Settings, the project config or input files changed: the same text may now lint differently. */
  const recheckEverything = () => {
    linter.inputs.clear();
    linter.invalidateResults();
    scheduler.changedAll();
    void findings.refreshAll();
  };

  // TextDocuments fires didChangeContent for an open too, right after didOpen: remember which is which, so
  // `secureIac.run: onSave` checks documents when they open and when they are saved, never as they are typed.
  const opening = new Set<string>();
  documents.onDidOpen((e) => opening.add(e.document.uri));
  documents.onDidChangeContent(
    guardEvent(log, 'didChange', (e) => scheduler.changed(e.document.uri, opening.delete(e.document.uri) ? 'open' : 'edit')),
  );
  documents.onDidSave(guardEvent(log, 'didSave', (e) => scheduler.changed(e.document.uri, 'save')));
  documents.onDidClose(guardEvent(log, 'didClose', (e) => scheduler.closed(e.document.uri)));
  connection.onDidChangeConfiguration(
    guardEvent(log, 'didChangeConfiguration', (params) => {
      settings.handleDidChangeConfiguration(params);
      recheckEverything();
    }),
  );
  registerCodeActions({ connection, documents, linter, log, documentChanges, ...client });
  registerHover({ connection, documents, linter, log, clientCommands: client.clientCommands });
  registerScanWorkspace({ connection, linter, settings, findings, log, status });
  registerWatchedFiles({
    connection,
    linter,
    scheduler,
    findings,
    projectConfigs,
    folders: () => settings.folders,
    reconfigure: () => {
      settings.invalidate();
      settings.preload(); // re-publishes the config file's problems even when no document is open
      recheckEverything();
    },
    recheck: recheckEverything,
    log,
  });
  registerRulesInfo(connection, log);
}

/** One field of the free-form `initializationOptions`. */
function optionOf(options: unknown, key: string): unknown {
  return typeof options === 'object' && options !== null ? (options as Record<string, unknown>)[key] : undefined;
}

/** `initializationOptions.debounceMs` when it is a sane number, else the default. */
function debounceFrom(options: unknown): number {
  const value = optionOf(options, 'debounceMs');
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 5000 ? value : DEFAULT_DEBOUNCE_MS;
}
