// Reads IAM policy documents (maps, JSON strings, jsonencode) into statements rules can judge.
import { isUnknown } from './unknown';

/** A policy statement reduced to what the IAM rules judge; UNKNOWN parts stay unknown. */
export interface Statement {
  effect: unknown;
  actions: unknown[];
  resources: unknown[];
  hasNotAction: boolean;
}

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Statements of a policy given as an object or as JSON text; [] when it cannot be read. */
export function statementsOf(policy: unknown): Statement[] {
  let doc = policy;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      return [];
    }
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return [];
  return asList((doc as Record<string, unknown>)['Statement']).flatMap((s) => {
    if (s === null || typeof s !== 'object' || Array.isArray(s)) return [];
    const st = s as Record<string, unknown>;
    return [{ effect: st['Effect'], actions: asList(st['Action']), resources: asList(st['Resource']), hasNotAction: 'NotAction' in st }];
  });
}

/** A statement written as HCL (`data "aws_iam_policy_document"`): effect defaults to Allow. */
export function statementFromParts(effect: unknown, actions: unknown, resources: unknown): Statement {
  return { effect: effect ?? 'Allow', actions: asList(actions), resources: asList(resources), hasNotAction: false };
}

/** Allow `*` on `*`: full administrator access. Unknown parts never count as a wildcard. */
export function grantsFullAdmin(st: Statement): boolean {
  if (isUnknown(st.effect) || String(st.effect) !== 'Allow' || st.hasNotAction) return false;
  return st.actions.some((a) => a === '*' || a === '*:*') && st.resources.some((r) => r === '*');
}
