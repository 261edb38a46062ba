// The status bar item: how many Secure IaC findings the Problems view holds; clicking opens it.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../server/src/protocol';

/** Counts diagnostics whose source is Secure IaC across every file, updated as diagnostics change. */
export class FindingsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('secureIac.findings', vscode.StatusBarAlignment.Left, 50);
  private readonly listener: vscode.Disposable;
  private pending: NodeJS.Timeout | undefined;

  constructor() {
    this.item.name = 'Secure IaC findings';
    this.item.command = 'workbench.actions.view.problems';
    this.listener = vscode.languages.onDidChangeDiagnostics(() => this.scheduleUpdate());
    this.update();
    this.item.show();
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.listener.dispose();
    this.item.dispose();
  }

  /** Diagnostics arrive in bursts (a workspace scan publishes per file); count once the burst settles. */
  private scheduleUpdate(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => this.update(), 150);
  }

  private update(): void {
    this.pending = undefined;
    let count = 0;
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
      for (const d of diagnostics) if (d.source === DIAGNOSTIC_SOURCE) count++;
    }
    this.item.text = `$(shield) ${count}`;
    this.item.tooltip = count === 0 ? 'Secure IaC: no findings' : `Secure IaC: ${count} finding${count === 1 ? '' : 's'}. Click to open the Problems view.`;
  }
}
