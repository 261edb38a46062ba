// The shape of a rule (metadata, per-family targets, one check) and the typed identity function that declares one.
import type { Family, Report, ResourceView, RuleContext, Severity } from './api';

/**
 * One resource type a rule checks, and what each logical property key is called there: a dotted path from the
 * properties (`[]` expands a list); a leading `/` starts at the resource itself (CloudFormation `/DeletionPolicy`,
 * `/Metadata`); type `@input` targets CloudFormation parameters / Terraform variables instead of resources.
 */
export interface TargetSpec<P extends string = string> {
  type: string | readonly string[];
  props: { readonly [K in P]?: string };
}

/** Equivalent checks in other tools: used for docs and to honour their suppression comments. */
export interface RelatedIds {
  checkov?: readonly string[];
  kics?: readonly string[];
  tfsec?: readonly string[];
  trivy?: readonly string[];
  cfnNag?: readonly string[];
  cfnLint?: readonly string[];
}

export interface RuleMeta<M extends string = string> {
  title: string;
  severity: Severity;
  /** The AWS Security Best Practices whitepaper section. */
  whitepaper: string;
  /** AWS documentation for the setting the rule enforces. */
  docs: string;
  related: RelatedIds;
  /**
   * AWS Foundational Security Best Practices control ids (`KMS.5`, `Lambda.2`): shown in the docs and SARIF rule
   * properties. Not a suppression source (FSBP is a Security Hub standard, not a scanner with comments).
   */
  fsbp?: readonly string[];
  /**
   * Why `related` is empty: no other tool has an equivalent check. Required exactly when `related` lists no id, so
   * a missing mapping is a decision written down, never an oversight (test/rules/registry.test.ts).
   */
  noEquivalent?: string;
  /** Off unless the user turns it on (e.g. asset-tags). */
  defaultOff?: boolean;
  messages: { readonly [K in M]: string };
}

/**
 * A target of a rule. It may bring its own check when its resources hold the setting in another shape, not just
 * under another name (CloudFormation's `DeletionPolicy` attribute vs Terraform's `lifecycle` block): the engine
 * runs that check for them instead of the rule's, so no check asks which format it is in.
 */
export interface RuleTarget<P extends string = string, M extends string = string> extends TargetSpec<P> {
  check?(resource: ResourceView<P>, report: Report<M, P>, ctx: RuleContext<P>): void;
}

export interface Rule<P extends string = string, M extends string = string> {
  id: string;
  meta: RuleMeta<M>;
  targets: { readonly [F in Family]?: readonly RuleTarget<P, M>[] };
  /** Related resource types the check joins with (`RuleContext.companions`). */
  companions?: { readonly [role: string]: { readonly [F in Family]?: TargetSpec<P> } };
  /** The check of every target without one of its own (required unless each target has its own). */
  check?(resource: ResourceView<P>, report: Report<M, P>, ctx: RuleContext<P>): void;
}

/** Declares a rule; a typed identity so prop keys and message ids are checked at compile time. */
export function defineRule<P extends string, M extends string>(rule: Rule<P, M>): Rule<P, M> {
  return rule;
}

/** A rule with its type parameters erased, as the registry holds it. */
export type AnyRule = Rule<string, string>;
