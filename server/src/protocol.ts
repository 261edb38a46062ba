// Custom request names and payloads shared by the language server and the VS Code client (types and constants only).

/** Diagnostic `source` of everything the server publishes. */
export const DIAGNOSTIC_SOURCE = 'secure-iac';

/** Diagnostic `code` of syntax errors, kept apart from rule ids. */
export const PARSE_ERROR_CODE = 'parse-error';

/** The code action kind of "apply every safe fix in this file". */
export const FIX_ALL_KIND = 'source.fixAll.secure-iac';

/**
 * The code action kind of "apply every fix, including those that need a review". Returned only when asked for by
 * this exact kind, so `source.fixAll` on save never applies a fix that makes a choice for the user.
 */
export const FIX_ALL_REVIEW_KIND = 'source.fixAll.secure-iac.review';

/** Request: walk the workspace folders and publish findings for files that are not open. Supports work-done progress. */
export const SCAN_WORKSPACE_METHOD = 'secureIac/scanWorkspace';

/** Request: withdraw every diagnostic a workspace scan published (open documents keep theirs). */
export const CLEAR_WORKSPACE_FINDINGS_METHOD = 'secureIac/clearWorkspaceFindings';

/** Request: the registered rules, so the client can offer them without bundling the engine. */
export const LIST_RULES_METHOD = 'secureIac/listRules';

/** Client command ids contributed in package.json. */
export const Commands = {
  scanWorkspace: 'secureIac.scanWorkspace',
  clearWorkspaceFindings: 'secureIac.clearWorkspaceFindings',
  showRuleDocumentation: 'secureIac.showRuleDocumentation',
  disableRuleInWorkspace: 'secureIac.disableRuleInWorkspace',
  /** Internal: run after a fix-all that left findings whose fixes need a review; arguments `[uri, count]`. */
  reviewFixesLeft: 'secureIac.reviewFixesLeft',
  /** Quick pick of every Secure IaC finding (the status bar item runs it). */
  showFindings: 'secureIac.showFindings',
  /** Internal: open one finding (the tree view's items); argument `{ uri, line, character }`. */
  openFinding: 'secureIac.openFinding',
  /** The findings view's grouping. */
  groupFindingsByRule: 'secureIac.findings.groupByRule',
  groupFindingsBySeverity: 'secureIac.findings.groupBySeverity',
} as const;

/** Parameters of `secureIac/scanWorkspace`; `workDoneToken` is the LSP work-done progress token. */
export interface ScanWorkspaceParams {
  workDoneToken?: string | number;
}

/** Totals of one workspace scan. A cancelled scan reports what it finished. */
export interface ScanWorkspaceResult {
  /** Candidate files found after exclusions. */
  files: number;
  /** Files processed before completion or cancellation. */
  scanned: number;
  /** Files that turned out to be CloudFormation templates or Terraform files. */
  templates: number;
  /** Visible findings (suppressed ones are not counted). */
  findings: number;
  /** Files with at least one finding. */
  filesWithFindings: number;
  /** Files with syntax errors. */
  parseErrors: number;
  cancelled: boolean;
  durationMs: number;
}

/** Result of `secureIac/clearWorkspaceFindings`. */
export interface ClearWorkspaceFindingsResult {
  /** Files whose scan diagnostics were withdrawn. */
  cleared: number;
}

/** One rule as the client lists it. */
export interface RuleInfo {
  id: string;
  title: string;
  /** Catalogue severity: critical | high | medium | low | info. */
  severity: string;
  docsUrl: string;
  defaultOff: boolean;
}

/** Result of `secureIac/listRules`. */
export interface ListRulesResult {
  rules: RuleInfo[];
}

/**
 * `Diagnostic.data` of a finding: identity for code actions, never the message text. `start`/`end` are the
 * finding's UTF-16 offsets in document version `version` (undefined for files published by a workspace scan).
 */
export interface FindingData {
  ruleId: string;
  start: number;
  end: number;
  version?: number;
}

/** Notification (server → client): what the server is doing, for the status bar. Sent on every change of state. */
export const STATUS_NOTIFICATION = 'secureIac/status';

/** The states the status bar shows. `starting` is the client's own until the first notification arrives. */
export type ServerState = 'starting' | 'ready' | 'scanning' | 'error';

/** Parameters of `secureIac/status`. */
export interface StatusParams {
  state: ServerState;
  /** While scanning: files done and files to scan. */
  scanned?: number;
  total?: number;
  /** In `error`: what failed (details are in the Output channel). */
  message?: string;
}

/**
 * The key under which the VS Code client passes, with the `secureIac` settings section, the path settings the user
 * set at user level (which may name files outside the workspace); the server trusts no other source for them.
 */
export const USER_LEVEL_KEY = '__userLevel';
