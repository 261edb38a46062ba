// `npm run fuzz`: the long mutation-fuzzing run (default 100,000 cases) over the shared corpus.
// Options: --cases N, --seed N, --budget-seconds N (stop early and report how many ran). Exit 1 on any failure.
import fc from 'fast-check';
import { applyCase, caseArb, checkCase, initParsersOnce, loadSeeds, type FuzzCase } from '../test/robustness/fuzz-harness';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) ? value : fallback;
}

async function main(): Promise<number> {
  const cases = option('cases', 100_000);
  const seed = option('seed', Date.now() % 2 ** 31);
  const budgetMs = option('budget-seconds', Infinity) * 1000;
  await initParsersOnce();
  const seeds = loadSeeds();
  if (seeds.length === 0) throw new Error('no corpus files found under ../shared/corpus');
  console.log(`fuzz: ${cases} cases over ${seeds.length} corpus files, seed ${seed}`);
  const started = Date.now();
  // Failures are grouped by their message's first line: one reproducer per distinct defect.
  const failures = new Map<string, { count: number; example: FuzzCase; name: string }>();
  let slowest = { ms: 0, name: '', example: undefined as FuzzCase | undefined };
  let ran = 0;
  const batch = 1000;
  for (let offset = 0; ran < cases && Date.now() - started < budgetMs; offset += batch) {
    // Each batch has its own derived seed, so a long run never holds 100,000 cases in memory.
    const sample = fc.sample(caseArb(seeds.length), { seed: seed + offset, numRuns: Math.min(batch, cases - ran) });
    for (const c of sample) {
      if (Date.now() - started >= budgetMs) break;
      const input = applyCase(seeds, c);
      ran++;
      try {
        const { ms } = checkCase(input);
        if (ms > slowest.ms) slowest = { ms, name: input.name, example: c };
      } catch (err) {
        const message = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
        const key = message.replace(/\d+/g, 'N');
        const prior = failures.get(key);
        if (prior) prior.count++;
        else failures.set(key, { count: 1, example: c, name: input.name });
      }
      if (ran % 10_000 === 0)
        console.log(
          `  ${ran} cases, ${[...failures.values()].reduce((n, f) => n + f.count, 0)} failures, ${((Date.now() - started) / 1000).toFixed(0)} s`,
        );
    }
  }
  const failed = [...failures.values()].reduce((n, f) => n + f.count, 0);
  console.log(`cases: ${ran}${ran < cases ? ` (stopped by the time budget, ${cases} asked)` : ''}`);
  console.log(`failures: ${failed}`);
  for (const [message, f] of failures) console.log(`  ${f.count}× ${message}\n     on ${f.name}: ${JSON.stringify(f.example)}`);
  console.log(`slowest case: ${slowest.ms.toFixed(1)} ms on ${slowest.name} ${JSON.stringify(slowest.example)}`);
  console.log(`seed: ${seed}; time: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(err);
    process.exitCode = 2;
  },
);
