// The extension manifest: rule-id schema generated from the registry, commands, activation and capabilities.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../rules/index';
import { isManifestFresh, PACKAGE_JSON, RULE_SETTING_VALUES } from '../../scripts/gen-manifest';
import { Commands } from '../../server/src/protocol';

interface Manifest {
  main: string;
  activationEvents: string[];
  capabilities: {
    untrustedWorkspaces: { supported: boolean | string; restrictedConfigurations?: string[] };
    virtualWorkspaces: { supported: string; description: string };
  };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: {
      properties: Record<string, { scope?: string; propertyNames?: { enum: string[] }; properties?: Record<string, { enum: string[] }> }>;
    };
  };
  scripts: Record<string, string>;
}

describe('extension manifest (package.json)', () => {
  const text = readFileSync(PACKAGE_JSON, 'utf8');
  const pkg = JSON.parse(text) as Manifest;

  it('lists every registered rule in the secureIac.rules schema (run `npx tsx scripts/gen-manifest.ts` if this fails)', () => {
    assert.ok(isManifestFresh(text), 'package.json is stale: run `npx tsx scripts/gen-manifest.ts`');
    const schema = pkg.contributes.configuration.properties['secureIac.rules'];
    assert.deepEqual(
      schema?.propertyNames?.enum,
      allRules.map((r) => r.id),
    );
    for (const rule of allRules) assert.deepEqual(schema?.properties?.[rule.id]?.enum, [...RULE_SETTING_VALUES]);
  });

  it('contributes every setting the server reads, with the documented scopes', () => {
    const props = pkg.contributes.configuration.properties;
    assert.equal(props['secureIac.rules']?.scope, 'resource');
    assert.equal(props['secureIac.exclude']?.scope, 'resource');
    assert.equal(props['secureIac.requiredTags']?.scope, 'resource');
    assert.equal(props['secureIac.trace.server']?.scope, 'window');
    for (const key of ['secureIac.unresolved', 'secureIac.parameterFiles', 'secureIac.varFiles']) assert.equal(props[key]?.scope, 'resource', key);
  });

  it('contributes exactly the client commands, under the "Secure IaC" category', () => {
    assert.deepEqual(pkg.contributes.commands.map((c) => c.command).sort(), Object.values(Commands).sort());
    assert.ok(pkg.contributes.commands.every((c) => c.category === 'Secure IaC'));
  });

  it('activates on CloudFormation/Terraform languages and Terraform/.template files (no YAML/JSON workspaceContains), runs the bundle, and declares workspace capabilities', () => {
    assert.equal(pkg.main, './dist/extension.js');
    for (const event of [
      'onLanguage:yaml',
      'onLanguage:json',
      'onLanguage:terraform',
      'workspaceContains:**/*.tf',
      'workspaceContains:**/*.tf.json',
      'workspaceContains:**/*.template',
    ]) {
      assert.ok(pkg.activationEvents.includes(event), event);
    }
    // Not every workspace with a YAML or JSON file: those are sniffed for a template in activate() (client/src/activation.ts).
    assert.ok(
      !pkg.activationEvents.some((e) => e.startsWith('workspaceContains:') && /yaml|yml|\bjson\b|\*\.json/.test(e.replace('tf.json', ''))),
      JSON.stringify(pkg.activationEvents),
    );
    // Restricted Mode: a workspace's own path settings are ignored (VS Code drops their workspace values).
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['secureIac.parameterFiles', 'secureIac.varFiles']);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
    assert.ok(pkg.capabilities.virtualWorkspaces.description.length > 0);
    assert.equal(pkg.scripts['vscode:prepublish'], 'node esbuild.mjs --production');
  });

  it('packages only dist/ (bundles, rule pages; no .wasm: every parser is in the bundles), package.json, README, CHANGELOG, LICENSE and the icon (`vsce ls`)', function () {
    this.timeout(60_000);
    const vsce = path.join(path.dirname(PACKAGE_JSON), 'node_modules', '@vscode', 'vsce', 'vsce');
    const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: path.dirname(PACKAGE_JSON), encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .sort();
    // Diagnostics link to the rule pages shipped in the extension (server/src/engine/docs-url.ts).
    const pages = [...allRules.map((r) => `dist/docs/rules/${r.id}.md`), 'dist/docs/suppressions.md'];
    assert.deepEqual(
      listed,
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'dist/extension.js',
        'dist/server-main.js',
        'dist/server.js',
        'docs/images/icon.png',
        'package.json',
        ...pages,
      ].sort(),
    );
  });
});
