// VS Code entry point: starts the Secure IaC language server over IPC and registers the commands and status bar.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { FindingsStatusBar } from './status-bar';

let client: LanguageClient | undefined;

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

/** Starts the client; VS Code calls this on the activation events in package.json. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Secure IaC', { log: true });
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
    // Tells the server not to register its own watchers: these already deliver the events.
    initializationOptions: { clientWatchesFiles: true },
  };
  client = new LanguageClient('secureIac', 'Secure IaC', serverOptions, clientOptions);
  const statusBar = new FindingsStatusBar();
  context.subscriptions.push(output, statusBar, client);
  registerCommands(context, client);
  await client.start();
}

/** Stops the server with the extension host. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
