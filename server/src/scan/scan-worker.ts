// Worker-thread entry of a parallel scan: claims units from the shared counter (or lints the units the main thread
// sends, for retries), one at a time, and replies with plain results.
import { parentPort, workerData } from 'node:worker_threads';
import { initParsers } from '../parsers/index';
import { scanFiles } from './scan-files';
import type { UnitRequest, WorkerMessage, WorkerSetup } from './worker-protocol';

const setup = workerData as WorkerSetup;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

async function lint(id: number, paths: string[]): Promise<void> {
  try {
    post({ id, result: await scanFiles(paths, setup.options) });
  } catch (err) {
    post({ id, failure: err instanceof Error ? err.message : String(err) });
  }
}

async function claimUntilNoneLeft(): Promise<void> {
  const claims = setup.claims;
  if (!claims) return;
  const next = new Int32Array(claims.next);
  const owner = new Int32Array(claims.owner);
  for (;;) {
    const id = Atomics.add(next, 0, 1);
    if (id >= claims.units.length) break;
    // Recorded before anything else, so that if this worker dies the main thread knows the unit was here.
    Atomics.store(owner, id, claims.worker);
    post({ claimed: id });
    await lint(id, claims.units[id] as string[]);
  }
  post({ drained: true });
}

// Units sent by message are linted strictly one after another, in the order sent.
let queue: Promise<void> = initParsers().then(() => {
  post({ ready: true });
  return claimUntilNoneLeft();
});
parentPort?.on('message', (request: UnitRequest) => {
  queue = queue.then(() => lint(request.id, request.paths));
});
