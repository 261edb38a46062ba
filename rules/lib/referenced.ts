// The reverse of `ctx.referencing`: the companions that a resource's own property designates (a trail's bucket).
import type { ResourceView, RuleContext } from '../api';

/**
 * Companions of `role` that `key` of `resource` refers to, by the same "refers to" as `ctx.referencing` (a reference,
 * the companion's literal name, or the same input expression). The rule declares its own resource type as the
 * companion role `selfRole`, with `key`, so the engine's join is used from the companion's side.
 */
export function referencedBy<P extends string>(
  ctx: RuleContext<P>,
  resource: ResourceView<P>,
  via: { selfRole: string; key: P },
  role: string,
): ResourceView<P>[] {
  return ctx
    .companions(role)
    .filter((candidate) => ctx.referencing(via.selfRole, via.key, candidate).some((self) => self.address === resource.address));
}
