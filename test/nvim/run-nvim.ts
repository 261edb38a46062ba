// Runs probe.lua in headless Neovim 0.7 against an LSP server and returns the diagnostics it saw.
//
// Library: `runNvimProbe({ server: 'dist/server.js', file: 'examples/x.yaml' })`.
// CLI:     npx tsx test/nvim/run-nvim.ts <server.js> <file> [--code-actions] [--apply-fix CODE] [--language-id yaml]
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const PROBE_LUA = path.join(__dirname, 'probe.lua');

export interface NvimDiagnostic {
  /** 0-based, as vim.diagnostic.get returns them. */
  lnum: number;
  col: number;
  end_lnum: number | null;
  end_col: number | null;
  message: string;
  /** 1 = Error, 2 = Warning, 3 = Info, 4 = Hint (vim.diagnostic.severity). */
  severity: number;
  code: string | number | null;
  source: string | null;
}

export interface ProbeResult {
  ok: boolean;
  timed_out: boolean;
  errors: string[];
  filetype: string;
  language_id: string;
  diagnostics: NvimDiagnostic[];
  /** One list of action titles per diagnostic, when codeActions was requested. */
  code_actions: string[][];
  /** Per diagnostic, the title of its preferred (isPreferred) action, or null. */
  preferred: (string | null)[];
  /** With applyFix: the action applied, the buffer right after it, and the server's next view. */
  applied_fix?: string;
  text_after_fix?: string;
  fixed_diagnostic_gone?: boolean;
  diagnostics_after_fix?: NvimDiagnostic[];
  server_exit: { code: number; signal: number } | null;
}

export interface ProbeOptions {
  /** Server script, run as `node <server> --stdio`. */
  server: string;
  file: string;
  rootDir?: string;
  /** How long the probe waits for diagnostics inside Neovim. */
  timeoutMs?: number;
  /** Wait for at least this many diagnostics; 0 waits for the first publish (proves a clean file). */
  minDiagnostics?: number;
  languageId?: string;
  codeActions?: boolean;
  /** Diagnostic code whose preferred quick fix the probe applies (then waits for the diagnostic to go). */
  applyFix?: string;
  nvim?: string;
  /** Extra environment for Neovim and so for the server it starts (e.g. server settings). */
  env?: Record<string, string>;
}

/** Empty result arrays come back from json_encode as [] but an empty dict would be {}; normalise. */
function asArray<T>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

export async function runNvimProbe(opts: ProbeOptions): Promise<ProbeResult> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-iac-nvim-'));
  const out = path.join(tmp, 'result.json');
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...opts.env,
    SECURE_IAC_SERVER: path.resolve(opts.server),
    SECURE_IAC_FILE: path.resolve(opts.file),
    SECURE_IAC_OUT: out,
    SECURE_IAC_ROOT: path.resolve(opts.rootDir ?? process.cwd()),
    SECURE_IAC_NODE: process.execPath,
    SECURE_IAC_TIMEOUT_MS: String(timeoutMs),
    SECURE_IAC_MIN_DIAGNOSTICS: String(opts.minDiagnostics ?? 1),
    SECURE_IAC_LANGUAGE_ID: opts.languageId ?? '',
    SECURE_IAC_CODE_ACTIONS: opts.codeActions ? '1' : '',
    SECURE_IAC_APPLY_FIX: opts.applyFix ?? '',
    // Keep Neovim's lsp.log, shada and state out of $HOME.
    XDG_CACHE_HOME: path.join(tmp, 'cache'),
    XDG_STATE_HOME: path.join(tmp, 'state'),
    XDG_DATA_HOME: path.join(tmp, 'data'),
    XDG_CONFIG_HOME: path.join(tmp, 'config'),
  };
  const args = ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${PROBE_LUA}`];
  // detached: own process group, so a hung probe is killed together with its server.
  const child = spawn(opts.nvim ?? 'nvim', args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  // The probe bounds its own waits; this outer limit only catches a Neovim that never quits.
  const hardLimit = timeoutMs * 2 + 15_000;
  const killer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, hardLimit);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  }).finally(() => clearTimeout(killer));
  try {
    if (!fs.existsSync(out)) throw new Error(`probe wrote no result (nvim exit ${code}); output:\n${stderr}`);
    const raw = JSON.parse(fs.readFileSync(out, 'utf8')) as ProbeResult;
    return {
      ...raw,
      errors: asArray(raw.errors),
      diagnostics: asArray(raw.diagnostics),
      code_actions: asArray(raw.code_actions),
      preferred: asArray(raw.preferred),
      ...(raw.diagnostics_after_fix !== undefined ? { diagnostics_after_fix: asArray(raw.diagnostics_after_fix) } : {}),
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const flag = (name: string): boolean => argv.includes(name);
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const positional = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--language-id' && argv[i - 1] !== '--apply-fix');
  const [server, file] = positional;
  if (!server || !file) {
    console.error('usage: run-nvim.ts <server.js> <file> [--code-actions] [--apply-fix CODE] [--language-id ID]');
    process.exit(2);
  }
  runNvimProbe({ server, file, codeActions: flag('--code-actions'), applyFix: value('--apply-fix'), languageId: value('--language-id') })
    .then((r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(r.ok ? 0 : 1);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
