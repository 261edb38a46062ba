// VS Code entry point: starts the Secure IaC language server over IPC once there is something to check, and
// registers the commands, the status bar and the findings view.
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Commands, STATUS_NOTIFICATION, USER_LEVEL_KEY, type StatusParams } from '../../server/src/protocol';
import { findTemplateInWorkspace, isTemplateDocument } from './activation';
import { registerCommands } from './commands';
import { registerFindingsView } from './findings-tree';
import { FindingsStatusBar } from './status-bar';

let client: LanguageClient | undefined;
let starting: Promise<LanguageClient> | undefined;

/**
 * Language ids, plus file patterns so `.tf` files get diagnostics even without a Terraform language extension
 * (they are then `plaintext`). Patterns carry the `file` scheme: other schemes (untitled, virtual workspaces)
 * are covered by the language entries, with limited (single-file) support.
 */
const DOCUMENT_SELECTOR = [
  { language: 'yaml' },
  { language: 'json' },
  { language: 'terraform' },
  { scheme: 'file', pattern: '**/*.tf' },
  { scheme: 'file', pattern: '**/*.tf.json' },
  { scheme: 'file', pattern: '**/*.{yaml,yml,json,template}' },
];

/** A diagnostic whose code links to a shipped rule page (a `file:` URL) links to the documentation command instead. */
function renderedDocsLink(d: vscode.Diagnostic): vscode.Diagnostic {
  const code = d.code;
  if (typeof code !== 'object' || code.target.scheme !== 'file') return d;
  const ruleId = String(code.value);
  d.code = {
    value: code.value,
    target: vscode.Uri.parse(`command:${Commands.showRuleDocumentation}?${encodeURIComponent(JSON.stringify([ruleId]))}`),
  };
  return d;
}

/**
 * VS Code calls this on the activation events in package.json (a YAML/JSON/Terraform file opened, a Terraform or
 * `.template` file in the workspace, a Secure IaC command). The server starts at once when an open document or the
 * workspace holds a template, else when one is opened or typed later.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Secure IaC', { log: true });
  context.subscriptions.push(output);
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '?');
  output.info(`Secure IaC ${version} (client) in ${vscode.env.appName} ${vscode.version}`);
  registerFindingsView(context);
  const start = (reason: string): Promise<LanguageClient> => (starting ??= startClient(context, output, reason));
  registerCommands(context, () => start('a Secure IaC command ran'));

  const waiting: vscode.Disposable[] = [];
  const startFor = (reason: string) => {
    for (const d of waiting.splice(0)) d.dispose();
    void start(reason).catch((err: unknown) => output.error(`Starting the language server failed: ${String(err)}`));
  };
  const open = vscode.workspace.textDocuments.find(isTemplateDocument);
  if (open) return startFor(`${vscode.workspace.asRelativePath(open.uri)} is open`);
  const onDocument = (doc: vscode.TextDocument) => {
    if (isTemplateDocument(doc)) startFor(`${vscode.workspace.asRelativePath(doc.uri)} was opened`);
  };
  waiting.push(
    vscode.workspace.onDidOpenTextDocument(onDocument),
    vscode.workspace.onDidChangeTextDocument((e) => onDocument(e.document)),
  );
  context.subscriptions.push(...waiting);
  output.info('Looking for a CloudFormation template or Terraform file in the workspace…');
  void findTemplateInWorkspace().then(
    (found) => {
      if (found) startFor(`the workspace holds ${vscode.workspace.asRelativePath(found)}`);
      else if (waiting.length > 0) output.info('No template in the workspace: the language server starts when one is opened.');
    },
    (err: unknown) => output.warn(`Looking for templates failed: ${String(err)}`),
  );
}

/** Creates and starts the client, with the status bar that follows the server's state. */
async function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, reason: string): Promise<LanguageClient> {
  output.info(`Starting the language server: ${reason}.`);
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    traceOutputChannel: output,
    synchronize: {
      // Terraform modules span the files of a directory; scanned templates are refreshed when they change on disk;
      // the project config and tfvars change how files are checked.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.{tf,tf.json}'),
        vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json,template}'),
        vscode.workspace.createFileSystemWatcher('**/.secure-iac.{yaml,yml}'),
        vscode.workspace.createFileSystemWatcher('**/*.tfvars'),
      ],
    },
    // Tells the server not to register its own watchers (these already deliver the events), and that this client runs
    // the Secure IaC commands, so hovers and code actions may link to them.
    initializationOptions: { clientWatchesFiles: true, clientCommands: true },
    // Hover links run only the documentation command; nothing else in a hover is trusted.
    markdown: { isTrusted: { enabledCommands: [Commands.showRuleDocumentation] } },
    middleware: {
      // The rule link of a diagnostic opens the page rendered (Markdown preview), never the raw file in a tab.
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(renderedDocsLink)),
      // The server reads files outside the workspace only when the user's own settings name them: it is told which
      // path settings are user-level. Always overwritten here, so no settings file can claim to be user-level.
      workspace: {
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value: unknown, i) => {
            const item = params.items[i];
            if (item?.section !== 'secureIac' || typeof value !== 'object' || value === null) return value;
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            const config = vscode.workspace.getConfiguration('secureIac', scope);
            const userLevel = {
              parameterFiles: config.inspect<string[]>('parameterFiles')?.globalValue ?? [],
              varFiles: config.inspect<string[]>('varFiles')?.globalValue ?? [],
            };
            return { ...(value as Record<string, unknown>), [USER_LEVEL_KEY]: userLevel };
          });
        },
      },
    },
  };
  const created = new LanguageClient('secureIac', 'Secure IaC', serverOptions, clientOptions);
  client = created;
  const statusBar = new FindingsStatusBar();
  context.subscriptions.push(statusBar, created);
  created.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => statusBar.setState(params));
  created.onDidChangeState((e) => {
    if (e.newState === State.Stopped) statusBar.setState({ state: 'error', message: 'the language server stopped' });
    else if (e.newState === State.Starting) statusBar.setState({ state: 'starting' });
  });
  void vscode.commands.executeCommand('setContext', 'secureIac.serverStarted', true);
  try {
    await created.start();
  } catch (err) {
    statusBar.setState({ state: 'error', message: `the language server did not start: ${err instanceof Error ? err.message : String(err)}` });
    throw err;
  }
  return created;
}

/** Stops the server with the extension host. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
  starting = undefined;
}
