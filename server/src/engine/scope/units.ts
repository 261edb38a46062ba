// What a checked unit's type is matched as, shared by rule dispatch, the scope's type lists and the lint cache.
import type { TargetSpec } from '../../../../rules/define-rule';
import type { ResourceNode } from '../../model/document';

/** The target type that selects parameters / variables instead of resources. */
export const INPUT_TARGET = '@input';

/** What a unit's type is matched as: `data.` prefixed for data sources, `@input` for parameters/variables. */
export function unitTypeKey(unit: ResourceNode): string {
  return unit.kind === 'input' ? INPUT_TARGET : unit.kind === 'data' ? `data.${unit.type}` : unit.type;
}

/** The type keys a target selects; only a target naming `@input` alone selects inputs. */
export function targetTypes(spec: TargetSpec): readonly string[] {
  return typeof spec.type === 'string' ? [spec.type] : spec.type.filter((type) => type !== INPUT_TARGET);
}
