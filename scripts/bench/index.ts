// `npm run bench`: keystroke latency, workspace scan throughput, memory, and the parse floor they are set against,
// measured in one run on this machine and printed as one table (or JSON with --json).
//
// Usage: npm run bench [-- --json] [--soak-seconds 600] [--runs 3] [--copies 10] [--edits 100]
// Not part of `npm test`: figures depend on the machine and its load, so they are evidence, never assertions.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { walkFiles } from '../../server/src/scan/walk';
import { minMedian, runActivationBench, type ActivationResult } from './activation';
import { runLatencyBench, type LatencyResult } from './latency';
import { measureServerMemory, type MemoryResult } from './memory';
import { interleavedScans, medianScan, replicate, ROOT, type ScanRun } from './scan';
import { measureBreakdown } from './scan-breakdown';
import { measureParseFloor, type FloorResult } from './scan-floor';

const args = process.argv.slice(2);
const numberArg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const JSON_OUTPUT = args.includes('--json');
const SOAK_SECONDS = numberArg('--soak-seconds', 600);
const RUNS = numberArg('--runs', 3);
const COPIES = numberArg('--copies', 10);
const LATENCY_EDITS = numberArg('--edits', 100);
/** `--only latency,activation,scan,memory`: the sections to run (default all); `scan` includes the floor and the stages. */
const ONLY = args.includes('--only') ? new Set((args[args.indexOf('--only') + 1] ?? '').split(',')) : undefined;
const runs = (section: 'latency' | 'activation' | 'scan' | 'memory') => !ONLY || ONLY.has(section);
const WORKSPACE_FILES = 2000;
const CORPUS = resolve(ROOT, '../shared/corpus/realworld');
/** The Terraform-only part of the corpus: its terraform-aws-modules folders. */
const TERRAFORM_PART = readdirSync(CORPUS)
  .filter((name) => name.startsWith('terraform-aws-'))
  .sort()
  .map((name) => join(CORPUS, name));

/** Progress goes to stderr so that --json output stays clean. */
const log = (line: string) => void process.stderr.write(`[bench] ${line}\n`);

interface TableRow {
  section: string;
  measure: string;
  input: string;
  value: string;
  /** Time figures divided by the floor they belong to (lower is faster); shares for the floor's own parts. */
  vsFloor: string;
  target: string;
  met: string;
}

const mb = (bytes: number) => bytes / (1024 * 1024);
const fixed = (n: number, digits = 0) => n.toFixed(digits);
const ratio = (ms: number, floorMs: number) => `${(ms / floorMs).toFixed(2)}×`;
const verdict = (ok: boolean) => (ok ? 'yes' : 'NO');

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? 'unknown',
    cores: availableParallelism(),
    ramGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  };
}

function scanRow(
  measure: string,
  input: string,
  run: ScanRun & { minWallMs?: number },
  bytes: number,
  floorMs: number,
  target = '',
  met = '',
): TableRow {
  const seconds = run.wallMs / 1000;
  const fastest = run.minWallMs !== undefined ? ` (fastest ${fixed(run.minWallMs)} ms)` : '';
  return {
    section: 'scan',
    measure,
    input,
    value: `${fixed(run.wallMs)} ms${fastest}; ${fixed(run.filesScanned / seconds)} files/s, ${fixed(mb(bytes) / seconds, 2)} MB/s; peak RSS ${fixed(run.peakRssMb)} MB; CPU ${fixed(run.cpuMs)} ms`,
    vsFloor: ratio(run.wallMs, floorMs),
    target,
    met,
  };
}

/** The floor of one cold pass, measured in a child process (scripts/bench/floor-cold.ts) started like this one. */
function coldParseFloor(root: string): FloorResult {
  const out = execFileSync(process.execPath, [...process.execArgv, resolve(ROOT, 'scripts', 'bench', 'floor-cold.ts'), root], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out) as FloorResult;
}

function floorRows(label: string, floor: FloorResult): TableRow[] {
  const input = `${floor.files} files, ${fixed(mb(floor.bytes), 1)} MB`;
  const rows: TableRow[] = [
    {
      section: 'floor',
      measure: `parse floor ${label} (yaml + tree-sitter + JSON, 1 thread)`,
      input,
      value: `${fixed(floor.ms)} ms; ${fixed(mb(floor.bytes) / (floor.ms / 1000), 2)} MB/s`,
      vsFloor: '1.00×',
      target: '',
      met: '',
    },
  ];
  for (const [name, part] of Object.entries(floor.byParser)) {
    if (part.files === 0) continue;
    rows.push({
      section: 'floor',
      measure: `  ${name} ${label}`,
      input: `${part.files} files, ${fixed(mb(part.bytes), 1)} MB`,
      value: `${fixed(part.ms)} ms; ${fixed(mb(part.bytes) / (part.ms / 1000), 2)} MB/s`,
      vsFloor: ratio(part.ms, floor.ms),
      target: '',
      met: '',
    });
  }
  rows.push({
    section: 'floor',
    measure: `  (not in the floor) our HCL parser + model ${label}`,
    input: `${floor.ours.files} files, ${fixed(mb(floor.ours.bytes), 1)} MB`,
    value: `${fixed(floor.ours.ms)} ms; ${fixed(mb(floor.ours.bytes) / (floor.ours.ms / 1000), 2)} MB/s`,
    vsFloor: ratio(floor.ours.ms, floor.ms),
    target: '',
    met: '',
  });
  return rows;
}

/** Bytes of the candidate files under `roots`, as the scan would pick them. */
async function candidateBytes(roots: readonly string[]): Promise<number> {
  return (await walkFiles(roots)).reduce((n, path) => n + statSync(path).size, 0);
}

function printTable(rows: TableRow[]): void {
  const headers: TableRow = {
    section: 'section',
    measure: 'measure',
    input: 'input',
    value: 'value',
    vsFloor: 'vs floor',
    target: 'target',
    met: 'met',
  };
  const keys = Object.keys(headers) as (keyof TableRow)[];
  const widths = keys.map((k) => Math.max(...[headers, ...rows].map((r) => r[k].length)));
  const line = (r: TableRow) => `| ${keys.map((k, i) => r[k].padEnd(widths[i] as number)).join(' | ')} |`;
  console.log([line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
}

/** The floor, the stages, and the scans of the corpus, its Terraform part and its 10× copy, as table rows. */
async function scanSection(rows: TableRow[], host: ReturnType<typeof machine>) {
  log(`parse floor over ${CORPUS}`);
  const floor1 = await measureParseFloor([CORPUS]);
  rows.push(...floorRows('1×', floor1));
  const cold1 = coldParseFloor(CORPUS);
  rows.push({
    section: 'floor',
    measure: '  the same, one cold pass in a fresh process',
    input: `${cold1.files} files, ${fixed(mb(cold1.bytes), 1)} MB`,
    value: `${fixed(cold1.ms)} ms (yaml ${fixed(cold1.byParser.yaml.ms)}, tree-sitter ${fixed(cold1.byParser['tree-sitter'].ms)}, JSON ${fixed(cold1.byParser.json.ms)})`,
    vsFloor: ratio(cold1.ms, floor1.ms),
    target: '',
    met: '',
  });
  log('where a scan spends its time (1 thread, in-process)');
  const breakdown = await measureBreakdown([CORPUS]);
  // Parse and model times come from the same pass, so that their difference is our own cost and not load noise.
  const stages: [string, number][] = [
    ['read files', breakdown.readMs],
    ['Terraform parse (HCL, .tf.json)', breakdown.terraformParseMs],
    ['Terraform model on top of the parse', breakdown.terraformModelMs - breakdown.terraformParseMs],
    // YAML templates are read by the one-pass reader straight into the model (yaml only where it hands over), so a bare
    // yaml parse is no stage of the scan: CloudFormation's stage is our parse and model together.
    ['CloudFormation parse and model (one-pass YAML reader, yaml fallback, JSON)', breakdown.cloudformationModelMs],
    ['lint (all rules, modules joined)', breakdown.lintMs],
  ];
  const stagesTotal = stages.reduce((n, [, ms]) => n + ms, 0);
  for (const [name, ms] of stages)
    rows.push({
      section: 'stages',
      measure: `  ${name}`,
      input: '1× corpus, 1 thread',
      value: `${fixed(ms)} ms (${fixed((ms / stagesTotal) * 100)}% of ${fixed(stagesTotal)} ms)`,
      vsFloor: ratio(ms, floor1.ms),
      target: '',
      met: '',
    });

  log(`scan 1× and its Terraform part (${RUNS} runs each, interleaved, median)`);
  const [serial1, parallel1, terraform1] = (await interleavedScans(
    [{ roots: CORPUS, extraArgs: ['--jobs', '1'] }, { roots: CORPUS }, { roots: TERRAFORM_PART }],
    RUNS,
  )) as [ScanRun & { minWallMs: number }, ScanRun & { minWallMs: number }, ScanRun & { minWallMs: number }];
  const input1 = `${parallel1.filesScanned} files, ${fixed(mb(floor1.bytes), 1)} MB`;
  const scanRatio = parallel1.wallMs / floor1.ms;
  rows.push(scanRow('secure-iac scan --jobs 1', input1, serial1, floor1.bytes, floor1.ms));
  const parallelRow = scanRow(
    `secure-iac scan (default --jobs ${host.cores})`,
    input1,
    parallel1,
    floor1.bytes,
    floor1.ms,
    '≤ 0.63× the floor',
    `${verdict(scanRatio <= 0.63)} (${scanRatio.toFixed(2)}×)`,
  );
  parallelRow.value += `; ${(serial1.wallMs / parallel1.wallMs).toFixed(2)}× faster than --jobs 1`;
  rows.push(parallelRow);
  const terraformBytes = await candidateBytes(TERRAFORM_PART);
  const terraformRate = mb(terraformBytes) / (terraform1.wallMs / 1000);
  rows.push(
    scanRow(
      `  Terraform part only (terraform-aws-*, default --jobs)`,
      `${terraform1.filesScanned} files, ${fixed(mb(terraformBytes), 1)} MB`,
      terraform1,
      terraformBytes,
      floor1.byParser['tree-sitter'].ms,
      '≥ 20 MB/s',
      `${verdict(terraformRate >= 20)} (${terraformRate.toFixed(1)} MB/s)`,
    ),
  );
  const terraformRow = rows[rows.length - 1] as TableRow;
  terraformRow.vsFloor = `${terraformRow.vsFloor} (of tree-sitter's part)`;
  log(`scan 1×: --jobs 1 ${fixed(serial1.wallMs)} ms, default ${fixed(parallel1.wallMs)} ms, floor ${fixed(floor1.ms)} ms`);
  const hclPerThreadMs = floor1.ours.ms / host.cores;
  rows.push({
    section: 'scan',
    measure: '  projection: our HCL parse costing nothing',
    input: input1,
    value: `${fixed(parallel1.wallMs - hclPerThreadMs)} ms (our HCL parse ${fixed(floor1.ours.ms)} ms / ${host.cores} threads)`,
    vsFloor: ratio(parallel1.wallMs - hclPerThreadMs, floor1.ms),
    target: '',
    met: '',
  });
  // The stages measured above, warm and in one thread: the scan's time scaled by the share of the stages that are not
  // Terraform parse and model, i.e. what a Terraform path costing nothing at all would leave of this scan.
  const terraformShare = (breakdown.terraformParseMs + (breakdown.terraformModelMs - breakdown.terraformParseMs)) / stagesTotal;
  rows.push({
    section: 'scan',
    measure: '  projection: Terraform parse and model costing nothing',
    input: input1,
    value: `${fixed(parallel1.wallMs * (1 - terraformShare))} ms (scan × ${fixed((1 - terraformShare) * 100)}%: the stages other than Terraform parse and model)`,
    vsFloor: ratio(parallel1.wallMs * (1 - terraformShare), floor1.ms),
    target: '',
    met: '',
  });

  log(`scan ${COPIES}× (a ${COPIES}× copy of the corpus in a temporary folder)`);
  const copy = replicate(CORPUS, COPIES);
  let floor10: FloorResult;
  let parallel10: ScanRun;
  try {
    floor10 = await measureParseFloor([copy], 1, floor1.files);
    rows.push(...floorRows(`${COPIES}×`, floor10));
    parallel10 = await medianScan(copy, 1);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  const input10 = `${parallel10.filesScanned} files, ${fixed(mb(floor10.bytes), 1)} MB`;
  const growth = parallel10.wallMs / parallel1.wallMs;
  rows.push(
    scanRow(
      `secure-iac scan ${COPIES}× (default --jobs ${host.cores})`,
      input10,
      parallel10,
      floor10.bytes,
      floor10.ms,
      `peak RSS ≤ 300 MB; time ≤ ${(COPIES * 1.1).toFixed(0)}× the 1× run`,
      `${verdict(parallel10.peakRssMb <= 300)} RSS; ${verdict(growth <= COPIES * 1.1)} time (${growth.toFixed(1)}×)`,
    ),
  );
  return {
    floor: { oneX: floor1, copies: floor10 },
    breakdown,
    scan: { serial1, parallel1, terraform1, terraformBytes, parallel10, copies: COPIES },
  };
}

/** The language server's memory over a workspace scan and a soak of edits, as table rows. */
async function memorySection(rows: TableRow[]) {
  log(`language server: ${WORKSPACE_FILES}-file workspace, then a ${SOAK_SECONDS} s soak of edits`);
  const memory: MemoryResult = await measureServerMemory({ source: CORPUS, files: WORKSPACE_FILES, soakSeconds: SOAK_SECONDS, log });
  rows.push({
    section: 'memory',
    measure: 'server RSS, idle',
    input: 'no workspace scanned',
    value: `${fixed(memory.idleRssMb)} MB`,
    vsFloor: '',
    target: '',
    met: '',
  });
  rows.push({
    section: 'memory',
    measure: 'server RSS, workspace scanned (peak during scan)',
    input: `${memory.scan.scanned} files`,
    value: `${fixed(memory.afterScanRssMb)} MB after (peak ${fixed(memory.scanPeakRssMb)} MB); scan ${fixed(memory.scan.durationMs)} ms`,
    vsFloor: '',
    target: '< 300 MB',
    met: verdict(memory.scanPeakRssMb < 300),
  });
  rows.push({
    section: 'memory',
    measure: 'server RSS growth over the soak, after warm-up',
    input: `${memory.soak.edits} edits in ${SOAK_SECONDS} s, 10 open files`,
    value: `${fixed(memory.soak.baselineMb)} MB → ${memory.soak.growthPercent >= 0 ? '+' : ''}${fixed(memory.soak.growthPercent, 1)}% (peak ${fixed(memory.soak.peakRssMb)} MB)`,
    vsFloor: '',
    target: '≤ +20%',
    met: verdict(memory.soak.growthPercent <= 20),
  });
  return memory;
}

async function main(): Promise<void> {
  const host = machine();
  log(`${host.cpu}, ${host.cores} cores, ${host.ramGb} GB, node ${host.node}, load ${host.loadAverage.join(' ')}`);
  const rows: TableRow[] = [];

  // didChange → publishDiagnostics through the protocol, each input set against its bare parser (scripts/bench/latency.ts).
  const latency: LatencyResult[] = runs('latency') ? (log('keystroke latency'), await runLatencyBench({ edits: LATENCY_EDITS, log })) : [];
  for (const r of latency) {
    rows.push({
      section: 'latency',
      measure: r.name,
      input: `${r.lines} lines, ${fixed(r.bytes / 1024)} KB`,
      value: `median ${fixed(r.medianMs, 1)} ms, p95 ${fixed(r.p95Ms, 1)} ms`,
      vsFloor: `${ratio(r.medianMs, r.floorMs)} (floor ${fixed(r.floorMs, 1)} ms)`,
      target: `p95 ≤ ${r.targetP95Ms} ms`,
      met: verdict(r.p95Ms <= r.targetP95Ms),
    });
  }

  // spawn → initialize → didOpen of a 3,000-line template → first publishDiagnostics (scripts/bench/activation.ts).
  let activation: ActivationResult | undefined;
  if (runs('activation')) {
    log('server start to first diagnostics');
    activation = await runActivationBench(5, log);
    rows.push({
      section: 'activation',
      measure: 'server start to first diagnostics (protocol)',
      input: `${activation.lines}-line CloudFormation template`,
      value: `min / median ${minMedian(activation.runs, 'totalMs')} (didOpen → publish ${minMedian(activation.runs, 'firstDiagnosticsMs')}; server CPU ${minMedian(activation.runs, 'serverCpuMs')})`,
      vsFloor: `node -e 0: ${fixed(activation.nodeStartMs)} ms`,
      target: '≤ 300 ms (editor)',
      met: verdict(Math.min(...activation.runs.map((r) => r.totalMs)) <= 300),
    });
  }

  const scan = runs('scan') ? await scanSection(rows, host) : undefined;
  const memory = runs('memory') ? await memorySection(rows) : undefined;

  if (JSON_OUTPUT) {
    console.log(
      JSON.stringify(
        {
          machine: host,
          rows,
          latency,
          activation,
          ...scan,
          memory,
        },
        null,
        2,
      ),
    );
    return;
  }
  printTable(rows);
  if (memory)
    console.log(
      `\nsoak samples (s, MB RSS; the first quarter is warm-up): ${memory.soak.samples.map((s) => `${fixed(s.seconds)}:${fixed(s.rssMb, 1)}`).join(' ')}`,
    );
  console.log(
    `machine: ${host.cpu}, ${host.cores} cores, ${host.ramGb} GB RAM, node ${host.node}, load average at start ${host.loadAverage.join(' ')}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
