// Terraform parse throughput, model included: the product's HCL parser against the tree-sitter oracle (WASM parse +
// model), same files, same run. Also the time to re-parse a 60 KB file with its model (what a keystroke costs).
// Usage: npx tsx scripts/bench/hcl-throughput.ts [root=/work/shared/corpus/realworld] [passes=5]
// tsx runs each file through its own transform, where `const enum` token types stay property reads; the bundles inline
// them. For figures that match the product, bundle it first:
//   npx esbuild scripts/bench/hcl-throughput.ts --bundle --platform=node --external:web-tree-sitter --external:jsonc-parser --outfile=/tmp/b.js
//   NODE_PATH=node_modules node /tmp/b.js
import { readFileSync } from 'node:fs';
import { parseTerraformHcl } from '../../server/src/parsers/terraform-hcl';
import { walkFiles } from '../../server/src/scan/walk';
import { initTerraformParser, parseTerraformHclTreeSitter } from '../../test/oracle/tree-sitter-terraform';
import { tfFile } from './generate';

async function main(): Promise<void> {
  const root = process.argv[2] ?? '/work/shared/corpus/realworld';
  const passes = Number(process.argv[3] ?? 5);
  await initTerraformParser();
  const texts = (await walkFiles([root])).filter((f) => f.endsWith('.tf')).map((f) => readFileSync(f, 'utf8'));
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  const parsers = { 'hcl (ours)': parseTerraformHcl, 'tree-sitter + model': parseTerraformHclTreeSitter };
  const best: Record<string, number[]> = {};
  for (let pass = 0; pass <= passes; pass++) {
    for (const [name, parse] of Object.entries(parsers)) {
      const started = performance.now();
      for (const text of texts) parse('main.tf', text);
      const ms = performance.now() - started;
      if (pass > 0) (best[name] ??= []).push(mb / (ms / 1000)); // pass 0 warms the JIT
    }
  }
  console.log(`${texts.length} .tf files, ${mb.toFixed(2)} MB, ${passes} passes after a warm-up (MB/s: min / median / max)`);
  for (const [name, rates] of Object.entries(best)) {
    const s = [...rates].sort((a, b) => a - b);
    console.log(`  ${name.padEnd(22)} ${s[0]?.toFixed(1)} / ${s[Math.floor(s.length / 2)]?.toFixed(1)} / ${s[s.length - 1]?.toFixed(1)}`);
  }
  const big = tfFile(60 * 1024);
  for (const [name, parse] of Object.entries(parsers)) {
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      parse('main.tf', big);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]?.toFixed(2);
    console.log(`  60 KB file (${big.length} chars) full parse + model, ${name}: median ${at(0.5)} ms, p95 ${at(0.95)} ms`);
  }
}

void main();
