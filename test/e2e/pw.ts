// Loads playwright-core (a devDependency; scripts/e2e-setup.sh also caches the same pinned version) and re-exports its types.
//
// Loaded at run time rather than imported so that a test file can still load, and skip with a
// reason, on a machine where the package is missing.
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

export type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

export type ChromiumLauncher = typeof import('playwright-core').chromium;

/** The cache folder scripts/e2e-setup.sh installs into; same default and env var as the script. */
export function e2eCacheDir(): string {
  return process.env.SECURE_IAC_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'secure-iac-e2e');
}

/** Resolves playwright-core from the project first, then from the e2e cache folder. */
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
