// Latency evidence: didChange → publishDiagnostics through the protocol on 3,000-line files, next to bare parse times.
//
// Usage: npm run bench:latency [-- --edits 50 --lines 3000 --json]
// Spawns dist/server.js twice (the shipped debounce, then debounce 0 to show the work itself), opens a
// generated CloudFormation YAML template and Terraform file, makes N one-character edits in the middle of each and
// times each edit until the diagnostics of that version arrive. In the same process it times `yaml` and tree-sitter
// parsing the same text, our parse into the model, and a full in-process lint.
import { parseAllDocuments } from 'yaml';
import { lintDocument } from '../server/src/engine/lint';
import { DEFAULT_DEBOUNCE_MS } from '../server/src/handlers/lifecycle';
import { initParsers, parseDocument } from '../server/src/parsers/index';
import { terraformParser } from '../server/src/parsers/tf-grammar';
import { fileUri, TestClient } from '../test/protocol/lsp-client';

const args = process.argv.slice(2);
const numberArg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const EDITS = numberArg('--edits', 50);
const LINES = numberArg('--lines', 3000);

/** A CloudFormation YAML template of about `lines` lines: volumes, buckets, security groups, in rotation. */
export function cfnTemplate(lines: number): string {
  const out = ['AWSTemplateFormatVersion: "2010-09-09"', 'Description: Latency benchmark', 'Resources:'];
  for (let i = 0; out.length < lines; i++) {
    switch (i % 3) {
      case 0:
        out.push(`  Volume${i}:`, '    Type: AWS::EC2::Volume', '    Properties:', '      AvailabilityZone: eu-west-1a', `      Size: ${10 + (i % 90)}`, `      Encrypted: ${i % 2 === 0}`);
        break;
      case 1:
        out.push(`  Bucket${i}:`, '    Type: AWS::S3::Bucket', '    Properties:', `      BucketName: bench-bucket-${i}`, '      Tags:', '        - Key: Owner', '          Value: bench');
        break;
      default:
        out.push(
          `  Group${i}:`, '    Type: AWS::EC2::SecurityGroup', '    Properties:', `      GroupDescription: group ${i}`,
          '      SecurityGroupIngress:', '        - IpProtocol: tcp', '          FromPort: 22', '          ToPort: 22', `          CidrIp: 10.0.${i % 250}.0/24`,
        );
    }
  }
  return out.slice(0, lines).join('\n') + '\n';
}

/** A Terraform file of about `lines` lines with the same mix. */
export function tfModule(lines: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) {
    switch (i % 3) {
      case 0:
        out.push(`resource "aws_ebs_volume" "v${i}" {`, '  availability_zone = "eu-west-1a"', `  size              = ${10 + (i % 90)}`, `  encrypted         = ${i % 2 === 0}`, '}', '');
        break;
      case 1:
        out.push(`resource "aws_s3_bucket" "b${i}" {`, `  bucket = "bench-bucket-${i}"`, '  tags = {', '    Owner = "bench"', '  }', '}', '');
        break;
      default:
        out.push(
          `resource "aws_security_group" "g${i}" {`, `  name = "group-${i}"`, '  ingress {', '    from_port   = 22', '    to_port     = 22',
          '    protocol    = "tcp"', `    cidr_blocks = ["10.0.${i % 250}.0/24"]`, '  }', '}', '',
        );
    }
  }
  // Close at a block boundary so the file parses.
  while (out.length > lines && out[out.length - 1] !== '') out.pop();
  return out.join('\n') + '\n';
}

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? NaN;
}

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

function time(run: () => void, repeat = EDITS): { median: number; p95: number } {
  for (let i = 0; i < 5; i++) run(); // warm-up: JIT and caches
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

/** Opens `text`, then times `EDITS` one-character edits, each waited for until its diagnostics arrive. */
async function protocolLatency(debounceMs: number, name: string, text: string): Promise<{ median: number; p95: number; findings: number }> {
  const client = await TestClient.start({ debounceMs });
  try {
    const uri = fileUri(`/bench/${name}`);
    await client.open(uri, text);
    const first = await client.diagnosticsFor(uri, 1);
    // Add, then remove, a trailing space on the middle line: every version stays valid with the same findings.
    const lines = text.split('\n');
    const line = Math.floor(lines.length / 2);
    const end = (lines[line] ?? '').length;
    const samples: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const at = { line, character: end };
      const change = i % 2 === 0 ? { range: { start: at, end: at }, text: ' ' } : { range: { start: at, end: { line, character: end + 1 } }, text: '' };
      const started = performance.now();
      const version = await client.change(uri, [change]);
      await client.diagnosticsFor(uri, version);
      samples.push(performance.now() - started);
    }
    return { ...stats(samples), findings: first.length };
  } finally {
    await client.stop();
  }
}

const fmt = (n: number) => `${n.toFixed(1).padStart(7)} ms`;

async function main(): Promise<void> {
  await initParsers();
  const files = [
    { name: 'template.yaml', text: cfnTemplate(LINES), bare: (t: string) => void parseAllDocuments(t), bareName: 'yaml parseAllDocuments' },
    { name: 'main.tf', text: tfModule(LINES), bare: (t: string) => terraformParser().parse(t)?.delete(), bareName: 'tree-sitter parse' },
  ];
  const report: Record<string, unknown> = { edits: EDITS, node: process.version };
  for (const file of files) {
    const lines = file.text.split('\n').length - 1;
    const bare = time(() => file.bare(file.text));
    const model = time(() => void parseDocument(file.name, file.text));
    const lint = time(() => {
      const doc = parseDocument(file.name, file.text);
      if (doc) lintDocument(doc);
    });
    const shipped = await protocolLatency(DEFAULT_DEBOUNCE_MS, file.name, file.text);
    const immediate = await protocolLatency(0, file.name, file.text);
    report[file.name] = { lines, bare, model, lint, shipped, immediate };
    if (!args.includes('--json')) {
      const row = (label: string, t: { median: number; p95: number }) => console.log(`  ${label.padEnd(56)}${fmt(t.median)} / ${fmt(t.p95)}`);
      console.log(`\n${file.name}: ${lines} lines, ${shipped.findings} findings, ${EDITS} edits (median / p95)`);
      row(`didChange → publishDiagnostics, ${DEFAULT_DEBOUNCE_MS} ms debounce (shipped)`, shipped);
      row('didChange → publishDiagnostics, debounce 0', immediate);
      row('in-process parse + lint (our engine)', lint);
      row('in-process parse into the model', model);
      row(file.bareName, bare);
    }
  }
  if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
