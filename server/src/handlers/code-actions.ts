// Code actions: a quick fix per finding fix, "Ignore <rule> for this resource…", and source.fixAll.secure-iac.
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type TextDocuments,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../edits/types';
import { SUPPRESSION_REASON_PLACEHOLDER, suppressionEdits } from '../engine/suppressions/suppression-edits';
import type { Finding } from '../engine/types';
import { Commands, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, FIX_ALL_REVIEW_KIND } from '../protocol';
import { applySafeFixes, minimalEdit } from '../engine/fixes/fix-all';
import { describeError, guardRequest, type Log } from './guard';
import type { Linter, LintOutcome } from './linter';
import { findingData, findingToDiagnostic } from './to-diagnostic';

interface CodeActionDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  linter: Linter;
  log: Log;
  /** The client applies versioned `documentChanges`, so an edit computed for an old version is refused, not misapplied. */
  documentChanges: boolean;
  /** The client runs our commands (the VS Code extension): offer "Show documentation" and "Disable … in this workspace". */
  clientCommands?: boolean;
  /** The client applies snippet edits (LSP 3.18 `workspace.workspaceEdit.snippetEditSupport`). */
  snippetEdits?: boolean;
}

/** Registers the code action provider. Edits always come from a lint of the version the client sees. */
export function registerCodeActions(deps: CodeActionDeps): void {
  deps.connection.onCodeAction(guardRequest(deps.log, 'codeAction', [] as CodeAction[], (params: CodeActionParams) => codeActions(deps, params)));
}

/** Whether the client asked for `kind`: no `only` means quick fixes; `source.fixAll` is returned only when requested. */
function requested(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((k) => k === '' || kind === k || kind.startsWith(`${k}.`));
}

async function codeActions(deps: CodeActionDeps, params: CodeActionParams): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  if (!deps.documents.get(uri)) return [];
  const actions: CodeAction[] = [];
  const only = params.context.only;
  if (requested(only, CodeActionKind.QuickFix)) {
    const outcome = await deps.linter.current(uri);
    if (outcome?.result) actions.push(...quickFixes(deps, outcome, params));
  }
  if (requested(only, FIX_ALL_KIND)) {
    const fixAll = await fixAllAction(deps, uri, false);
    if (fixAll) actions.push(fixAll);
  }
  if (only?.includes(FIX_ALL_REVIEW_KIND)) {
    const review = await fixAllAction(deps, uri, true);
    if (review) actions.push(review);
  }
  return actions;
}

/** Quick fixes for the findings behind the client's diagnostics (or, when it sends none of ours, under the range). */
function quickFixes(deps: CodeActionDeps, outcome: LintOutcome, params: CodeActionParams): CodeAction[] {
  const visible = outcome.result?.findings.filter((f) => !f.suppressed) ?? [];
  const targets = new Map<Finding, Diagnostic>();
  const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && findingData(d));
  for (const diagnostic of ours) {
    const finding = matchFinding(visible, diagnostic, outcome);
    if (finding && !targets.has(finding)) targets.set(finding, diagnostic);
  }
  if (ours.length === 0) {
    const start = outcome.text.offsetAt(params.range.start);
    const end = outcome.text.offsetAt(params.range.end);
    for (const f of visible) {
      if (f.range.start <= end && start <= f.range.end) targets.set(f, findingToDiagnostic(f, outcome.text, outcome.version));
    }
  }
  const actions: CodeAction[] = [];
  for (const [finding, diagnostic] of targets) {
    finding.fixes.forEach((fix, i) => {
      let edit: WorkspaceEdit;
      try {
        edit = workspaceEdit(deps, outcome, fix.edits);
      } catch (err) {
        // A writer produced overlapping edits: leave this fix out rather than every action of the request.
        deps.log.error(`Fix "${fix.title}" of ${finding.ruleId} has overlapping edits: ${describeError(err)}`);
        return;
      }
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: i === 0, edit });
    });
    const doc = outcome.result?.document;
    const ignore = doc ? suppressionEdits(doc, finding) : undefined;
    if (ignore && ignore.length > 0) {
      actions.push({
        title: `Ignore ${finding.ruleId} for this resource…`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        // With snippet support the placeholder reason is selected, so the user types the reason straight away.
        edit:
          deps.snippetEdits && deps.documentChanges && outcome.version !== undefined
            ? snippetEdit(outcome, ignore)
            : workspaceEdit(deps, outcome, ignore),
      });
    }
    if (deps.clientCommands) {
      const args = [finding.ruleId];
      actions.push(
        {
          title: `Show documentation for ${finding.ruleId}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: 'Show documentation', command: Commands.showRuleDocumentation, arguments: args },
        },
        {
          title: `Disable ${finding.ruleId} in this workspace`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: 'Disable rule', command: Commands.disableRuleInWorkspace, arguments: args },
        },
      );
    }
  }
  return actions;
}

/**
 * The finding a diagnostic stands for: same rule and same offsets (taken from `data` when it was published for
 * this version, else from the diagnostic's range), falling back to the same rule overlapping the range.
 */
function matchFinding(findings: readonly Finding[], diagnostic: Diagnostic, outcome: LintOutcome): Finding | undefined {
  const data = findingData(diagnostic);
  if (!data) return undefined;
  const sameVersion = data.version !== undefined && data.version === outcome.version;
  const start = sameVersion ? data.start : outcome.text.offsetAt(diagnostic.range.start);
  const end = sameVersion ? data.end : outcome.text.offsetAt(diagnostic.range.end);
  const sameRule = findings.filter((f) => f.ruleId === data.ruleId);
  return sameRule.find((f) => f.range.start === start && f.range.end === end) ?? sameRule.find((f) => f.range.start <= end && start <= f.range.end);
}

async function fixAllAction(deps: CodeActionDeps, uri: string, includeReview: boolean): Promise<CodeAction | undefined> {
  const doc = deps.documents.get(uri);
  if (!doc) return undefined;
  const version = doc.version;
  const before = doc.getText();
  const lint = await deps.linter.textLinter(uri);
  if (deps.documents.get(uri)?.version !== version) return undefined; // edited meanwhile: the client asks again
  const { text, applied, reviewLeft } = applySafeFixes(before, lint, { includeReview });
  const edit = minimalEdit(before, text);
  if (!edit || applied === 0) return undefined;
  return {
    title: includeReview
      ? `Fix all Secure IaC findings, including those that need a review (${applied})`
      : `Fix all safe Secure IaC findings (${applied})`,
    kind: includeReview ? FIX_ALL_REVIEW_KIND : FIX_ALL_KIND,
    edit: workspaceEdit(deps, { uri, version, text: doc, result: undefined }, [edit]),
    // Never silently partial: after the edit, the client says how many findings still need a reviewed fix.
    ...(!includeReview && reviewLeft > 0 && deps.clientCommands
      ? { command: { title: 'Findings left for review', command: Commands.reviewFixesLeft, arguments: [uri, reviewLeft] } }
      : {}),
  };
}

/** The suppression edits as snippets with the placeholder reason as the first tab stop (selected on insert). */
function snippetEdit(outcome: LintOutcome, edits: readonly TextEdit[]): WorkspaceEdit {
  let placed = false;
  const snippets = edits.map((e) => {
    const escaped = e.newText.replace(/[\\$}]/g, (c) => `\\${c}`);
    const at = placed ? -1 : escaped.indexOf(SUPPRESSION_REASON_PLACEHOLDER);
    const value =
      at < 0 ? escaped : `${escaped.slice(0, at)}\${1:${SUPPRESSION_REASON_PLACEHOLDER}}${escaped.slice(at + SUPPRESSION_REASON_PLACEHOLDER.length)}`;
    placed ||= at >= 0;
    return { range: { start: outcome.text.positionAt(e.start), end: outcome.text.positionAt(e.end) }, snippet: { kind: 'snippet' as const, value } };
  });
  return { documentChanges: [{ textDocument: { uri: outcome.uri, version: outcome.version ?? null }, edits: snippets }] };
}

function workspaceEdit(deps: CodeActionDeps, outcome: LintOutcome, edits: readonly TextEdit[]): WorkspaceEdit {
  // The engine hands out disjoint edits (engine/positions.ts disjointEdits); fix-all sends one minimal edit.
  const lspEdits = edits.map((e) => ({
    range: { start: outcome.text.positionAt(e.start), end: outcome.text.positionAt(e.end) },
    newText: e.newText,
  }));
  if (deps.documentChanges && outcome.version !== undefined) {
    return { documentChanges: [TextDocumentEdit.create({ uri: outcome.uri, version: outcome.version }, lspEdits)] };
  }
  return { changes: { [outcome.uri]: lspEdits } };
}
