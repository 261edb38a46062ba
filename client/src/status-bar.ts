// The status bar item: Secure IaC's own findings by severity and the server's state; clicking lists our findings.
import * as vscode from 'vscode';
import { Commands, type StatusParams } from '../../server/src/protocol';
import { countBySeverity } from './findings-groups';
import { onFindingsChanged, ourFindings } from './our-findings';

/**
 * Shows `$(shield) $(error) 2 $(warning) 3` when the server is ready, `$(sync~spin) 4/20` while a workspace scan
 * runs, a spinner while the server starts and an error look when it failed. Counts only diagnostics whose source is
 * Secure IaC, so other linters' problems never inflate it.
 */
export class FindingsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('secureIac.status', vscode.StatusBarAlignment.Left, 50);
  private readonly listener: vscode.Disposable;
  private state: StatusParams = { state: 'starting' };

  constructor() {
    this.item.name = 'Secure IaC';
    this.item.command = Commands.showFindings;
    this.listener = onFindingsChanged(() => this.update());
    this.update();
    this.item.show();
  }

  /** The server's state (`secureIac/status`), or the client's own view of it (starting, stopped). */
  setState(state: StatusParams): void {
    this.state = state;
    this.update();
  }

  dispose(): void {
    this.listener.dispose();
    this.item.dispose();
  }

  private update(): void {
    const counts = countBySeverity(ourFindings());
    const others = counts[2] + counts[3];
    const findings = `$(error) ${counts[0]} $(warning) ${counts[1]}${others > 0 ? ` $(info) ${others}` : ''}`;
    const summary = `${counts[0]} error${counts[0] === 1 ? '' : 's'}, ${counts[1]} warning${counts[1] === 1 ? '' : 's'}, ${others} information/hint${others === 1 ? '' : 's'}`;
    const s = this.state;
    this.item.backgroundColor = undefined;
    switch (s.state) {
      case 'starting':
        this.item.text = '$(loading~spin) Secure IaC';
        this.item.tooltip = 'Secure IaC: starting the language server…';
        break;
      case 'scanning':
        this.item.text = `$(sync~spin) Secure IaC ${s.scanned ?? 0}/${s.total ?? '?'}`;
        this.item.tooltip = `Secure IaC: scanning the workspace (${s.scanned ?? 0} of ${s.total ?? '?'} files). So far: ${summary}.`;
        break;
      case 'error':
        this.item.text = `$(shield) Secure IaC: error ${findings}`;
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        this.item.tooltip = `Secure IaC: ${s.message ?? 'the language server failed'}. See the Secure IaC output channel. Findings: ${summary}.`;
        break;
      default:
        this.item.text = `$(shield) ${findings}`;
        this.item.tooltip = `Secure IaC: ${summary}. Click to list them.`;
    }
    this.item.accessibilityInformation = { label: `Secure IaC, ${s.state}, ${summary}` };
  }
}
