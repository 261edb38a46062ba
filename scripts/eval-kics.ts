// Scores the engine on the labelled KICS corpus: per-rule precision and recall, with every miss and false positive listed.
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { AnyRule } from '../rules/define-rule';
import { allRules } from '../rules/index';
import { lintText } from '../server/src/engine/lint';
import { lineStarts, positionAt } from '../server/src/engine/positions';
import { initParsers } from '../server/src/parsers/index';

interface Case {
  rule: string;
  format: 'cloudformation' | 'terraform';
  file: string;
  expect: 'positive' | 'negative';
  lines: number[];
  skip?: string;
  note?: string;
}

/**
 * Rules that merge several KICS queries: KICS's lines locate one finding each but are not exhaustive, so an extra
 * finding of ours in a positive file is not a false positive (see the corpus LICENSE-NOTE "Reading the manifest").
 */
const NON_EXHAUSTIVE = new Set(['elasticache-encryption', 'opensearch-encryption', 's3-public-access-block', 's3-public-acl']);

const corpus = join(__dirname, '..', '..', 'shared', 'corpus', 'kics');
const verbose = process.argv.includes('--verbose');
const asJson = process.argv.includes('--json');

/** Terraform cases are linted alone, as if each sat in a directory of its own, so cases do not satisfy each other. */
function fileNameOf(c: Case): string {
  const name = basename(c.file);
  if (c.format === 'terraform' && name.endsWith('.json') && !name.endsWith('.tf.json')) return name.replace(/\.json$/, '.tf.json');
  return name;
}

/** Registered rules plus any listed in SECURE_IAC_EXTRA_RULES (comma-separated rule files), to score a rule before it is registered. */
async function rulesUnderTest(): Promise<AnyRule[]> {
  const extra = (process.env['SECURE_IAC_EXTRA_RULES'] ?? '').split(',').filter(Boolean);
  const loaded = await Promise.all(extra.map(async (file) => ((await import(resolve(file))) as { default: AnyRule }).default));
  return [...allRules, ...loaded.filter((r) => !allRules.some((a) => a.id === r.id))];
}

async function main(): Promise<void> {
  await initParsers();
  const cases = (JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as Case[]).filter((c) => !c.skip);
  const rules = await rulesUnderTest();
  const implemented = new Set(rules.map((r) => r.id));
  const stats = new Map<string, { tp: number; fp: number; found: number; expected: number; notes: string[] }>();
  for (const c of cases) {
    if (!implemented.has(c.rule)) continue;
    const s = stats.get(c.rule) ?? { tp: 0, fp: 0, found: 0, expected: 0, notes: [] };
    stats.set(c.rule, s);
    const text = readFileSync(join(corpus, c.file), 'utf8');
    const result = lintText(fileNameOf(c), text, { rules, config: { only: [c.rule] } });
    const starts = lineStarts(text);
    const line = (offset: number) => positionAt(starts, offset).line + 1;
    const findings = result.findings.filter((f) => f.ruleId === c.rule && !f.suppressed);
    const covers = (f: (typeof findings)[number], l: number) =>
      line(f.range.start) === l || (f.resource !== undefined && line(f.resource.range.start) <= l && l <= line(f.resource.range.end));
    if (c.expect === 'negative') {
      s.fp += findings.length;
      for (const f of findings) s.notes.push(`FP ${c.file}:${line(f.range.start)} ${f.message}`);
      continue;
    }
    s.expected += c.lines.length;
    for (const l of c.lines) {
      if (findings.some((f) => covers(f, l))) s.found++;
      else s.notes.push(`MISS ${c.file}:${l}${result.errors.length ? ` (parse errors: ${result.errors[0]?.message})` : ''}`);
    }
    for (const f of findings) {
      if (c.lines.some((l) => covers(f, l))) s.tp++;
      else if (NON_EXHAUSTIVE.has(c.rule)) s.tp++;
      else {
        s.fp++;
        s.notes.push(`FP ${c.file}:${line(f.range.start)} ${f.message}`);
      }
    }
  }
  const pct = (a: number, b: number) => (b === 0 ? 100 : (100 * a) / b);
  const rows = [...stats.entries()].sort(([a], [b]) => a.localeCompare(b));
  const total = rows.reduce((t, [, s]) => ({ tp: t.tp + s.tp, fp: t.fp + s.fp, found: t.found + s.found, expected: t.expected + s.expected }), { tp: 0, fp: 0, found: 0, expected: 0 });
  if (asJson) {
    const out = Object.fromEntries(rows.map(([id, s]) => [id, { precision: pct(s.tp, s.tp + s.fp), recall: pct(s.found, s.expected), ...s }]));
    console.log(JSON.stringify({ rules: out, total: { precision: pct(total.tp, total.tp + total.fp), recall: pct(total.found, total.expected) } }, null, 2));
    return;
  }
  console.log(`${'rule'.padEnd(28)} ${'precision'.padStart(9)} ${'recall'.padStart(8)}   tp  fp  found/expected`);
  for (const [id, s] of rows) {
    console.log(`${id.padEnd(28)} ${pct(s.tp, s.tp + s.fp).toFixed(1).padStart(8)}% ${pct(s.found, s.expected).toFixed(1).padStart(7)}%  ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)}  ${s.found}/${s.expected}`);
    if (verbose) for (const n of s.notes) console.log(`    ${n}`);
  }
  console.log(`${'TOTAL'.padEnd(28)} ${pct(total.tp, total.tp + total.fp).toFixed(1).padStart(8)}% ${pct(total.found, total.expected).toFixed(1).padStart(7)}%  ${String(total.tp).padStart(3)} ${String(total.fp).padStart(3)}  ${total.found}/${total.expected}`);
  const missingRules = [...new Set(cases.map((c) => c.rule))].filter((r) => !implemented.has(r));
  if (missingRules.length > 0) console.log(`\nnot scored (rule not implemented yet): ${missingRules.join(', ')}`);
}

void main();
