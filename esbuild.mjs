// Bundles the CLI, the language server and the extension client into dist/. Nothing else is loaded at run time
// but the rule pages: every parser is plain TypeScript in the bundles.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { version } = require('./package.json');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the `file:line:col: error: msg` shape VS Code's $esbuild-watch problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  alias: {
    // jsonc-parser's UMD entry requires its files at run time; its ESM build bundles cleanly.
    'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js',
  },
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { SECURE_IAC_VERSION: JSON.stringify(version) },
  plugins: [problemMatcher],
};

const entries = [
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' },
  // The CLI's scan threads load this file from next to dist/cli.js.
  { entryPoints: ['server/src/scan/scan-worker.ts'], outfile: 'dist/scan-worker.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
].filter((e) => existsSource(e.entryPoints[0]));

function existsSource(path) {
  try {
    require('node:fs').accessSync(path);
    return true;
  } catch {
    return false;
  }
}

mkdirSync('dist', { recursive: true });
// Bundles built before the HCL parser left .wasm files behind; a package must not ship them.
for (const stale of readdirSync('dist').filter((f) => f.endsWith('.wasm'))) rmSync(join('dist', stale));
// The rule pages diagnostics link to (server/src/engine/docs-url.ts): a .vsix ships only dist/ and a few top-level files.
mkdirSync(join('dist', 'docs', 'rules'), { recursive: true });
for (const page of readdirSync(join('docs', 'rules')).filter((f) => f.endsWith('.md'))) {
  copyFileSync(join('docs', 'rules', page), join('dist', 'docs', 'rules', page));
}
copyFileSync(join('docs', 'suppressions.md'), join('dist', 'docs', 'suppressions.md'));

const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
