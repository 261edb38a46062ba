// File-watcher events: keep Terraform modules and workspace-scan findings in step with the files on disk.
import type { Connection, DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import type { ProjectConfigStore } from './project-config';
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
  projectConfigs: ProjectConfigStore;
  /** Workspace folder paths: a `.secure-iac.yaml` counts at their roots only. */
  folders: () => readonly string[];
  /** Re-reads settings and re-checks everything (a project config file changed). */
  reconfigure: () => void;
  /** Re-checks everything with the settings as they are (a parameter or tfvars file in use changed). */
  recheck: () => void;
  log: Log;
}

/**
 * Created, changed or deleted files: drop their cached parse, re-check the open Terraform files of that
 * directory (a sibling may have gained or lost the `aws_s3_bucket_versioning` that satisfies them), and refresh
 * what the workspace scan published for the file itself. A project config, parameter file or tfvars file in use
 * changes how every file is checked, so everything is re-checked (after re-reading the settings for a config file).
 */
export function registerWatchedFiles(deps: WatchedFilesDeps): void {
  deps.connection.onDidChangeWatchedFiles(
    guardEvent(deps.log, 'didChangeWatchedFiles', (params: DidChangeWatchedFilesParams) => {
      let reconfigure = false;
      let inputsChanged = false;
      for (const change of params.changes) {
        const fsPath = uriToPath(change.uri);
        if (!fsPath) continue;
        if (deps.projectConfigs.invalidate(fsPath, deps.folders())) reconfigure = true;
        if (deps.linter.inputs.affects(fsPath)) inputsChanged = true;
        deps.linter.modules.invalidate(fsPath);
        deps.scheduler.changedOnDisk(change.uri);
        void deps.findings.refreshFile(fsPath);
      }
      // The settings are asked of the client again only when the config file under them changed.
      if (reconfigure) deps.reconfigure();
      else if (inputsChanged) deps.recheck();
    }),
  );
}
