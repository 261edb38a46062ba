// Clarification 7 (companions under conditions), CloudFormation side: a companion with a `Condition` of its own counts
// for a resource only where that condition holds, unless the resource exists under the same condition.
import type { ResourceView } from '../api';

/**
 * The variant in which none of `companions` exists while `resource` does (`condition UseScan is false`), or undefined
 * when one of them exists wherever the resource does. Both the resource's target and the companions' spec declare
 * `conditionKey` as `/Condition`. Conditions are compared by name; Terraform resources have none here and always count.
 */
export function variantWithout<P extends string>(
  resource: ResourceView<P>,
  companions: readonly ResourceView<P>[],
  conditionKey: P,
): string | undefined {
  if (companions.length === 0) return undefined;
  const own = resource.prop(conditionKey).asString();
  const conditions = companions.map((c) => c.prop(conditionKey).asString());
  if (conditions.some((c) => c === undefined || c === own)) return undefined;
  return [...new Set(conditions)].map((c) => `condition ${c} is false`).join(' and ');
}
