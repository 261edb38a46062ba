// Writes a tiny YAML-diagnosing extension with one quick fix, used to prove the e2e harness itself.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const DUMMY = {
  id: 'secure-iac-test.dummy',
  message: 'Dummy problem on line 1',
  fixTitle: 'Dummy fix',
  fixedLine: 'fixed: true',
  commandTitle: 'Dummy: Say Hello',
  helloText: 'Hello from the dummy extension',
} as const;

const packageJson = {
  name: 'dummy',
  displayName: 'Dummy',
  description: 'Harness self-test extension',
  publisher: 'secure-iac-test',
  version: '0.0.1',
  engines: { vscode: '^1.80.0' },
  activationEvents: ['onLanguage:yaml'],
  main: './extension.js',
  contributes: { commands: [{ command: 'dummy.sayHello', title: DUMMY.commandTitle }] },
};

// Plain JS so the extension needs no build step; constants are injected so test and extension agree.
const extensionJs = `// Dummy extension: one Error on line 1 of every YAML file until line 1 reads "${DUMMY.fixedLine}".
const vscode = require('vscode');
const FIXED = ${JSON.stringify(DUMMY.fixedLine)};

function activate(context) {
  const diagnostics = vscode.languages.createDiagnosticCollection('dummy');
  const refresh = (doc) => {
    if (doc.languageId !== 'yaml' || doc.lineCount === 0) return;
    const line = doc.lineAt(0);
    if (line.text === FIXED) { diagnostics.set(doc.uri, []); return; }
    const d = new vscode.Diagnostic(line.range, ${JSON.stringify(DUMMY.message)}, vscode.DiagnosticSeverity.Error);
    d.source = 'dummy';
    d.code = 'DUMMY001';
    diagnostics.set(doc.uri, [d]);
  };
  vscode.workspace.textDocuments.forEach(refresh);
  context.subscriptions.push(
    diagnostics,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => refresh(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => diagnostics.delete(doc.uri)),
    vscode.languages.registerCodeActionsProvider({ language: 'yaml' }, {
      provideCodeActions(doc, _range, ctx) {
        const mine = ctx.diagnostics.filter((d) => d.source === 'dummy');
        if (mine.length === 0) return [];
        const fix = new vscode.CodeAction(${JSON.stringify(DUMMY.fixTitle)}, vscode.CodeActionKind.QuickFix);
        fix.diagnostics = mine;
        fix.isPreferred = true;
        fix.edit = new vscode.WorkspaceEdit();
        fix.edit.replace(doc.uri, doc.lineAt(0).range, FIXED);
        return [fix];
      },
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand('dummy.sayHello', () => vscode.window.showInformationMessage(${JSON.stringify(DUMMY.helloText)})),
  );
}

module.exports = { activate, deactivate() {} };
`;

/** Writes the dummy extension into `dir` and returns `dir`. */
export function writeDummyExtension(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(packageJson, null, 2));
  fs.writeFileSync(path.join(dir, 'extension.js'), extensionJs);
  return dir;
}
