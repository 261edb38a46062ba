#!/usr/bin/env node
// Entry point of the `secure-iac-server` command: the language server for editors other than VS Code (Neovim, Helix,
// Emacs, ...). It speaks LSP over standard input/output unless another transport (--node-ipc, --socket=N) is named.
'use strict';
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];
if (!process.argv.slice(2).some((a) => transports.some((t) => a === t || a.startsWith(`${t}=`)))) process.argv.push('--stdio');
if (process.argv.includes('--version') || process.argv.includes('-v')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  // Through a V8 code cache, as bin/secure-iac.js: the editor waits for `initialize` while the bundle compiles.
  const { requireWithCodeCache, cacheDir } = require('../dist/code-cache.js');
  const server = requireWithCodeCache(require.resolve('../dist/server.js'), module, cacheDir());
  if (!server.accepted) {
    // Written once the first checks have compiled what a session needs, or at exit if the session ends sooner.
    setTimeout(() => server.save(), 30_000).unref();
    process.once('exit', () => server.save());
  }
}
