// `.secure-iac.yaml`: parsing, precise validation with ranges, defaults for the bad parts, loading, overlaying.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  formatConfigDiagnostic,
  loadConfigFile,
  loadProjectConfig,
  overlayProjectConfig,
  parseProjectConfig,
  toEngineConfig,
  type ConfigDiagnostic,
} from '../../server/src/engine/config/config-file';
import { CONFIG_KEYS, emptyConfig } from '../../server/src/engine/config/config-validate';
import { allRules } from '../../rules/index';
import { parseArgs, type ScanOptions } from '../../server/src/cli/args';
import { configFolders, scanSetup } from '../../server/src/cli/project-config';
import { dedent } from '../harness/sources';

const KNOWN = new Set(['s3-versioning', 'sg-open-ssh', 'asset-tags']);

/** The text a diagnostic's range covers. */
const at = (text: string, d: ConfigDiagnostic | undefined) => (d ? text.slice(d.range.start, d.range.end) : undefined);

describe('project config file', () => {
  describe('parseProjectConfig', () => {
    it('reads every setting', () => {
      const text = dedent(`
        rules:
          s3-versioning: off
          sg-open-ssh: critical
          asset-tags: on
        exclude: ["test/fixtures/**", "**/generated/*.yaml"]
        parameters: [params/prod.json]
        varFiles: [env/prod.tfvars]
        requiredTags: [Owner, CostCenter]
        unresolved: info
      `);
      assert.deepEqual(parseProjectConfig(text, KNOWN), {
        config: {
          rules: { 's3-versioning': 'off', 'sg-open-ssh': 'critical', 'asset-tags': 'on' },
          exclude: ['test/fixtures/**', '**/generated/*.yaml'],
          parameters: ['params/prod.json'],
          varFiles: ['env/prod.tfvars'],
          requiredTags: ['Owner', 'CostCenter'],
          unresolved: 'info',
        },
        diagnostics: [],
      });
    });

    it('accepts an empty file, a comment-only file and empty sections', () => {
      for (const text of ['', '# nothing yet\n', 'rules:\nexclude:\n']) {
        const { config, diagnostics } = parseProjectConfig(text, KNOWN);
        assert.deepEqual(diagnostics, [], text);
        assert.deepEqual(config, { rules: {}, exclude: [], parameters: [], varFiles: [], requiredTags: [] });
      }
    });

    it('takes booleans and any letter case for rule settings', () => {
      const { config, diagnostics } = parseProjectConfig('rules: { s3-versioning: false, sg-open-ssh: HIGH, asset-tags: true }', KNOWN);
      assert.deepEqual(diagnostics, []);
      assert.deepEqual(config.rules, { 's3-versioning': 'off', 'sg-open-ssh': 'high', 'asset-tags': 'on' });
    });

    it('reports an unknown rule id at the id, with a suggestion, and keeps the other rules', () => {
      const text = 'rules:\n  s3-versoning: off\n  sg-open-ssh: low\n';
      const { config, diagnostics } = parseProjectConfig(text, KNOWN);
      assert.deepEqual(config.rules, { 'sg-open-ssh': 'low' });
      assert.equal(diagnostics.length, 1);
      assert.equal(at(text, diagnostics[0]), 's3-versoning');
      assert.match(diagnostics[0]?.message ?? '', /Unknown rule id 's3-versoning'\. Did you mean 's3-versioning'\?/);
      assert.deepEqual([diagnostics[0]?.line, diagnostics[0]?.column, diagnostics[0]?.severity], [2, 3, 'error']);
    });

    it('reports a bad severity at the value', () => {
      const text = 'rules:\n  sg-open-ssh: severe\n';
      const { config, diagnostics } = parseProjectConfig(text, KNOWN);
      assert.deepEqual(config.rules, {});
      assert.equal(at(text, diagnostics[0]), 'severe');
      assert.match(diagnostics[0]?.message ?? '', /'rules\.sg-open-ssh' must be one of off, on, critical, high, medium, low, info, not 'severe'/);
    });

    it('reports an unknown key with a suggestion, and the rest still applies', () => {
      const text = 'var_files: [a.tfvars]\nrequiredTags: [Owner]\n';
      const { config, diagnostics } = parseProjectConfig(text, KNOWN);
      assert.deepEqual(config.requiredTags, ['Owner']);
      assert.equal(at(text, diagnostics[0]), 'var_files');
      assert.match(diagnostics[0]?.message ?? '', /Unknown setting 'var_files'\. Did you mean 'varFiles'\?/);
    });

    it('reports wrong types where they are, keeping the defaults for those parts', () => {
      const text = dedent(`
        rules: [s3-versioning]
        exclude: test/**
        requiredTags: [Owner, 3, ""]
        unresolved: loud
      `);
      const { config, diagnostics } = parseProjectConfig(text, KNOWN);
      assert.deepEqual(config, { rules: {}, exclude: [], parameters: [], varFiles: [], requiredTags: ['Owner'] });
      assert.deepEqual(
        diagnostics.map((d) => at(text, d)),
        ['[s3-versioning]', 'test/**', '3', '""', 'loud'],
      );
      assert.match(diagnostics[1]?.message ?? '', /'exclude' must be a list of glob patterns, e\.g\. exclude: \[test\/\*\*\]/);
      assert.match(diagnostics[4]?.message ?? '', /'unresolved' must be 'off'/);
    });

    it("reads 'unresolved: off' as the default, silent", () => {
      for (const value of ['off', 'silent']) {
        const { config, diagnostics } = parseProjectConfig(`unresolved: ${value}\n`, KNOWN);
        assert.deepEqual(diagnostics, []);
        assert.equal(config.unresolved, 'silent', value);
      }
    });

    it('reports a document that is not a mapping', () => {
      const { diagnostics } = parseProjectConfig('- rules\n', KNOWN);
      assert.match(diagnostics[0]?.message ?? '', /must be a mapping/);
    });

    it('voids the whole file on a YAML syntax error, locating it', () => {
      const text = 'rules:\n  sg-open-ssh: low\nexclude: [a\n';
      const { config, diagnostics } = parseProjectConfig(text, KNOWN);
      assert.deepEqual(config.rules, {});
      assert.ok(diagnostics.length > 0 && diagnostics.every((d) => /YAML syntax error/.test(d.message) && d.range.end > d.range.start));
    });

    it('reports duplicate keys', () => {
      const { diagnostics } = parseProjectConfig('requiredTags: [A]\nrequiredTags: [B]\n', KNOWN);
      assert.equal(diagnostics.length, 1);
      assert.match(diagnostics[0]?.message ?? '', /YAML syntax error/);
    });

    it('follows YAML aliases', () => {
      const { config, diagnostics } = parseProjectConfig('requiredTags: &tags [Owner]\nexclude: *tags\n', KNOWN);
      assert.deepEqual(diagnostics, []);
      assert.deepEqual(config.exclude, ['Owner']);
    });
  });

  describe('overlay and engine config', () => {
    const base = {
      rules: { 's3-versioning': 'off' as const, 'sg-open-ssh': 'low' as const },
      exclude: ['a/**'],
      parameters: ['p.json'],
      varFiles: [],
      requiredTags: ['Owner'],
      unresolved: 'info' as const,
    };

    it('merges rules per id and replaces what the overlay sets', () => {
      assert.deepEqual(overlayProjectConfig(base, { rules: { 'sg-open-ssh': 'critical' }, requiredTags: ['Team'] }), {
        ...base,
        rules: { 's3-versioning': 'off', 'sg-open-ssh': 'critical' },
        requiredTags: ['Team'],
      });
      assert.deepEqual(overlayProjectConfig(base, {}), base);
    });

    it('gives the engine its part', () => {
      assert.deepEqual(toEngineConfig(base), { rules: base.rules, requiredTags: ['Owner'], unresolved: 'info' });
    });

    it('formats diagnostics as compilers do', () => {
      const d = parseProjectConfig('rules:\n  nope: off\n', KNOWN).diagnostics[0];
      assert.ok(d);
      assert.match(formatConfigDiagnostic(d, '.secure-iac.yaml'), /^\.secure-iac\.yaml:2:3: error: Unknown rule id 'nope'/);
    });
  });

  describe('loadProjectConfig', () => {
    let root: string;
    beforeEach(() => (root = mkdtempSync(path.join(tmpdir(), 'secure-iac-config-'))));
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('gives the defaults without diagnostics when there is no file', async () => {
      const loaded = await loadProjectConfig(root);
      assert.equal(loaded.path, undefined);
      assert.deepEqual(loaded.diagnostics, []);
      assert.deepEqual(loaded.config.rules, {});
    });

    it('reads .secure-iac.yaml (or .yml), resolving parameter and var files against the root', async () => {
      writeFileSync(path.join(root, 'prod.json'), '[]');
      writeFileSync(path.join(root, '.secure-iac.yml'), 'parameters: [prod.json]\nrules: { s3-versioning: off }\n');
      const loaded = await loadProjectConfig(root);
      assert.equal(loaded.path, path.join(root, '.secure-iac.yml'));
      assert.deepEqual(loaded.config.parameters, [path.join(root, 'prod.json')]);
      assert.deepEqual(loaded.config.rules, { 's3-versioning': 'off' });
      writeFileSync(path.join(root, '.secure-iac.yaml'), 'requiredTags: [Owner]\n');
      assert.equal((await loadProjectConfig(root)).path, path.join(root, '.secure-iac.yaml'), '.yaml wins');
    });

    it('reports a parameter or var file that does not exist, at its entry', async () => {
      const text = 'varFiles:\n  - missing.tfvars\n';
      writeFileSync(path.join(root, '.secure-iac.yaml'), text);
      const loaded = await loadProjectConfig(root);
      assert.deepEqual(loaded.config.varFiles, []);
      assert.equal(loaded.text, text);
      assert.equal(at(text, loaded.diagnostics[0]), 'missing.tfvars');
      assert.deepEqual([loaded.diagnostics[0]?.line, loaded.diagnostics[0]?.column], [2, 5]);
      assert.match(loaded.diagnostics[0]?.message ?? '', /no file 'missing\.tfvars'/);
    });

    it('loads an explicitly named file relative to its own folder, and reports one that cannot be read', async () => {
      writeFileSync(path.join(root, 'vars.tfvars'), 'x = 1\n');
      writeFileSync(path.join(root, 'ci.yaml'), 'varFiles: [vars.tfvars]\n');
      assert.deepEqual((await loadConfigFile(path.join(root, 'ci.yaml'))).config.varFiles, [path.join(root, 'vars.tfvars')]);
      const missing = await loadConfigFile(path.join(root, 'nope.yaml'));
      assert.match(missing.diagnostics[0]?.message ?? '', /Cannot read/);
    });
  });
});

describe('project config of a CLI scan', () => {
  let root: string;
  const ids = new Set(allRules.map((r) => r.id));
  const setup = (...paths: string[]) => scanSetup(parseArgs(['scan', ...paths], ids) as ScanOptions, root);
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'secure-iac-scanroot-'));
    for (const dir of ['infra', 'other']) mkdirSync(path.join(root, dir));
    writeFileSync(path.join(root, '.secure-iac.yaml'), 'rules: { s3-versioning: low }\n');
    writeFileSync(path.join(root, 'infra', '.secure-iac.yaml'), 'rules: { s3-versioning: off }\nexclude: ["gen/**"]\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads the config at the scan root when one folder is scanned, with its globs relative to that folder', async () => {
    const scan = await setup('infra');
    assert.deepEqual(scan.config.rules, { 's3-versioning': 'off' });
    assert.ok(scan.isExcluded(path.join('infra', 'gen', 'a.yaml')));
    assert.ok(!scan.isExcluded(path.join('gen', 'a.yaml')));
  });

  it('falls back to the working directory: several paths, a file, or a scan root without a config', async () => {
    for (const paths of [['.'], ['infra', 'other'], ['infra/.secure-iac.yaml'], ['other']]) {
      assert.deepEqual((await setup(...paths)).config.rules, { 's3-versioning': 'low' }, paths.join(' '));
    }
    assert.deepEqual(await configFolders(['infra'], root), [path.join(root, 'infra'), root]);
    assert.deepEqual(await configFolders(['missing'], root), [root]);
  });

  it('prints an invalid config at the scan root with its file, line and column', async () => {
    writeFileSync(path.join(root, 'infra', '.secure-iac.yaml'), 'rules:\n  s3-versoning: off\n');
    const scan = await setup('infra');
    assert.deepEqual(
      scan.errors.map((e) => e.split(': error: ')[0]),
      [`${path.join('infra', '.secure-iac.yaml')}:2:3`],
    );
  });
});

describe('the README config example', () => {
  it('is a valid config that sets every documented key', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const example = /## Project configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(example, 'README has a yaml example under "Project configuration"');
    const { config, diagnostics } = parseProjectConfig(example, new Set(allRules.map((r) => r.id)));
    assert.deepEqual(diagnostics, []);
    for (const key of CONFIG_KEYS) assert.notDeepEqual(config[key], emptyConfig()[key], `the example shows '${key}'`);
  });
});
