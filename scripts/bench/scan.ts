// Workspace scan throughput: `secure-iac scan` as a user runs it (a child process of the bundled CLI), timed from
// spawn to exit, with the process's peak RSS (worker threads included) and CPU time.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist', 'cli.js');
const STATS_PRELOAD = join(__dirname, 'process-stats.cjs');

export interface ScanRun {
  wallMs: number;
  peakRssMb: number;
  cpuMs: number;
  filesScanned: number;
}

/** One `secure-iac scan <roots…> --format json --fail-on none` (plus `extraArgs`); throws unless it exits 0. */
export async function runScan(
  roots: string | readonly string[],
  extraArgs: readonly string[] = [],
  env: Readonly<Record<string, string>> = {},
  nodeArgs: readonly string[] = [],
): Promise<ScanRun> {
  const work = mkdtempSync(join(tmpdir(), 'secure-iac-bench-run-'));
  const report = join(work, 'report.json');
  const stats = join(work, 'stats.json');
  try {
    const args = [
      ...nodeArgs,
      '--require',
      STATS_PRELOAD,
      CLI,
      'scan',
      ...(typeof roots === 'string' ? [roots] : roots),
      '--format',
      'json',
      '--fail-on',
      'none',
      '--no-config',
      '--output',
      report,
      ...extraArgs,
    ];
    const started = performance.now();
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done, fail) => {
      const child = spawn(process.execPath, args, {
        cwd: work,
        env: { ...process.env, ...env, SECURE_IAC_BENCH_STATS: stats },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('error', fail);
      child.on('exit', (exitCode) => done({ code: exitCode, stderr: err }));
    });
    const wallMs = performance.now() - started;
    if (code !== 0) throw new Error(`secure-iac scan ${String(roots)} exited ${code}:\n${stderr}`);
    const measured = JSON.parse(readFileSync(stats, 'utf8')) as { peakRssKb: number; userMs: number; systemMs: number };
    const filesScanned = (JSON.parse(readFileSync(report, 'utf8')) as { filesScanned: number }).filesScanned;
    return { wallMs, peakRssMb: measured.peakRssKb / 1024, cpuMs: measured.userMs + measured.systemMs, filesScanned };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The run with the median wall time of `runs` runs. */
export async function medianScan(roots: string | readonly string[], runs: number, extraArgs: readonly string[] = []): Promise<ScanRun> {
  return (await interleavedScans([{ roots, extraArgs }], runs))[0] as ScanRun;
}

/**
 * Each scan `runs` times, interleaved (A B C A B C …) so that load from other processes falls on all alike; per scan
 * the run with the median wall time, with the fastest wall time beside it.
 */
export async function interleavedScans(
  scans: readonly { roots: string | readonly string[]; extraArgs?: readonly string[]; env?: Record<string, string>; nodeArgs?: readonly string[] }[],
  runs: number,
): Promise<(ScanRun & { minWallMs: number })[]> {
  const all = scans.map((): ScanRun[] => []);
  for (let i = 0; i < runs; i++) for (const [k, s] of scans.entries()) all[k]?.push(await runScan(s.roots, s.extraArgs, s.env, s.nodeArgs));
  return all.map((list) => {
    list.sort((a, b) => a.wallMs - b.wallMs);
    return { ...(list[Math.floor((list.length - 1) / 2)] as ScanRun), minWallMs: (list[0] as ScanRun).wallMs };
  });
}

/** `copies` copies of `source` side by side in a new temporary folder; the caller removes it. */
export function replicate(source: string, copies: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'secure-iac-bench-corpus-'));
  for (let i = 0; i < copies; i++) cpSync(source, join(dir, `copy${String(i).padStart(2, '0')}`), { recursive: true });
  return dir;
}
