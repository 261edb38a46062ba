// The "Secure IaC Findings" view: every Secure IaC diagnostic (open files and workspace-scan results), grouped by
// severity or by rule with counts; clicking a finding opens it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../server/src/protocol';
import { groupFindings, SEVERITY_GROUPS, type FindingGroup, type FindingItem, type GroupBy } from './findings-groups';
import { onFindingsChanged, ourFindings } from './our-findings';

export const FINDINGS_VIEW_ID = 'secureIac.findings';
const GROUP_BY_KEY = 'secureIac.findings.groupBy';

type Node = { kind: 'group'; group: FindingGroup } | { kind: 'finding'; item: FindingItem };

const SEVERITY_ICONS = ['error', 'warning', 'info', 'lightbulb'] as const;
const SEVERITY_COLOURS = ['list.errorForeground', 'list.warningForeground', 'problemsInfoIcon.foreground', 'problemsInfoIcon.foreground'] as const;

class FindingsProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  groups: FindingGroup[] = [];

  constructor(public groupBy: GroupBy) {}

  refresh(): void {
    this.groups = groupFindings(ourFindings(), this.groupBy);
    this.changed.fire();
  }

  get total(): number {
    return this.groups.reduce((n, g) => n + g.items.length, 0);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups.map((group) => ({ kind: 'group', group }));
    return node.kind === 'group' ? node.group.items.map((item) => ({ kind: 'finding', item })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const g = node.group;
      const item = new vscode.TreeItem(g.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${this.groupBy}:${g.key}`;
      item.description = g.description;
      item.tooltip = this.groupBy === 'severity' ? `${g.label}: catalogue severity ${SEVERITY_GROUPS[g.severity].catalogue}` : g.label;
      item.iconPath = new vscode.ThemeIcon(SEVERITY_ICONS[g.severity], new vscode.ThemeColor(SEVERITY_COLOURS[g.severity]));
      item.contextValue = 'secureIacGroup';
      return item;
    }
    const f = node.item;
    const uri = vscode.Uri.parse(f.uri);
    const file = vscode.workspace.asRelativePath(uri, false);
    const item = new vscode.TreeItem(f.message, vscode.TreeItemCollapsibleState.None);
    item.description = `${this.groupBy === 'severity' ? `${f.rule}  ` : ''}${path.posix.basename(file)}:${f.line + 1}`;
    item.tooltip = new vscode.MarkdownString().appendText(`${f.rule} — ${file}:${f.line + 1}:${f.character + 1}\n\n${f.message}`);
    item.iconPath = new vscode.ThemeIcon(SEVERITY_ICONS[f.severity], new vscode.ThemeColor(SEVERITY_COLOURS[f.severity]));
    item.command = { command: Commands.openFinding, title: 'Open Finding', arguments: [f] };
    item.contextValue = 'secureIacFinding';
    return item;
  }
}

/** Creates the view, its refresh on diagnostic changes, and the grouping toggle. */
export function registerFindingsView(context: vscode.ExtensionContext): void {
  const provider = new FindingsProvider(context.workspaceState.get<GroupBy>(GROUP_BY_KEY) ?? 'severity');
  const view = vscode.window.createTreeView(FINDINGS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const refresh = () => {
    provider.refresh();
    const n = provider.total;
    view.badge = n > 0 ? { value: n, tooltip: `${n} Secure IaC finding${n === 1 ? '' : 's'}` } : undefined;
    view.message = n === 0 ? 'No Secure IaC findings in open files or the last workspace scan.' : undefined;
    view.description = `by ${provider.groupBy}`;
    void vscode.commands.executeCommand('setContext', 'secureIac.findings.groupBy', provider.groupBy);
  };
  const setGroupBy = async (by: GroupBy) => {
    provider.groupBy = by;
    await context.workspaceState.update(GROUP_BY_KEY, by);
    refresh();
  };
  context.subscriptions.push(
    view,
    onFindingsChanged(refresh),
    vscode.commands.registerCommand(Commands.groupFindingsByRule, () => setGroupBy('rule')),
    vscode.commands.registerCommand(Commands.groupFindingsBySeverity, () => setGroupBy('severity')),
  );
  refresh();
}
