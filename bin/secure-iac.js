#!/usr/bin/env node
// Entry point of the `secure-iac` command: the bundled CLI, built by `npm ci` (prepare) or `npm run build`.
'use strict';
const { main, exitOnSignals } = require('../dist/cli.js');
exitOnSignals();
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
