// Secure IaC diagnostics across every file (open ones and those a workspace scan published), as plain items.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../server/src/protocol';
import type { FindingItem, SeverityRank } from './findings-groups';

/** The rule id of a diagnostic: its code, or the code's value when the code is a link. */
export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

/** Every diagnostic whose source is Secure IaC, from `vscode.languages.getDiagnostics()`. */
export function ourFindings(): FindingItem[] {
  const items: FindingItem[] = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const d of diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      items.push({
        uri: uri.toString(),
        line: d.range.start.line,
        character: d.range.start.character,
        severity: d.severity as number as SeverityRank,
        rule: ruleOf(d),
        message: d.message,
      });
    }
  }
  return items;
}

/** Opens a finding in an editor with the cursor on it. */
export async function openFinding(item: Pick<FindingItem, 'uri' | 'line' | 'character'>): Promise<void> {
  const position = new vscode.Position(item.line, item.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(item.uri), { selection: new vscode.Range(position, position), preserveFocus: false });
}

/** Calls `run` once a burst of diagnostic changes settles (a workspace scan publishes file by file). */
export function onFindingsChanged(run: () => void, delayMs = 150): vscode.Disposable {
  let pending: NodeJS.Timeout | undefined;
  const listener = vscode.languages.onDidChangeDiagnostics(() => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = undefined;
      run();
    }, delayMs);
  });
  return new vscode.Disposable(() => {
    if (pending) clearTimeout(pending);
    listener.dispose();
  });
}
