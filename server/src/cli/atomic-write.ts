// Writes a file so that readers see the old content or the new, never a part: a temporary file in the same folder,
// then a rename over the target. An interrupted write leaves the previous file intact.
import { chmodSync, closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Temporary files still being written, removed if the process is interrupted before their rename. */
const pending = new Set<string>();

export function writeFileAtomic(path: string, data: string): void {
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    mode = undefined; // a new file gets the default mode
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  pending.add(temp);
  try {
    const fd = openSync(temp, 'wx', mode ?? 0o666);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (mode !== undefined) chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  } finally {
    pending.delete(temp);
  }
}

/** Removes temporary files of writes in progress (called on SIGINT/SIGTERM before exiting). */
export function removePendingWrites(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}
