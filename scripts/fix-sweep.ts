// The fix safety sweep: applies every quick-fix the engine offers on the positive cases of the KICS corpus and on the
// real-world templates, and checks each result re-parses, silences its finding and makes no other rule fire.
// Run: `npm run fix-sweep` (all of both corpora) or `npm run fix-sweep -- --sample 60` (the seeded sample the tests use).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { applyEdits, editsCollide } from '../server/src/engine/positions';
import { lintText } from '../server/src/engine/lint/lint';
import type { Finding, LintResult } from '../server/src/engine/types';
import { initParsers, isCandidatePath } from '../server/src/parsers/index';
import { random } from '../test/harness/random';
import { KICS_CORPUS, kicsLintName, readKicsManifest } from './kics-manifest';

/** One file to sweep: where it comes from and the name it is linted under (which decides its syntax). */
export interface SweepFile {
  path: string;
  uri: string;
}

/** A fix (or a whole file's fix-all) that broke something. */
export interface SweepFailure {
  file: string;
  /** `ruleId @ address: fix title`, or `fix-all`. */
  fix: string;
  problem: string;
}

export interface SweepReport {
  files: number;
  /** Single fixes tried, each on the original text, plus one fix-all per file that has fixes. */
  checks: number;
  failures: SweepFailure[];
  /** Rules that began to apply because of a fix, as FOLLOW_ONS allows: counted and printed, not failures. */
  followOns: number;
}

const corpusRoot = join(__dirname, '..', '..', 'shared', 'corpus');

/** Every positive (not skipped) case of the KICS corpus, in manifest order. */
export function kicsFiles(): SweepFile[] {
  return readKicsManifest()
    .filter((c) => c.expect === 'positive' && !c.skip)
    .map((c) => ({ path: join(KICS_CORPUS, c.file), uri: kicsLintName(c) }));
}

/** Every template of the real-world corpus (`.template` files are CloudFormation YAML or JSON), sorted by path. */
export function realworldFiles(): SweepFile[] {
  const out: SweepFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      // The parsers tell a `.template` file's syntax by its content, as the scan does.
      else if (isCandidatePath(name)) out.push({ path, uri: name });
    }
  };
  const dir = join(corpusRoot, 'realworld');
  if (existsSync(dir)) walk(dir);
  return out;
}

/** A deterministic sample of `n` items (a seeded shuffle), so the test suite sweeps the same cases on every run. */
export function sample<T>(items: readonly T[], n: number, seed = 20261122): T[] {
  const next = random(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

/**
 * Rules a fix may make applicable on purpose, by fixed rule. Enabling versioning (s3-versioning) is what makes MFA
 * Delete (s3-mfa-delete) apply; only the bucket owner's root user can turn MFA Delete on, so no fix can silence it.
 * These are listed as follow-ons, not counted as failures.
 */
export const FOLLOW_ONS: Readonly<Record<string, readonly string[]>> = { 's3-versioning': ['s3-mfa-delete'] };

const visible = (r: LintResult): Finding[] => r.findings.filter((f) => !f.suppressed);
const addressOf = (f: Finding): string => f.resource?.address ?? '';

/** Findings counted by `address → ruleId → count`. */
function byResource(findings: readonly Finding[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const f of findings) {
    const rules = out.get(addressOf(f)) ?? new Map<string, number>();
    out.set(addressOf(f), rules);
    rules.set(f.ruleId, (rules.get(f.ruleId) ?? 0) + 1);
  }
  return out;
}

/**
 * What is wrong with `after`, the text once `fixed` (findings whose fixes went in) were applied to the text that gave
 * `before`: a new parse error, a rule failing, a fixed finding still there (its rule reports that resource as often
 * as before), or a rule that did not report a resource before reporting it now (resources the fix created included).
 */
export function problemsAfter(uri: string, before: LintResult, fixed: readonly Finding[], afterText: string, followOns: string[] = []): string[] {
  const after = lintText(uri, afterText);
  const problems: string[] = [];
  if (!after.document) return ['the fixed text is no longer a template'];
  if (after.errors.length > before.errors.length) problems.push(`new parse error: ${after.errors.map((e) => e.message).join('; ')}`);
  if (after.ruleFailures.length > before.ruleFailures.length) problems.push(`rule failure: ${after.ruleFailures.map((f) => f.ruleId).join(', ')}`);
  const was = byResource(visible(before));
  const now = byResource(visible(after));
  const checked = new Set<string>();
  for (const f of fixed) {
    const key = `${addressOf(f)}\n${f.ruleId}`;
    if (checked.has(key)) continue;
    checked.add(key);
    const count = was.get(addressOf(f))?.get(f.ruleId) ?? 0;
    const remaining = now.get(addressOf(f))?.get(f.ruleId) ?? 0;
    const fixedHere = fixed.filter((x) => addressOf(x) === addressOf(f) && x.ruleId === f.ruleId).length;
    if (remaining > count - fixedHere) problems.push(`${f.ruleId} still reports ${addressOf(f)} (${remaining} of ${count})`);
  }
  const touched = new Set(fixed.map(addressOf));
  const expected = new Set(fixed.flatMap((f) => FOLLOW_ONS[f.ruleId] ?? []));
  for (const [address, rules] of now) {
    const prior = was.get(address);
    // Resources the fix touched, and resources it created (not there before).
    if (!touched.has(address) && prior) continue;
    for (const ruleId of rules.keys()) {
      if (prior?.has(ruleId)) continue;
      if (expected.has(ruleId)) followOns.push(`${ruleId} now applies to ${address}`);
      else problems.push(`${ruleId} newly reports ${address}`);
    }
  }
  return problems;
}

/** Sweeps one file: every fix of every visible finding on the original text, then every first fix at once. */
export function sweepFile(file: SweepFile, label = file.path): { checks: number; failures: SweepFailure[]; followOns: number } {
  const text = readFileSync(file.path, 'utf8');
  const before = lintText(file.uri, text);
  const failures: SweepFailure[] = [];
  const followOns: string[] = [];
  let checks = 0;
  const fixable = visible(before).filter((f) => f.fixes.length > 0);
  for (const finding of fixable) {
    for (const fix of finding.fixes) {
      checks++;
      const name = `${finding.ruleId} @ ${addressOf(finding)}: ${fix.title}`;
      try {
        for (const problem of problemsAfter(file.uri, before, [finding], applyEdits(text, fix.edits), followOns))
          failures.push({ file: label, fix: name, problem });
      } catch (err) {
        failures.push({ file: label, fix: name, problem: `crash: ${err instanceof Error ? err.message : String(err)}` });
      }
    }
  }
  if (fixable.length > 1) {
    checks++;
    // Fix-all: the first fix of every finding, those that do not collide with one already taken (one round).
    const taken: { start: number; end: number; newText: string }[] = [];
    const applied: Finding[] = [];
    for (const finding of fixable) {
      const fix = finding.fixes[0]!;
      if (editsCollide(fix.edits, taken)) continue;
      taken.push(...fix.edits);
      applied.push(finding);
    }
    try {
      for (const problem of problemsAfter(file.uri, before, applied, applyEdits(text, taken), followOns))
        failures.push({ file: label, fix: 'fix-all', problem });
    } catch (err) {
      failures.push({ file: label, fix: 'fix-all', problem: `crash: ${err instanceof Error ? err.message : String(err)}` });
    }
  }
  return { checks, failures, followOns: followOns.length };
}

export function sweep(files: readonly SweepFile[]): SweepReport {
  const report: SweepReport = { files: files.length, checks: 0, failures: [], followOns: 0 };
  for (const file of files) {
    const { checks, failures, followOns } = sweepFile(file, relative(corpusRoot, file.path));
    report.checks += checks;
    report.followOns += followOns;
    report.failures.push(...failures);
  }
  return report;
}

async function main(): Promise<void> {
  await initParsers();
  const at = process.argv.indexOf('--sample');
  const size = at >= 0 ? Number(process.argv[at + 1]) : undefined;
  const all = [...kicsFiles(), ...realworldFiles()];
  const files = size === undefined ? all : sample(all, size);
  const report = sweep(files);
  const failedChecks = new Set(report.failures.map((f) => `${f.file}\n${f.fix}`)).size;
  const rate = report.checks === 0 ? 100 : (100 * (report.checks - failedChecks)) / report.checks;
  for (const f of report.failures) console.log(`FAIL ${f.file} | ${f.fix} | ${f.problem}`);
  console.log(`fix sweep: ${report.files} files, ${report.checks} fixes checked, ${failedChecks} failed, pass rate ${rate.toFixed(2)}%`);
  const followOnRules = Object.entries(FOLLOW_ONS)
    .map(([fixed, rules]) => `${rules.join('/')} after ${fixed}`)
    .join('; ');
  console.log(`follow-ons (not failures; a rule the fix makes applicable on purpose: ${followOnRules}): ${report.followOns}`);
  process.exitCode = failedChecks > 0 ? 1 : 0;
}

if (require.main === module) void main();
