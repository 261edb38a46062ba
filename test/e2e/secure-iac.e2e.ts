// The packaged extension (secure-iac.vsix) in real VS Code: code-server in Debian Chromium, driven by playwright-core.
//
// Run: npm run test:e2e   (packages the .vsix first; scripts/e2e-setup.sh must have run once)
// Skips with a reason when the tooling is missing, unless SECURE_IAC_E2E_REQUIRED=1 (CI sets it
// after the setup script, so a broken setup cannot pass silently). SECURE_IAC_VSIX picks another .vsix.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import { EXPECTED, FIXTURE_WORKSPACE, UNOPENED, type Scenario } from './fixtures/expected';
import {
  applyQuickFix,
  e2eAvailable,
  extensionHostLogs,
  goToLine,
  launch,
  openFile,
  openQuickFixMenu,
  readProblems,
  runCommand,
  saveAndReadFile,
  screenshot,
  waitForNoSquiggle,
  waitForNotification,
  waitForProblems,
  waitForSquiggle,
  type ProblemRow,
  type Session,
} from './harness';

const ROOT = path.resolve(__dirname, '..', '..');
const VSIX = path.resolve(process.env.SECURE_IAC_VSIX ?? path.join(ROOT, 'secure-iac.vsix'));

const avail = e2eAvailable();
const skip = avail.ok || process.env.SECURE_IAC_E2E_REQUIRED === '1' ? false : avail.reason;

const rowsOf = (rows: ProblemRow[], file: string, code: string): ProblemRow[] => rows.filter((r) => r.file === file && r.code === code);

describe('Secure IaC extension in code-server', { skip, timeout: 300_000 }, () => {
  let ws = '';
  let s: Session | undefined;
  let failed = false;
  const t0 = Date.now();
  const lap = (t: TestContext, what: string): void => t.diagnostic(`${what} at ${((Date.now() - t0) / 1000).toFixed(1)}s`);

  before(async () => {
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run npm run package (npm run test:e2e does)`);
    // A copy: the fixes are saved to disk, and the checked-in fixtures must stay as they are.
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-iac-e2e-ws-'));
    fs.cpSync(FIXTURE_WORKSPACE, ws, { recursive: true });
    s = await launch({ workspace: ws, vsix: [VSIX] });
  });

  after(async () => {
    if (s) {
      if (failed) {
        await screenshot(s.page, 'secure-iac-FAILED').catch(() => undefined);
        console.error(`[e2e] code-server log: ${s.server.logFile}\n[e2e] exthost logs: ${extensionHostLogs(s.profile).join(', ')}`);
        console.error(`[e2e] browser console errors: ${s.consoleErrors.slice(-10).join(' | ')}`);
        process.env.SECURE_IAC_E2E_KEEP = '1';
      }
      const pgid = s.server.proc.pid!;
      await s.close();
      // Nothing of code-server's process group (file watcher, extension host, our server) survives.
      assert.throws(() => process.kill(-pgid, 0), /ESRCH/);
    }
    if (ws) fs.rmSync(ws, { recursive: true, force: true });
  });

  /** Marks the suite failed (for the post-mortem in after()) when `body` throws. */
  const step = (name: string, body: (t: TestContext) => Promise<void>): void => {
    test(name, async (t) => {
      try {
        await body(t);
      } catch (e) {
        failed = true;
        throw e;
      }
    });
  };

  const shot = (name: string): Promise<string> => screenshot(s!.page, name);

  const fixScenario = (key: string, sc: Scenario): void => {
    const base = path.posix.basename(sc.file);

    step(`${sc.file}: squiggle and Problems row for ${sc.rule}`, async (t) => {
      const page = s!.page;
      await openFile(page, sc.file);
      await waitForSquiggle(page, 'error');
      const rows = await waitForProblems(page, (r) => rowsOf(r, base, sc.rule).length === 1, 60_000);
      const row = rowsOf(rows, base, sc.rule)[0]!;
      assert.equal(row.severity, 'error');
      assert.equal(row.source, 'secure-iac');
      assert.match(row.message, sc.message);
      assert.deepEqual({ line: row.line, column: row.column }, { line: sc.range.line, column: sc.range.column });
      // Every finding of this file is ours; the fixture triggers only the scenario's rule.
      assert.deepEqual(
        rows.filter((r) => r.file === base).map((r) => [r.source, r.code]),
        [['secure-iac', sc.rule]],
      );
      await shot(`${key}-before-fix`);
      lap(t, `${key}: diagnostic shown`);
    });

    step(`${sc.file}: Ctrl+. offers "${sc.fixTitle}"; applying it fixes the document`, async (t) => {
      const page = s!.page;
      const original = fs.readFileSync(path.join(ws, sc.file), 'utf8');
      await goToLine(page, sc.range.line, sc.range.column);
      const titles = await openQuickFixMenu(page);
      assert.ok(titles.includes(sc.fixTitle), JSON.stringify(titles));
      assert.ok(titles.includes(`Ignore ${sc.rule} for this resource…`), JSON.stringify(titles));
      await shot(`${key}-lightbulb`);
      await applyQuickFix(page, sc.fixTitle);
      await waitForNoSquiggle(page, 'error');
      await waitForProblems(page, (r) => rowsOf(r, base, sc.rule).length === 0);
      assert.equal(await saveAndReadFile(page, path.join(ws, sc.file)), sc.fixed(original));
      await shot(`${key}-after-fix`);
      lap(t, `${key}: fixed and saved`);
    });
  };

  fixScenario('cfn', EXPECTED.volume);
  fixScenario('tf', EXPECTED.ssh);

  step('Scan Workspace reports an unopened template; Clear Workspace Findings removes it', async (t) => {
    const page = s!.page;
    const base = path.posix.basename(UNOPENED.file);
    assert.deepEqual(
      (await readProblems(page)).filter((r) => r.file === base),
      [],
      'nothing reports the unopened file before the scan',
    );

    await runCommand(page, 'Secure IaC: Scan Workspace');
    // The fixed files are clean now, so the unopened template holds the only finding.
    await waitForNotification(page, 'Secure IaC: 1 finding in 1 of', 60_000);
    const rows = await waitForProblems(page, (r) => rowsOf(r, base, UNOPENED.rule).length === 1);
    const row = rowsOf(rows, base, UNOPENED.rule)[0]!;
    assert.equal(row.source, 'secure-iac');
    assert.equal(row.severity, 'error');
    assert.match(row.message, UNOPENED.message);
    assert.deepEqual({ line: row.line, column: row.column }, { line: UNOPENED.line, column: UNOPENED.column });
    await shot('scan-workspace');
    lap(t, 'workspace scanned');

    await runCommand(page, 'Secure IaC: Clear Workspace Findings');
    await waitForNotification(page, 'Secure IaC: cleared the workspace findings of');
    await waitForProblems(page, (r) => r.every((x) => x.file !== base));
    await shot('workspace-cleared');
    lap(t, 'workspace findings cleared');
  });
});
