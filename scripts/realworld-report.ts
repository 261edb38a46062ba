// What resolution buys on real templates: per rule, findings of a checker without resolution ("naive") against ours.
//
// Naive: every value that is a reference or expression (Ref / var.x / local.x, !If, FindInMap, Sub, Join, a
// cross-resource join) is judged not compliant, as tools that only accept literally compliant values do. It is the
// engine with resolution switched off (EngineConfig `naive`), counting each finding and each "cannot verify" note.
// Resolved: the normal engine (what `secure-iac scan` reports).
//
// Usage: npm run realworld [-- <dir>]   (default: the shared realworld corpus)
import { join, relative } from 'node:path';
import { lineStarts, positionAt } from '../server/src/engine/positions';
import type { EngineConfig, Finding } from '../server/src/engine/types';
import { initParsers } from '../server/src/parsers/index';
import { scanFiles, type FileResult } from '../server/src/scan/scan-files';
import { walkFiles } from '../server/src/scan/walk';

const root = process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'corpus', 'realworld');
const listRule = process.argv.includes('--list') ? process.argv[process.argv.indexOf('--list') + 1] : undefined;

/** Visible findings per rule (suppressed ones are the user's decision, not the checker's). */
function countByRule(files: readonly FileResult[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of files) {
    for (const f of file.findings) if (!f.suppressed) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  }
  return counts;
}

/** `path:line  message` for one rule's findings, to sample by hand. */
function listing(files: readonly FileResult[], ruleId: string): string[] {
  return files.flatMap((file) => {
    const starts = lineStarts(file.text);
    return file.findings
      .filter((f: Finding) => f.ruleId === ruleId && !f.suppressed)
      .map((f) => `${relative(root, file.path)}:${positionAt(starts, f.range.start).line + 1}  ${f.message}`);
  });
}

async function main(): Promise<void> {
  await initParsers();
  const paths = await walkFiles([root]);
  const scan = (config: EngineConfig) => scanFiles(paths, { config });
  const resolved = await scan({});
  const naive = await scan({ naive: true, unresolved: 'info' });
  if (listRule) {
    for (const line of listing(resolved.files, listRule)) console.log(line);
    return;
  }
  const before = countByRule(naive.files);
  const after = countByRule(resolved.files);
  const rules = [...new Set([...before.keys(), ...after.keys()])].sort();
  console.log(`${resolved.files.length} templates / Terraform files under ${relative(process.cwd(), root) || '.'}\n`);
  console.log(`${'rule'.padEnd(28)} ${'naive'.padStart(6)} ${'resolved'.padStart(9)} ${'drop'.padStart(6)}`);
  let totalBefore = 0;
  let totalAfter = 0;
  for (const rule of rules) {
    const b = before.get(rule) ?? 0;
    const a = after.get(rule) ?? 0;
    totalBefore += b;
    totalAfter += a;
    console.log(`${rule.padEnd(28)} ${String(b).padStart(6)} ${String(a).padStart(9)} ${String(b - a).padStart(6)}`);
  }
  const pct = totalBefore === 0 ? 0 : (100 * (totalBefore - totalAfter)) / totalBefore;
  console.log(
    `${'TOTAL'.padEnd(28)} ${String(totalBefore).padStart(6)} ${String(totalAfter).padStart(9)} ${String(totalBefore - totalAfter).padStart(6)}  (${pct.toFixed(1)}% fewer)`,
  );
}

void main();
