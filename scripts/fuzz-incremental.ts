// `npm run fuzz:incremental -- --seed N --steps N`: the long run of the random-edit consistency harness
// (test/harness/incremental-consistency.ts). Prints progress, the edits made by kind, and every difference between
// the incremental results and a fresh lint; exits 1 when there is any.
import { initParsers } from '../server/src/parsers/index';
import { runConsistency } from '../test/harness/incremental-consistency';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const inline = process.argv.find((a) => a.startsWith(`--${name}=`));
  const raw = inline ? inline.split('=')[1] : i >= 0 ? process.argv[i + 1] : undefined;
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} takes a whole number, got ${raw}`);
  return value;
}

async function main(): Promise<number> {
  const seed = flag('seed', Date.now() % 1_000_000);
  const steps = flag('steps', 20_000);
  await initParsers();
  const started = performance.now();
  console.log(`fuzz:incremental seed ${seed}, ${steps} steps (CloudFormation YAML, JSON, a 3-file Terraform module)`);
  const run = runConsistency({
    seed,
    steps,
    maxDifferences: 20,
    onProgress: (step, differences) => {
      if (step % 1000 === 0) console.log(`  ${step} steps, ${differences} differences, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    },
  });
  console.log(`${run.steps} steps in ${((performance.now() - started) / 1000).toFixed(0)} s; edits: ${JSON.stringify(run.edits)}`);
  console.log(`${run.differences.length} differences`);
  for (const d of run.differences) {
    console.log(
      `step ${d.step} (${d.edit}) ${d.subject}/${d.file}:\n  incremental ${d.incremental.slice(0, 2000)}\n  fresh       ${d.fresh.slice(0, 2000)}`,
    );
  }
  return run.differences.length === 0 ? 0 : 1;
}

void main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(err);
    process.exitCode = 2;
  },
);
