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
  /** Set for a worker that claims units itself; a worker without it lints the units it is sent (retries). */
  claims?: UnitClaims;
}

/**
 * The units of a scan and two shared counters every linting thread uses: `next` (one Int32) is the next unit to
 * claim, `owner` (one Int32 per unit) records who claimed each one (a worker's number, -1 the main thread) before it
 * is linted, so the units a dead worker held are known.
 */
export interface UnitClaims {
  units: string[][];
  next: SharedArrayBuffer;
  owner: SharedArrayBuffer;
  /** This worker's number, as written into `owner`. */
  worker: number;
}

/** Main → worker: lint these files (one or more whole directories). */
export interface UnitRequest {
  id: number;
  paths: string[];
}

/** Worker → main: the unit's result, or the error the scan itself raised (the same one a serial scan would throw). */
export type UnitReply = { id: number; result: ScanResult } | { id: number; failure: string };

/**
 * Everything a worker posts: `ready` once loaded (a retry worker is handed its unit from then on), `claimed` when it
 * takes a unit (before linting it), a reply per unit, and `drained` when a claiming worker found nothing left to claim.
 */
export type WorkerMessage = UnitReply | { ready: true } | { claimed: number } | { drained: true };
