// Real-VS-Code test harness: temp profile, .vsix install, code-server lifecycle, Chromium workbench.
//
// Mechanics follow shared/e2e-real-vscode.md (code-server 4.100.3 + Debian Chromium driven by
// playwright-core). Workbench UI helpers live in workbench.ts and are re-exported from here so
// scenario tests import one module.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { e2eCacheDir, loadChromium, type Browser, type Page } from './pw';

export * from './workbench';
export { packVsix } from './vsix';
export type { Page, Locator } from './pw';

export const CHROMIUM_PATH = process.env.SECURE_IAC_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Without these a modal trust dialog blocks every click, and welcome pages steal focus. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  // Not in the doc; they remove popups that can cover the editor or Problems panel in a test.
  'extensions.ignoreRecommendations': true,
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'update.mode': 'none',
  'git.enabled': false,
  'files.autoSave': 'off',
};

export function codeServerBin(): string {
  return process.env.SECURE_IAC_CODE_SERVER ?? path.join(e2eCacheDir(), 'node_modules', '.bin', 'code-server');
}

/** True when scripts/e2e-setup.sh has provisioned this machine; tests use it to skip with a reason. */
export function e2eAvailable(): { ok: true } | { ok: false; reason: string } {
  if (!fs.existsSync(codeServerBin())) return { ok: false, reason: `no code-server at ${codeServerBin()} (run scripts/e2e-setup.sh)` };
  if (!fs.existsSync(CHROMIUM_PATH)) return { ok: false, reason: `no chromium at ${CHROMIUM_PATH} (run scripts/e2e-setup.sh)` };
  try {
    loadChromium();
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  return { ok: true };
}

export interface Profile {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  configFile: string;
}

/** (a) Temp user-data-dir + extensions-dir; `settings` are merged over DEFAULT_SETTINGS. */
export function createProfile(settings: Record<string, unknown> = {}): Profile {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-iac-e2e-'));
  const userDataDir = path.join(root, 'user');
  const extensionsDir = path.join(root, 'ext');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(extensionsDir, 'extensions.json'), '[]');
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
  // Own config file: otherwise code-server writes ~/.config/code-server/config.yaml with a password.
  const configFile = path.join(root, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\n');
  return { root, userDataDir, extensionsDir, configFile };
}

function baseArgs(p: Profile): string[] {
  return ['--config', p.configFile, '--user-data-dir', p.userDataDir, '--extensions-dir', p.extensionsDir];
}

/** Env without VSCODE_* so a run from a VS Code terminal does not talk to that VS Code instead. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VSCODE_')));
}

/** (b) Installs a .vsix into the profile; returns code-server's output. */
export function installVsix(p: Profile, vsixPath: string): string {
  const out = execFileSync(codeServerBin(), [...baseArgs(p), '--force', '--install-extension', path.resolve(vsixPath)], {
    encoding: 'utf8',
    env: cleanEnv(),
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (!/successfully installed/i.test(out)) throw new Error(`vsix install did not report success:\n${out}`);
  return out;
}

/** Asks the OS for a free port; code-server is then started on it (tiny race, fine for tests). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface CodeServer {
  port: number;
  /** Workbench URL with the folder already selected. */
  url: string;
  proc: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

/** Polls `check` every `intervalMs` until it returns a truthy value or `timeoutMs` passes. */
export async function pollUntil<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 30_000,
  intervalMs = 150,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** True while any process of the group still exists (signal 0 only checks). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** (f) SIGTERM the whole process group (server, file watcher, extension host), SIGKILL what stays. */
export async function killGroup(pgid: number, graceMs = 5_000): Promise<void> {
  if (!groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  try {
    await pollUntil('process group to exit', () => !groupAlive(pgid), graceMs, 100);
  } catch {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await pollUntil('process group to die after SIGKILL', () => !groupAlive(pgid), 5_000, 100);
  }
}

/** (c) Starts code-server on a free port for `workspace`, resolving once /healthz answers. */
export async function startCodeServer(p: Profile, workspace: string, timeoutMs = 60_000): Promise<CodeServer> {
  // freePort() can race with another process grabbing the port; retry only that failure.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startCodeServerOnce(p, workspace, await freePort(), timeoutMs);
    } catch (e) {
      if (attempt >= 3 || !/EADDRINUSE/.test((e as Error).message)) throw e;
    }
  }
}

async function startCodeServerOnce(p: Profile, workspace: string, port: number, timeoutMs: number): Promise<CodeServer> {
  const logFile = path.join(p.root, `code-server-${port}.log`);
  const log = fs.openSync(logFile, 'a');
  const args = [
    ...baseArgs(p),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    path.resolve(workspace),
  ];
  // detached: own process group, so stop() can kill the forked watcher and extension host too.
  const proc = spawn(codeServerBin(), args, { detached: true, stdio: ['ignore', log, log], env: cleanEnv() });
  fs.closeSync(log);
  const pgid = proc.pid;
  if (pgid === undefined) throw new Error('code-server failed to spawn');
  let exited: string | undefined;
  proc.once('exit', (code, sig) => {
    exited = `code-server exited early (code ${code}, signal ${sig}); log: ${logFile}`;
  });
  // If the test process ends or is interrupted, do not leave a detached server behind.
  const onExit = (): void => {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  const onSignal = (sig: NodeJS.Signals): void => {
    onExit();
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const stop = async (): Promise<void> => {
    process.removeListener('exit', onExit);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await killGroup(pgid);
  };
  try {
    // Own loop rather than pollUntil: an early exit must fail at once, not after the timeout.
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exited) throw new Error(exited);
      const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      if (res?.ok) break;
      if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz on port ${port} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n--- ${logFile} ---\n${fs.readFileSync(logFile, 'utf8').slice(-4000)}`, { cause: e });
  }
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(path.resolve(workspace))}`;
  return { port, url, proc, logFile, stop };
}

export interface Workbench {
  browser: Browser;
  page: Page;
  /** Browser console errors and page errors, for diagnosing a failed test. */
  consoleErrors: string[];
}

/** (d) Launches Debian Chromium via playwright-core and waits for `.monaco-workbench`. */
export async function openWorkbench(url: string, opts: { headless?: boolean; timeoutMs?: number } = {}): Promise<Workbench> {
  const timeout = opts.timeoutMs ?? 60_000;
  const browser = await loadChromium().launch({
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? process.env.SECURE_IAC_HEADED !== '1',
    args: CHROMIUM_ARGS,
    timeout,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Clipboard access lets editor copy/paste commands work without a permission prompt.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin }).catch(() => undefined);
    // tsx/esbuild compile with keepNames, wrapping named functions in __name(); functions passed
    // to page.evaluate/waitForFunction carry that call into the page, which lacks the helper.
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(url, { timeout, waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout });
    // The Explorer tree appearing means the remote file system is connected, not just the shell drawn.
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout });
    return { browser, page, consoleErrors };
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e;
  }
}

/** Where exthost logs land; print this when a test fails to see extension activation errors. */
export function extensionHostLogs(p: Profile): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (/exthost|remoteexthost|\.log$/i.test(e.name)) out.push(f);
    }
  };
  walk(path.join(p.userDataDir, 'logs'));
  return out;
}

export interface Session extends Workbench {
  profile: Profile;
  server: CodeServer;
  /** Closes the browser, kills code-server's process group, removes the temp profile unless kept. */
  close(): Promise<void>;
}

/** One call for the common case: profile + vsix install(s) + server + browser on `workspace`. */
export async function launch(opts: { workspace: string; vsix?: string[]; settings?: Record<string, unknown> }): Promise<Session> {
  const profile = createProfile(opts.settings);
  let server: CodeServer | undefined;
  let wb: Workbench;
  try {
    for (const v of opts.vsix ?? []) installVsix(profile, v);
    server = await startCodeServer(profile, opts.workspace);
    wb = await openWorkbench(server.url);
  } catch (e) {
    await server?.stop();
    if (process.env.SECURE_IAC_E2E_KEEP !== '1') fs.rmSync(profile.root, { recursive: true, force: true });
    throw e;
  }
  const started = server;
  const close = async (): Promise<void> => {
    await wb.browser.close().catch(() => undefined);
    await started.stop();
    // SECURE_IAC_E2E_KEEP=1 keeps logs and profile for post-mortem.
    if (process.env.SECURE_IAC_E2E_KEEP !== '1') fs.rmSync(profile.root, { recursive: true, force: true });
    else console.error(`[e2e] kept profile at ${profile.root}`);
  };
  return { ...wb, profile, server: started, close };
}
