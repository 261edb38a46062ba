// Messages between the scan's main thread and its workers: plain data only, as structured clone requires.
import type { EngineConfig } from '../engine/types';
import type { ScanResult } from './scan-files';

/** The part of the scan options a worker needs; everything here survives structured clone. */
export interface WorkerScanOptions {
  config?: EngineConfig;
  maxFileSize?: number;
  parameterFiles?: readonly string[];
  varFiles?: readonly string[];
  /**
   * Set when files were named (pre-commit hooks, changed-files CI jobs): each named Terraform file is judged with the
   * rest of its directory, the modules it calls and the directories under this folder that call it, read as context,
   * so its result equals its result in a directory scan.
   */
  moduleSearchRoot?: string;
  /** Folders a module's own tfvars must resolve into (the scanned folders and the working directory). */
  inputRoots?: readonly string[];
}

/** Given to each worker at start (`workerData`). */
export interface WorkerSetup {
  options: WorkerScanOptions;
}

/** Main → worker: lint these files (one or more whole directories). */
export interface UnitRequest {
  id: number;
  paths: string[];
}

/** Worker → main: the unit's result, or the error the scan itself raised (the same one a serial scan would throw). */
export type UnitReply = { id: number; result: ScanResult } | { id: number; failure: string };

/** Worker → main, once, when the worker has loaded and can lint: units are handed to a worker only from then on. */
export interface WorkerReady {
  ready: true;
}
