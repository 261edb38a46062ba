// The catalogue's "public statement" (v2, clarification 3), shared by every resource-policy rule (S3, SQS, SNS, ECR,
// KMS, role trust): an Allow to everyone with no Condition. A `data "aws_iam_policy_document"` reaches the rules
// rendered as JSON (rules/lib/policy-document), so its `principals` / `not_principals` / `condition` blocks are
// judged by the same test.
import { actionsOf, hasCondition, isAllow, isRecord, listOf, statementsOf, type PolicyStatement } from './policy-document';

/** `"*"`, `{"AWS": "*"}` or `{"AWS": [..., "*"]}`: every principal, including anonymous callers. */
export function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  return isRecord(principal) && listOf(principal['AWS']).some((p) => p === '*');
}

/**
 * An `Allow` whose `Principal` is everyone, or which has a `NotPrincipal` (whatever it lists: everyone but a few),
 * with no `Condition` (an empty map counts as none). An unknown effect, principal or condition never counts.
 */
export function isPublicStatement(st: PolicyStatement): boolean {
  if (!isAllow(st)) return false;
  // NotPrincipal counts whatever it lists, even an unresolved list: it grants everyone outside that list.
  const open = st['NotPrincipal'] !== undefined || isEveryone(st['Principal']);
  return open && hasCondition(st) === false;
}

/** The public statements of a policy (object or JSON text, as `ValueView.literal()` gives it). */
export function publicStatements(policy: unknown): PolicyStatement[] {
  return statementsOf(policy).filter(isPublicStatement);
}

/** The actions the public statements grant, for messages (`access` when none is literal). */
export function publicActions(statements: readonly PolicyStatement[]): string {
  const actions = [...new Set(statements.flatMap(actionsOf))];
  return actions.length > 0 ? actions.join(', ') : 'access';
}
