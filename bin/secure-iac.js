#!/usr/bin/env node
// Entry point of the `secure-iac` command: the bundled CLI, built by `npm ci` (prepare) or `npm run build`.
'use strict';
const argv = process.argv.slice(2);
if (argv[0] === '-v' || argv[0] === '--version') {
  // What `main` answers, without loading the engine: the bundle's version is this file's, stamped in at build time.
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  // Through a V8 code cache: compiling the bundle was a third of a one-file scan (docs/performance.md, "CLI start").
  const { requireWithCodeCache, cacheDir } = require('../dist/code-cache.js');
  const cli = requireWithCodeCache(require.resolve('../dist/cli.js'), module, cacheDir());
  const { main, exitOnSignals } = cli.exports;
  exitOnSignals();
  main(argv).then((code) => {
    process.exitCode = code;
    // After the work, so that the cache holds what a scan compiles; `help` and `rules` compile too little to be worth it.
    if (argv[0] === 'scan' || argv[0] === 'fix') {
      cli.save();
      cli.exports.saveVendorCaches();
    }
  });
}
