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
import { createScope, withBranches, type Scope } from '../scope/scope';
import type { LintCache, LintSession } from './lint-cache';
import { describeUnresolved } from './describe';
import { foldOverlappingFindings } from './fold-overlaps';
import { variantsOf, type Variant } from './variants';
import { relatedLocations, reportedLocations, type RelatedLocation } from './related';
import { applySuppressions } from '../suppressions/suppressions';
import type { EngineConfig, Finding, Fix, LintResult, RuleFailure } from '../types';
import { ResourceViewImpl, spell, type View } from './views';

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

/** Parses and lints one file. Not a template: an empty result without a document. */
export function lintText(uri: string, text: string, options: LintOptions = {}): LintResult {
  const doc = parseDocument(uri, text);
  if (!doc) return { findings: [], errors: [], ruleFailures: [] };
  return lintDocument(doc, options);
}

/** Runs the rules over a parsed document; never throws (a failing rule becomes a `RuleFailure`). */
export function lintDocument(doc: IacDocument, options: LintOptions = {}): LintResult {
  const rules = options.rules ?? allRules;
  const config = options.config ?? {};
  const module = doc.family === 'terraform' ? (options.module ?? []) : [];
  const documents = [doc, ...module.filter((m) => m.uri !== doc.uri && m.family === doc.family)];
  const session = options.cache?.begin(documents, { rules, config, inputValues: options.inputValues });
  session?.setUnits([...doc.resources, ...inputUnits(doc)]);
  const resolving = createScope(doc, module, { inputValues: options.inputValues, recorder: session });
  const scope: Scope = config.naive ? { ...resolving, naive: true } : resolving;
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  for (const rule of rules) {
    const severity = effectiveSeverity(rule, config);
    if (!severity) continue;
    try {
      findings.push(...runRule(rule, severity, doc, scope, config, session));
    } catch (err) {
      ruleFailures.push({ ruleId: rule.id, message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  }
  session?.finish();
  findings.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  const problems = applySuppressions(doc, findings, new Set(allRules.map((r) => r.id)), { now: options.now });
  const visible = [...problems, ...findings.filter((f) => !f.suppressed)].sort((a, b) => a.range.start - b.range.start);
  return { document: doc, findings: foldOverlappingFindings(doc, [...visible, ...findings.filter((f) => f.suppressed)]), errors: doc.errors, ruleFailures };
}

/**
 * Branch combinations per resource, worked out once per parsed document rather than once per rule: they depend on
 * the resource's own tree only, which never changes after parsing (read-only thereafter).
 */
const variantsByResource = new WeakMap<ResourceNode, readonly Variant[]>();

function variantsFor(resource: ResourceNode): readonly Variant[] {
  let variants = variantsByResource.get(resource);
  if (!variants) variantsByResource.set(resource, (variants = variantsOf(resource)));
  return variants;
}

function runRule(rule: AnyRule, severity: Severity, doc: IacDocument, scope: Scope, config: EngineConfig, session: LintSession | undefined): Finding[] {
  const byType = targetsByType(rule, doc.family);
  const units = unitsOfTypes(doc, byType.keys());
  if (units.length === 0) return [];
  const out: Finding[] = [];
  // One context for every resource the rule checks, so its companion lists and reference index are built once per
  // lint: a context per resource made a template of thousands of buckets quadratic.
  const ctx = createRuleContext(rule, scope, config.requiredTags ?? []);
  for (const resource of units) {
    const target = byType.get(unitTypeKey(resource)) as RuleTarget;
    const check = () => checkResource(rule, severity, doc, scope, config, resource, target, ctx);
    const reused = session?.reuse(rule, resource);
    // A copy: the stored finding stays plain data (a spread of it must not compute fixes).
    if (reused) for (const f of reused) out.push(withLazyFixes(() => fixesAgain(check, f), { ...f }));
    else out.push(...(session ? session.record(rule, resource, check) : check()));
  }
  return out;
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
function unitsOfTypes(doc: IacDocument, types: Iterable<string>): ResourceNode[] {
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
  for (const type of types) {
    const list = index.byType.get(type);
    if (list) lists.push(list);
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

/** A reused finding's fixes: the check runs again on the current text and its matching finding's fixes are taken. */
function fixesAgain(check: () => Finding[], finding: Omit<Finding, 'fixes'>): Fix[] {
  const same = check().find((f) => f.range.start === finding.range.start && f.range.end === finding.range.end && f.messageId === finding.messageId && f.message === finding.message);
  return same ? same.fixes : [];
}

/**
 * Runs one rule on one resource under every branch combination of its conditionals. A finding seen in only some
 * combinations says under which; a value the rule found unresolved may become a "cannot verify" note.
 */
function checkResource(
  rule: AnyRule,
  severity: Severity,
  doc: IacDocument,
  scope: Scope,
  config: EngineConfig,
  resource: ResourceNode,
  target: RuleTarget,
  scopeContext: RuleContext,
): Finding[] {
  // The target's own check, else the rule's (see RuleTarget).
  const check = target.check ?? rule.check;
  if (!check) throw new Error(`${rule.id}: no check for ${resource.type}`);
  const props = target.props;
  const variants = variantsFor(resource);
  const found = new Map<string, { finding: Finding; variants: number; labels: ReadonlyMap<string, string> }>();
  const unresolved = new Map<string, View>();
  for (const variant of variants) {
    const vscope = variant.choices.size > 0 ? withBranches(scope, variant.choices) : scope;
    const ctx = variant.choices.size > 0 ? createRuleContext(rule, vscope, config.requiredTags ?? []) : scopeContext;
    const view = new ResourceViewImpl({ scope: vscope, resource, props, onUnresolved: (v) => unresolved.set(`${v.range.start}:${v.range.end}`, v) });
    const seen = new Set<string>();
    check.call(
      target.check ? target : rule,
      view,
      (spec) => {
        if (reportedAtOrigin(rule, vscope, spec.at as View)) return;
        const finding = toFinding(rule, severity, doc, vscope, view, spec);
        // One report per anchor and message: a rule walking repeated blocks may reach the same value twice.
        const key = `${finding.range.start}:${finding.range.end}:${spec.messageId}`;
        if (seen.has(key)) return;
        seen.add(key);
        const prior = found.get(key);
        if (prior) prior.variants++;
        else found.set(key, { finding, variants: 1, labels: variant.labels });
      },
      ctx,
    );
  }
  const findings = [...found.values()].map(({ finding, variants: count, labels }) => {
    // Mutated rather than spread: a spread would compute the lazy `fixes` now (the finding is ours alone).
    if (count < variants.length && labels.size > 0) finding.message = `${finding.message} (when ${[...labels.values()].join(' and ')})`;
    return finding;
  });
  if (config.unresolved === 'info') findings.push(...cannotVerify(rule, doc, resource, [...unresolved.values()], findings));
  return findings;
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

function toFinding(rule: AnyRule, severity: Severity, doc: IacDocument, scope: Scope, resource: ResourceViewImpl, spec: ReportSpec): Finding {
  const at = spec.at as View;
  const node = resource.ctx.resource;
  const fill = (template: string) => format(template, rule, resource, spec.data);
  const fix = spec.fix;
  const computeFixes = (): Fix[] => {
    if (!fix) return [];
    const collector = new FixCollector(doc, writerFor(doc.format), scope, rule);
    try {
      fix.apply(collector);
      const written = collector.finish();
      if (written.length === 0) return [];
      const edits = disjointEdits(doc.text, written); // throws on overlapping edits: such a fix is not offered
      return [{ title: fill(rule.meta.messages[fix.messageId] ?? fix.messageId), safety: fix.safety, edits }];
    } catch {
      // A fix that cannot be written here (e.g. under an unresolved value) is not offered; the finding stands.
      return [];
    }
  };
  return withLazyFixes(computeFixes, {
    ruleId: rule.id,
    messageId: spec.messageId,
    severity,
    message: fill(rule.meta.messages[spec.messageId] ?? spec.messageId),
    uri: doc.uri,
    // A value of a related resource in another file of the module cannot be underlined here: point at the resource.
    range: unitOf(doc, at.ctx.resource) ? at.range : node.headerRange,
    resource: { address: node.address, range: node.range, headerRange: node.headerRange },
    ...withRelated([...relatedLocations(scope, at), ...reportedLocations(scope, spec.related)]),
  });
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
