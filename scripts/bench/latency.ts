// Keystroke latency: `didChange` → the `publishDiagnostics` of that version, through the protocol against the bundled
// server (dist/server.js), minus the debounce, next to the floor (the bare third-party parser over the same text).
//
// Usage: npm run bench:latency [-- --edits 100 --json --only yaml]
// The server runs with debounce 0, so each sample is the work after the debounce: reading the change, parsing,
// linting, converting to diagnostics and writing them out. Each input gets a fresh server; `edits` one-character
// edits are spread evenly through the file (a space typed at the end of a line, every version still valid) and each
// is waited for until the diagnostics of its version arrive.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { initParsers } from '../../server/src/parsers/index';
import { fileUri, TestClient } from '../../test/protocol/lsp-client';
import { cfnJson, cfnYaml, tfConditionals, tfFile, tfModule } from './generate';
import { bareParse, type ParserName } from './scan-floor';

/** One row of the latency table; `floorMs` is the median time of the bare parser on the same text. */
export interface LatencyResult {
  name: string;
  lines: number;
  bytes: number;
  medianMs: number;
  p95Ms: number;
  floorMs: number;
  /** The p95 target for this input, ms. */
  targetP95Ms: number;
  /** The server process's CPU time (user + system) per timed edit, ms: what a keystroke costs, less swayed by load. */
  serverCpuMs: number;
}

export interface LatencyOptions {
  /** Timed edits per input (default 100). */
  edits?: number;
  /** Only inputs whose name contains one of these words (case-insensitive). */
  only?: readonly string[];
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
}

interface Input {
  name: string;
  /** Every file written to the folder; the first is the one opened and edited. */
  files: { name: string; text: string }[];
  floor: ParserName;
  /** The p95 target for this input, ms. */
  targetP95Ms: number;
}

/** The inputs, generated deterministically (scripts/bench/generate.ts). */
function latencyInputs(): Input[] {
  const module = tfModule(50, 6_000);
  const [variables, ...parts] = module;
  const edited = parts[Math.floor(parts.length / 2)] as { name: string; text: string };
  return [
    { name: 'CloudFormation YAML 3,000 lines', files: [{ name: 'template.yaml', text: cfnYaml(3_000) }], floor: 'yaml', targetP95Ms: 25 },
    { name: 'CloudFormation YAML 10,000 lines', files: [{ name: 'template.yaml', text: cfnYaml(10_000) }], floor: 'yaml', targetP95Ms: 60 },
    { name: 'CloudFormation JSON 10,000 lines', files: [{ name: 'template.json', text: cfnJson(10_000) }], floor: 'json', targetP95Ms: 60 },
    { name: 'Terraform 60 KB file', files: [{ name: 'main.tf', text: tfFile(60 * 1024) }], floor: 'hcl', targetP95Ms: 10 },
    {
      name: 'Terraform module, 1 of 50 files',
      files: [edited, variables as { name: string; text: string }, ...parts.filter((p) => p !== edited)],
      floor: 'hcl',
      targetP95Ms: 10,
    },
    // Issue 11: conditions are expanded as rules read them, with no fixed cap; 30 independent ones stay cheap.
    {
      name: 'Terraform resource, 30 independent conditionals',
      files: [{ name: 'main.tf', text: tfConditionals(30) }],
      floor: 'hcl',
      targetP95Ms: 25,
    },
    // Issue 11: one edit in a child module reached by 20 callers.
    { name: 'Terraform child module, 20 callers', files: calledModule(20), floor: 'hcl', targetP95Ms: 50 },
    // Issue 11: one edit in a nested stack's child template deployed by 20 parent templates.
    { name: 'CloudFormation child template, 20 parents', files: nestedStack(20), floor: 'yaml', targetP95Ms: 50 },
  ];
}

/**
 * A child template (`stacks/child.yaml`, the generated resources of 600 lines, whose Environment parameter tags
 * them) deployed by `parents` templates, each passing its own values: a keystroke in the child re-lints it once per
 * parent (issue 11).
 */
export function nestedStack(parents: number): { name: string; text: string }[] {
  const files = [{ name: 'stacks/child.yaml', text: cfnYaml(600) }];
  for (let i = 1; i <= parents; i++) {
    const n = String(i).padStart(2, '0');
    files.push({
      name: `parents/p${n}.yaml`,
      text: `Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ../stacks/child.yaml\n      Parameters:\n        Environment: env-${n}\n        DbUser: ${i % 2 === 0 ? 'admin' : 'app'}\n`,
    });
  }
  return files;
}

/**
 * A child module (`modules/db`: inputs that decide encryption, deletion protection, log retention, plus the generated
 * resources of a 6 KB file) called by `callers` root modules, each passing its own arguments: a keystroke in the
 * child re-lints it once per caller (issue 11).
 */
export function calledModule(callers: number): { name: string; text: string }[] {
  const child = [
    'variable "storage_encrypted" {\n  type    = bool\n  default = false\n}\n',
    'variable "deletion_protection" {\n  type    = bool\n  default = false\n}\n',
    'variable "retention" {\n  type    = number\n  default = 7\n}\n',
    'variable "tags" {\n  type    = map(string)\n  default = {}\n}\n',
    'resource "aws_db_instance" "this" {\n  engine              = "mysql"\n  storage_encrypted   = var.storage_encrypted\n  deletion_protection = var.deletion_protection\n  tags                = var.tags\n}\n',
    'resource "aws_cloudwatch_log_group" "this" {\n  name              = "db"\n  retention_in_days = var.retention\n  tags              = var.tags\n}\n',
    tfFile(6_000),
  ].join('\n');
  const files = [{ name: 'modules/db/main.tf', text: child }];
  for (let i = 1; i <= callers; i++) {
    const n = String(i).padStart(2, '0');
    files.push({
      name: `callers/c${n}/main.tf`,
      text: `module "db" {\n  source              = "../../modules/db"\n  storage_encrypted   = ${i % 2 === 0}\n  deletion_protection = ${i % 3 === 0}\n  retention           = ${i % 4 === 0 ? 365 : 30}\n  tags                = { Team = "t${n}" }\n}\n`,
    });
  }
  return files;
}

/** user + system CPU time of a live process from /proc (Linux; 10 ms ticks), ms; NaN elsewhere. */
export function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? NaN;
}

const median = (samples: readonly number[]) =>
  percentile(
    [...samples].sort((a, b) => a - b),
    50,
  );

/** Median time of the bare parser over `text`, after a warm-up. */
function floorMs(kind: ParserName, text: string, runs = 30): number {
  const parse = () => bareParse(kind, text);
  for (let i = 0; i < 5; i++) parse();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    parse();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** The line numbers edited: `count` lines spread evenly through the file, skipping blank lines. */
export function editLines(text: string, count: number): number[] {
  const lines = text.split('\n');
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    let line = Math.floor(((i + 0.5) * lines.length) / count);
    while (line < lines.length - 1 && (lines[line] ?? '').trim() === '') line++;
    out.push(line);
  }
  return out;
}

/** Opens the input's first file in a fresh server (workspace = a temporary folder holding every file) and times edits. */
async function measure(input: Input, edits: number): Promise<{ samples: number[]; serverCpuMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'secure-iac-latency-'));
  const client = await TestClient.start({ debounceMs: 0, root: dir });
  try {
    for (const f of input.files) {
      mkdirSync(dirname(join(dir, f.name)), { recursive: true });
      writeFileSync(join(dir, f.name), f.text);
    }
    const main = input.files[0] as { name: string; text: string };
    const uri = fileUri(join(dir, main.name));
    await client.open(uri, main.text);
    await client.diagnosticsFor(uri, 1);
    const lines = main.text.split('\n').map((l) => l.length);
    // Typing a space at the end of a line shifts nothing before it; each line is edited once, so the text drifts.
    const type = async (line: number): Promise<number> => {
      const at = { line, character: lines[line] ?? 0 };
      lines[line] = (lines[line] ?? 0) + 1;
      const started = performance.now();
      const version = await client.change(uri, [{ range: { start: at, end: at }, text: ' ' }]);
      await client.diagnosticsFor(uri, version);
      return performance.now() - started;
    };
    for (const line of editLines(main.text, 10)) await type(line); // warm-up: JIT and caches
    const samples: number[] = [];
    const cpuBefore = cpuMsOf(client.process.pid);
    for (const line of editLines(main.text, edits)) samples.push(await type(line));
    return { samples, serverCpuMs: (cpuMsOf(client.process.pid) - cpuBefore) / edits };
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs every input (or those named in `only`) and returns one row each. */
export async function runLatencyBench(opts: LatencyOptions = {}): Promise<LatencyResult[]> {
  const edits = opts.edits ?? 100;
  await initParsers();
  const rows: LatencyResult[] = [];
  for (const input of latencyInputs()) {
    if (opts.only && opts.only.length > 0 && !opts.only.some((w) => input.name.toLowerCase().includes(w.toLowerCase()))) continue;
    opts.log?.(`latency: ${input.name}`);
    const main = (input.files[0] as { text: string }).text;
    const measured = await measure(input, edits);
    const samples = measured.samples.sort((a, b) => a - b);
    rows.push({
      name: input.name,
      lines: main.split('\n').length - (main.endsWith('\n') ? 1 : 0),
      bytes: Buffer.byteLength(main),
      medianMs: percentile(samples, 50),
      p95Ms: percentile(samples, 95),
      floorMs: floorMs(input.floor, main),
      targetP95Ms: input.targetP95Ms,
      serverCpuMs: measured.serverCpuMs,
    });
  }
  return rows;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const edits = Number(value('--edits') ?? 100);
  const only = value('--only')?.split(',');
  const rows = await runLatencyBench({
    edits: Number.isFinite(edits) && edits > 0 ? edits : 100,
    only,
    log: (l) => void process.stderr.write(`[latency] ${l}\n`),
  });
  if (args.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  const fmt = (n: number) => n.toFixed(1).padStart(7);
  console.log(
    `${'input'.padEnd(34)}${'lines'.padStart(7)}${'KB'.padStart(6)}${'median'.padStart(8)}${'p95'.padStart(8)}${'target'.padStart(8)}${'floor'.padStart(8)}${'ratio'.padStart(7)}${'cpu/key'.padStart(9)}`,
  );
  for (const r of rows) {
    const met = r.p95Ms <= r.targetP95Ms ? '  ok' : '  MISSED';
    console.log(
      `${r.name.padEnd(34)}${String(r.lines).padStart(7)}${(r.bytes / 1024).toFixed(0).padStart(6)}${fmt(r.medianMs)}${fmt(r.p95Ms)}${fmt(r.targetP95Ms)}${fmt(r.floorMs)}${(r.medianMs / r.floorMs).toFixed(1).padStart(6)}×${fmt(r.serverCpuMs).padStart(9)}${met}`,
    );
  }
  console.log(
    `(ms; didChange → publishDiagnostics with debounce 0, ${edits} edits per input; floor = median bare ${'yaml / jsonc-parser / HCL'} parse; ratio = median ÷ floor; cpu/key = server CPU per edit; node ${process.version})`,
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
