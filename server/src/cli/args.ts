// Parses `secure-iac` command lines into options, with usage errors that say what is wrong.
import type { Severity } from '../../../rules/api';
import { parseByteSize } from '../engine/config/file-size';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
export type OutputFormat = 'text' | 'json' | 'sarif';

export interface ScanOptions {
  command: 'scan';
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
}

export type Command = ScanOptions | { command: 'help' } | { command: 'version' } | { command: 'rules'; format: OutputFormat };

export class UsageError extends Error {}

export const USAGE = `Usage: secure-iac scan [paths...] [options]
       secure-iac rules [--format text|json]

Scans CloudFormation (YAML, JSON) and Terraform (.tf, .tf.json) files for AWS security anti-patterns.
Directories are walked (node_modules, .git and .terraform are skipped); the default path is '.'.

Options:
  --format <text|json|sarif>  output format (default: text)
  --fail-on <severity|none>   exit 1 when a finding is at or above this severity
                              (critical, high, medium, low, info; default: info = any finding)
  --rule <id>                 run only this rule (repeatable)
  --output <file>             write the report to a file instead of standard output
  --show-suppressed           also list findings silenced by a suppression, with its reason
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
  -h, --help                  show this help
  -v, --version               show the version

Exit codes: 0 no finding at or above --fail-on (and no parse error), 1 findings or parse errors,
2 usage or I/O error, or an invalid project config (an unreadable path is reported and the other
files are still scanned).`;

function takeValue(argv: string[], i: number, flag: string): string {
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return value;
}

export function parseArgs(argv: readonly string[], knownRules: ReadonlySet<string>): Command {
  const args = [...argv];
  if (args.length === 0 || args[0] === '-h' || args[0] === '--help' || args[0] === 'help') return { command: 'help' };
  if (args[0] === '-v' || args[0] === '--version') return { command: 'version' };
  const command = args.shift();
  if (command === 'rules') {
    const format = args[0] === '--format' ? args[1] : 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format '${format}' for rules (text or json)`);
    return { command: 'rules', format };
  }
  if (command !== 'scan') throw new UsageError(`unknown command '${command}'`);
  const options: ScanOptions = { command: 'scan', paths: [], format: 'text', failOn: 'info', rules: [], showSuppressed: false, parameterFiles: [], varFiles: [], reportUnresolved: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = takeValue(args, i, flag);
      i++;
      return v;
    };
    switch (flag) {
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format '${f}' (text, json or sarif)`);
        options.format = f;
        break;
      }
      case '--fail-on': {
        const s = value();
        if (s !== 'none' && !SEVERITIES.includes(s as Severity)) throw new UsageError(`unknown severity '${s}' (${SEVERITIES.join(', ')} or none)`);
        options.failOn = s as Severity | 'none';
        break;
      }
      case '--rule': {
        const id = value();
        if (!knownRules.has(id)) throw new UsageError(`unknown rule '${id}' (see 'secure-iac rules')`);
        options.rules.push(id);
        break;
      }
      case '--output':
        options.output = value();
        break;
      case '--show-suppressed':
        options.showSuppressed = true;
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
        if (bytes === undefined) throw new UsageError(`--max-file-size needs a positive size in bytes or with a unit such as 500KB or 4MB (got '${raw}')`);
        options.maxFileSize = bytes;
        break;
      }
      case '-h':
      case '--help':
        return { command: 'help' };
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'`);
        options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}
