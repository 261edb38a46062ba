// File-watcher events: keep Terraform modules and workspace-scan findings in step with the files on disk.
import type { Connection, DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import { uriToPath } from '../workspace/paths';
import type { DiagnosticsScheduler } from './diagnostics';
import { guardEvent, type Log } from './guard';
import type { Linter } from './linter';
import type { WorkspaceFindings } from './workspace-findings';

interface WatchedFilesDeps {
  connection: Connection;
  linter: Linter;
  scheduler: DiagnosticsScheduler;
  findings: WorkspaceFindings;
  log: Log;
}

/**
 * Created, changed or deleted files: drop their cached parse, re-check the open Terraform files of that
 * directory (a sibling may have gained or lost the `aws_s3_bucket_versioning` that satisfies them), and refresh
 * what the workspace scan published for the file itself.
 */
export function registerWatchedFiles(deps: WatchedFilesDeps): void {
  deps.connection.onDidChangeWatchedFiles(
    guardEvent(deps.log, 'didChangeWatchedFiles', (params: DidChangeWatchedFilesParams) => {
      for (const change of params.changes) {
        const fsPath = uriToPath(change.uri);
        if (!fsPath) continue;
        deps.linter.modules.invalidate(fsPath);
        deps.scheduler.changedOnDisk(change.uri);
        void deps.findings.refreshFile(fsPath);
      }
    }),
  );
}
