// Bundles the CLI, the language server and the extension client into dist/. Nothing else is loaded at run time
// but the rule pages: every parser is plain TypeScript in the bundles.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

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

/**
 * Modules the CLI needs only for some inputs or options, each mapped to what its stand-in loads: a library is bundled
 * on its own as dist/vendor-<name>.js, a Node built-in is required as is. The CLI bundle gets a stand-in whose export
 * getters load the module on first use: a scan of .tf files with --no-snippets loads none of them (`yaml` alone was a
 * quarter of dist/cli.js; docs/performance.md, "CLI start"). The language server and the scan worker keep them inside:
 * they are long-lived, and their start is not a command's whole run.
 */
const LAZY = {
  yaml: './vendor-yaml.js', // CloudFormation YAML, .secure-iac.yaml
  'jsonc-parser': './vendor-jsonc.js', // CloudFormation JSON, .tf.json, .tfvars.json, parameter files
  diff: './vendor-diff.js', // fix --dry-run
  '@babel/code-frame': './vendor-code-frame.js', // text report snippets
  'node:worker_threads': 'node:worker_threads', // scan threads: large scans only
};

/** Builds the vendor bundles and returns the export names of every lazy module, which its stand-in answers. */
async function buildLazyModules() {
  const names = {};
  await Promise.all(
    Object.entries(LAZY).map(async ([name, target]) => {
      let loaded;
      if (target.startsWith('./vendor-')) {
        const outfile = join('dist', target);
        await esbuild.build({ ...common, plugins: [], sourcemap: false, entryPoints: [common.alias[name] ?? name], outfile });
        loaded = require(resolve(outfile));
      } else loaded = require(target);
      names[name] = { exports: Object.keys(loaded), esModule: loaded.__esModule === true };
    }),
  );
  return names;
}

/** Resolves each lazy module to a stand-in whose export getters require the real one on first read. */
function lazyModules(names) {
  return {
    name: 'lazy-modules',
    setup(build) {
      const filter = new RegExp(
        `^(${Object.keys(LAZY)
          .map((p) => p.replace(/[/.]/g, '\\$&'))
          .join('|')})$`,
      );
      // The stand-in's own require of a built-in is the real module.
      build.onResolve({ filter }, (args) =>
        args.namespace === 'lazy' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy' },
      );
      build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
        const { exports, esModule } = names[args.path];
        const getters = exports.map((n) => `${JSON.stringify(n)}: { enumerable: true, get: () => load()[${JSON.stringify(n)}] }`);
        return {
          contents: [
            'let real;',
            LAZY[args.path].startsWith('./vendor-')
              ? `const { requireVendor } = require(${JSON.stringify(join(import.meta.dirname, 'server', 'src', 'cli', 'vendor-require.ts'))});\nconst load = () => real || (real = requireVendor(${JSON.stringify(LAZY[args.path])}));`
              : `const load = () => real || (real = require(${JSON.stringify(LAZY[args.path])}));`,
            esModule ? 'Object.defineProperty(exports, "__esModule", { value: true });' : '',
            `Object.defineProperties(exports, { ${getters.join(', ')} });`,
          ].join('\n'),
          loader: 'js',
          resolveDir: import.meta.dirname,
        };
      });
      build.onResolve({ filter: /^\.\/vendor-[\w-]+\.js$/ }, (args) => ({ path: args.path, external: true }));
    },
  };
}

const lazyNames = await buildLazyModules();

const entries = [
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', alias: {}, plugins: [problemMatcher, lazyModules(lazyNames)] },
  // bin/secure-iac.js loads dist/cli.js through a V8 code cache with this (dist/server.js has its own copy inside).
  { entryPoints: ['server/src/cli/code-cache.ts'], outfile: 'dist/code-cache.js' },
  // The CLI's scan threads load this file from next to dist/cli.js.
  { entryPoints: ['server/src/scan/scan-worker.ts'], outfile: 'dist/scan-worker.js' },
  // dist/server.js loads the language server (dist/server-main.js) through the V8 code cache.
  { entryPoints: ['server/src/server-launch.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server-main.js' },
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
