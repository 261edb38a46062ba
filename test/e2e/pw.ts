// Loads playwright-core from node_modules or from the e2e cache folder, with just the types the harness uses.
//
// playwright-core is not a project dependency (scripts/e2e-setup.sh installs it in the cache), so
// `import type ... from 'playwright-core'` would break `tsc` on a clean clone. These structural
// types cover the subset we call; if playwright-core becomes a devDependency, replace them with
// the real ones.
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Locator {
  click(options?: { timeout?: number }): Promise<void>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  innerText(options?: { timeout?: number }): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  count(): Promise<number>;
  isVisible(): Promise<boolean>;
  first(): Locator;
  nth(index: number): Locator;
  filter(options: { hasText?: string | RegExp; has?: Locator }): Locator;
  locator(selector: string): Locator;
  getAttribute(name: string): Promise<string | null>;
  evaluateAll<R>(fn: (elements: Element[]) => R): Promise<R>;
}

export interface Keyboard {
  press(key: string): Promise<void>;
  type(text: string, options?: { delay?: number }): Promise<void>;
  insertText(text: string): Promise<void>;
}

export interface Page {
  goto(url: string, options?: { timeout?: number; waitUntil?: 'load' | 'domcontentloaded' }): Promise<unknown>;
  waitForSelector(selector: string, options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<unknown>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg: A, options?: { timeout?: number; polling?: number | 'raf' }): Promise<unknown>;
  locator(selector: string): Locator;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<Buffer>;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  on(event: 'console', listener: (msg: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', listener: (err: Error) => void): void;
  keyboard: Keyboard;
  setDefaultTimeout(ms: number): void;
}

export interface BrowserContext {
  newPage(): Promise<Page>;
  addInitScript(script: { content: string }): Promise<void>;
  grantPermissions(permissions: string[], options?: { origin?: string }): Promise<void>;
}

export interface Browser {
  newContext(options?: { viewport?: { width: number; height: number } }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export interface ChromiumLauncher {
  launch(options: { executablePath: string; headless?: boolean; args?: string[]; timeout?: number }): Promise<Browser>;
}

/** The cache folder scripts/e2e-setup.sh installs into; same default and env var as the script. */
export function e2eCacheDir(): string {
  return process.env.SECURE_IAC_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'secure-iac-e2e');
}

/** Resolves playwright-core from the project first (in case it becomes a devDependency), then the cache. */
export function loadChromium(): ChromiumLauncher {
  const candidates = [path.join(__dirname, 'noop.js'), path.join(e2eCacheDir(), 'package.json')];
  for (const from of candidates) {
    try {
      const mod = createRequire(from)('playwright-core') as { chromium: ChromiumLauncher };
      return mod.chromium;
    } catch {
      // try the next location
    }
  }
  throw new Error(`playwright-core not found in node_modules or ${e2eCacheDir()}; run scripts/e2e-setup.sh`);
}
