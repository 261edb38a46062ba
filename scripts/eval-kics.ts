// Scores the engine on the labelled KICS corpus: per-rule precision and recall, with every miss and false positive listed.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AnyRule } from '../rules/define-rule';
import { allRules } from '../rules/index';
import { lintText } from '../server/src/engine/lint/lint';
import { lineStarts, positionAt } from '../server/src/engine/positions';
import { initParsers } from '../server/src/parsers/index';
import { KICS_CORPUS, kicsLintName, readKicsManifest } from './kics-manifest';

/**
 * Rules that merge several KICS queries: KICS's lines locate one finding each but are not exhaustive, so an extra
 * finding of ours in a positive file is not a false positive (see the corpus LICENSE-NOTE "Reading the manifest").
 */
const NON_EXHAUSTIVE = new Set(['elasticache-encryption', 'opensearch-encryption', 's3-public-access-block', 's3-public-acl']);

/**
 * Cases whose KICS label is wrong, or outside the catalogue's definition of the rule: scored neither way, and
 * printed with their reason so the list stays reviewable. The rule stays as the catalogue defines it.
 */
const EXCLUDED: ReadonlyMap<string, string> = new Map([
  [
    'rds-encryption/cloudformation/rds_storage_not_encrypted/positive2.yaml',
    "read replica (SourceDBInstanceIdentifier) with KmsKeyId: a replica inherits its source's encryption (AWS RDS docs), KICS only looks for StorageEncrypted",
  ],
  [
    'rds-encryption/cloudformation/rds_storage_not_encrypted/positive4.json',
    'same read replica as positive2.yaml, in JSON: encryption is inherited from the source instance',
  ],
  [
    's3-secure-transport/cloudformation/s3_bucket_without_ssl_in_write_actions/negative4.json',
    'KICS JSON translation writes {"Ref": "S3Bucket3"} as the literal "S3Bucket3"; S3Bucket3 has no BucketName, so as written the policy protects another bucket',
  ],
  [
    'vpc-flow-logs/cloudformation/vpc_flowlogs_disabled/negative2.json',
    'KICS JSON translation writes {"Ref": "MyVPC"} as the literal "MyVPC"; as written the flow log watches a VPC whose id is "MyVPC", not this one',
  ],
  [
    'db-log-exports/cloudformation/docdb_logging_disabled/positive4.json',
    'the DocumentDB cluster exports audit, which is what the catalogue asks of DocumentDB (db-log-exports row); KICS also wants profiler (as in terraform positive4.tf, which the manifest skips for the same reason)',
  ],
  [
    'sg-open-rdp/terraform/remote_desktop_port_open_to_internet/negative.tf',
    'KICS labels 0.1.0.0/0 "private", but a /0 prefix matches every address (the provider rejects the non-canonical spelling; it never narrows access)',
  ],
]);

const verbose = process.argv.includes('--verbose');
const asJson = process.argv.includes('--json');

/** Registered rules plus any listed in SECURE_IAC_EXTRA_RULES (comma-separated rule files), to score a rule before it is registered. */
async function rulesUnderTest(): Promise<AnyRule[]> {
  const extra = (process.env['SECURE_IAC_EXTRA_RULES'] ?? '').split(',').filter(Boolean);
  const loaded = await Promise.all(extra.map(async (file) => ((await import(resolve(file))) as { default: AnyRule }).default));
  return [...allRules, ...loaded.filter((r) => !allRules.some((a) => a.id === r.id))];
}

async function main(): Promise<void> {
  await initParsers();
  const manifest = readKicsManifest();
  const cases = manifest.filter((c) => !c.skip);
  const skipped = manifest.filter((c) => c.skip);
  const rules = await rulesUnderTest();
  const implemented = new Set(rules.map((r) => r.id));
  const stats = new Map<string, { tp: number; fp: number; found: number; expected: number; notes: string[] }>();
  const excluded: string[] = [];
  for (const c of cases) {
    if (!implemented.has(c.rule)) continue;
    const reason = EXCLUDED.get(c.file);
    if (reason !== undefined) {
      excluded.push(`${c.file}: ${reason}`);
      continue;
    }
    const s = stats.get(c.rule) ?? { tp: 0, fp: 0, found: 0, expected: 0, notes: [] };
    stats.set(c.rule, s);
    const text = readFileSync(join(KICS_CORPUS, c.file), 'utf8');
    // Each case is linted alone, as if it sat in a directory of its own, so cases do not satisfy each other.
    const result = lintText(kicsLintName(c), text, { rules, config: { only: [c.rule] } });
    const starts = lineStarts(text);
    const line = (offset: number) => positionAt(starts, offset).line + 1;
    const findings = result.findings.filter((f) => f.ruleId === c.rule && !f.suppressed);
    // KICS's line is the resource, a property or (for a value from a parameter) the parameter's default: a finding
    // matches when the line is its own, inside its resource, or one of its related locations in this file.
    const within = (r: { start: number; end: number }, l: number) => line(r.start) <= l && l <= line(r.end);
    const covers = (f: (typeof findings)[number], l: number) =>
      line(f.range.start) === l ||
      (f.resource !== undefined && within(f.resource.range, l)) ||
      (f.related ?? []).some((r) => r.uri === f.uri && within(r.range, l));
    const reported =
      findings.length === 0 ? 'we reported nothing' : `we reported ${findings.map((f) => `line ${line(f.range.start)} (${f.messageId})`).join(', ')}`;
    if (c.expect === 'negative') {
      s.fp += findings.length;
      for (const f of findings) s.notes.push(`FP ${c.file}:${line(f.range.start)} ${f.message}`);
      continue;
    }
    s.expected += c.lines.length;
    for (const l of c.lines) {
      if (findings.some((f) => covers(f, l))) s.found++;
      else s.notes.push(`MISS ${c.file}:${l}: ${reported}${result.errors.length ? ` (parse errors: ${result.errors[0]?.message})` : ''}`);
    }
    for (const f of findings) {
      if (c.lines.some((l) => covers(f, l))) s.tp++;
      else if (NON_EXHAUSTIVE.has(c.rule)) s.tp++;
      else {
        s.fp++;
        s.notes.push(`FP ${c.file}:${line(f.range.start)}: expected line(s) ${c.lines.join(', ')}; ${f.message}`);
      }
    }
  }
  const pct = (a: number, b: number) => (b === 0 ? 100 : (100 * a) / b);
  const rows = [...stats.entries()].sort(([a], [b]) => a.localeCompare(b));
  const total = rows.reduce((t, [, s]) => ({ tp: t.tp + s.tp, fp: t.fp + s.fp, found: t.found + s.found, expected: t.expected + s.expected }), {
    tp: 0,
    fp: 0,
    found: 0,
    expected: 0,
  });
  if (asJson) {
    const out = Object.fromEntries(rows.map(([id, s]) => [id, { precision: pct(s.tp, s.tp + s.fp), recall: pct(s.found, s.expected), ...s }]));
    console.log(
      JSON.stringify({ rules: out, total: { precision: pct(total.tp, total.tp + total.fp), recall: pct(total.found, total.expected) } }, null, 2),
    );
    return;
  }
  const row = (id: string, r: { tp: number; fp: number; found: number; expected: number }) =>
    `${id.padEnd(28)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.expected - r.found).padStart(4)} ` +
    `${pct(r.tp, r.tp + r.fp)
      .toFixed(1)
      .padStart(9)}% ${pct(r.found, r.expected).toFixed(1).padStart(7)}%`;
  console.log(`${'rule'.padEnd(28)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} ${'precision'.padStart(10)} ${'recall'.padStart(8)}`);
  for (const [id, s] of rows) console.log(row(id, s));
  console.log(row('TOTAL', total));
  // Every remaining miss and false positive, with what we reported instead, so each can be explained.
  const notes = rows.flatMap(([id, s]) => s.notes.map((n) => `  [${id}] ${n}`));
  console.log(`\nmisses and false positives: ${notes.length}`);
  for (const n of notes) console.log(n);
  console.log(`\nexcluded: ${excluded.length} (label wrong or outside the catalogue's definition)`);
  for (const e of excluded) console.log(`  ${e}`);
  if (verbose) console.log(`\nskipped by the manifest: ${skipped.length}\n${skipped.map((c) => `  ${c.file}: ${c.skip}`).join('\n')}`);
  else console.log(`skipped by the manifest: ${skipped.length} (--verbose lists them)`);
  const missingRules = [...new Set(cases.map((c) => c.rule))].filter((r) => !implemented.has(r));
  if (missingRules.length > 0) console.log(`\nnot scored (rule not implemented yet): ${missingRules.join(', ')}`);
}

void main();
