// Conditionals (`Fn::If`, `cond ? a : b`, also inside a local, a parameter default or a companion): every branch that
// can be taken is judged. Conditions are decided on demand, as a check reads them, so only the conditions that reach
// the values a rule reads are expanded: a resource with 30 conditionals costs two runs of a rule that reads one of
// them, and a value decided by the 5th condition is judged like one decided by the 1st.
import type { ResourceNode } from '../../model/document';
import { conditionOf, NO_VALUE, resolveNode, type Dependency, type Scope } from '../scope/scope';
import { conditionModel, consistentAssignments, type ConditionModel } from './conditions';
import { isNothing, ownCondition } from './existence';

/**
 * Runs of one rule on one resource before exploration stops. Not a cap on conditions: every combination is visited
 * while there are at most 2^6 of them among the conditions a check reads; beyond that, the combinations closest to
 * "every condition true" come first (each condition's other branch alone, then pairs, ...), so every branch of every
 * conditional is still judged once, as independent conditionals need.
 */
export const MAX_RUNS = 64;

/** How messages name a condition from its key (`condition IsProd`, `` `var.flag` ``); see `conditionOf`. */
function labelOf(key: string): string {
  if (key.startsWith('cfn:')) return `condition ${key.slice(4)}`;
  if (key.startsWith('tf:')) return `\`${key.slice(3)}\``;
  return key;
}

/**
 * `count = var.create ? 1 : 0` (or `for_each = cond ? x : {}`, also through a local: `count = local.enabled` with
 * `enabled = var.create ? 1 : 0`): the resource exists only in one branch of that condition, so the other branch is
 * never taken for it, just like a CloudFormation resource's own `Condition`. `scope` resolves locals and variables
 * (it decides no branch).
 */
function existenceCondition(resource: ResourceNode, scope?: Scope): { key: string; exists: boolean } | undefined {
  for (const meta of ['count', 'for_each']) {
    const written = resource.node.entries.find((e) => e.key === meta && !e.block)?.value;
    const value = written && scope ? resolveNode(written, scope) : written;
    if (!value || value === NO_VALUE || value.kind !== 'call') continue;
    const cond = conditionOf(value);
    if (!cond) continue;
    const [, whenTrue, whenFalse] = value.args;
    const noneIfTrue = isNothing(whenTrue, scope);
    const noneIfFalse = isNothing(whenFalse, scope);
    if (noneIfTrue !== noneIfFalse) return { key: cond.key, exists: noneIfFalse };
  }
  return undefined;
}

/**
 * What the parameter values decide about CloudFormation conditions (`cfn:<Name>` keys), given choices already made:
 * true/false when every consistent combination agrees, undefined when both stay possible (or nothing is known).
 */
export type ConditionValues = (key: string, made: ReadonlyMap<string, boolean>) => boolean | undefined;

const models = new WeakMap<Scope, { value: ConditionModel; dependencies: readonly Dependency[] }>();

/**
 * The template's condition model, built once per scope (one lint) through its typed accessors; every later use
 * records again what the building read (the `Conditions` section, the parameters), so a cached check that used it is
 * redone when either changes.
 */
function modelOf(scope: Scope): ConditionModel {
  const hit = models.get(scope);
  if (hit) {
    for (const d of hit.dependencies) scope.note(d);
    return hit.value;
  }
  const built = scope.watch(() => conditionModel(scope));
  models.set(scope, built);
  return built.value;
}

/**
 * CloudFormation conditions evaluated with the scope's parameter values (conditions.ts). The model is read only when
 * a `cfn:` condition is first asked about, so a check that reads none depends on neither Conditions nor parameters.
 */
export function conditionValues(scope: Scope): ConditionValues | undefined {
  if (scope.naive || scope.family !== 'cloudformation') return undefined;
  return (key, made) => {
    if (!key.startsWith('cfn:')) return undefined;
    const model = modelOf(scope);
    const earlier = [...made].filter(([k]) => k.startsWith('cfn:') && k !== key);
    const names = [...earlier.map(([k]) => k.slice(4)), key.slice(4)];
    const all = consistentAssignments(model, names);
    if (!all) return undefined;
    const possible = all.filter((a) => earlier.every(([k, v]) => a.get(k.slice(4)) === v));
    const values = new Set(possible.map((a) => a.get(key.slice(4))));
    // None left: the choices made are inconsistent among themselves (cannot happen from this explorer); stay open.
    return values.size === 1 ? [...values][0] : undefined;
  };
}

/**
 * The conditions decided for a resource wherever it exists: a CloudFormation resource's own `Condition` is true
 * (false when the parameter values make it false: the resource is then not deployed), and so is the condition of a
 * Terraform `count`/`for_each` that creates nothing in its other branch. `scope` must decide no branch.
 */
export function fixedChoices(resource: ResourceNode, values?: ConditionValues, scope?: Scope): ReadonlyMap<string, boolean> {
  // Without parameter values (Terraform) they depend on the resource and the scope's bindings alone: worked out once
  // per scope, not per check.
  if (!values) {
    let byResource = fixedByScope.get(scope ?? NO_SCOPE);
    if (!byResource) fixedByScope.set(scope ?? NO_SCOPE, (byResource = new WeakMap()));
    let fixed = byResource.get(resource);
    if (!fixed) byResource.set(resource, (fixed = choicesFixed(resource, undefined, scope)));
    return fixed;
  }
  return choicesFixed(resource, values, scope);
}

const NO_SCOPE = {};
const fixedByScope = new WeakMap<object, WeakMap<ResourceNode, ReadonlyMap<string, boolean>>>();

function choicesFixed(resource: ResourceNode, values?: ConditionValues, scope?: Scope): ReadonlyMap<string, boolean> {
  const fixed = new Map<string, boolean>();
  const own = ownCondition(resource);
  if (own !== undefined) fixed.set(`cfn:${own}`, values?.(`cfn:${own}`, new Map()) !== false);
  const existence = existenceCondition(resource, scope);
  if (existence) fixed.set(existence.key, existence.exists);
  return fixed;
}

/**
 * The branch choices of a check's runs. A run takes `true` for every condition it reads except those planned `false`;
 * its reads then plan the runs that also set one later-read condition `false`, breadth first (fewest `false` first).
 * Checks are deterministic, so each set of `false` choices among the conditions actually read is visited once, and
 * conditions a check never reads are never expanded. Memory is the queue of planned sets, bounded by `MAX_RUNS`.
 */
export class BranchExplorer {
  private queue: string[][] = [[]];
  private falses = new Set<string>();
  private decisions: { key: string; value: boolean }[] = [];
  private runs = 0;
  private planned = 0;
  /** Every finished run's choices, for naming the choices a finding depends on (`relevantLabels`). */
  readonly history: ReadonlyMap<string, boolean>[] = [];

  constructor(
    private readonly fixed: ReadonlyMap<string, boolean>,
    /** What parameter values decide: such a condition takes that branch only, never explored the other way. */
    private readonly values?: ConditionValues,
  ) {}

  /** Whether the resource's own condition is false for the parameter values (it is then not deployed). */
  get absent(): boolean {
    for (const [key, value] of this.fixed) if (key.startsWith('cfn:') && !value) return true;
    return false;
  }

  /** Forgets every choice, to explore again from the first run. */
  reset(): void {
    this.queue = [[]];
    this.runs = 0;
    this.planned = 0;
    this.history.length = 0;
  }

  /** Starts the next planned run. */
  start(): void {
    this.runs++;
    this.falses = new Set(this.queue.shift() ?? []);
    this.decisions = [];
  }

  /** The branch a conditional takes in this run (a decision the first time it is read). */
  readonly decide = (key: string): boolean => {
    const fixed = this.fixed.get(key);
    if (fixed !== undefined) return fixed;
    const known = this.decisions.find((d) => d.key === key);
    if (known) return known.value;
    // Decided by the parameter values, given the choices this run already made (a condition and its negation, two
    // tests of one parameter): not a choice, so never planned the other way nor named in a finding.
    const decided = this.values?.(key, new Map([...this.fixed, ...this.choices()]));
    if (decided !== undefined) return decided;
    const value = !this.falses.has(key);
    this.decisions.push({ key, value });
    return value;
  };

  /** Whether this run read any condition that was not fixed. */
  get branched(): boolean {
    return this.decisions.length > 0;
  }

  /** The choices made so far in this run. */
  choices(): Map<string, boolean> {
    return new Map(this.decisions.map((d) => [d.key, d.value]));
  }

  /** Ends the run and plans the runs it leads to; false when there is none left (or `MAX_RUNS` is reached). */
  next(): boolean {
    (this.history as Map<string, boolean>[]).push(this.choices());
    // Only conditions read after the last one this run set false: each set of false choices is planned once.
    let last = -1;
    this.decisions.forEach((d, i) => {
      if (!d.value) last = i;
    });
    for (let i = last + 1; i < this.decisions.length && this.planned < MAX_RUNS - 1; i++) {
      this.queue.push([...this.falses, (this.decisions[i] as { key: string }).key]);
      this.planned++;
    }
    return this.queue.length > 0 && this.runs < MAX_RUNS;
  }
}

/** How a finding's variant is named: `condition IsProd is false`. */
export function choiceLabel(key: string, value: boolean): string {
  return `${labelOf(key)} is ${value}`;
}

/**
 * The choices a finding depends on: those of the run that first reported it (made before the report) whose flip,
 * everything else read kept, gives a run that does not report it. Empty when no such neighbouring run was visited.
 */
export function relevantChoices(
  prefix: ReadonlyMap<string, boolean>,
  reportedIn: ReadonlySet<number>,
  history: readonly ReadonlyMap<string, boolean>[],
): [string, boolean][] {
  return [...prefix].filter(([key, value]) =>
    history.some(
      (run, i) => !reportedIn.has(i) && run.get(key) === !value && [...prefix].every(([k, v]) => k === key || !run.has(k) || run.get(k) === v),
    ),
  );
}
