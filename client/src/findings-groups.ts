// Secure IaC findings grouped for the tree view and the status bar: by severity or by rule, with counts (no vscode
// import: the extension maps its diagnostics to `FindingItem`s, and this is unit-tested on its own).

/** Diagnostic severities as VS Code numbers them (Error 0 … Hint 3). */
export type SeverityRank = 0 | 1 | 2 | 3;

/** The catalogue severities each diagnostic severity stands for (see the `secureIac.rules` setting). */
export const SEVERITY_GROUPS: Readonly<Record<SeverityRank, { label: string; catalogue: string }>> = {
  0: { label: 'Errors', catalogue: 'critical, high' },
  1: { label: 'Warnings', catalogue: 'medium' },
  2: { label: 'Information', catalogue: 'low' },
  3: { label: 'Hints', catalogue: 'info' },
};

export interface FindingItem {
  uri: string;
  /** Zero-based, as in a diagnostic range. */
  line: number;
  character: number;
  severity: SeverityRank;
  rule: string;
  message: string;
}

export type GroupBy = 'severity' | 'rule';

export interface FindingGroup {
  /** The severity rank or the rule id. */
  key: string;
  label: string;
  description: string;
  severity: SeverityRank;
  items: FindingItem[];
}

const byPlace = (a: FindingItem, b: FindingItem) => a.uri.localeCompare(b.uri) || a.line - b.line || a.character - b.character;

/**
 * Groups findings: by severity (most severe first), or by rule (most severe rule first, then most findings,
 * then id). Within a group, findings are in file and line order.
 */
export function groupFindings(items: readonly FindingItem[], by: GroupBy): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const item of items) {
    const key = by === 'severity' ? String(item.severity) : item.rule;
    let group = groups.get(key);
    if (!group) {
      const sev = SEVERITY_GROUPS[item.severity];
      group = { key, label: by === 'severity' ? sev.label : item.rule, description: '', severity: item.severity, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
    if (item.severity < group.severity) group.severity = item.severity;
  }
  const list = [...groups.values()];
  for (const g of list) {
    g.items.sort(byPlace);
    const n = g.items.length;
    const files = new Set(g.items.map((i) => i.uri)).size;
    g.description = `${n} finding${n === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
  }
  return list.sort((a, b) => a.severity - b.severity || (by === 'rule' ? b.items.length - a.items.length || a.key.localeCompare(b.key) : 0));
}

/** Counts per diagnostic severity, for the status bar. */
export function countBySeverity(items: readonly FindingItem[]): Record<SeverityRank, number> {
  const counts: Record<SeverityRank, number> = { 0: 0, 1: 0, 2: 0, 3: 0 };
  for (const i of items) counts[i.severity]++;
  return counts;
}
