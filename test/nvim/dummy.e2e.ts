// Self-test of the Neovim runner against the dummy LSP server, including its failure paths.
//
// Run: npx tsx --test test/nvim/dummy.e2e.ts   (needs `nvim` 0.7+, see scripts/e2e-setup.sh)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { DUMMY_SERVER, runNvimProbe } from './run-nvim';

const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = hasNvim || process.env.SECURE_IAC_E2E_REQUIRED === '1' ? false : 'nvim not installed (run scripts/e2e-setup.sh)';

describe('Neovim LSP runner (dummy server)', { skip }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-iac-nvim-test-'));
  const yaml = path.join(tmp, 'a.yaml');
  fs.writeFileSync(yaml, 'bad: line\nfoo: 1\n');
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('reports the published diagnostic and its code action', async () => {
    const r = await runNvimProbe({ server: DUMMY_SERVER, file: yaml, rootDir: tmp, codeActions: true });
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    assert.equal(r.language_id, 'yaml');
    assert.deepEqual(r.diagnostics, [{
      lnum: 0, col: 0, end_lnum: 0, end_col: 9, message: 'Dummy problem on line 1', severity: 1, code: 'DUMMY001', source: 'dummy',
    }]);
    assert.deepEqual(r.code_actions, [['Dummy fix']]);
    assert.deepEqual(r.server_exit, { code: 0, signal: 0 });
  });

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

  test('minDiagnostics 0 waits for a publish and accepts an empty list', async () => {
    const r = await runNvimProbe({ server: DUMMY_SERVER, file: yaml, minDiagnostics: 0, env: { DUMMY_LSP_CLEAN: '1' } });
    assert.equal(r.ok, true, JSON.stringify(r.errors));
    assert.deepEqual(r.diagnostics, []);
  });
});
