// The "Secure IaC" commands: scan and clear the workspace, open a rule's documentation, disable a rule.
import * as vscode from 'vscode';
import { RequestType, RequestType0, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import {
  CLEAR_WORKSPACE_FINDINGS_METHOD,
  Commands,
  DIAGNOSTIC_SOURCE,
  FIX_ALL_REVIEW_KIND,
  LIST_RULES_METHOD,
  SCAN_WORKSPACE_METHOD,
  type ClearWorkspaceFindingsResult,
  type ListRulesResult,
  type RuleInfo,
  type ScanWorkspaceParams,
  type ScanWorkspaceResult,
} from '../../server/src/protocol';
import { groupFindings, type FindingItem } from './findings-groups';
import { FINDINGS_VIEW_ID } from './findings-tree';
import { openFinding, ourFindings } from './our-findings';

const ScanWorkspaceRequest = new RequestType<ScanWorkspaceParams, ScanWorkspaceResult, void>(SCAN_WORKSPACE_METHOD);
const ClearWorkspaceFindingsRequest = new RequestType0<ClearWorkspaceFindingsResult, void>(CLEAR_WORKSPACE_FINDINGS_METHOD);
const ListRulesRequest = new RequestType0<ListRulesResult, void>(LIST_RULES_METHOD);

/**
 * Registers every contributed command. `started` starts the language client if it is not running yet: a command
 * is an explicit request, so it may start the server in a workspace the activation sniff found no template in.
 */
export function registerCommands(context: vscode.ExtensionContext, started: () => Promise<LanguageClient>): void {
  const register = (id: string, run: (...args: unknown[]) => Promise<void>) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          await run(...args);
        } catch (err) {
          void vscode.window.showErrorMessage(`Secure IaC: ${err instanceof Error ? err.message : String(err)}`);
        }
      }),
    );
  register(Commands.scanWorkspace, async () => scanWorkspace(await started()));
  register(Commands.clearWorkspaceFindings, async () => {
    const { cleared } = await (await started()).sendRequest(ClearWorkspaceFindingsRequest);
    void vscode.window.showInformationMessage(`Secure IaC: cleared the workspace findings of ${cleared} file${cleared === 1 ? '' : 's'}.`);
  });
  register(Commands.showRuleDocumentation, async (arg) => {
    const rule = await pickRule(await started(), arg, 'Rule whose documentation to open');
    if (!rule?.docsUrl) return;
    const page = vscode.Uri.parse(rule.docsUrl);
    // The page shipped in the extension opens as a Markdown preview inside the editor; a web page in the browser.
    if (page.scheme === 'file') await vscode.commands.executeCommand('markdown.showPreview', page);
    else await vscode.env.openExternal(page);
  });
  register(Commands.reviewFixesLeft, async (_uri, count) => {
    const n = typeof count === 'number' ? count : 0;
    const choice = await vscode.window.showInformationMessage(
      `Secure IaC: applied the safe fixes; ${n} finding${n === 1 ? ' has a fix' : 's have fixes'} that need${n === 1 ? 's' : ''} your review.`,
      'Review Fixes…',
      'Open Problems',
    );
    if (choice === 'Review Fixes…') await vscode.commands.executeCommand('editor.action.sourceAction', { kind: FIX_ALL_REVIEW_KIND, apply: 'never' });
    else if (choice === 'Open Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  register(Commands.disableRuleInWorkspace, async (arg) => {
    const rule = await pickRule(await started(), arg, 'Rule to turn off in this workspace');
    if (rule) await disableRule(rule);
  });
  register(Commands.openFinding, async (arg) => {
    if (isFindingPlace(arg)) await openFinding(arg);
  });
  register(Commands.showFindings, pickFinding);
}

function isFindingPlace(arg: unknown): arg is FindingItem {
  return typeof arg === 'object' && arg !== null && typeof (arg as FindingItem).uri === 'string' && typeof (arg as FindingItem).line === 'number';
}

/**
 * The status bar's click: a quick pick of Secure IaC's findings only, most severe first (VS Code has no command that
 * sets the Problems view's filter text, so this is the "Problems filtered to Secure IaC"), with the findings view
 * one item away.
 */
async function pickFinding(): Promise<void> {
  const groups = groupFindings(ourFindings(), 'severity');
  type Pick = vscode.QuickPickItem & { item?: FindingItem; view?: true };
  const picks: Pick[] = [{ label: '$(list-tree) Show the Secure IaC Findings view', view: true }];
  for (const g of groups) {
    picks.push({ label: `${g.label} (${g.description})`, kind: vscode.QuickPickItemKind.Separator });
    for (const item of g.items) {
      const file = vscode.workspace.asRelativePath(vscode.Uri.parse(item.uri), false);
      picks.push({
        label: `$(${['error', 'warning', 'info', 'lightbulb'][item.severity]}) ${item.message}`,
        description: `${item.rule}  ${file}:${item.line + 1}`,
        item,
      });
    }
  }
  const picked = await vscode.window.showQuickPick(picks, {
    placeHolder: groups.length === 0 ? 'Secure IaC: no findings' : 'Secure IaC findings',
    matchOnDescription: true,
  });
  if (picked?.item) await openFinding(picked.item);
  else if (picked?.view) await vscode.commands.executeCommand(`${FINDINGS_VIEW_ID}.focus`);
}

/** Runs the scan under a cancellable notification fed by the server's work-done progress. */
async function scanWorkspace(client: LanguageClient): Promise<void> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Secure IaC: scanning workspace', cancellable: true },
    async (progress, token) => {
      const workDoneToken = `secure-iac-scan-${Date.now()}`;
      let reported = 0;
      const subscription = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const percentage = value.percentage ?? reported;
        progress.report({ message: value.message, increment: Math.max(0, percentage - reported) });
        reported = percentage;
      });
      try {
        return await client.sendRequest(ScanWorkspaceRequest, { workDoneToken }, token);
      } finally {
        subscription.dispose();
      }
    },
  );
  const summary = result.cancelled
    ? `Scan cancelled after ${result.scanned} of ${result.files} files: ${result.findings} findings so far.`
    : `${result.findings} finding${result.findings === 1 ? '' : 's'} in ${result.filesWithFindings} of ${result.templates} templates (${result.files} files checked).`;
  const open = await vscode.window.showInformationMessage(`Secure IaC: ${summary}`, 'Open Problems');
  if (open) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

/**
 * The rule a command applies to: its argument (a rule id), else the only Secure IaC rule under the cursor,
 * else the user's choice from a quick pick (rules under the cursor first).
 */
async function pickRule(client: LanguageClient, arg: unknown, placeHolder: string): Promise<RuleInfo | undefined> {
  const { rules } = await client.sendRequest(ListRulesRequest);
  if (typeof arg === 'string') {
    const named = rules.find((r) => r.id === arg);
    if (!named) throw new Error(`unknown rule id '${arg}'`);
    return named;
  }
  const here = rulesAtCursor();
  if (here.length === 1) return rules.find((r) => r.id === here[0]);
  const ordered = [...rules.filter((r) => here.includes(r.id)), ...rules.filter((r) => !here.includes(r.id))];
  const picked = await vscode.window.showQuickPick(
    ordered.map((rule) => ({ label: rule.id, description: rule.severity, detail: rule.title, rule })),
    { placeHolder, matchOnDetail: true },
  );
  return picked?.rule;
}

/** Rule ids of Secure IaC diagnostics under the cursor of the active editor. */
function rulesAtCursor(): string[] {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return [];
  const ids = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.range.contains(editor.selection.active))
    .map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
  return [...new Set(ids)];
}

/** Writes `secureIac.rules.<id> = "off"` to the workspace settings (user settings when no folder is open). */
async function disableRule(rule: RuleInfo): Promise<void> {
  const config = vscode.workspace.getConfiguration('secureIac');
  const hasWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const target = hasWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<Record<string, string>>('rules');
  const current = (hasWorkspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {};
  await config.update('rules', { ...current, [rule.id]: 'off' }, target);
  void vscode.window.showInformationMessage(`Secure IaC: ${rule.id} is off in ${hasWorkspace ? 'this workspace' : 'your user settings'}.`);
}
