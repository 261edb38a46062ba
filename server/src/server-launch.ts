// dist/server.js, what editors start (VS Code's client over IPC, `secure-iac-server` over stdio): loads the language
// server bundle, dist/server-main.js, through the V8 code cache, so a start deserializes instead of compiling the
// bundle before it can answer `initialize` (docs/performance.md, "CLI start").
import { join } from 'node:path';
import { cacheDir, requireWithCodeCache } from './cli/code-cache';

const server = requireWithCodeCache(join(__dirname, 'server-main.js'), module, cacheDir());
if (!server.accepted) {
  // Written once the first checks have compiled what a session needs, or at exit if the session ends sooner.
  setTimeout(() => server.save(), 30_000).unref();
  process.once('exit', () => server.save());
}
