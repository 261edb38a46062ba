// Conditionals in a resource (`Fn::If`, `cond ? a : b`): every branch that can be taken is judged.
import type { ResourceNode } from '../../model/document';
import type { IacNode } from '../../model/nodes';
import { conditionOf } from '../scope/scope';

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

/** Whether a Terraform `count`/`for_each` branch creates nothing: `0`, `[]`, `{}` or `null`. */
function createsNothing(node: IacNode | undefined): boolean {
  if (!node) return false;
  if (node.kind === 'scalar') return node.value === 0 || node.value === '0' || node.value === null;
  if (node.kind === 'list') return node.items.length === 0;
  if (node.kind === 'map') return node.entries.length === 0;
  return false;
}

/**
 * `count = var.create ? 1 : 0` (or `for_each = cond ? x : {}`): the resource exists only in one branch of that
 * condition, so the other branch is never taken for it, just like a CloudFormation resource's own `Condition`.
 */
function existenceCondition(resource: ResourceNode): { key: string; exists: boolean } | undefined {
  for (const meta of ['count', 'for_each']) {
    const value = resource.node.entries.find((e) => e.key === meta)?.value;
    const cond = value ? conditionOf(value) : undefined;
    if (!cond || value?.kind !== 'call') continue;
    const [, whenTrue, whenFalse] = value.args;
    const noneIfTrue = createsNothing(whenTrue);
    const noneIfFalse = createsNothing(whenFalse);
    if (noneIfTrue !== noneIfFalse) return { key: cond.key, exists: noneIfFalse };
  }
  return undefined;
}

/**
 * The branch combinations to evaluate a resource under. A CloudFormation resource's own `Condition` is true
 * wherever the resource exists, so that condition's other branch is never taken; the same holds for the condition
 * of a Terraform `count`/`for_each` that creates nothing in one branch.
 */
export function variantsOf(resource: ResourceNode): Variant[] {
  const found = new Map<string, string>();
  collect(resource.node, found);
  const fixed = new Map<string, boolean>();
  const own = resource.node.entries.find((e) => e.key === 'Condition')?.value;
  if (resource.kind === 'resource' && own?.kind === 'scalar' && typeof own.value === 'string') fixed.set(`cfn:${own.value}`, true);
  const existence = existenceCondition(resource);
  if (existence) fixed.set(existence.key, existence.exists);
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
