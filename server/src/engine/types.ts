// What the engine hands to the CLI and the language server: findings with their fixes, and parse errors.
import type { Severity } from '../../../rules/api';
import type { TextEdit } from '../edits/types';
import type { IacDocument, ParseError } from '../model/document';
import type { SourceRange } from '../model/nodes';
import type { RelatedLocation } from './lint/related';

/** A ready-to-apply fix: edits to the finding's own document. */
export interface Fix {
  title: string;
  /** Only `safe` fixes take part in "fix all"; `review` changes something the user must choose (replacement, access). */
  safety: 'safe' | 'review';
  edits: TextEdit[];
}

/** Whose syntax a suppression is written in: ours, or a tool whose suppressions we honour so teams can switch. */
export type SuppressionSource = 'secure-iac' | 'checkov' | 'cfn_nag' | 'cfn-lint' | 'tfsec' | 'trivy' | 'kics';

/** Why a finding is not shown: which comment or metadata silenced it, and the reason given there. */
export interface Suppression {
  kind: 'comment' | 'metadata';
  /** As written; for another tool's suppression without one, a description such as `checkov:skip=CKV_AWS_24 (no reason given)`. */
  reason: string;
  /** Absent means `secure-iac` (values built before sources were recorded). */
  source?: SuppressionSource;
  /** The other tool's id that mapped to this rule (`CKV_AWS_24`, `AVD-AWS-0107`); absent for ours and id-less KICS comments. */
  foreignId?: string;
  /** What it covers: the finding's line (KICS ignore-line), a block or property, a resource, or the whole file. */
  scope?: 'line' | 'block' | 'resource' | 'file';
  /** The date (YYYY-MM-DD) from which it no longer applies (`until` / tfsec and Trivy `:exp:`). */
  expires?: string;
}

/** One violation. Offsets refer to the text of the document it was found in. */
export interface Finding {
  ruleId: string;
  /** Which of the rule's messages this is: tests and tools match on it, never on the prose. */
  messageId: string;
  severity: Severity;
  message: string;
  uri: string;
  range: SourceRange;
  /** `constructPath`: a CDK-synthesized resource's construct (`Metadata."aws:cdk:path"`), which the user edits instead. */
  resource?: { address: string; range: SourceRange; headerRange: SourceRange; constructPath?: string };
  /** Other places that explain the finding, e.g. the parameter default a referenced value comes from. */
  related?: RelatedLocation[];
  fixes: Fix[];
  suppressed?: Suppression;
}

/** A rule that threw: its findings for this file are missing, nothing else is affected. */
export interface RuleFailure {
  ruleId: string;
  message: string;
}

export interface LintResult {
  /** Undefined when the text is not a template (no findings, no errors). */
  document?: IacDocument;
  /** Visible findings, then suppressed ones (`suppressed` set), in document order. */
  findings: Finding[];
  errors: ParseError[];
  ruleFailures: RuleFailure[];
}

/** Per-rule switches shared by the CLI, the server and (later) the project config file. */
export interface EngineConfig {
  /** `off`, or a severity that replaces the catalogue's. Rules marked defaultOff run only when given a severity here. */
  rules?: Readonly<Record<string, 'off' | 'on' | Severity>>;
  /** Run only these rule ids (CLI `--rule`). */
  only?: readonly string[];
  requiredTags?: readonly string[];
  /** `info`: report values that decide a finding but cannot be resolved ("cannot verify"), instead of staying silent. */
  unresolved?: 'silent' | 'info';
  /**
   * Internal, never read from settings or the config file: judge as a checker without resolution would (no
   * parameter/variable/local values, conditions, mappings, intrinsics or cross-resource joins). With `unresolved:
   * 'info'` every value that would need resolving becomes a note, which `npm run realworld` counts as a finding.
   */
  naive?: boolean;
}
