// The table from other tools' check ids to ours, built from every rule's `meta.related` (never a hand-kept list).
import type { AnyRule, RelatedIds } from '../../../../rules/define-rule';

/** A tool whose ids a rule lists in `meta.related`. */
export type RelatedTool = keyof RelatedIds;

/** The tools in the order docs list them, with their display names. */
export const RELATED_TOOLS: readonly { key: RelatedTool; name: string }[] = [
  { key: 'checkov', name: 'Checkov' },
  { key: 'kics', name: 'KICS' },
  { key: 'tfsec', name: 'tfsec' },
  { key: 'trivy', name: 'Trivy' },
  { key: 'cfnNag', name: 'cfn_nag' },
  { key: 'cfnLint', name: 'cfn-lint' },
];

/** One foreign id and the rules of ours it stands for (several rules may share one id, e.g. tfsec's SG rule). */
export interface ForeignIdRow {
  tool: RelatedTool;
  id: string;
  ruleIds: string[];
}

/** Foreign id → our rule ids, per tool. Lookups ignore case: tools are inconsistent about it (`ckv_aws_24` works in Checkov). */
export class ForeignIdTable {
  private readonly byTool = new Map<RelatedTool, Map<string, { id: string; ruleIds: string[] }>>();

  constructor(rules: readonly AnyRule[]) {
    for (const rule of rules) {
      for (const { key } of RELATED_TOOLS) {
        for (const id of rule.meta.related[key] ?? []) {
          let ids = this.byTool.get(key);
          if (!ids) this.byTool.set(key, (ids = new Map()));
          const entry = ids.get(id.toLowerCase()) ?? { id, ruleIds: [] };
          if (!entry.ruleIds.includes(rule.id)) entry.ruleIds.push(rule.id);
          ids.set(id.toLowerCase(), entry);
        }
      }
    }
  }

  /** Our rule ids for `id` in any of `tools` (tfsec and Trivy read each other's ids), sorted; empty when none maps. */
  lookup(tools: readonly RelatedTool[], id: string): string[] {
    const out = new Set<string>();
    for (const tool of tools) for (const r of this.byTool.get(tool)?.get(id.toLowerCase())?.ruleIds ?? []) out.add(r);
    return [...out].sort();
  }

  /** Every mapping, by tool (in `RELATED_TOOLS` order) then id, for the generated docs table. */
  rows(): ForeignIdRow[] {
    return RELATED_TOOLS.flatMap(({ key }) =>
      [...(this.byTool.get(key)?.values() ?? [])]
        .map(({ id, ruleIds }) => ({ tool: key, id, ruleIds: [...ruleIds].sort() }))
        .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true })),
    );
  }
}

/**
 * The tools whose ids a suppression comment of `source` may name. Trivy took over tfsec's checks, so each accepts
 * the other's ids (Trivy matches its AVD ids and the tfsec-style long ids alike).
 */
export function toolsFor(source: 'checkov' | 'tfsec' | 'trivy' | 'kics' | 'cfn_nag' | 'cfn-lint'): RelatedTool[] {
  switch (source) {
    case 'tfsec':
    case 'trivy':
      return ['tfsec', 'trivy'];
    case 'cfn_nag':
      return ['cfnNag'];
    case 'cfn-lint':
      return ['cfnLint'];
    default:
      return [source];
  }
}
