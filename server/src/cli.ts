// `secure-iac` command line: scan paths, print text/JSON/SARIF, exit 0/1/2. Same engine as the language server.
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Severity } from '../../rules/api';
import { allRules } from '../../rules/index';
import { parseArgs, SEVERITIES, USAGE, UsageError, type ScanOptions } from './cli/args';
import { formatJson } from './cli/format-json';
import { formatSarif } from './cli/format-sarif';
import { formatText } from './cli/format-text';
import { buildReport, type Report } from './cli/report';
import { scanSetup } from './cli/project-config';
import { effectiveSeverity } from './engine/lint/lint';
import { scanFilesParallel } from './scan/parallel';
import { walkFiles } from './scan/walk';

declare const SECURE_IAC_VERSION: string | undefined;
const VERSION = typeof SECURE_IAC_VERSION === 'string' ? SECURE_IAC_VERSION : '0.0.0-dev';

/** Where the wasm files are: next to the bundle in dist/, or in node_modules when run from source. */
function wasmDir(): string | undefined {
  return __filename.endsWith(join('dist', 'cli.js')) ? dirname(__filename) : undefined;
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

async function scan(options: ScanOptions, write: (text: string) => void, warn: (text: string) => void): Promise<number> {
  const setup = await scanSetup(options, process.cwd());
  if (setup.errors.length > 0) {
    warn(`secure-iac: invalid project config, nothing scanned:\n${setup.errors.join('\n')}\n`);
    return 2;
  }
  const readErrors: { path: string; message: string }[] = [];
  const files = await walkFiles(options.paths, { isExcluded: setup.isExcluded, onError: (e) => readErrors.push(e) });
  const config = setup.config;
  const wasm = wasmDir();
  const result = await scanFilesParallel(files, { config, parameterFiles: setup.parameterFiles, varFiles: setup.varFiles, maxFileSize: setup.maxFileSize, ...(options.jobs ? { jobs: options.jobs } : {}), ...(wasm ? { wasmDir: wasm } : {}) });
  result.readErrors.unshift(...readErrors);
  const report = buildReport(result, process.cwd());
  const rules = allRules.filter((r) => effectiveSeverity(r, config) !== undefined);
  const text =
    options.format === 'json'
      ? formatJson(report, options.showSuppressed)
      : options.format === 'sarif'
        ? formatSarif(report, rules, VERSION)
        : formatText(report, options.showSuppressed);
  if (options.output) {
    await fs.writeFile(options.output, text);
    warn(`secure-iac: wrote ${options.format} report to ${options.output} (${report.findings.length} findings)\n`);
  } else write(text);
  for (const e of report.errors) if (e.startLine === undefined) warn(`secure-iac: cannot read ${e.file}: ${e.message}\n`);
  return exitCode(report, options.failOn);
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], write = (t: string) => void process.stdout.write(t), warn = (t: string) => void process.stderr.write(t)): Promise<number> {
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
            ? JSON.stringify(allRules.map((r) => ({ id: r.id, title: r.meta.title, severity: r.meta.severity, defaultOff: r.meta.defaultOff ?? false, docs: r.meta.docs })), null, 2) + '\n'
            : allRules.map((r) => `${r.id.padEnd(28)} ${r.meta.severity.padEnd(8)} ${r.meta.title}${r.meta.defaultOff ? ' (off by default)' : ''}`).join('\n') + '\n',
        );
        return 0;
      case 'scan':
        return await scan(command, write, warn);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      warn(`secure-iac: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    warn(`secure-iac: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
