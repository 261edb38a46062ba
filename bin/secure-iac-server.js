#!/usr/bin/env node
// Entry point of the `secure-iac-server` command: the language server for editors other than VS Code (Neovim, Helix,
// Emacs, ...). It speaks LSP over standard input/output unless another transport (--node-ipc, --socket=N) is named.
'use strict';
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];
if (!process.argv.slice(2).some((a) => transports.some((t) => a === t || a.startsWith(`${t}=`)))) process.argv.push('--stdio');
if (process.argv.includes('--version') || process.argv.includes('-v')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  require('../dist/server.js');
}
