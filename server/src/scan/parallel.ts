// Spreads a scan over worker threads, one directory at a time, and reassembles the result in the serial order.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { initParsers } from '../parsers/index';
import { partitionByDirectory, type WorkUnit } from './partition';
import { scanFiles, type FileResult, type ScanResult } from './scan-files';
import type { UnitReply, WorkerReady, WorkerScanOptions, WorkerSetup } from './worker-protocol';

export interface ParallelScanOptions extends WorkerScanOptions {
  /** Threads to lint with; 1 lints in this thread. Default: the cores available. */
  jobs?: number;
  /** The bundled worker entry (dist/scan-worker.js). Default: next to this bundle; without one the scan is serial. */
  workerScript?: string;
  /** Below this many bytes in all, starting workers costs more than it saves, so the scan stays in this thread. */
  minParallelBytes?: number;
  /**
   * Whether this thread lints units too, beside `jobs - 1` workers (default). Off, `jobs` workers do all the work and
   * this thread only hands units out (tests use it to make a crashing worker's units certain).
   */
  lintInMainThread?: boolean;
}

/**
 * Measured on 2 cores (the shared realworld corpus, 5.5 MB, with module graphs and 101 rules): one thread 4.2–4.3 s,
 * two workers 6.1–6.2 s, because each worker starts cold and rebuilds the module context of its units. Until the scan
 * layout is reworked (workers started once, the main thread linting too), only a scan well past that size is split.
 */
export const DEFAULT_MIN_PARALLEL_BYTES = 32 * 1024 * 1024;

/**
 * `SECURE_IAC_MIN_PARALLEL_BYTES`, when set to a whole number: the threshold for this process, so that
 * `scripts/bench/break-even.ts` can time the same CLI bundle with workers and without on inputs of any size.
 */
function minParallelBytesFromEnv(): number | undefined {
  const value = process.env['SECURE_IAC_MIN_PARALLEL_BYTES'];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Units queued at each worker, so that it starts the next one without waiting for a round trip through this thread. */
const UNITS_IN_FLIGHT = 2;

/** How often a unit is tried in a fresh worker after its worker died, before its files are reported as not scanned. */
const RETRIES_AFTER_CRASH = 1;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** `scan-worker.js` beside the running bundle, if there is one (there is none when running from source). */
export function bundledWorkerScript(): string | undefined {
  const candidate = join(__dirname, 'scan-worker.js');
  return existsSync(candidate) ? candidate : undefined;
}

/**
 * Lints `paths` like `scanFiles`, with the directories shared out over `jobs` worker threads. The result is the same
 * as a serial scan's, in the same order, whatever the number of workers or the timing. A worker that dies costs a
 * retry of its unit in a new worker; if that dies too, each file of the unit is reported as not scanned, never dropped.
 * An error the scan itself raises (an unreadable var file) rejects, as the serial scan does.
 */
export async function scanFilesParallel(paths: readonly string[], options: ParallelScanOptions = {}): Promise<ScanResult> {
  const {
    jobs = defaultJobs(),
    workerScript = bundledWorkerScript(),
    minParallelBytes = minParallelBytesFromEnv() ?? DEFAULT_MIN_PARALLEL_BYTES,
    lintInMainThread = true,
    ...scanOptions
  } = options;
  const units = partitionByDirectory(paths);
  const bytes = units.reduce((sum, u) => sum + u.bytes, 0);
  const threads = Math.min(jobs, units.length);
  if (threads <= 1 || !workerScript || bytes < minParallelBytes) {
    await initParsers();
    return scanFiles(paths, scanOptions);
  }
  if (lintInMainThread) await initParsers();
  const workers = lintInMainThread ? threads - 1 : threads;
  const outcomes = await runPool(paths, units, workers, lintInMainThread, workerScript, { options: scanOptions });
  return assemble(paths, units, outcomes);
}

type Outcome = { result: ScanResult } | { lost: string };

/** Lets pending messages (worker replies) through between two units this thread lints. */
const turn = () => new Promise<void>((done) => setImmediate(done));

/**
 * Lints the units in `threads` workers and, with `mainLints`, in this thread too, all taking from one queue (largest
 * unit first): a worker is handed units only once it says it is ready, so this thread lints while the workers start,
 * and a scan that ends before they are up has cost them nothing but their start.
 */
function runPool(
  paths: readonly string[],
  units: readonly WorkUnit[],
  threads: number,
  mainLints: boolean,
  script: string,
  setup: WorkerSetup,
): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    const outcomes: (Outcome | undefined)[] = new Array(units.length);
    const crashes = new Array<number>(units.length).fill(0);
    const pending = units.map((_, id) => id);
    const workers = new Set<Worker>();
    let remaining = units.length;
    let settled = false;
    // Deaths since the last unit any worker finished: past a few, workers cannot run here at all (say, a broken bundle).
    let deathsInARow = 0;
    let workersGivenUp = false;
    const unitPaths = (id: number) => (units[id] as WorkUnit).indices.map((i) => paths[i] as string);

    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(outcomes as Outcome[]);
    };

    const start = () => {
      // A capped old generation makes each worker collect garbage as it goes instead of growing until the machine
      // pushes back: the 10× corpus peaked at 335–409 MB RSS uncapped. Files are at most maxFileSize (2 MB by default),
      // far below the cap; a worker that still runs out is retried like any crashed worker.
      const worker = new Worker(script, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: 192 } });
      workers.add(worker);
      // Units sent and not answered, in the order the worker lints them; the first is the one being linted.
      const inFlight: number[] = [];
      let ready = false;
      // A unit that was in a worker when it died goes alone next time, so that a second death is its own.
      const suspect = (id: number | undefined) => id !== undefined && (crashes[id] as number) > 0;
      const feed = () => {
        if (!ready || settled) return;
        while (inFlight.length < UNITS_IN_FLIGHT && pending.length > 0 && !suspect(inFlight[0])) {
          if (suspect(pending[0]) && inFlight.length > 0) break;
          const id = pending.shift() as number;
          inFlight.push(id);
          worker.postMessage({ id, paths: unitPaths(id) });
        }
        if (inFlight.length === 0) {
          workers.delete(worker);
          void worker.terminate();
        }
      };
      const died = (reason: string) => {
        if (!workers.delete(worker) || settled) return;
        void worker.terminate();
        if (++deathsInARow > threads + RETRIES_AFTER_CRASH + 1) {
          if (!mainLints) return finish(new Error(`scan workers keep failing: ${reason}`));
          // This thread carries on alone. Units that were in a dying worker are not risked here (one may be what
          // kills them): they are reported as not scanned, like a unit that killed its retry.
          workersGivenUp = true;
        }
        // Which of the units in flight killed it is unknown: each one counts the death, and goes back to run alone.
        const retry: number[] = [];
        for (const id of inFlight.splice(0)) {
          if (++(crashes[id] as number) > RETRIES_AFTER_CRASH) {
            outcomes[id] = { lost: reason };
            remaining--;
          } else retry.push(id);
        }
        pending.unshift(...retry);
        if (workersGivenUp) giveUpSuspects(reason);
        if (remaining === 0) finish();
        else if (pending.length > 0 && !workersGivenUp) start();
      };
      worker.on('message', (reply: UnitReply | WorkerReady) => {
        if ('ready' in reply) {
          ready = true;
          return feed();
        }
        if (reply.id !== inFlight[0]) return;
        inFlight.shift();
        if ('failure' in reply) return finish(new Error(reply.failure));
        outcomes[reply.id] = { result: reply.result };
        deathsInARow = 0;
        remaining--;
        if (remaining === 0) return finish();
        feed();
      });
      worker.on('error', (err) => died(`the scan worker failed: ${err.message}`));
      worker.on('exit', (code) => died(`the scan worker stopped with exit code ${code}`));
    };

    const giveUpSuspects = (reason: string) => {
      for (let at = pending.length - 1; at >= 0; at--) {
        const id = pending[at] as number;
        if ((crashes[id] as number) === 0) continue;
        pending.splice(at, 1);
        outcomes[id] = { lost: reason };
        remaining--;
      }
    };

    // This thread's share: the next unit no worker died on, until none is left; a worker's units stay with workers.
    const lintHere = async () => {
      for (;;) {
        await turn();
        if (settled) return;
        const at = pending.findIndex((id) => (crashes[id] as number) === 0);
        if (at < 0) return;
        const id = pending.splice(at, 1)[0] as number;
        try {
          outcomes[id] = { result: await scanFiles(unitPaths(id), setup.options) };
        } catch (err) {
          return finish(err instanceof Error ? err : new Error(String(err)));
        }
        if (--remaining === 0) return finish();
      }
    };

    for (let i = 0; i < threads; i++) start();
    if (mainLints) void lintHere();
  });
}

/** Puts the units' results back in the order of `paths`, as one serial scan would have listed them. */
function assemble(paths: readonly string[], units: readonly WorkUnit[], outcomes: readonly Outcome[]): ScanResult {
  const files: { index: number; file: FileResult }[] = [];
  const readErrors: { index: number; error: ScanResult['readErrors'][number] }[] = [];
  units.forEach((unit, id) => {
    const outcome = outcomes[id] as Outcome;
    if ('lost' in outcome) {
      for (const index of unit.indices) readErrors.push({ index, error: { path: paths[index] as string, message: `not scanned: ${outcome.lost}` } });
      return;
    }
    // A path can appear twice in one unit; each occurrence takes the next index for it.
    const indexOf = new Map<string, number[]>();
    for (const index of unit.indices) indexOf.set(paths[index] as string, [...(indexOf.get(paths[index] as string) ?? []), index]);
    const take = (path: string) => indexOf.get(path)?.shift() ?? Number.MAX_SAFE_INTEGER;
    for (const file of outcome.result.files) files.push({ index: take(file.path), file });
    for (const error of outcome.result.readErrors) readErrors.push({ index: take(error.path), error });
  });
  files.sort((a, b) => a.index - b.index);
  readErrors.sort((a, b) => a.index - b.index);
  return { files: files.map((f) => f.file), readErrors: readErrors.map((e) => e.error) };
}
