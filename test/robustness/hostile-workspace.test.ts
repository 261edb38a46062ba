// A repository under review (a pull request, a fork, a sample) must not make Secure IaC read files outside it, block
// on a FIFO, or echo bytes of a file that is not a template. Each case counts towards the suite's tally of inputs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadProjectConfig } from '../../server/src/engine/config/config-file';
import { parseParameterFile, readModuleVariables, readParameterFiles } from '../../server/src/scan/input-values';
import { readInputFile, readInputFileSync, resolveInside } from '../../server/src/workspace/input-file';
import { DEFAULT_SETTINGS, normalizeSettings, overlaySettings, USER_LEVEL_KEY } from '../../server/src/workspace/settings';
import { main } from '../../server/src/cli';
import { initParsers } from '../../server/src/parsers/index';

const SECRET = 'AKIAHOSTILEWORKSPACE1';

describe('hostile workspace: nothing read outside it, nothing of a non-template echoed', () => {
  let base: string;
  let ws: string;
  let outside: string;
  before(async () => {
    await initParsers();
    base = mkdtempSync(path.join(tmpdir(), 'hostile-'));
    ws = path.join(base, 'repo');
    outside = path.join(base, 'home');
    mkdirSync(ws);
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'credentials.json'), JSON.stringify({ Parameters: { Key: SECRET } }));
    writeFileSync(path.join(outside, 'secret.tfvars'), `token = "${SECRET}"\n`);
    symlinkSync(path.join(outside, 'credentials.json'), path.join(ws, 'link.json'));
    symlinkSync(outside, path.join(ws, 'linkdir'));
    writeFileSync(path.join(ws, 'inside.json'), JSON.stringify({ Parameters: { Key: 'ok' } }));
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  const escapes = () => ['../home/credentials.json', path.join(outside, 'credentials.json'), 'link.json', 'linkdir/credentials.json'];

  it('resolveInside refuses `..`, absolute paths elsewhere, and links out (file or folder), accepts inside files', () => {
    for (const entry of escapes()) assert.ok('refused' in resolveInside(ws, entry), entry);
    assert.deepEqual(resolveInside(ws, 'inside.json'), { path: path.join(ws, 'inside.json') });
    assert.deepEqual(resolveInside(ws, 'not-yet/there.json'), { path: path.join(ws, 'not-yet/there.json') });
  });

  it('.secure-iac.yaml: each escaping parameters/varFiles/baseline entry is one located error and is dropped', async () => {
    const entries = escapes();
    const text = `parameters:\n${entries.map((e) => `  - ${e}\n`).join('')}  - inside.json\nvarFiles: [../home/secret.tfvars]\nbaseline: ../home/baseline.json\n`;
    writeFileSync(path.join(ws, '.secure-iac.yaml'), text);
    try {
      const loaded = await loadProjectConfig(ws);
      assert.deepEqual(loaded.config.parameters, [path.join(ws, 'inside.json')]);
      assert.deepEqual(loaded.config.varFiles, []);
      assert.equal(loaded.config.baseline, undefined);
      const refused = loaded.diagnostics.filter((d) => /outside the workspace/.test(d.message));
      assert.equal(refused.length, entries.length + 2, loaded.diagnostics.map((d) => d.message).join('\n'));
      // Located: each at its own entry (line 2.. for parameters), not at the top of the file.
      for (const [i, d] of refused.slice(0, entries.length).entries()) assert.equal(d.line, i + 2);
      assert.equal(refused.at(-1)?.line, entries.length + 4);
    } finally {
      rmSync(path.join(ws, '.secure-iac.yaml'));
    }
  });

  it('the CLI refuses to scan with such a config (exit 2, file:line:col error) and never prints the outside file', async () => {
    writeFileSync(path.join(ws, '.secure-iac.yaml'), 'parameters: [link.json]\n');
    writeFileSync(path.join(ws, 't.yaml'), 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n');
    let out = '';
    try {
      const code = await main(
        ['scan', ws, '--format', 'json'],
        (t) => void (out += t),
        (t) => void (out += t),
      );
      assert.equal(code, 2);
      assert.match(out, /\.secure-iac\.yaml:1:\d+: error: 'parameters': 'link\.json' leads outside the workspace folder through a link/);
      assert.ok(!out.includes(SECRET));
    } finally {
      rmSync(path.join(ws, '.secure-iac.yaml'));
      rmSync(path.join(ws, 't.yaml'));
    }
  });

  it('workspace settings may not name outside files; user-level settings may', () => {
    const refused: string[] = [];
    const raw = {
      parameterFiles: [path.join(outside, 'credentials.json'), 'inside.json', '../home/credentials.json'],
      varFiles: [path.join(outside, 'secret.tfvars')],
    };
    const workspace = overlaySettings(normalizeSettings(raw).settings, undefined, ws, (p) => refused.push(p));
    assert.deepEqual(workspace.parameterFiles, [path.join(ws, 'inside.json')]);
    assert.deepEqual(workspace.varFiles, []);
    assert.equal(refused.length, 3);
    const user = normalizeSettings({
      ...raw,
      [USER_LEVEL_KEY]: { parameterFiles: [path.join(outside, 'credentials.json')], varFiles: [path.join(outside, 'secret.tfvars')] },
    }).settings;
    const trusted = overlaySettings(user, undefined, ws);
    assert.deepEqual(trusted.parameterFiles, [path.join(outside, 'credentials.json'), path.join(ws, 'inside.json')]);
    assert.deepEqual(trusted.varFiles, [path.join(outside, 'secret.tfvars')]);
    assert.deepEqual(DEFAULT_SETTINGS.userLevelFiles, []);
  });

  it("a module's own terraform.tfvars linked out of the workspace is not read", async () => {
    const mod = path.join(ws, 'mod');
    mkdirSync(mod);
    symlinkSync(path.join(outside, 'secret.tfvars'), path.join(mod, 'terraform.tfvars'));
    writeFileSync(path.join(mod, 'a.auto.tfvars'), 'region = "eu-west-1"\n');
    const values = await readModuleVariables(mod, [], { roots: [ws] });
    assert.deepEqual([...values.keys()], ['region']);
    // Without the confinement (an explicit read by the user), the same link is followed.
    assert.ok((await readModuleVariables(mod)).has('token'));
  });

  it('an unparseable parameter file is named with a position, never quoted', async () => {
    const bad = `{"Parameters": {"Key": "${SECRET}" oops}}`;
    assert.throws(
      () => parseParameterFile(bad, 'p.json'),
      (err: Error) =>
        /^p\.json: not valid JSON at line 1, column \d+/.test(err.message) && !err.message.includes(SECRET) && !err.message.includes('oops'),
    );
    writeFileSync(path.join(ws, 'bad.json'), `\n\n   ${SECRET}`);
    await assert.rejects(
      readParameterFiles([path.join(ws, 'bad.json')]),
      (err: Error) => /line 3, column 4/.test(err.message) && !err.message.includes(SECRET),
    );
  });

  it('input files: FIFOs are refused without blocking, sizes are capped', async function () {
    const fifo = path.join(ws, 'pipe.json');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      this.skip();
    }
    await assert.rejects(readInputFile(fifo), /not a regular file/);
    assert.throws(() => readInputFileSync(fifo), /not a regular file/);
    await assert.rejects(readParameterFiles([fifo]), /not a regular file/);
    writeFileSync(path.join(ws, 'big.tfvars'), `x = "${'a'.repeat(5000)}"\n`);
    await assert.rejects(readInputFile(path.join(ws, 'big.tfvars'), 1000), /larger than the 1000 bytes limit/);
    await assert.rejects(readModuleVariables(ws, [path.join(ws, 'big.tfvars')], { maxFileSize: 1000 }), /larger than/);
    rmSync(fifo);
  });
});
