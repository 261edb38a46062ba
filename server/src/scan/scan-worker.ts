// Worker-thread entry of a parallel scan: lints the units the main thread sends, one at a time, and replies with plain results.
import { parentPort, workerData } from 'node:worker_threads';
import { initParsers } from '../parsers/index';
import { scanFiles } from './scan-files';
import type { UnitReply, UnitRequest, WorkerReady, WorkerSetup } from './worker-protocol';

const setup = workerData as WorkerSetup;
const ready = initParsers();
// Tell the main thread this worker can take units; until then the main thread lints them itself.
void ready.then(() => parentPort?.postMessage({ ready: true } satisfies WorkerReady));
// Units are linted strictly one after another, in the order sent.
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (request: UnitRequest) => {
  queue = queue.then(async () => {
    let reply: UnitReply;
    try {
      await ready;
      reply = { id: request.id, result: await scanFiles(request.paths, setup.options) };
    } catch (err) {
      reply = { id: request.id, failure: err instanceof Error ? err.message : String(err) };
    }
    parentPort?.postMessage(reply);
  });
});
