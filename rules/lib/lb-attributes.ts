// Reading one key of a load balancer's `LoadBalancerAttributes` list (CloudFormation `{Key, Value}` items).
import type { ResourceView, ValueView } from '../api';

/** Logical keys a load balancer target declares for its attribute list. */
export type LbAttributeProp = 'attributes' | 'attribute' | 'key' | 'value';

/**
 * The item whose `Key` is `key`: `'unknown'` when the list or any item's key is decided by something unresolved
 * (the item may be hidden there), `undefined` when no item has the key.
 */
export function lbAttribute<P extends string>(
  lb: ResourceView<P | LbAttributeProp>,
  key: string,
): ValueView<P | LbAttributeProp> | 'unknown' | undefined {
  if (lb.prop('attributes').isUnresolved()) return 'unknown';
  const items = lb.list('attribute');
  if (items.some((i) => i.isUnresolved() || i.prop('key').isUnresolved())) return 'unknown';
  return items.find((i) => i.prop('key').asString() === key);
}
