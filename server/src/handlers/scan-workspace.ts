// The scan-workspace and clear-workspace-findings requests: lint every template under the folders, in slices, with progress.
import { RequestType, RequestType0, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import { walkFiles, type WalkRoot } from '../scan/walk';
import { folderOf } from '../workspace/paths';
import {
  CLEAR_WORKSPACE_FINDINGS_METHOD,
  SCAN_WORKSPACE_METHOD,
  type ClearWorkspaceFindingsResult,
  type ScanWorkspaceParams,
  type ScanWorkspaceResult,
} from '../protocol';
import { guardRequest, yieldToEventLoop, type Log } from './guard';
import type { Linter } from './linter';
import type { SettingsStore } from './settings';
import type { WorkspaceFindings } from './workspace-findings';
import type { ServerStatus } from './status';

const ScanWorkspaceRequest = new RequestType<ScanWorkspaceParams, ScanWorkspaceResult, void>(SCAN_WORKSPACE_METHOD);
const ClearWorkspaceFindingsRequest = new RequestType0<ClearWorkspaceFindingsResult, void>(CLEAR_WORKSPACE_FINDINGS_METHOD);

/** Progress notifications at most this often, so a fast scan of many small files does not flood the client. */
const PROGRESS_INTERVAL_MS = 100;

interface ScanDeps {
  connection: Connection;
  linter: Linter;
  settings: SettingsStore;
  findings: WorkspaceFindings;
  log: Log;
  status?: ServerStatus;
}

/** Registers both requests. A new scan supersedes one still running. */
export function registerScanWorkspace(deps: ScanDeps): void {
  const { connection, log, findings } = deps;
  let generation = 0;
  const empty = emptyResult(true);
  connection.onRequest(
    ScanWorkspaceRequest,
    guardRequest(log, 'scanWorkspace', empty, (params: ScanWorkspaceParams, token: CancellationToken) => {
      const mine = ++generation;
      return scan(deps, params, () => token.isCancellationRequested || generation !== mine);
    }),
  );
  connection.onRequest(
    ClearWorkspaceFindingsRequest,
    guardRequest(log, 'clearWorkspaceFindings', { cleared: 0 }, () => {
      generation++; // a running scan stops instead of re-publishing what was just cleared
      return { cleared: findings.clear() };
    }),
  );
}

/** A result with nothing counted yet (`cancelled` for the answer of a request that failed). */
function emptyResult(cancelled: boolean): ScanWorkspaceResult {
  return { files: 0, scanned: 0, templates: 0, findings: 0, filesWithFindings: 0, parseErrors: 0, cancelled, durationMs: 0 };
}

async function scan(deps: ScanDeps, params: ScanWorkspaceParams, isCancelled: () => boolean): Promise<ScanWorkspaceResult> {
  const { connection, linter, settings, findings, log, status } = deps;
  const started = performance.now();
  const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
  progress.begin('Secure IaC: scanning workspace', 0, 'Listing files…', true);
  const result = emptyResult(false);
  try {
    const roots: WalkRoot[] = [];
    for (const folder of settings.folders) {
      const own = await settings.forFolder(folder);
      roots.push({ path: folder, exclude: [...(await settings.editorExcludes(folder)), ...own.exclude], includeCdkOut: own.includeCdkOut });
    }
    // Capped: a safety net for huge monorepos.
    const files = await walkFiles(roots, { isCancelled, limit: 50_000 });
    result.files = files.length;
    status?.scanProgress(0, files.length);
    const covered = new Set<string>();
    let lastReport = 0;
    for (const fsPath of files) {
      if (isCancelled()) break;
      const folder = folderOf(settings.folders, fsPath);
      const open = findings.openDocument(fsPath);
      const outcome = open ? await linter.current(open.uri) : await linter.lintFile(fsPath, await settings.forFolder(folder), folder);
      result.scanned++;
      // An open file is covered whatever its buffer holds: on close, the scan shows what is on disk.
      if (outcome && (open || outcome.result?.document)) {
        covered.add(fsPath);
        findings.adopt(fsPath, outcome);
      }
      if (outcome?.result?.document) {
        const visible = outcome.result.findings.filter((f) => !f.suppressed).length;
        result.templates++;
        result.findings += visible;
        if (visible > 0) result.filesWithFindings++;
        if (outcome.result.errors.length > 0) result.parseErrors++;
      }
      const now = performance.now();
      if (now - lastReport >= PROGRESS_INTERVAL_MS || result.scanned === files.length) {
        lastReport = now;
        progress.report(Math.floor((result.scanned / Math.max(files.length, 1)) * 100), `${result.scanned}/${files.length} files`);
        status?.scanProgress(result.scanned, files.length);
      }
      await yieldToEventLoop(); // one file per turn: requests and cancellation get through between files
    }
    result.cancelled = isCancelled();
    // A complete scan replaces the previous one; a cancelled scan only adds to it.
    if (!result.cancelled) findings.releaseExcept(covered);
  } finally {
    progress.done();
    status?.scanDone();
  }
  result.durationMs = Math.round(performance.now() - started);
  log.info(
    `Workspace scan ${result.cancelled ? 'cancelled' : 'done'}: ${result.scanned}/${result.files} files, ${result.templates} templates, ` +
      `${result.findings} findings in ${result.filesWithFindings} files, ${result.durationMs} ms`,
  );
  return result;
}
