// Harness self-test: a generated dummy extension's squiggle, Problems row and quick fix in real VS Code.
//
// Run: bash scripts/e2e-setup.sh && npx tsx --test test/e2e/dummy.e2e.ts
// Skips with a reason when the tooling is not installed, unless SECURE_IAC_E2E_REQUIRED=1
// (use that in CI after running the setup script, so a broken setup cannot pass silently).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { DUMMY, writeDummyExtension } from './dummy-extension';
import {
  applyQuickFix, e2eAvailable, extensionHostLogs, launch, openFile, openFileFromExplorer, openQuickFixMenu,
  packVsix, readEditorText, runCommand, saveAndReadFile, screenshot, waitForNoSquiggle, waitForNotification,
  waitForProblems, waitForSquiggle, goToLine, type Session,
} from './harness';

const avail = e2eAvailable();
const skip = avail.ok || process.env.SECURE_IAC_E2E_REQUIRED === '1' ? false : avail.reason;

test('dummy extension: diagnostic, Problems row and quick fix in code-server', { skip, timeout: 240_000 }, async (t) => {
  const t0 = Date.now();
  const lap = (what: string): void => t.diagnostic(`${what} at ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-iac-dummy-'));
  const vsix = packVsix(writeDummyExtension(path.join(tmp, 'ext')), path.join(tmp, 'dummy.vsix'));
  const ws = path.join(tmp, 'ws');
  fs.mkdirSync(path.join(ws, 'nested'), { recursive: true });
  const sample = path.join(ws, 'sample.yaml');
  fs.writeFileSync(sample, 'bad: line\nfoo: 1\n');
  fs.writeFileSync(path.join(ws, 'nested', 'other.yaml'), 'also: bad\n');

  let s: Session | undefined;
  try {
    s = await launch({ workspace: ws, vsix: [vsix] });
    lap('workbench loaded');
    const { page } = s;

    await openFileFromExplorer(page, 'sample.yaml');
    await waitForSquiggle(page, 'error');
    lap('squiggle shown');
    const rows = await waitForProblems(page, (r) => r.length === 1);
    assert.deepEqual(rows[0], {
      severity: 'error', message: DUMMY.message, source: 'dummy', code: 'DUMMY001', line: 1, column: 1, file: 'sample.yaml',
    });
    await screenshot(page, 'dummy-before-fix');

    await goToLine(page, 1, 3);
    assert.deepEqual(await openQuickFixMenu(page), [DUMMY.fixTitle]);
    await applyQuickFix(page, DUMMY.fixTitle);
    await waitForNoSquiggle(page, 'error');
    assert.equal((await readEditorText(page)).split('\n')[0], DUMMY.fixedLine);
    await waitForProblems(page, (r) => r.length === 0);
    assert.equal(await saveAndReadFile(page, sample), `${DUMMY.fixedLine}\nfoo: 1\n`);
    lap('fix applied and saved');
    await screenshot(page, 'dummy-after-fix');

    await runCommand(page, DUMMY.commandTitle);
    await waitForNotification(page, DUMMY.helloText);

    // Quick Open reaches nested files the Explorer has not expanded.
    await openFile(page, 'nested/other.yaml');
    await waitForSquiggle(page, 'error');
    await waitForProblems(page, (r) => r.some((p) => p.file === 'other.yaml'));
    lap('command + quick open done');
  } catch (e) {
    if (s) {
      await screenshot(s.page, 'dummy-FAILED').catch(() => undefined);
      t.diagnostic(`code-server log: ${s.server.logFile}; exthost logs: ${extensionHostLogs(s.profile).join(', ')}`);
      t.diagnostic(`browser console errors: ${s.consoleErrors.slice(-10).join(' | ')}`);
      process.env.SECURE_IAC_E2E_KEEP = '1';
    }
    throw e;
  } finally {
    if (s) {
      const pgid = s.server.proc.pid!;
      await s.close();
      // Self-test of shutdown: nothing of code-server's process group (watcher, exthost) survives.
      assert.throws(() => process.kill(-pgid, 0), /ESRCH/);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
    lap('shut down');
  }
});
