// Parses `secure-iac` command lines into options, with usage errors that say what is wrong.
import type { Severity } from '../../../rules/api';
import { distance as levenshtein } from 'fastest-levenshtein';
import { parseByteSize } from '../engine/config/file-size';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
export type OutputFormat = 'text' | 'json' | 'sarif';

export interface ScanOptions {
  command: 'scan' | 'fix';
  paths: string[];
  format: OutputFormat;
  /** Findings at or above this severity make the exit code 1; `none` never fails. */
  failOn: Severity | 'none';
  rules: string[];
  output?: string;
  showSuppressed: boolean;
  parameterFiles: string[];
  varFiles: string[];
  reportUnresolved: boolean;
  /** `--config <file>`: the project config to use instead of `.secure-iac.yaml` at the scan root or in the working directory. */
  config?: string;
  /** `--no-config`: read no project config at all. */
  noConfig?: boolean;
  /** `--jobs <n>`: threads to lint with (default: the cores available). */
  jobs?: number;
  /** `--max-file-size <size>`: bytes past which a file is reported as skipped, not scanned. */
  maxFileSize?: number;
  /** Text output: code frames of the deciding lines (`--no-snippets` turns them off). */
  snippets: boolean;
  /** `--baseline <file>`: report only findings not recorded in it. */
  baseline?: string;
  /** `--write-baseline <file>`: record the current findings as the baseline. */
  writeBaseline?: string;
  /** fix: print a unified diff instead of writing. */
  dryRun: boolean;
  /** fix: also apply fixes marked for review (a choice the user should check). */
  includeReview: boolean;
}

export type Command = ScanOptions | { command: 'help' } | { command: 'version' } | { command: 'rules'; format: OutputFormat };

export class UsageError extends Error {}

export const USAGE = `Usage: secure-iac scan [paths...] [options]
       secure-iac fix [paths...] [--dry-run] [--include-review] [options]
       secure-iac rules [--format text|json]

Scans CloudFormation (YAML, JSON) and Terraform (.tf, .tf.json) files for AWS security anti-patterns;
'fix' applies the quick-fixes. Directories are walked (node_modules, .git and .terraform are skipped);
the default path is '.'. '--' ends the options: what follows is a path even if it starts with '-'.

Options:
  --format <text|json|sarif>  output format (default: text)
  --fail-on <severity|none>   exit 1 when a finding is at or above this severity
                              (critical, high, medium, low, info; default: info = any finding)
  --rule <id>                 run only this rule (repeatable)
  --output <file>             write the report to a file instead of standard output (atomically)
  --no-snippets               text format: no code frames under the findings
  --show-suppressed           also list findings silenced by a suppression, with its reason
  --baseline <file>           report only findings that are not in this baseline file
  --write-baseline <file>     record the current findings in a baseline file (exit 0)
  --parameters <file>         CloudFormation parameter values (CLI [{ParameterKey, ParameterValue}] JSON
                              or {"Parameters": {...}}) overriding defaults (repeatable)
  --var-file <file>           Terraform .tfvars / .tfvars.json applied after each module's own tfvars (repeatable)
  --report-unresolved         report values that decide a finding but cannot be resolved, as info
                              ("cannot verify: depends on parameter X") instead of staying silent
  --config <file>             project config to use (default: .secure-iac.yaml in the one folder scanned,
                              else in the working directory); flags override it. An invalid config is
                              an error (exit 2)
  --no-config                 ignore .secure-iac.yaml
  --jobs <n>                  lint with n threads (default: the number of cores; 1 = no worker threads)
  --max-file-size <size>      skip (and report) files larger than this: bytes, or with a unit (500KB, 4MB);
                              default 2MB
  --dry-run                   fix: print the changes as a unified diff, write nothing
  --include-review            fix: also apply the fixes that need a review (not only the safe ones)
  -h, --help                  show this help
  -v, --version               show the version

Exit codes: 0 no finding at or above --fail-on (and no parse error), 1 findings or parse errors,
2 usage or I/O error, or an invalid project config (an unreadable path is reported and the other
files are still scanned). 'fix' exits 0 when nothing at or above --fail-on is left.`;

const COMMANDS = ['scan', 'fix', 'rules', 'help'];
const FLAGS_WITH_VALUE = [
  '--format',
  '--fail-on',
  '--rule',
  '--output',
  '--parameters',
  '--var-file',
  '--config',
  '--jobs',
  '--max-file-size',
  '--baseline',
  '--write-baseline',
];
const SWITCHES = ['--show-suppressed', '--report-unresolved', '--no-config', '--no-snippets', '--dry-run', '--include-review', '--help', '--version'];

/** The candidate closest to `word` when it is a plausible typo (a third of its length in edits at most). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = levenshtein(word.toLowerCase(), c.toLowerCase());
    if (!best || d < best.d) best = { c, d };
  }
  return best && best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.c : undefined;
}

function suggest(word: string, candidates: readonly string[]): string {
  const c = closest(word, candidates);
  return c ? ` (did you mean '${c}'?)` : '';
}

function takeValue(argv: string[], i: number, flag: string): string {
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return value;
}

export function parseArgs(argv: readonly string[], knownRules: ReadonlySet<string>): Command {
  const args = [...argv];
  if (args.length === 0 || args[0] === '-h' || args[0] === '--help' || args[0] === 'help') return { command: 'help' };
  if (args[0] === '-v' || args[0] === '--version') return { command: 'version' };
  const command = args.shift() as string;
  if (command === 'rules') {
    const format = args[0] === '--format' ? args[1] : args[0]?.startsWith('--format=') ? args[0].slice('--format='.length) : 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format '${format}' for rules (text or json)`);
    return { command: 'rules', format };
  }
  if (command !== 'scan' && command !== 'fix') {
    if (command.startsWith('-')) throw new UsageError(`'${command}' needs a command first, e.g. 'secure-iac scan ${command} ...'`);
    throw new UsageError(`unknown command '${command}'${suggest(command, COMMANDS)}`);
  }
  const options: ScanOptions = {
    command,
    paths: [],
    format: 'text',
    failOn: 'info',
    rules: [],
    showSuppressed: false,
    parameterFiles: [],
    varFiles: [],
    reportUnresolved: false,
    snippets: true,
    dryRun: false,
    includeReview: false,
  };
  let onlyPaths = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      options.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = takeValue(args, i, flag);
      i++;
      return v;
    };
    switch (flag) {
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json' && f !== 'sarif')
          throw new UsageError(`unknown format '${f}' (text, json or sarif)${suggest(f, ['text', 'json', 'sarif'])}`);
        options.format = f;
        break;
      }
      case '--fail-on': {
        const s = value();
        if (s !== 'none' && !SEVERITIES.includes(s as Severity))
          throw new UsageError(`unknown severity '${s}' (${SEVERITIES.join(', ')} or none)${suggest(s, [...SEVERITIES, 'none'])}`);
        options.failOn = s as Severity | 'none';
        break;
      }
      case '--rule': {
        const id = value();
        if (!knownRules.has(id)) throw new UsageError(`unknown rule '${id}'${suggest(id, [...knownRules])}; 'secure-iac rules' lists them`);
        options.rules.push(id);
        break;
      }
      case '--output':
        options.output = value();
        break;
      case '--show-suppressed':
        options.showSuppressed = true;
        break;
      case '--no-snippets':
        options.snippets = false;
        break;
      case '--baseline':
        options.baseline = value();
        break;
      case '--write-baseline':
        options.writeBaseline = value();
        break;
      case '--dry-run':
        options.dryRun = true;
        break;
      case '--include-review':
        options.includeReview = true;
        break;
      case '--parameters':
        options.parameterFiles.push(value());
        break;
      case '--var-file':
        options.varFiles.push(value());
        break;
      case '--report-unresolved':
        options.reportUnresolved = true;
        break;
      case '--config':
        options.config = value();
        break;
      case '--no-config':
        options.noConfig = true;
        break;
      case '--jobs': {
        const n = value();
        if (!/^[1-9][0-9]*$/.test(n)) throw new UsageError(`--jobs needs a whole number of threads, at least 1 (got '${n}')`);
        options.jobs = Number(n);
        break;
      }
      case '--max-file-size': {
        const raw = value();
        const bytes = parseByteSize(raw);
        if (bytes === undefined)
          throw new UsageError(`--max-file-size needs a positive size in bytes or with a unit such as 500KB or 4MB (got '${raw}')`);
        options.maxFileSize = bytes;
        break;
      }
      case '-h':
      case '--help':
        return { command: 'help' };
      default:
        throw new UsageError(`unknown option '${arg}'${suggest(flag, [...FLAGS_WITH_VALUE, ...SWITCHES])}`);
    }
  }
  if (command === 'scan' && (options.dryRun || options.includeReview))
    throw new UsageError(`${options.dryRun ? '--dry-run' : '--include-review'} goes with 'secure-iac fix'`);
  if (command === 'fix' && (options.baseline || options.writeBaseline)) throw new UsageError(`baselines go with 'secure-iac scan'`);
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}
