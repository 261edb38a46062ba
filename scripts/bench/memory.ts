// Language-server memory: RSS with a large workspace scanned through the protocol, then a bounded soak of random
// edits to open documents, sampled over time to show whether memory keeps growing after warm-up.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { SCAN_WORKSPACE_METHOD, type ScanWorkspaceResult } from '../../server/src/protocol';
import { walkFiles } from '../../server/src/scan/walk';
import { fileUri, TestClient } from '../../test/protocol/lsp-client';
import { random } from '../../test/harness/random';

export interface MemorySample {
  seconds: number;
  rssMb: number;
}

export interface MemoryResult {
  workspaceFiles: number;
  scan: ScanWorkspaceResult;
  /** Before the scan, after it, and the process's peak up to the end of the scan. */
  idleRssMb: number;
  afterScanRssMb: number;
  scanPeakRssMb: number;
  soak: {
    seconds: number;
    edits: number;
    samples: MemorySample[];
    /** RSS when warm-up ended, and growth from there to the end (median of the last three samples), in percent. */
    baselineMb: number;
    growthPercent: number;
    peakRssMb: number;
  };
}

/** Memory figures of a live process, in MB (Linux). */
function processMemory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** A workspace of exactly `count` candidate files, copied round-robin from `source` (a second copy goes in copy01/, ...). */
async function buildWorkspace(source: string, count: number): Promise<string> {
  const files = await walkFiles([source]);
  const dir = mkdtempSync(join(tmpdir(), 'secure-iac-bench-workspace-'));
  for (let i = 0; i < count; i++) {
    const from = files[i % files.length] as string;
    const to = join(dir, `copy${String(Math.floor(i / files.length)).padStart(2, '0')}`, relative(source, from));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  return dir;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;

export interface MemoryOptions {
  source: string;
  files: number;
  soakSeconds: number;
  /** Samples taken over the soak; the first quarter is warm-up. */
  samples?: number;
  log?: (line: string) => void;
}

export async function measureServerMemory(options: MemoryOptions): Promise<MemoryResult> {
  const { source, files, soakSeconds, samples = 20, log = () => undefined } = options;
  const root = await buildWorkspace(source, files);
  const client = await TestClient.start({ root });
  try {
    const pid = client.process.pid as number;
    await client.ping();
    const idle = processMemory(pid);
    log(`server: idle ${idle.rssMb.toFixed(0)} MB; scanning ${files} files`);
    const scan = await client.request<ScanWorkspaceResult>(SCAN_WORKSPACE_METHOD, {});
    const afterScan = processMemory(pid);
    log(
      `server: scanned ${scan.scanned} files (${scan.findings} findings) in ${scan.durationMs.toFixed(0)} ms; RSS ${afterScan.rssMb.toFixed(0)} MB, peak ${afterScan.peakMb.toFixed(0)} MB`,
    );

    // Ten open documents that take comments (Terraform, YAML); each edit adds a comment line or removes the one it added,
    // so the texts stay the same size and any growth is the server's.
    const candidates = (await walkFiles([root])).filter((f) => /\.(tf|ya?ml)$/.test(f));
    const picked = Array.from({ length: Math.min(10, candidates.length) }, (_, i) => candidates[Math.floor((i * candidates.length) / 10)] as string);
    const docs = picked.map((path) => ({ uri: fileUri(path), text: readFileSync(path, 'utf8'), inserted: undefined as number | undefined }));
    for (const doc of docs) await client.open(doc.uri, doc.text);
    const next = random(7);
    const lineStart = (text: string, line: number) => {
      let offset = 0;
      for (let i = 0; i < line && offset >= 0; i++) offset = text.indexOf('\n', offset) + 1 || -1;
      return Math.max(0, offset);
    };
    const samplesTaken: MemorySample[] = [];
    const started = performance.now();
    const interval = (soakSeconds * 1000) / samples;
    let edits = 0;
    while (samplesTaken.length < samples) {
      const doc = docs[Math.floor(next() * docs.length)] as (typeof docs)[number];
      const lines = doc.text.split('\n').length;
      let line: number;
      let change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
      if (doc.inserted === undefined) {
        line = Math.floor(next() * lines);
        change = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `# soak edit ${edits}\n` };
        const at = lineStart(doc.text, line);
        doc.text = doc.text.slice(0, at) + change.text + doc.text.slice(at);
        doc.inserted = line;
      } else {
        line = doc.inserted;
        change = { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' };
        const at = lineStart(doc.text, line);
        doc.text = doc.text.slice(0, at) + doc.text.slice(lineStart(doc.text, line + 1));
        doc.inserted = undefined;
      }
      const version = await client.change(doc.uri, [change]);
      await client.diagnosticsFor(doc.uri, version);
      edits++;
      const elapsed = performance.now() - started;
      if (elapsed >= interval * (samplesTaken.length + 1)) {
        const sample = { seconds: elapsed / 1000, rssMb: processMemory(pid).rssMb };
        samplesTaken.push(sample);
        log(`soak: ${sample.seconds.toFixed(0)} s, ${edits} edits, RSS ${sample.rssMb.toFixed(1)} MB`);
      }
    }
    const warm = samplesTaken.slice(Math.ceil(samples / 4));
    const baselineMb = median(warm.slice(0, 3).map((s) => s.rssMb));
    const endMb = median(warm.slice(-3).map((s) => s.rssMb));
    const peak = processMemory(pid);
    return {
      workspaceFiles: files,
      scan,
      idleRssMb: idle.rssMb,
      afterScanRssMb: afterScan.rssMb,
      scanPeakRssMb: afterScan.peakMb,
      soak: { seconds: soakSeconds, edits, samples: samplesTaken, baselineMb, growthPercent: (endMb / baselineMb - 1) * 100, peakRssMb: peak.peakMb },
    };
  } finally {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
