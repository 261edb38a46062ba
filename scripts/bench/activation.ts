// Time to first diagnostics of a freshly started language server, at the protocol level (no editor): spawn
// `node dist/server.js --stdio`, `initialize` / `initialized` with a workspace folder holding a 3,000-line CloudFormation
// template, `didOpen` it, and wait for its first `publishDiagnostics`. The server runs with its default debounce, as
// the extension starts it. This is the server's share of "extension activation to first diagnostics" (issue 13: 300 ms
// in the real-VS-Code suite, which prints the editor's figure: test/e2e/showcase.e2e.ts).
//
// Usage: npx tsx scripts/bench/activation.ts [--runs 7] [--json]   (build first: node esbuild.mjs)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUri, TestClient } from '../../test/protocol/lsp-client';
import { cfnYaml } from './generate';
import { cpuMsOf } from './latency';

export interface ActivationRun {
  /** Spawn to the `initialize` result. */
  initializeMs: number;
  /** `didOpen` to the first `publishDiagnostics` of the document. */
  firstDiagnosticsMs: number;
  /** Spawn to the first `publishDiagnostics`: the whole. */
  totalMs: number;
  diagnostics: number;
  /** CPU time of the server process at its first publish (user + system, 10 ms ticks): less sensitive to load. */
  serverCpuMs: number;
}

export interface ActivationResult {
  runs: ActivationRun[];
  /** Median wall time of `node -e 0` on this machine, the floor of any process start. */
  nodeStartMs: number;
  lines: number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;

/** One start of the server against a folder holding the template. */
async function once(dir: string, uri: string, text: string): Promise<ActivationRun> {
  const started = performance.now();
  // No debounce option: the server's default applies, as in the editor.
  const client = await TestClient.start({ root: dir, initializationOptions: { debounceMs: undefined } });
  const initialized = performance.now();
  try {
    await client.open(uri, text);
    const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0, 30_000);
    const done = performance.now();
    const serverCpuMs = cpuMsOf(client.process.pid);
    return {
      serverCpuMs,
      initializeMs: initialized - started,
      firstDiagnosticsMs: done - initialized,
      totalMs: done - started,
      diagnostics: published.diagnostics.length,
    };
  } finally {
    await client.stop();
  }
}

export async function runActivationBench(runs = 7, log?: (line: string) => void): Promise<ActivationResult> {
  const dir = mkdtempSync(join(tmpdir(), 'secure-iac-activation-'));
  try {
    const text = cfnYaml(3_000);
    const file = join(dir, 'template.yaml');
    writeFileSync(file, text);
    const uri = fileUri(file);
    const starts: number[] = [];
    const out: ActivationRun[] = [];
    for (let i = 0; i < runs; i++) {
      // Interleaved with the server starts, so both see the same load.
      const t = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      starts.push(performance.now() - t);
      const run = await once(dir, uri, text);
      log?.(
        `run ${i + 1}: initialize ${run.initializeMs.toFixed(0)} ms, first diagnostics ${run.firstDiagnosticsMs.toFixed(0)} ms, server CPU ${run.serverCpuMs} ms`,
      );
      out.push(run);
    }
    return { runs: out, nodeStartMs: median(starts), lines: text.split('\n').length - 1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "min / median" of one measure over the runs. */
export function minMedian(runs: readonly ActivationRun[], key: keyof ActivationRun): string {
  const xs = runs.map((r) => r[key]);
  return `${Math.min(...xs).toFixed(0)} / ${median(xs).toFixed(0)} ms`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const i = args.indexOf('--runs');
  const runs = i >= 0 ? Number(args[i + 1]) : 7;
  const result = await runActivationBench(runs, (l) => void process.stderr.write(`[activation] ${l}\n`));
  if (args.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(`server start to first diagnostics, ${result.lines}-line CloudFormation template, ${runs} runs (min / median):`);
  console.log(`  spawn → initialize result        ${minMedian(result.runs, 'initializeMs')}`);
  console.log(`  didOpen → first publishDiagnostics ${minMedian(result.runs, 'firstDiagnosticsMs')}`);
  console.log(`  spawn → first publishDiagnostics  ${minMedian(result.runs, 'totalMs')}   (target 300 ms)`);
  console.log(`  server CPU at first publish        ${minMedian(result.runs, 'serverCpuMs')}`);
  console.log(`  node -e 0 (process start floor)   ${result.nodeStartMs.toFixed(0)} ms`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
