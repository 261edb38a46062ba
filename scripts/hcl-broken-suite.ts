// Runs the broken-input suite (test/oracle/broken-input.ts) over real .tf files with the HCL parser and the
// tree-sitter oracle, and prints per kind of damage: cases, intact findings equal, an error on the break line,
// exactly one error. Usage: npx tsx scripts/hcl-broken-suite.ts [files=40] [perKind=4] [cuts=20] [--all-cuts <file>]
import { readFileSync } from 'node:fs';
import { walkFiles } from '../server/src/scan/walk';
import { casesFor, judge, PARSERS, type BrokenCase, type DamageKind } from '../test/oracle/broken-input';
import { initTerraformParser } from '../test/oracle/tree-sitter-terraform';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const allCuts = args.indexOf('--all-cuts');
  const [files = 40, perKind = 4, cuts = 20] = args.filter((a, i) => !a.startsWith('--') && i !== allCuts + 1).map(Number);
  await initTerraformParser();
  let cases: BrokenCase[] = [];
  if (allCuts >= 0) {
    const file = args[allCuts + 1] as string;
    cases = casesFor(file, readFileSync(file, 'utf8'), { cuts: 'all', perKind: 0 });
  } else {
    const all = (await walkFiles(['/work/shared/corpus/realworld'])).filter((f) => f.endsWith('.tf')).sort();
    const texts = all
      .map((f) => ({ f, t: readFileSync(f, 'utf8') }))
      .filter(({ t }) => t.length > 1500 && t.length < 40_000 && /^resource /m.test(t));
    // Heredocs are rare; the files that have them are all taken for the heredoc cases.
    for (const { f, t } of texts.filter(({ t }) => /<<-?[A-Za-z_]\w*\s*$/m.test(t)))
      cases.push(...casesFor(f, t, { cuts: 0, perKind: 0, only: 'unclosed heredoc', heredocs: perKind }));
    const step = Math.max(1, Math.floor(texts.length / files));
    for (let i = 0; i < texts.length && cases.length < 1e6; i += step) {
      const { f, t } = texts[i] as { f: string; t: string };
      cases.push(...casesFor(f, t, { cuts, perKind }));
      if (i / step + 1 >= files) break;
    }
  }
  type Row = { cases: number; hcl: number[]; ts: number[] };
  const rows = new Map<DamageKind, Row>();
  const misses: string[] = [];
  for (const c of cases) {
    const row = rows.get(c.kind) ?? { cases: 0, hcl: [0, 0, 0], ts: [0, 0, 0] };
    rows.set(c.kind, row);
    row.cases++;
    for (const [name, parse] of Object.entries(PARSERS)) {
      const o = judge(c, parse);
      const into = name === 'hcl' ? row.hcl : row.ts;
      [o.intactEqual, o.errorOnBreakLine, o.oneError].forEach((ok, i) => (into[i] = (into[i] ?? 0) + (ok ? 1 : 0)));
      if (name === 'hcl' && (!o.intactEqual || !o.errorOnBreakLine) && misses.length < 30)
        misses.push(`${c.kind} ${c.file} line ${c.breakLine + 1}: intact ${o.intactEqual} error-on-line ${o.errorOnBreakLine}`);
    }
  }
  const pct = (n: number, d: number) => `${n}/${d} (${((100 * n) / Math.max(d, 1)).toFixed(1)}%)`;
  console.log(
    'kind | cases | intact findings equal: hcl / tree-sitter | error on the break line: hcl / tree-sitter | exactly one error: hcl / tree-sitter',
  );
  const total: Row = { cases: 0, hcl: [0, 0, 0], ts: [0, 0, 0] };
  for (const [kind, r] of rows) {
    console.log(
      `${kind} | ${r.cases} | ${pct(r.hcl[0] as number, r.cases)} / ${pct(r.ts[0] as number, r.cases)} | ${pct(r.hcl[1] as number, r.cases)} / ${pct(r.ts[1] as number, r.cases)} | ${pct(r.hcl[2] as number, r.cases)} / ${pct(r.ts[2] as number, r.cases)}`,
    );
    total.cases += r.cases;
    for (let i = 0; i < 3; i++) {
      (total.hcl[i] as number) += r.hcl[i] as number;
      (total.ts[i] as number) += r.ts[i] as number;
    }
  }
  console.log(
    `all | ${total.cases} | ${pct(total.hcl[0] as number, total.cases)} / ${pct(total.ts[0] as number, total.cases)} | ${pct(total.hcl[1] as number, total.cases)} / ${pct(total.ts[1] as number, total.cases)} | ${pct(total.hcl[2] as number, total.cases)} / ${pct(total.ts[2] as number, total.cases)}`,
  );
  if (misses.length) console.log(`\nfirst misses of the HCL parser:\n${misses.join('\n')}`);
}

void main();
