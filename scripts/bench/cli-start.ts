// CLI start: what one short command costs next to Node's own start (docs/performance.md, "CLI start").
//
// Usage: npx tsx scripts/bench/cli-start.ts [--runs 20] [--base <folder with bin/ and dist/ of another build>]
// Build first (`node esbuild.mjs`, or `--production` for what the packages ship). Every command runs once per round,
// interleaved, so both builds meet the same load; wall time from spawn to exit, min and median, and the load average
// before and after. The first round only warms the code cache and the page cache and is not counted.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const SMALL_TF = join('examples', 'terraform', 'web', 'main.tf');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface Command {
  label: string;
  /** Runs once; resolves with the milliseconds measured, after the process has exited. */
  run(): Promise<number>;
}

const exec = (argv: string[]) => () =>
  new Promise<number>((done, fail) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, argv, { cwd: ROOT, stdio: 'ignore' });
    child.on('error', fail);
    child.on('exit', () => done(Number(process.hrtime.bigint() - start) / 1e6));
  });

/** Spawn to the `initialize` answer of the language server over stdio; then shutdown and exit, as an editor does. */
const initialize = (bin: string) => () =>
  new Promise<number>((done, fail) => {
    const start = process.hrtime.bigint();
    let answered = 0;
    const child = spawn(process.execPath, [bin], { cwd: ROOT, stdio: ['pipe', 'pipe', 'ignore'] });
    const send = (message: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    let seen = '';
    child.on('error', fail);
    // The next command starts only once this server is gone, so that it does not compete with it.
    child.on('exit', () => done(answered));
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (answered > 0 || !seen.includes('"id":1')) return;
      answered = Number(process.hrtime.bigint() - start) / 1e6;
      send({ id: 2, method: 'shutdown' });
      send({ method: 'exit' });
    });
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
  });

function commands(label: string, dir: string): Command[] {
  const cli = join(dir, 'bin', 'secure-iac.js');
  return [
    { label: `${label} --version`, run: exec([cli, '--version']) },
    { label: `${label} scan one .tf`, run: exec([cli, 'scan', SMALL_TF, '--fail-on', 'none']) },
    { label: `${label} pre-commit entry`, run: exec([cli, 'scan', '--no-snippets', SMALL_TF]) },
    { label: `${label} server initialize`, run: initialize(join(dir, 'bin', 'secure-iac-server.js')) },
  ];
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function main(): Promise<void> {
  const runs = Number(arg('--runs') ?? 20);
  const base = arg('--base');
  const list: Command[] = [{ label: 'node -e 0', run: exec(['-e', '0']) }];
  const ours = commands(base ? 'this' : 'secure-iac', ROOT);
  const theirs = base ? commands('base', resolve(base)) : [];
  // Side by side: each command of this build next to the same command of the base.
  ours.forEach((c, i) => list.push(...(theirs[i] ? [theirs[i] as Command, c] : [c])));
  for (const c of list) await c.run(); // warm-up round, not counted
  const times = list.map(() => [] as number[]);
  const before = load();
  for (let r = 0; r < runs; r++) {
    for (const [i, c] of list.entries()) (times[i] as number[]).push(await c.run());
  }
  const stats = times.map((t) => {
    const s = [...t].sort((a, b) => a - b);
    return { min: s[0] as number, median: s[Math.floor(s.length / 2)] as number };
  });
  const node = stats[0] as { min: number; median: number };
  console.log(`${runs} rounds, node ${process.version}, load average before ${before}, after ${load()}`);
  console.log(`${'command'.padEnd(34)} ${'min'.padStart(8)} ${'median'.padStart(8)}   vs node -e 0 (min, median)`);
  for (const [i, c] of list.entries()) {
    const { min, median } = stats[i] as { min: number; median: number };
    console.log(
      `${c.label.padEnd(34)} ${min.toFixed(0).padStart(5)} ms ${median.toFixed(0).padStart(5)} ms   ${(min / node.min).toFixed(2)}×, ${(median / node.median).toFixed(2)}×`,
    );
  }
}

if (spawnSync(process.execPath, [join(ROOT, 'bin', 'secure-iac.js'), '--version']).status !== 0) {
  console.error('bin/secure-iac.js does not run: build first (node esbuild.mjs)');
  process.exit(2);
}
void main();
