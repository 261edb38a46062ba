// `secure-iac` command line: scan paths, print text/JSON/SARIF, exit 0/1/2. Same engine as the language server.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Severity } from '../../rules/api';
import { allRules } from '../../rules/index';
import { parseArgs, SEVERITIES, USAGE, UsageError, type ScanOptions } from './cli/args';
import { formatJson } from './cli/format-json';
import { formatSarif } from './cli/format-sarif';
import { formatText } from './cli/format-text';
import { applyBaseline, readBaseline, writeBaseline } from './cli/baseline';
import { removePendingWrites, writeFileAtomic } from './cli/atomic-write';
import { fixFiles, unifiedDiff } from './cli/fix';
import { buildReport, displayPath, type Report } from './cli/report';
import { escapeControl } from './cli/text-escape';
import { ruleDocsUrl } from './engine/docs-url';
import { initParsers } from './parsers/index';
import { scanSetup } from './cli/project-config';
import { effectiveSeverity } from './engine/lint/lint';
import { tuneForShortScan } from './scan/isolate-flags';
import { scanFilesParallel } from './scan/parallel';
import { walkFiles } from './scan/walk';

// For bin/secure-iac.js: the built CLI loads its vendor libraries through the code cache too.
export { saveVendorCaches } from './cli/vendor-require';

declare const SECURE_IAC_VERSION: string | undefined;
const VERSION = typeof SECURE_IAC_VERSION === 'string' ? SECURE_IAC_VERSION : '0.0.0-dev';

/** Where callers of a named file's module are looked for: the enclosing git repository, else the working folder. */
function repositoryRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}

function exitCode(report: Report, failOn: Severity | 'none'): number {
  // A file skipped for its size is a note: a large generated JSON (a lock file) must not fail every CI run.
  const errors = report.errors.filter((e) => !e.skipped);
  if (errors.some((e) => e.startLine === undefined)) return 2;
  if (failOn === 'none') return 0;
  const threshold = SEVERITIES.indexOf(failOn);
  const failing = report.findings.some((f) => SEVERITIES.indexOf(f.severity) <= threshold);
  return failing || errors.length > 0 ? 1 : 0;
}

/** Colour on a terminal only; `NO_COLOR` turns it off and `FORCE_COLOR` on (https://no-color.org). */
function useColor(toFile: boolean): boolean {
  if (toFile) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return process.stdout.isTTY === true && process.env.TERM !== 'dumb';
}

/** `--output` must name a new or regular file in an existing folder, and not one of the files being scanned. */
function checkOutput(output: string, scanned: readonly string[]): void {
  const target = resolve(output);
  const stat = statSync(target, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw new UsageError(`--output ${output} is a directory; name a file`);
  if (!statSync(dirname(target), { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`--output ${output}: the folder ${dirname(output)} does not exist`);
  if (scanned.some((f) => resolve(f) === target))
    throw new UsageError(`--output ${output} is one of the files being scanned; write the report elsewhere`);
}

async function scan(options: ScanOptions, write: (text: string) => void, warn: (text: string) => void): Promise<number> {
  tuneForShortScan();
  const setup = await scanSetup(options, process.cwd());
  if (setup.errors.length > 0) {
    warn(`secure-iac: invalid project config, nothing scanned:\n${setup.errors.join('\n')}\n`);
    return 2;
  }
  const readErrors: { path: string; message: string }[] = [];
  const files = await walkFiles(options.paths, {
    isExcluded: setup.isExcluded,
    includeCdkOut: setup.includeCdkOut,
    onError: (e) => readErrors.push(e),
    sync: true,
  });
  if (options.output) checkOutput(options.output, files);
  const config = setup.config;
  // Named files (a pre-commit hook's) are judged with their directory, callers and called modules as context.
  const named = options.paths.some((p) => statSync(p, { throwIfNoEntry: false })?.isFile());
  const moduleSearchRoot = named ? repositoryRoot(process.cwd()) : undefined;
  if (options.command === 'fix') return fix(options, files, { ...setup, moduleSearchRoot }, write, warn);
  const result = await scanFilesParallel(files, {
    config,
    parameterFiles: setup.parameterFiles,
    varFiles: setup.varFiles,
    maxFileSize: setup.maxFileSize,
    inputRoots: setup.inputRoots,
    ...(moduleSearchRoot !== undefined ? { moduleSearchRoot } : {}),
    ...(options.jobs ? { jobs: options.jobs } : {}),
  });
  result.readErrors.unshift(...readErrors);
  const cwd = process.cwd();
  const report = buildReport(result, cwd);
  if (options.writeBaseline || setup.baseline) await initParsers();
  if (options.writeBaseline) {
    const n = writeBaseline(report, cwd, options.writeBaseline);
    warn(`secure-iac: recorded ${n} finding${n === 1 ? '' : 's'} in ${options.writeBaseline}\n`);
    return 0;
  }
  if (setup.baseline) applyBaseline(report, cwd, readBaseline(cwd, setup.baseline));
  const rules = allRules.filter((r) => effectiveSeverity(r, config) !== undefined);
  const text =
    options.format === 'json'
      ? formatJson(report, options.showSuppressed)
      : options.format === 'sarif'
        ? formatSarif(report, rules, VERSION)
        : formatText(report, {
            showSuppressed: options.showSuppressed,
            color: useColor(options.output !== undefined),
            snippets: options.snippets,
            docsUrl: (id) => ruleDocsUrl(id),
          });
  if (options.output) {
    writeFileAtomic(options.output, text);
    warn(`secure-iac: wrote ${options.format} report to ${options.output} (${report.findings.length} findings)\n`);
  } else write(text);
  for (const e of report.errors)
    if (e.startLine === undefined && !e.skipped) warn(`secure-iac: cannot read ${escapeControl(e.file)}: ${escapeControl(e.message)}\n`);
  return exitCode(report, options.failOn);
}

async function fix(
  options: ScanOptions,
  files: readonly string[],
  setup: Awaited<ReturnType<typeof scanSetup>> & { moduleSearchRoot: string | undefined },
  write: (text: string) => void,
  warn: (text: string) => void,
): Promise<number> {
  await initParsers();
  const cwd = process.cwd();
  const outcome = await fixFiles(files, {
    config: setup.config,
    includeReview: options.includeReview,
    dryRun: options.dryRun,
    parameterFiles: setup.parameterFiles,
    varFiles: setup.varFiles,
    maxFileSize: setup.maxFileSize,
    inputRoots: setup.inputRoots,
    ...(setup.moduleSearchRoot !== undefined ? { moduleSearchRoot: setup.moduleSearchRoot } : {}),
  });
  const out: string[] = [];
  let applied = 0;
  for (const f of outcome.files) {
    const shown = escapeControl(displayPath(f.path, cwd));
    if (f.refused) {
      warn(`secure-iac: ${shown}: ${f.refused}\n`);
      continue;
    }
    applied += f.applied;
    if (f.note) warn(`secure-iac: ${shown}: ${f.note}\n`);
    if (options.dryRun) out.push(unifiedDiff(displayPath(f.path, cwd), f));
    else out.push(`fixed ${shown} (${f.applied} fix${f.applied === 1 ? '' : 'es'})\n`);
  }
  for (const e of outcome.errors) warn(`secure-iac: cannot read ${escapeControl(displayPath(e.path, cwd))}: ${escapeControl(e.message)}\n`);
  const changed = outcome.files.filter((f) => !f.refused).length;
  // What is left: the files as they are now (or would be, for a dry run), scanned as `scan` would.
  const texts = new Map(outcome.files.filter((f) => !f.refused).map((f) => [f.path, f.after]));
  const result = await scanFilesParallel(files, {
    config: setup.config,
    parameterFiles: setup.parameterFiles,
    varFiles: setup.varFiles,
    maxFileSize: setup.maxFileSize,
    inputRoots: setup.inputRoots,
    ...(setup.moduleSearchRoot !== undefined ? { moduleSearchRoot: setup.moduleSearchRoot } : {}),
    jobs: 1,
    ...(options.dryRun ? { overrides: texts } : {}),
  });
  const report = buildReport(result, cwd);
  const left = report.findings.length;
  out.push(
    `${options.dryRun ? 'Would apply' : 'Applied'} ${applied} fix${applied === 1 ? '' : 'es'} in ${changed} file${changed === 1 ? '' : 's'}; ` +
      `${left} finding${left === 1 ? '' : 's'} left${left > 0 && !options.includeReview ? ' (try --include-review, or see `secure-iac scan`)' : ''}.\n`,
  );
  write(out.join(options.dryRun ? '' : ''));
  if (outcome.files.some((f) => f.refused) || outcome.errors.length > 0) return 2;
  return exitCode(report, options.failOn);
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(
  argv: readonly string[],
  write = (t: string) => void process.stdout.write(t),
  warn = (t: string) => void process.stderr.write(t),
): Promise<number> {
  try {
    const command = parseArgs(argv, new Set(allRules.map((r) => r.id)));
    switch (command.command) {
      case 'help':
        write(USAGE + '\n');
        return 0;
      case 'version':
        write(VERSION + '\n');
        return 0;
      case 'rules':
        write(
          command.format === 'json'
            ? JSON.stringify(
                allRules.map((r) => ({
                  id: r.id,
                  title: r.meta.title,
                  severity: r.meta.severity,
                  defaultOff: r.meta.defaultOff ?? false,
                  docs: r.meta.docs,
                })),
                null,
                2,
              ) + '\n'
            : allRules
                .map((r) => `${r.id.padEnd(28)} ${r.meta.severity.padEnd(8)} ${r.meta.title}${r.meta.defaultOff ? ' (off by default)' : ''}`)
                .join('\n') + '\n',
        );
        return 0;
      case 'scan':
      case 'fix':
        return await scan(command, write, warn);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      warn(`secure-iac: ${err.message}\nRun 'secure-iac --help' for usage.\n`);
      return 2;
    }
    warn(`secure-iac: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

/** Interrupted: no half-written report or fixed file is left behind; exit 128 + the signal number, as shells do. */
export function exitOnSignals(): void {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      removePendingWrites();
      process.exit(code);
    });
  }
}

if (require.main === module) {
  exitOnSignals();
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
