// Where a Terraform companion exists, read from its `count` / `for_each` (catalogue v2 clarification 7: a companion
// counts only in the variants where it exists).
import type { ResourceView, ValueView } from '../api';

/** Whether a `count` / `for_each` value creates nothing: `0`, `[]`, `{}`, `null`. */
export function createsNothing(value: ValueView): boolean {
  const written = value.literal();
  if (written === null || written === 0 || written === '0') return true;
  if (Array.isArray(written)) return written.length === 0;
  return typeof written === 'object' && Object.keys(written).length === 0;
}

/**
 * Whether the resource exists in the variant being judged: `always` without (or with a creating) `count` /
 * `for_each`; `never` when it creates nothing; `sometimes` for a conditional or expression the variant does not
 * decide (`var.manage ? 1 : 0`); `unknown` for an input nothing decides (not judged). The resource's target must
 * declare the logical keys `count` and `forEach`.
 */
export function existenceOf<P extends string>(resource: ResourceView<P | 'count' | 'forEach'>): 'always' | 'never' | 'sometimes' | 'unknown' {
  for (const meta of ['count', 'forEach'] as const) {
    const value = resource.prop(meta);
    if (value.isMissing()) continue;
    if (value.isUnresolved()) return value.input() === undefined ? 'sometimes' : 'unknown';
    if (createsNothing(value)) return 'never';
  }
  return 'always';
}
