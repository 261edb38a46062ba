// Where worker threads start to pay: the bundled CLI on inputs of growing size, in one thread (`--jobs 1`) and with
// workers forced on (SECURE_IAC_MIN_PARALLEL_BYTES=0, default --jobs: the main thread lints beside jobs − 1 workers),
// interleaved, each a fresh process as a user's scan is. DEFAULT_MIN_PARALLEL_BYTES (server/src/scan/parallel.ts) is
// set from its output; docs/performance.md keeps the figures.
// Usage: npx tsx scripts/bench/break-even.ts [runs=5]
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { statSync } from 'node:fs';
import { walkFiles } from '../../server/src/scan/walk';
import { partitionByDirectory } from '../../server/src/scan/partition';
import { interleavedScans, ROOT } from './scan';

const CORPUS = resolve(ROOT, '../shared/corpus/realworld');
/**
 * Inputs of about 0.2 to 5.5 MB made of whole folders of the corpus, each more than one work unit (a terraform-aws-*
 * folder is one unit: its examples call the module by a relative path, so partition.ts keeps them together).
 */
const SETS: string[][] = [
  ['terraform-aws-alb', 'terraform-aws-ec2-instance'],
  ['terraform-aws-iam', 'terraform-aws-kms', 'terraform-aws-sns', 'terraform-aws-efs'],
  ['terraform-aws-rds', 'terraform-aws-rds-aurora', 'terraform-aws-s3-bucket', 'terraform-aws-elasticache', 'terraform-aws-alb'],
  ['terraform-aws-eks', 'terraform-aws-vpc'],
  ['aws-cloudformation-templates'],
  ['aws-cloudformation-templates', 'terraform-aws-eks', 'terraform-aws-vpc', 'terraform-aws-rds', 'terraform-aws-iam'],
  ['.'],
];

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  console.log(
    `load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${runs} runs each, interleaved (ms)`,
  );
  console.log('input | files | units | KB | --jobs 1 min / median (CPU) | workers min / median (CPU) | workers ÷ one thread (median)');
  for (const set of SETS) {
    const roots = set.map((name) => join(CORPUS, name));
    const files = await walkFiles(roots);
    const kb = files.reduce((n, f) => n + statSync(f).size, 0) / 1024;
    const units = partitionByDirectory(files).length;
    const [one, workers] = await interleavedScans(
      [
        { roots, extraArgs: ['--jobs', '1'] },
        { roots, env: { SECURE_IAC_MIN_PARALLEL_BYTES: '0' } },
      ],
      runs,
    );
    if (!one || !workers) throw new Error('no runs');
    console.log(
      `${set.join(' + ')} | ${files.length} | ${units} | ${kb.toFixed(0)} | ${one.minWallMs.toFixed(0)} / ${one.wallMs.toFixed(0)} (${one.cpuMs.toFixed(0)}) | ` +
        `${workers.minWallMs.toFixed(0)} / ${workers.wallMs.toFixed(0)} (${workers.cpuMs.toFixed(0)}) | ${(workers.wallMs / one.wallMs).toFixed(2)}`,
    );
  }
  console.log(
    `load average at end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

void main();
