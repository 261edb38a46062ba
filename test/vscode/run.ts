// Runs the extension-host suite (test/vscode/suite) in a VS Code that @vscode/test-electron downloads.
//
// Run: npm run test:vscode   (on a headless Linux machine: xvfb-run -a npm run test:vscode)
// Exits 0 with "SKIPPED: @vscode/test-electron could not download VS Code: <reason>" only when the
// download itself fails (no access to the VS Code download site); any other failure exits 1.
// SECURE_IAC_VSCODE_VERSION picks the VS Code version (default: stable).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { FIXTURE_WORKSPACE } from '../e2e/fixtures/expected';
import { downloadFailureReason } from './download-failure';

const ROOT = path.resolve(__dirname, '..', '..');
const SUITE_OUT = path.join(ROOT, 'out', 'vscode-suite');

/** Bundles the suite to CommonJS: the extension host loads plain JS, with `vscode` and mocha from outside. */
async function bundleSuite(): Promise<string> {
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'suite', 'index.ts'), path.join(__dirname, 'suite', 'secure-iac.test.ts')],
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return path.join(SUITE_OUT, 'index.js');
}

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    console.error('dist/extension.js is missing: build first (npm run build)');
    return 1;
  }
  const extensionTestsPath = await bundleSuite();

  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version: process.env.SECURE_IAC_VSCODE_VERSION ?? 'stable',
      cachePath: path.join(ROOT, '.vscode-test'),
      extensionDevelopmentPath: ROOT,
      timeout: 30_000,
    });
  } catch (err) {
    const reason = downloadFailureReason(err);
    if (reason === undefined) throw err;
    console.log(`SKIPPED: @vscode/test-electron could not download VS Code: ${reason}`);
    return 0;
  }

  // Fresh copies: the suite saves fixes to disk, and a clean profile keeps the run repeatable.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-iac-vscode-'));
  const workspace = path.join(tmp, 'ws');
  fs.cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
  try {
    const code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions', // only the extension under development
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(tmp, 'user')}`,
      ],
    });
    return code === 0 ? 0 : 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('test:vscode failed:', err);
    process.exit(1);
  },
);
