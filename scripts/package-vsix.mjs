// Packs secure-iac.vsix. vsce refuses a package.json `files` list (the npm package's allow-list) next to a
// .vscodeignore (the .vsix's), and the two lists differ (npm ships bin/ and the CLI bundle, the .vsix does not), so
// the .vsix is packed from a staging copy of what .vscodeignore admits, with a manifest without `files`.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const out = resolve(root, process.argv[2] ?? 'secure-iac.vsix');
const vsce = join(require.resolve('@vscode/vsce/package.json', { paths: [root] }), '..', 'vsce');

execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'inherit' });
const stage = mkdtempSync(join(tmpdir(), 'secure-iac-vsix-'));
try {
  for (const entry of ['dist', 'docs/images/icon.png', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore']) {
    cpSync(join(root, entry), join(stage, entry), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  delete manifest.files;
  // Built above, in the repository (the stage has no sources).
  delete manifest.scripts['vscode:prepublish'];
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], {
    cwd: stage,
    stdio: 'inherit',
  });
} finally {
  rmSync(stage, { recursive: true, force: true });
}
