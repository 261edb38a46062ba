// Neovim's built-in LSP client against the real language server (dist/server.js): diagnostics and quick fixes.
//
// Run: npm run test:nvim   (builds dist/, needs `nvim` 0.7+: scripts/e2e-setup.sh installs it)
// Skips with a reason when nvim is missing, unless SECURE_IAC_E2E_REQUIRED=1 (CI sets it after the
// setup script, so a broken setup cannot pass silently).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FIXTURE_WORKSPACE, EXPECTED } from '../e2e/fixtures/expected';
import { runNvimProbe, type NvimDiagnostic } from './run-nvim';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');

const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = hasNvim || process.env.SECURE_IAC_E2E_REQUIRED === '1' ? false : 'nvim not installed (run scripts/e2e-setup.sh)';

/** vim.diagnostic.severity: the server maps critical/high to Error, medium to Warning. */
const NVIM_ERROR = 1;

function only(diags: NvimDiagnostic[], code: string): NvimDiagnostic {
  const found = diags.filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected one ${code} diagnostic, got ${JSON.stringify(diags)}`);
  return found[0]!;
}

describe('Neovim LSP client with the Secure IaC server', { skip }, () => {
  let ws = '';
  before(() => {
    assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: build first (npm run build)`);
    // A copy, so nothing a test does can touch the checked-in fixtures.
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-iac-nvim-'));
    fs.cpSync(FIXTURE_WORKSPACE, ws, { recursive: true });
  });
  after(() => fs.rmSync(ws, { recursive: true, force: true }));

  for (const scenario of [EXPECTED.volume, EXPECTED.ssh]) {
    test(`${scenario.file}: ${scenario.rule} diagnostic, then its preferred fix`, async () => {
      const file = path.join(ws, scenario.file);
      const original = fs.readFileSync(file, 'utf8');
      const r = await runNvimProbe({ server: SERVER, file, rootDir: ws, applyFix: scenario.rule, timeoutMs: 20_000 });
      assert.equal(r.ok, true, JSON.stringify(r.errors));
      assert.equal(r.language_id, scenario.languageId);
      for (const d of r.diagnostics) assert.equal(d.source, 'secure-iac', JSON.stringify(d));

      const d = only(r.diagnostics, scenario.rule);
      assert.equal(d.severity, NVIM_ERROR);
      assert.match(d.message, scenario.message);
      // vim.diagnostic is 0-based; EXPECTED holds the 1-based line/column a person sees.
      assert.deepEqual({ line: d.lnum + 1, column: d.col + 1, endLine: (d.end_lnum ?? -1) + 1, endColumn: (d.end_col ?? -1) + 1 }, scenario.range);

      const index = r.diagnostics.indexOf(d);
      assert.equal(r.preferred[index], scenario.fixTitle, 'the preferred code action is the fix, not the ignore comment');
      assert.ok(r.code_actions[index]?.includes(`Ignore ${scenario.rule} for this resource…`), JSON.stringify(r.code_actions));

      assert.equal(r.applied_fix, scenario.fixTitle);
      assert.equal(r.text_after_fix, scenario.fixed(original));
      assert.equal(r.fixed_diagnostic_gone, true, `still there: ${JSON.stringify(r.diagnostics_after_fix)}`);
      assert.deepEqual(
        r.diagnostics_after_fix?.filter((x) => x.code === scenario.rule),
        [],
      );
      // The probe edits the buffer only; the file on disk is untouched.
      assert.equal(fs.readFileSync(file, 'utf8'), original);
      assert.deepEqual(r.server_exit, { code: 0, signal: 0 }, 'the server exits cleanly on shutdown');
    });
  }

  test('a file without findings gets an empty publish', async () => {
    const file = path.join(ws, 'clean.yaml');
    fs.writeFileSync(
      file,
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      KmsMasterKeyId: alias/aws/sns\n',
    );
    const r = await runNvimProbe({ server: SERVER, file, rootDir: ws, minDiagnostics: 0 });
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    assert.deepEqual(r.diagnostics, []);
  });
});

// The probe must report failure rather than pass quietly: these prove its failure paths.
describe('Neovim probe failure paths', { skip }, () => {
  // Made in a hook, not when the file loads: a skipped suite creates nothing and so leaves nothing behind.
  let tmp = '';
  let yaml = '';
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-iac-nvim-probe-'));
    yaml = path.join(tmp, 'a.yaml');
    fs.writeFileSync(yaml, 'a: 1\n');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('a server that dies at start is reported, not waited on', async () => {
    const r = await runNvimProbe({ server: path.join(tmp, 'missing-server.js'), file: yaml, timeoutMs: 10_000 });
    assert.equal(r.ok, false);
    assert.match(r.errors.join('\n'), /server exited early/);
  });

  test('a silent server times out within the limit', async () => {
    const silent = path.join(tmp, 'silent.js');
    fs.writeFileSync(silent, "process.stdin.on('data', () => {});\n");
    const t0 = Date.now();
    const r = await runNvimProbe({ server: silent, file: yaml, timeoutMs: 1_500 });
    assert.equal(r.ok, false);
    assert.equal(r.timed_out, true);
    assert.ok(Date.now() - t0 < 15_000, `took ${Date.now() - t0} ms`);
  });
});
