// The engine's entry point: document × rules → findings with ready fixes. Shared by the CLI and the server.
import type { ReportSpec, RuleContext, Severity } from '../../../../rules/api';
import type { AnyRule, RuleTarget } from '../../../../rules/define-rule';
import { allRules } from '../../../../rules/index';
import { writerFor } from '../../edits/index';
import type { IacDocument, ResourceNode } from '../../model/document';
import type { IacNode } from '../../model/nodes';
import { parseDocument } from '../../parsers/index';
import { createRuleContext, unitOf } from './context';
import { INPUT_TARGET, targetTypes, unitTypeKey } from '../scope/units';
import { FixCollector } from '../fixes/fixer';
import { withLazyFixes } from '../fixes/lazy-fixes';
import { disjointEdits } from '../positions';
import { createScope, type Dependency, type Scope } from '../scope/scope';
import type { LintCache, LintSession } from './lint-cache';
import { describeUnresolved } from './describe';
import { foldOverlappingFindings } from './fold-overlaps';
import { BranchExplorer, choiceLabel, conditionValues, fixedChoices, relevantChoices } from './variants';
import { exists } from './existence';
import { relatedLocations, reportedLocations, type RelatedLocation } from './related';
import { applySuppressions } from '../suppressions/suppressions';
import type { EngineConfig, Finding, Fix, LintResult, RuleFailure } from '../types';
import { ResourceViewImpl, spell, type View } from './views';
import type { ModuleInstance } from '../modules/module-graph';
import { addressIn, chainLocation, isChainLocation, placeInModule } from '../modules/module-report';

export interface LintOptions {
  /** Default: every registered rule. */
  rules?: readonly AnyRule[];
  config?: EngineConfig;
  /** The other documents of a Terraform module directory (open or on disk); ignored for CloudFormation. */
  module?: readonly IacDocument[];
  /** Parameter-file or tfvars values by input name, overriding defaults. */
  inputValues?: ReadonlyMap<string, IacNode>;
  /** The clock that decides whether a dated suppression has expired (tests inject one). */
  now?: () => Date;
  /** The previous lint of the same buffer, whose results are reused where nothing they depend on changed. */
  cache?: LintCache;
  /**
   * The module instance (Terraform, engine/modules/module-graph.ts) or nested stack (stack-graph.ts) this lint judges,
   * whose bindings are the `inputValues`. A finding decided by a value the caller passed is reported at the caller's argument.
   */
  instance?: ModuleInstance;
  /**
   * Checks shared between the instances of one module document in one lint (module-lint.ts): a check that read no
   * parameter/variable cannot differ between instances, so only the first instance runs it.
   */
  shared?: SharedChecks;
}

/**
 * Per check (rule × unit) of a document: the first instance's findings, when every parameter/variable the check read
 * takes its default there (no caller passed it), with the names it read.
 */
interface SharedCheck {
  findings: readonly Finding[];
  instance: ModuleInstance | undefined;
  /** The variables the check read: another instance sees the same values when it binds none of them either. */
  inputs: readonly string[];
}

/** The checks of one module document shared between its instances in one lint (see `LintOptions.shared`). */
export class SharedChecks {
  private readonly byUnit = new WeakMap<ResourceNode, Map<string, SharedCheck>>();

  /** The first instance's result of `rule` on `unit`, when it holds for `instance` too. */
  get(rule: AnyRule, unit: ResourceNode, instance: ModuleInstance): SharedCheck | undefined {
    const shared = this.byUnit.get(unit)?.get(rule.id);
    return shared && shared.inputs.every((name) => !instance.bindings.has(name)) ? shared : undefined;
  }

  set(rule: AnyRule, unit: ResourceNode, shared: SharedCheck): void {
    let byRule = this.byUnit.get(unit);
    if (!byRule) this.byUnit.set(unit, (byRule = new Map()));
    byRule.set(rule.id, shared);
  }
}

/**
 * The variables a check that read `dependencies` depends on, when the instance it ran in binds none of them (each
 * took its default); undefined otherwise. Nothing else a check reads differs between instances of one module: the
 * documents are the same, only the bindings (`inputValues`) differ, and they are read only through `input` records.
 * (`inputs`, the names declared, is the documents'.)
 */
function unboundInputs(dependencies: readonly Dependency[], instance: ModuleInstance | undefined): string[] | undefined {
  const names: string[] = [];
  for (const d of dependencies) {
    if (d.kind !== 'input') continue;
    if (instance?.bindings.has(d.name)) return undefined;
    names.push(d.name);
  }
  return names;
}

/** The severity a rule runs with under `config`, or undefined when it is off. */
export function effectiveSeverity(rule: AnyRule, config: EngineConfig = {}): Severity | undefined {
  if (config.only && config.only.length > 0 && !config.only.includes(rule.id)) return undefined;
  const setting = config.rules?.[rule.id];
  if (setting === 'off') return undefined;
  if (setting === undefined || setting === 'on') {
    // A rule that is off by default runs when named explicitly (setting 'on', a severity, or --rule).
    if (rule.meta.defaultOff && setting === undefined && !config.only?.includes(rule.id)) return undefined;
    return rule.meta.severity;
  }
  return setting;
}

/** No module: one array, so per-module work keyed by it is shared. */
const NO_DOCUMENTS: readonly IacDocument[] = [];

/** No configuration: every rule at its default severity. One object, so the enabled-rule list below is made once. */
const NO_CONFIG: EngineConfig = {};

const enabledLists = new WeakMap<EngineConfig, WeakMap<readonly AnyRule[], readonly { rule: AnyRule; severity: Severity }[]>>();

/**
 * The rules of `rules` that run under `config`, with their severities: the same for every document of a scan (which
 * lints each Terraform file once per module instance), so worked out once per (rules, config) pair.
 */
function enabledRules(rules: readonly AnyRule[], config: EngineConfig): readonly { rule: AnyRule; severity: Severity }[] {
  let byRules = enabledLists.get(config);
  if (!byRules) enabledLists.set(config, (byRules = new WeakMap()));
  let list = byRules.get(rules);
  if (!list) {
    list = rules.flatMap((rule) => {
      const severity = effectiveSeverity(rule, config);
      return severity ? [{ rule, severity }] : [];
    });
    byRules.set(rules, list);
  }
  return list;
}

let knownRuleIds: ReadonlySet<string> | undefined;

/** Parses and lints one file. Not a template: an empty result without a document. */
export function lintText(uri: string, text: string, options: LintOptions = {}): LintResult {
  const doc = parseDocument(uri, text);
  if (!doc) return { findings: [], errors: [], ruleFailures: [] };
  return lintDocument(doc, options);
}

/** Runs the rules over a parsed document; never throws (a failing rule becomes a `RuleFailure`). */
export function lintDocument(doc: IacDocument, options: LintOptions = {}): LintResult {
  const rules = options.rules ?? allRules;
  const config = options.config ?? NO_CONFIG;
  const module = doc.family === 'terraform' ? (options.module ?? NO_DOCUMENTS) : NO_DOCUMENTS;
  const session = options.cache?.begin([doc, ...module.filter((m) => m.uri !== doc.uri && m.family === doc.family)], {
    rules,
    config,
    inputValues: options.inputValues,
  });
  session?.setUnits([...doc.resources, ...inputUnits(doc)]);
  const resolving = createScope(doc, module, { inputValues: options.inputValues, recorder: session });
  const scope: Scope = config.naive ? { ...resolving, naive: true } : resolving;
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  for (const checked of rulesWithUnits(doc, enabledRules(rules, config))) {
    const rule = checked.rule;
    try {
      findings.push(...runRule(checked, doc, scope, config, session, options.instance, options.shared));
    } catch (err) {
      ruleFailures.push({ ruleId: rule.id, message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  }
  session?.finish();
  findings.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  // Findings a caller's argument decides are in the caller's file: its suppressions apply to them (module-lint.ts).
  const here = findings.filter((f) => f.uri === doc.uri);
  const elsewhere = findings.filter((f) => f.uri !== doc.uri);
  const problems = applySuppressions(doc, here, (knownRuleIds ??= new Set(allRules.map((r) => r.id))), { now: options.now });
  const visible = [...problems, ...here.filter((f) => !f.suppressed)].sort((a, b) => a.range.start - b.range.start);
  return {
    document: doc,
    findings: [...foldOverlappingFindings(doc, [...visible, ...here.filter((f) => f.suppressed)]), ...elsewhere],
    errors: doc.errors,
    ruleFailures,
  };
}

/** An enabled rule with the units of one document it checks (only rules with some), and its targets by type. */
interface RuleUnits {
  rule: AnyRule;
  severity: Severity;
  byType: ReadonlyMap<string, RuleTarget>;
  units: readonly ResourceNode[];
}

const rulesWithUnitsByDocument = new WeakMap<IacDocument, WeakMap<readonly unknown[], readonly RuleUnits[]>>();

/**
 * The enabled rules that check some unit of `doc`, with those units: the same for every lint of the document (a scan
 * lints a called module's file once per instance), and most rules target none of a document's few types.
 */
function rulesWithUnits(doc: IacDocument, enabled: readonly { rule: AnyRule; severity: Severity }[]): readonly RuleUnits[] {
  let byList = rulesWithUnitsByDocument.get(doc);
  if (!byList) rulesWithUnitsByDocument.set(doc, (byList = new WeakMap()));
  let list = byList.get(enabled);
  if (!list) {
    list = enabled.flatMap(({ rule, severity }) => {
      const byType = targetsByType(rule, doc.family);
      const units = unitsOfTypes(doc, byType);
      return units.length > 0 ? [{ rule, severity, byType, units }] : [];
    });
    byList.set(enabled, list);
  }
  return list;
}

function runRule(
  { rule, severity, byType, units }: RuleUnits,
  doc: IacDocument,
  scope: Scope,
  config: EngineConfig,
  session: LintSession | undefined,
  instance: ModuleInstance | undefined,
  sharedChecks?: SharedChecks,
): Finding[] {
  const out: Finding[] = [];
  // One context for every resource the rule checks, so its companion lists and reference index are built once per
  // lint: a context per resource made a template of thousands of buckets quadratic.
  // Its scope decides no conditional: reading one there (a companion's conditional value or `count`) says that the
  // check must be explored branch by branch, with contexts of its own.
  // Made on first use: in the other instances of a called module most checks are shared and run nothing.
  const shared = new SharedContext(rule, scope, config.requiredTags ?? []);
  for (const resource of units) {
    const first = instance && sharedChecks?.get(rule, resource, instance);
    if (first && instance) {
      for (const f of first.findings) out.push(forInstance(f, first.instance, instance, resource));
      continue;
    }
    const target = byType.get(unitTypeKey(resource)) as RuleTarget;
    const check = () => checkResource(rule, severity, doc, scope, config, resource, target, shared, instance);
    const reused = session?.reuse(rule, resource);
    let found: Finding[];
    let dependencies: readonly Dependency[] | undefined;
    // A copy: the stored finding stays plain data (a spread of it must not compute fixes).
    if (reused) {
      found = reused.map((f) => withLazyFixes(() => fixesAgain(check, f), { ...f }));
      dependencies = sharedChecks && session?.previousDependencies(rule, resource);
    } else if (sharedChecks) {
      const watched = scope.watch(() => (session ? session.record(rule, resource, check) : check()));
      found = watched.value;
      dependencies = watched.dependencies;
    } else found = session ? session.record(rule, resource, check) : check();
    const inputs = sharedChecks && dependencies && unboundInputs(dependencies, instance);
    if (sharedChecks && inputs) sharedChecks.set(rule, resource, { findings: found, instance, inputs });
    out.push(...found);
  }
  return out;
}

/**
/**
 * The context a rule's checks share in one lint, whether the last check read a conditional through it (`branched`: its
 * values are then undecided, and the check runs again per branch), and the scope of the check being run, whose
 * explorer decides the companions' existence. Its own scope decides no conditional: reading one there says the check
 * must be explored branch by branch (see `runRule`).
 */
class SharedContext {
  branched = false;
  private made: RuleContext | undefined;

  /** The scope of the check being run (`checkResource` sets it per check); the lint's scope until then. */
  scope: Scope;

  constructor(
    private readonly rule: AnyRule,
    private readonly lintScope: Scope,
    private readonly requiredTags: readonly string[],
  ) {
    this.scope = lintScope;
  }

  get ctx(): RuleContext {
    return (this.made ??= createRuleContext(this.rule, { ...this.lintScope, branch: () => ((this.branched = true), undefined) }, this.requiredTags, {
      existenceScope: () => this.scope,
    }));
  }
}

/** A document's units (resources, then inputs) by type key, with each unit's place in that order. */
interface UnitIndex {
  byType: Map<string, ResourceNode[]>;
  order: Map<ResourceNode, number>;
}

const unitIndexes = new WeakMap<IacDocument, UnitIndex>();

/**
 * The units of `doc` whose type key is one of `types`, in document order (resources, then inputs). Indexed once
 * per document: a keystroke lints every rule, and most rules target a few types out of hundreds of units.
 */
function unitsOfTypes(doc: IacDocument, types: ReadonlyMap<string, unknown>): ResourceNode[] {
  let index = unitIndexes.get(doc);
  if (!index) {
    index = { byType: new Map(), order: new Map() };
    for (const unit of [...doc.resources, ...inputUnits(doc)]) {
      const key = unitTypeKey(unit);
      let list = index.byType.get(key);
      if (!list) index.byType.set(key, (list = []));
      list.push(unit);
      index.order.set(unit, index.order.size);
    }
    unitIndexes.set(doc, index);
  }
  const lists: ResourceNode[][] = [];
  // Whichever side has fewer types is walked: some rules target hundreds of types, a document holds a few.
  if (index.byType.size < types.size) {
    for (const [type, list] of index.byType) if (types.has(type)) lists.push(list);
  } else {
    for (const type of types.keys()) {
      const list = index.byType.get(type);
      if (list) lists.push(list);
    }
  }
  if (lists.length <= 1) return lists[0] ?? [];
  const order = index.order;
  return lists.flat().sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
}

/** A rule's targets by type: the first target that matches, as a search of `targets` in order would pick. */
const targetIndexes = new WeakMap<AnyRule, Map<string, Map<string, RuleTarget>>>();

function targetsByType(rule: AnyRule, family: IacDocument['family']): Map<string, RuleTarget> {
  let byFamily = targetIndexes.get(rule);
  if (!byFamily) targetIndexes.set(rule, (byFamily = new Map()));
  let index = byFamily.get(family);
  if (!index) {
    index = new Map();
    for (const t of rule.targets[family] ?? []) for (const type of targetTypes(t)) if (!index.has(type)) index.set(type, t);
    byFamily.set(family, index);
  }
  return index;
}

/**
 * A finding of a check that read no input, made for another instance of the same module: the same, but with this
 * instance's address and call chain (nothing else of it depends on the instance).
 */
function forInstance(f: Finding, from: ModuleInstance | undefined, to: ModuleInstance, resource: ResourceNode): Finding {
  const related = f.related?.map((r) => (from && isChainLocation(r, from, resource) ? (chainLocation(to, resource) ?? r) : r));
  return withLazyFixes(() => f.fixes, {
    ruleId: f.ruleId,
    messageId: f.messageId,
    severity: f.severity,
    message: f.message,
    uri: f.uri,
    range: f.range,
    ...(f.resource
      ? {
          resource: {
            ...f.resource,
            address: from && f.resource.address === addressIn(from, resource) ? addressIn(to, resource) : f.resource.address,
          },
        }
      : {}),
    ...(related ? { related } : {}),
  });
}

/** A reused finding's fixes: the check runs again on the current text and its matching finding's fixes are taken. */
function fixesAgain(check: () => Finding[], finding: Omit<Finding, 'fixes'>): Fix[] {
  const same = check().find(
    (f) =>
      f.range.start === finding.range.start &&
      f.range.end === finding.range.end &&
      f.messageId === finding.messageId &&
      f.message === finding.message,
  );
  return same ? same.fixes : [];
}

/**
 * Runs one rule on one resource under every combination of the branches it reads (variants.ts). A finding seen in
 * only some combinations says under which; a value the rule found unresolved may become a "cannot verify" note.
 */
function checkResource(
  rule: AnyRule,
  severity: Severity,
  doc: IacDocument,
  scope: Scope,
  config: EngineConfig,
  resource: ResourceNode,
  target: RuleTarget,
  shared: SharedContext,
  instance?: ModuleInstance,
): Finding[] {
  // The target's own check, else the rule's (see RuleTarget).
  const check = target.check ?? rule.check;
  if (!check) throw new Error(`${rule.id}: no check for ${resource.type}`);
  const props = target.props;
  const values = conditionValues(scope);
  const explorer = new BranchExplorer(fixedChoices(resource, values, scope), values);
  // A CloudFormation resource whose own Condition is false for the parameter values is not deployed: not judged.
  if (explorer.absent) return [];
  const branchScope: Scope = { ...scope, branch: explorer.decide };
  // A resource that `count = 0` / `for_each = []` does not create is not judged.
  explorer.start();
  shared.branched = false;
  shared.scope = branchScope;
  if (!exists(resource, branchScope)) return [];
  // First with the rule's shared context (companion lists built once per lint); when anything read a condition,
  // again branch by branch, each with its own context (companions seen under that run's choices).
  let run = runCheck(rule, severity, doc, branchScope, resource, target, check, props, shared.ctx, explorer, instance);
  if (explorer.branched || shared.branched) {
    // A first run that read conditions of the resource only is the first combination as it stands; one that read a
    // condition through the shared context (which decides none) is run again with the choices made for it.
    const runs: RunResult[] = shared.branched ? [] : [run];
    if (shared.branched) explorer.reset();
    while (runs.length === 0 || explorer.next()) {
      explorer.start();
      const ctx = createRuleContext(rule, branchScope, config.requiredTags ?? [], { base: shared.ctx });
      if (!exists(resource, branchScope)) runs.push({ findings: [], prefixes: [], keys: [], unresolved: new Map() });
      else runs.push(runCheck(rule, severity, doc, branchScope, resource, target, check, props, ctx, explorer, instance));
    }
    run = merge(runs, explorer.history);
  }
  const findings = run.findings;
  if (config.unresolved === 'info') findings.push(...cannotVerify(rule, doc, resource, [...run.unresolved.values()], findings));
  return findings;
}

interface RunResult {
  findings: Finding[];
  /** Per finding (same index): the choices made before it was reported. */
  prefixes: Map<string, boolean>[];
  keys: string[];
  unresolved: Map<string, View>;
}

/** One run of a check under the explorer's current choices. */
function runCheck(
  rule: AnyRule,
  severity: Severity,
  doc: IacDocument,
  scope: Scope,
  resource: ResourceNode,
  target: RuleTarget,
  check: NonNullable<RuleTarget['check']>,
  props: RuleTarget['props'],
  ctx: RuleContext,
  explorer: BranchExplorer,
  instance?: ModuleInstance,
): RunResult {
  const out: RunResult = { findings: [], prefixes: [], keys: [], unresolved: new Map() };
  const view = new ResourceViewImpl({ scope, resource, props, onUnresolved: (v) => out.unresolved.set(`${v.range.start}:${v.range.end}`, v) });
  check.call(
    target.check ? target : rule,
    view,
    (spec) => {
      if (reportedAtOrigin(rule, scope, spec.at as View)) return;
      const finding = toFinding(rule, severity, doc, scope, view, spec, instance);
      // One report per anchor and message: a rule walking repeated blocks may reach the same value twice.
      const key = `${finding.range.start}:${finding.range.end}:${spec.messageId}`;
      if (out.keys.includes(key)) return;
      out.keys.push(key);
      out.findings.push(finding);
      out.prefixes.push(explorer.choices());
    },
    ctx,
  );
  return out;
}

/**
 * The findings of every run, once each. One seen in every run holds whatever the branches; one seen in only some says
 * under which choices: those it depends on (variants.ts `relevantChoices`), else every choice made before it.
 */
function merge(runs: readonly RunResult[], history: readonly ReadonlyMap<string, boolean>[]): RunResult {
  const found = new Map<string, { finding: Finding; prefix: Map<string, boolean>; reportedIn: Set<number> }>();
  const unresolved = new Map<string, View>();
  runs.forEach((run, r) => {
    run.keys.forEach((key, i) => {
      const prior = found.get(key);
      if (prior) prior.reportedIn.add(r);
      else found.set(key, { finding: run.findings[i] as Finding, prefix: run.prefixes[i] as Map<string, boolean>, reportedIn: new Set([r]) });
    });
    for (const [k, v] of run.unresolved) unresolved.set(k, v);
  });
  const findings = [...found.values()].map(({ finding, prefix, reportedIn }) => {
    if (reportedIn.size < runs.length) {
      const relevant = relevantChoices(prefix, reportedIn, history);
      const named = (relevant.length > 0 ? relevant : [...prefix]).map(([key, value]) => choiceLabel(key, value));
      // Mutated rather than spread: a spread would compute the lazy `fixes` now (the finding is ours alone).
      if (named.length > 0) finding.message = `${finding.message} (when ${named.join(' and ')})`;
    }
    return finding;
  });
  return { findings, prefixes: [], keys: [], unresolved };
}

/**
 * Whether a reported value is a Terraform data source that the rule checks itself (`policy =
 * data.aws_iam_policy_document.x.json`): the data source's own check reports the problem where it is written (the
 * statement, with its fix), so each use of it is not reported again.
 */
function reportedAtOrigin(rule: AnyRule, scope: Scope, at: View): boolean {
  const node = at.node;
  if (scope.family !== 'terraform' || node?.kind !== 'ref' || node.path[0] !== 'data') return false;
  const [, type, name] = node.path;
  const checked = targetsByType(rule, 'terraform').has(`data.${type}`);
  return checked && scope.resources().some((resource) => resource.kind === 'data' && resource.type === type && resource.name === name);
}

/** "Cannot verify" notes for unresolved values that decided a check which then reported nothing there. */
function cannotVerify(rule: AnyRule, doc: IacDocument, resource: ResourceNode, views: View[], findings: Finding[]): Finding[] {
  const overlaps = (v: View) => findings.some((f) => f.range.start <= v.range.end && v.range.start <= f.range.end);
  return views
    .filter((v) => !overlaps(v) && unitOf(doc, v.ctx.resource))
    .map((v) => ({
      ruleId: rule.id,
      messageId: 'cannotVerify',
      severity: 'info' as const,
      message: `Cannot verify "${rule.meta.title}": it depends on ${describeUnresolved(v.node)}.`,
      uri: doc.uri,
      range: v.range,
      resource: { address: resource.address, range: resource.range, headerRange: resource.headerRange },
      fixes: [],
    }));
}

/** Parameters / variables seen as checkable units, so `@input` rules use the same views and fixes as resources. */
const inputUnitsByDocument = new WeakMap<IacDocument, ResourceNode[]>();

/** The same unit objects for every rule of a lint (the lint cache knows units by identity). */
function inputUnits(doc: IacDocument): ResourceNode[] {
  let units = inputUnitsByDocument.get(doc);
  if (!units) inputUnitsByDocument.set(doc, (units = makeInputUnits(doc)));
  return units;
}

function makeInputUnits(doc: IacDocument): ResourceNode[] {
  return doc.inputs.map((i) => ({
    kind: 'input',
    type: INPUT_TARGET,
    name: i.name,
    address: doc.family === 'terraform' ? `var.${i.name}` : i.name,
    headerRange: i.headerRange,
    range: i.range,
    node: i.node,
    propsPath: [],
  }));
}

function toFinding(
  rule: AnyRule,
  severity: Severity,
  doc: IacDocument,
  scope: Scope,
  resource: ResourceViewImpl,
  spec: ReportSpec,
  instance?: ModuleInstance,
): Finding {
  const at = spec.at as View;
  const node = resource.ctx.resource;
  const fill = (template: string) => format(template, rule, resource, spec.data);
  const fix = spec.fix;
  // Inside a called module: a value the caller passed is reported (and fixed) at the caller's argument.
  const place = instance && instance.chain.length > 0 ? placeInModule(instance, doc, node, at) : undefined;
  const fixDoc = place?.caller ?? doc;
  const computeFixes = (): Fix[] => {
    if (!fix) return [];
    const collector = new FixCollector(fixDoc, writerFor(fixDoc.format), scope, rule, place?.caller !== undefined);
    try {
      fix.apply(collector);
      const written = collector.finish();
      if (written.length === 0) return [];
      const edits = disjointEdits(fixDoc.text, written); // throws on overlapping edits: such a fix is not offered
      return [{ title: fill(rule.meta.messages[fix.messageId] ?? fix.messageId), safety: fix.safety, edits }];
    } catch {
      // A fix that cannot be written here (e.g. under an unresolved value) is not offered; the finding stands.
      return [];
    }
  };
  const construct = constructPathOf(node);
  const message = fill(rule.meta.messages[spec.messageId] ?? spec.messageId);
  return withLazyFixes(computeFixes, {
    ruleId: rule.id,
    messageId: spec.messageId,
    severity,
    // A synthesized template is not what the user edits: the message names the construct that made the resource.
    message: (construct === undefined ? message : `${message} [CDK construct ${construct}]`) + (place?.caller ? ` (${place.chainLabel})` : ''),
    uri: place?.uri ?? doc.uri,
    // A value of a related resource in another file of the module cannot be underlined here: point at the resource.
    range: place?.range ?? (unitOf(doc, at.ctx.resource) ? at.range : node.headerRange),
    resource: {
      address: place?.address ?? node.address,
      range: place?.resource?.range ?? node.range,
      headerRange: place?.resource?.headerRange ?? node.headerRange,
      ...(construct !== undefined ? { constructPath: construct } : {}),
    },
    ...withRelated([...(place?.related ?? []), ...relatedLocations(scope, at), ...reportedLocations(scope, spec.related)]),
  });
}

/** The construct path CDK records on each resource it synthesizes (`Metadata: { "aws:cdk:path": "Stack/Bucket/Resource" }`). */
function constructPathOf(resource: ResourceNode): string | undefined {
  if (resource.kind !== 'resource') return undefined;
  const metadata = resource.node.entries.find((e) => e.key === 'Metadata')?.value;
  const path = metadata?.kind === 'map' ? metadata.entries.find((e) => e.key === 'aws:cdk:path')?.value : undefined;
  return path?.kind === 'scalar' && typeof path.value === 'string' && path.value !== '' ? path.value : undefined;
}

/** Absent rather than empty, so findings without related places serialise as before. */
function withRelated(related: RelatedLocation[]): { related?: RelatedLocation[] } {
  return related.length > 0 ? { related } : {};
}

/** Fills `{{resource}}`, `{{<logical key>}}` (its spelling in this syntax) and the report's own data. */
function format(template: string, rule: AnyRule, resource: ResourceViewImpl, data: ReportSpec['data']): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, key: string) => {
    if (key === 'resource') return resource.address;
    const extra = data?.[key];
    if (extra !== undefined) return String(extra);
    return spell(resource.ctx.props, key) ?? whole;
  });
}
