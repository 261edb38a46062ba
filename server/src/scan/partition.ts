// Splits a scan into work units a worker can lint on its own: a directory's files never straddle two units.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';

export interface WorkUnit {
  /** Positions of the unit's files in the scan's path list, ascending. */
  indices: number[];
  /** Total size, to hand the largest units out first. */
  bytes: number;
}

/**
 * Groups `paths` by directory: all .tf files of a directory are one Terraform module and its tfvars belong to it, so
 * the directory is the smallest unit that lints the same as the whole scan. Units come largest first, so that the last
 * unit handed out is a small one and no worker idles while another finishes a big module.
 */
export function partitionByDirectory(paths: readonly string[], sizeOf: (path: string) => number = fileSize): WorkUnit[] {
  const byDir = new Map<string, WorkUnit>();
  paths.forEach((path, index) => {
    const dir = dirname(path);
    let unit = byDir.get(dir);
    if (!unit) byDir.set(dir, (unit = { indices: [], bytes: 0 }));
    unit.indices.push(index);
    unit.bytes += sizeOf(path);
  });
  // Ties broken by first index keeps the order, and so the run, reproducible.
  return [...byDir.values()].sort((a, b) => b.bytes - a.bytes || (a.indices[0] ?? 0) - (b.indices[0] ?? 0));
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // the worker reports the unreadable file; here it only weighs nothing
  }
}
