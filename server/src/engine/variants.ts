// Conditionals in a resource (`Fn::If`, `cond ? a : b`): every branch that can be taken is judged.
import type { ResourceNode } from '../model/document';
import type { IacNode } from '../model/nodes';
import { conditionOf } from './scope';

/** How many conditions of one resource are expanded (2^n evaluations); further ones stay unresolved. */
const MAX_CONDITIONS = 4;

export interface Variant {
  choices: ReadonlyMap<string, boolean>;
  /** `condition IsProd is false`, one per decided condition. */
  labels: ReadonlyMap<string, string>;
}

function collect(node: IacNode, out: Map<string, string>): void {
  if (out.size >= MAX_CONDITIONS) return;
  const cond = conditionOf(node);
  if (cond && !out.has(cond.key)) out.set(cond.key, cond.label);
  switch (node.kind) {
    case 'map':
      for (const e of node.entries) collect(e.value, out);
      break;
    case 'list':
      for (const i of node.items) collect(i, out);
      break;
    case 'call':
      for (const a of node.args) collect(a, out);
      break;
  }
}

/**
 * The branch combinations to evaluate a resource under. A CloudFormation resource's own `Condition` is true
 * wherever the resource exists, so that condition's other branch is never taken.
 */
export function variantsOf(resource: ResourceNode): Variant[] {
  const found = new Map<string, string>();
  collect(resource.node, found);
  const fixed = new Map<string, boolean>();
  const own = resource.node.entries.find((e) => e.key === 'Condition')?.value;
  if (resource.kind === 'resource' && own?.kind === 'scalar' && typeof own.value === 'string') fixed.set(`cfn:${own.value}`, true);
  const free = [...found.keys()].filter((k) => !fixed.has(k));
  const variants: Variant[] = [];
  for (let mask = 0; mask < 1 << free.length; mask++) {
    const choices = new Map(fixed);
    const labels = new Map<string, string>();
    free.forEach((key, i) => {
      const value = (mask & (1 << i)) !== 0;
      choices.set(key, value);
      labels.set(key, `${found.get(key) ?? key} is ${value}`);
    });
    variants.push({ choices, labels });
  }
  return variants;
}
