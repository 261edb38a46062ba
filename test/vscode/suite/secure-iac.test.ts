// The extension in a real VS Code extension host: diagnostics, quick fixes and the workspace scan commands.
//
// Runs inside VS Code via test/vscode/run.ts, on a copy of test/e2e/fixtures/workspace (the same
// scenarios the code-server and Neovim suites check).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED, UNOPENED, type Scenario } from '../../e2e/fixtures/expected';

const EXTENSION_ID = 'secure-iac.secure-iac';
const SOURCE = 'secure-iac';

function workspaceUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens the fixture workspace');
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function ours(uri: vscode.Uri, rule: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && codeOf(d) === rule);
}

/** Resolves once `check` holds, re-checking on every diagnostics change; rejects after `timeoutMs`. */
function waitForDiagnostics<T>(what: string, check: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = (): boolean => {
      const v = check();
      if (v === undefined) return false;
      clearTimeout(timer);
      sub.dispose();
      resolve(v);
      return true;
    };
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics(() => {
      done();
    });
    done();
  });
}

describe('Secure IaC in the VS Code extension host', () => {
  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded as the extension under development`);
    await ext.activate();
  });

  for (const sc of [EXPECTED.volume, EXPECTED.ssh] as Scenario[]) {
    it(`${sc.file}: ${sc.rule} diagnostic, preferred quick fix, diagnostic gone`, async () => {
      const uri = workspaceUri(sc.file);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const original = doc.getText();

      const diag = await waitForDiagnostics(`${sc.rule} on ${sc.file}`, () => ours(uri, sc.rule)[0]);
      assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
      assert.match(diag.message, sc.message);
      assert.deepEqual(
        {
          line: diag.range.start.line + 1,
          column: diag.range.start.character + 1,
          endLine: diag.range.end.line + 1,
          endColumn: diag.range.end.character + 1,
        },
        sc.range,
      );

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diag.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes(`Ignore ${sc.rule} for this resource…`), JSON.stringify(titles));
      const preferred = actions.filter((a) => a.isPreferred);
      assert.deepEqual(
        preferred.map((a) => a.title),
        [sc.fixTitle],
      );
      const fix = preferred[0]!;
      assert.ok(fix.edit, 'the quick fix carries its edit');
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));

      assert.equal(doc.getText(), sc.fixed(original));
      await waitForDiagnostics(`${sc.rule} to disappear from ${sc.file}`, () => (ours(uri, sc.rule).length === 0 ? true : undefined));
      assert.equal(await doc.save(), true);
      assert.equal(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'), sc.fixed(original));
    });
  }

  it('Scan Workspace reports an unopened template; Clear Workspace Findings removes it', async () => {
    const uri = workspaceUri(UNOPENED.file);
    assert.equal(
      vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()),
      false,
      'the template is not open',
    );
    assert.deepEqual(ours(uri, UNOPENED.rule), []);

    // Not awaited: the command ends with a summary notification that waits for a click.
    void vscode.commands.executeCommand('secureIac.scanWorkspace');
    const diag = await waitForDiagnostics(`${UNOPENED.rule} on ${UNOPENED.file}`, () => ours(uri, UNOPENED.rule)[0], 60_000);
    assert.match(diag.message, UNOPENED.message);
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual({ line: diag.range.start.line + 1, column: diag.range.start.character + 1 }, { line: UNOPENED.line, column: UNOPENED.column });

    await vscode.commands.executeCommand('secureIac.clearWorkspaceFindings');
    await waitForDiagnostics(`findings of ${UNOPENED.file} to be cleared`, () => (ours(uri, UNOPENED.rule).length === 0 ? true : undefined));
  });
});
