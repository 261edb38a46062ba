// `npm test`: every check (type-check, bundle, lint, format, all mocha suites). `npm test -- <file|glob|rule-id>…`:
// only the mocha tests named, with the settings of .mocharc.json, in seconds.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const USAGE = `usage: npm test                                  every check: tsc -b, esbuild, lint, format check, all mocha tests
       npm test -- <file|folder|glob|rule-id>… [mocha flags]   only those tests, e.g.
       npm test -- test/rules/s3-versioning.test.ts     npm test -- 'test/engine/*.test.ts'     npm test -- s3-versioning --grep cfn-yaml`;

/** The whole run, in order; the first failure stops it. Tools run through this Node, not npx (seconds saved per step). */
const FULL: readonly { name: string; cmd: string[] }[] = [
  { name: 'type-check', cmd: [process.execPath, require.resolve('typescript/bin/tsc'), '-b'] },
  { name: 'bundle', cmd: ['node', 'esbuild.mjs'] },
  { name: 'lint', cmd: ['npm', 'run', '--silent', 'lint'] },
  { name: 'format check', cmd: ['npm', 'run', '--silent', 'format:check'] },
  { name: 'mocha', cmd: [process.execPath, require.resolve('mocha/bin/mocha.js')] },
];

interface MochaRc {
  'node-option'?: string[];
  spec?: string[];
  ignore?: string[];
  ui?: string;
  timeout?: number;
  reporter?: string;
}

/** .mocharc.json's settings as flags, without its `spec`, which mocha would otherwise add to any file named. */
export function mochaFlags(rc: MochaRc): string[] {
  return [
    '--no-config',
    ...(rc['node-option'] ?? []).flatMap((o) => ['--node-option', o]),
    ...(rc.ignore ?? []).flatMap((g) => ['--ignore', g]),
    ...(rc.ui ? ['--ui', rc.ui] : []),
    ...(rc.timeout !== undefined ? ['--timeout', String(rc.timeout)] : []),
    ...(rc.reporter ? ['--reporter', rc.reporter] : []),
  ];
}

/** A named test: a file or glob as given, a folder as its *.test.ts files, or a bare rule id as its table test. */
export function resolveSpec(arg: string, root = ROOT): string {
  if (existsSync(path.resolve(root, arg)) && statSync(path.resolve(root, arg)).isDirectory()) return `${arg.replace(/\/+$/, '')}/**/*.test.ts`;
  if (/[*?[{]/.test(arg) || existsSync(path.resolve(root, arg))) return arg;
  const ruleTest = `test/rules/${arg}.test.ts`;
  if (/^[a-z0-9-]+$/.test(arg) && existsSync(path.join(root, ruleTest))) return ruleTest;
  throw new Error(`no test file, glob or rule '${arg}'\n${USAGE}`);
}

/** Splits `npm test -- …` arguments into specs and mocha flags (a flag's value follows it unless it is a boolean). */
export function splitArgs(args: readonly string[]): { specs: string[]; flags: string[] } {
  const specs: string[] = [];
  const flags: string[] = [];
  const takesValue = new Set(['--grep', '-g', '--fgrep', '-f', '--timeout', '-t', '--reporter', '-R', '--slow', '-s', '--retries', '--jobs', '-j']);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('-')) specs.push(a);
    else {
      flags.push(a);
      if (takesValue.has(a) && i + 1 < args.length) flags.push(args[++i] as string);
    }
  }
  return { specs, flags };
}

function run(cmd: readonly string[]): number {
  const [bin, ...rest] = cmd;
  const result = spawnSync(bin as string, rest, { cwd: ROOT, stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  if (args.length === 0) {
    for (const step of FULL) {
      console.log(`== ${step.name}: ${step.cmd.join(' ')}`);
      const status = run(step.cmd);
      if (status !== 0) {
        console.error(`npm test: ${step.name} failed (${step.cmd.join(' ')})`);
        process.exit(status);
      }
    }
    return;
  }
  const { specs, flags } = splitArgs(args);
  let resolved: string[];
  try {
    resolved = specs.map((s) => resolveSpec(s));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  if (resolved.length === 0) {
    console.error(`name a test file, glob or rule id\n${USAGE}`);
    process.exit(2);
  }
  const rc = JSON.parse(readFileSync(path.join(ROOT, '.mocharc.json'), 'utf8')) as MochaRc;
  process.exit(run([process.execPath, require.resolve('mocha/bin/mocha.js'), ...mochaFlags(rc), ...flags, ...resolved]));
}

if (require.main === module) main();
