// Spreads a scan over worker threads, one directory at a time, and reassembles the result in the serial order.
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { initParsers } from '../parsers/index';
import { LARGE_SCAN_BYTES, tuneForLargeScan } from './isolate-flags';
import { partitionByDirectory, type WorkUnit } from './partition';
import { scanFiles, type FileResult, type ScanResult } from './scan-files';
import type { UnitClaims, UnitRequest, WorkerMessage, WorkerScanOptions, WorkerSetup } from './worker-protocol';

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
 * Below this many bytes a scan stays in one thread, in one pass. Measured on 2 cores (scripts/bench/break-even.ts,
 * docs/performance.md): a worker costs CPU of its own, about 0.1 s plus 0.12 ms per KB of input (its JIT and module
 * context warming up), against about 0.5 ms per KB of work it can take over, so on a free core it pays from about
 * 0.3 MB; 1 MB leaves a margin for the worker's start (about 0.1 s before it lints) and for units too few to share.
 */
export const DEFAULT_MIN_PARALLEL_BYTES = 1024 * 1024;

/**
 * `SECURE_IAC_MIN_PARALLEL_BYTES`, when set to a whole number: the threshold for this process, so that
 * `scripts/bench/break-even.ts` can time the same CLI bundle with workers and without on inputs of any size.
 */
function minParallelBytesFromEnv(): number | undefined {
  const value = process.env['SECURE_IAC_MIN_PARALLEL_BYTES'];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

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
 * Worker threads the machine can run beside this one now: the cores the 1-minute load average leaves (partly) idle.
 * Measured on 2 cores, whole realworld corpus: at load 1.1–1.7 a worker beside the main thread made the scan 10%
 * faster (1735 vs 1935 ms median of 5); at load 11–16 every input from 0.2 to 5.5 MB scanned 6–63% slower with one,
 * since it only competes with this thread for a core (docs/performance.md).
 */
export function idleCoresForWorkers(): number {
  return Math.max(0, Math.ceil(availableParallelism() - (loadavg()[0] ?? 0)));
}

/**
 * Lints `paths` like `scanFiles`, with the directories shared out over this thread and worker threads (`jobs` threads
 * in all; by default as many as there are idle cores, see idleCoresForWorkers). The result is the same as a serial
 * scan's, in the same order, whatever the number of workers or the timing. A worker that dies costs a retry of its
 * unit in a new worker; if that dies too, each file of the unit is reported as not scanned, never dropped. An error
 * the scan itself raises (an unreadable var file) rejects, as the serial scan does. Past `minParallelBytes` the scan
 * goes unit by unit even with no worker, so that only one unit's documents are alive at a time in this thread.
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
  const wanted = !workerScript ? 0 : lintInMainThread ? threads - 1 : threads;
  // An explicit --jobs is taken as asked; the default adapts to what the machine has free.
  const workers = options.jobs !== undefined || !lintInMainThread ? wanted : Math.min(wanted, idleCoresForWorkers());
  if (units.length <= 1 || bytes < minParallelBytes || (workers === 0 && !lintInMainThread)) {
    await initParsers();
    return scanFiles(paths, scanOptions);
  }
  await initParsers();
  if (lintInMainThread && bytes >= LARGE_SCAN_BYTES) tuneForLargeScan();
  const outcomes = await runPool(paths, units, workers, lintInMainThread, workerScript ?? '', scanOptions);
  return assemble(paths, units, outcomes);
}

type Outcome = { result: ScanResult } | { lost: string };

/** Lets pending messages (worker replies) through between two units this thread lints. */
const turn = () => new Promise<void>((done) => setImmediate(done));

/**
 * Lints the units in `threads` workers and, with `mainLints`, in this thread too. Every thread claims the next unit
 * itself (largest first) from a counter in shared memory, so no thread waits on another to be handed work: a worker
 * never idles while this thread is busy linting, and the last units go to whichever thread is free. Each claim is
 * recorded in shared memory (`owner`) before the unit is linted, so a worker that dies leaves a record of the units
 * it held: those are retried once, alone, in a fresh worker that is handed them by message, and reported as not
 * scanned if that one dies too.
 */
function runPool(
  paths: readonly string[],
  units: readonly WorkUnit[],
  threads: number,
  mainLints: boolean,
  script: string,
  options: WorkerScanOptions,
): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    const outcomes: (Outcome | undefined)[] = new Array(units.length);
    const crashes = new Array<number>(units.length).fill(0);
    const claims: UnitClaims = {
      units: units.map((unit) => unit.indices.map((i) => paths[i] as string)),
      next: new SharedArrayBuffer(4),
      owner: new SharedArrayBuffer(4 * units.length),
      worker: 0,
    };
    const next = new Int32Array(claims.next);
    const owner = new Int32Array(claims.owner);
    /** Units a dead worker held, waiting for a fresh worker of their own. */
    const retries: number[] = [];
    const workers = new Set<Worker>();
    let workerNumber = 0;
    let remaining = units.length;
    let settled = false;
    // Deaths since the last unit any worker finished: past a few, workers cannot run here at all (say, a broken bundle).
    let deathsInARow = 0;
    let workersGivenUp = false;
    const claimsLeft = () => Atomics.load(next, 0) < units.length;

    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(outcomes as Outcome[]);
    };
    const settle = (id: number, outcome: Outcome) => {
      if (outcomes[id] !== undefined) return;
      outcomes[id] = outcome;
      if (--remaining === 0) finish();
    };

    /** A worker that claims units (`claiming`), or one that is handed the retries, one unit at a time. */
    const start = (claiming: boolean) => {
      const number = ++workerNumber;
      const setup: WorkerSetup = { options, ...(claiming ? { claims: { ...claims, worker: number } } : {}) };
      // A capped old generation makes each worker collect garbage as it goes instead of growing until the machine
      // pushes back: the 10× corpus peaked at 335–409 MB RSS uncapped. Files are at most maxFileSize (2 MB by default),
      // far below the cap; a worker that still runs out is retried like any crashed worker.
      const worker = new Worker(script, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: 192 } });
      workers.add(worker);
      // The retry handed to this worker and not answered yet.
      let handed: number | undefined;
      let ready = false;
      const stop = () => {
        if (!workers.delete(worker)) return;
        void worker.terminate();
      };
      const feed = () => {
        if (!ready || settled || claiming || handed !== undefined) return;
        handed = retries.shift();
        if (handed === undefined) return stop();
        worker.postMessage({ id: handed, paths: claims.units[handed] as string[] } satisfies UnitRequest);
      };
      const died = (reason: string) => {
        if (!workers.has(worker) || settled) return;
        stop();
        if (++deathsInARow > threads + RETRIES_AFTER_CRASH + 1) {
          if (!mainLints) return finish(new Error(`scan workers keep failing: ${reason}`));
          // This thread carries on alone. Units that were in a dying worker are not risked here (one may be what
          // kills them): they are reported as not scanned, like a unit that killed its retry.
          workersGivenUp = true;
        }
        // Which of the units it held killed it is unknown: each one counts the death, and goes back to run alone.
        // A unit claimed but not yet marked with its owner can only be the dead worker's (the main thread marks in the
        // same step it claims; a live worker marks nanoseconds later, and at worst its unit is linted twice, the first
        // result kept: both are the same).
        const claimed = Math.min(Atomics.load(next, 0), units.length);
        const held: number[] = [];
        if (claiming)
          for (let id = 0; id < claimed; id++) {
            const o = Atomics.load(owner, id);
            if ((o === number || o === 0) && outcomes[id] === undefined) held.push(id);
          }
        if (handed !== undefined) held.push(handed);
        for (const id of held) {
          if (++(crashes[id] as number) > RETRIES_AFTER_CRASH || workersGivenUp) settle(id, { lost: reason });
          else retries.push(id);
        }
        if (workersGivenUp) for (const id of retries.splice(0)) settle(id, { lost: reason });
        if (settled || workersGivenUp) return;
        if (retries.length > 0) start(false);
        if (claiming && claimsLeft()) start(true);
      };
      worker.on('message', (reply: WorkerMessage) => {
        if ('ready' in reply) {
          ready = true;
          return feed();
        }
        if ('drained' in reply) return stop();
        if ('claimed' in reply) return;
        if ('failure' in reply) return finish(new Error(reply.failure));
        if (reply.id === handed) handed = undefined;
        deathsInARow = 0;
        settle(reply.id, { result: reply.result });
        feed();
      });
      worker.on('error', (err) => died(`the scan worker failed: ${err.message}`));
      worker.on('exit', (code) => died(`the scan worker stopped with exit code ${code}`));
    };

    // This thread's share: it claims like a worker, until no unit is left to claim.
    const lintHere = async () => {
      for (;;) {
        await turn();
        if (settled) return;
        const id = Atomics.add(next, 0, 1);
        if (id >= units.length) return;
        Atomics.store(owner, id, -1);
        try {
          // Plain data, as a worker would post it: a finding's lazy fixes keep its document's model and scope alive
          // until the report reads them, so a large scan would hold every model at once; the clone computes them now
          // (the models are immutable, so they are the same fixes) and lets this unit's models go.
          settle(id, { result: structuredClone(await scanFiles(claims.units[id] as string[], options)) });
        } catch (err) {
          return finish(err instanceof Error ? err : new Error(String(err)));
        }
      }
    };

    for (let i = 0; i < threads; i++) start(true);
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
