// Conditionals (`Fn::If`, `cond ? a : b`, also inside a local, a parameter default or a companion): every branch that
// can be taken is judged. Conditions are decided on demand, as a check reads them, so only the conditions that reach
// the values a rule reads are expanded: a resource with 30 conditionals costs two runs of a rule that reads one of
// them, and a value decided by the 5th condition is judged like one decided by the 1st.
import type { ResourceNode } from '../../model/document';
import type { IacNode } from '../../model/nodes';
import { conditionOf } from '../scope/scope';

/**
 * Runs of one rule on one resource before exploration stops. Not a cap on conditions: only a rule that reads
 * more than ten independent conditionals of one resource reaches it (2^10 runs); the branches explored until then
 * are reported, the rest are not judged.
 */
export const MAX_RUNS = 1024;

/** How messages name a condition from its key (`condition IsProd`, `` `var.flag` ``); see `conditionOf`. */
function labelOf(key: string): string {
  if (key.startsWith('cfn:')) return `condition ${key.slice(4)}`;
  if (key.startsWith('tf:')) return `\`${key.slice(3)}\``;
  return key;
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
 * The conditions decided for a resource wherever it exists: a CloudFormation resource's own `Condition` is true, and
 * so is the condition of a Terraform `count`/`for_each` that creates nothing in its other branch.
 */
export function fixedChoices(resource: ResourceNode): ReadonlyMap<string, boolean> {
  const fixed = new Map<string, boolean>();
  const own = resource.node.entries.find((e) => e.key === 'Condition')?.value;
  if (resource.kind === 'resource' && own?.kind === 'scalar' && typeof own.value === 'string') fixed.set(`cfn:${own.value}`, true);
  const existence = existenceCondition(resource);
  if (existence) fixed.set(existence.key, existence.exists);
  return fixed;
}

interface Decision {
  key: string;
  value: boolean;
}

/**
 * A depth-first walk of the branch choices a check makes. Each run replays the choices planned for it and takes
 * `true` for every condition met for the first time; `next()` then flips the last `true` choice to `false`. Checks are
 * deterministic, so a replayed run meets the same conditions in the same order up to the flipped one, and every
 * combination of the conditions a run actually reads is visited once. Memory is one choice list.
 */
export class BranchExplorer {
  private plan: Decision[] = [];
  private decisions: Decision[] = [];
  private byKey = new Map<string, boolean>();
  private runs = 0;

  constructor(private readonly fixed: ReadonlyMap<string, boolean>) {}

  /** Forgets every choice, to explore again from the first run. */
  reset(): void {
    this.plan = [];
    this.decisions = [];
    this.runs = 0;
  }

  /** Starts a run with the choices `next()` planned. */
  start(): void {
    this.runs++;
    this.decisions = [];
    this.byKey = new Map(this.plan.map((d) => [d.key, d.value]));
  }

  /** The branch a conditional takes in this run (a decision the first time it is read). */
  readonly decide = (key: string): boolean => {
    const fixed = this.fixed.get(key);
    if (fixed !== undefined) return fixed;
    const known = this.decisions.find((d) => d.key === key);
    if (known) return known.value;
    const value = this.byKey.get(key) ?? true;
    this.decisions.push({ key, value });
    return value;
  };

  /** Whether this run read any condition that was not fixed. */
  get branched(): boolean {
    return this.decisions.length > 0;
  }

  /** The choices made so far in this run, as messages name them (`condition IsProd is false`). */
  labels(): Map<string, string> {
    return new Map(this.decisions.map((d) => [d.key, `${labelOf(d.key)} is ${d.value}`]));
  }

  /** Plans the next run; false when there is none. */
  next(): boolean {
    if (this.runs >= MAX_RUNS) return false;
    let i = this.decisions.length - 1;
    while (i >= 0 && this.decisions[i]?.value === false) i--;
    if (i < 0) return false;
    this.plan = [...this.decisions.slice(0, i), { key: (this.decisions[i] as Decision).key, value: false }];
    return true;
  }
}
