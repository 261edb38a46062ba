// How the CLI bundle's stand-ins for its lazy libraries (esbuild.mjs, `LAZY`) load dist/vendor-*.js: through the same
// V8 code cache as dist/cli.js itself, so a YAML scan or a text report with code frames compiles nothing it has run
// before. Only the built CLI uses this; from source the libraries are imported directly.
import { join } from 'node:path';
import { cacheDir, requireWithCodeCache, type CachedModule } from './code-cache';

const loaded: CachedModule[] = [];

/** `require('./<file>')` beside the running bundle, through the code cache. */
export function requireVendor(file: string): unknown {
  const vendor = requireWithCodeCache(join(__dirname, file), module, cacheDir());
  loaded.push(vendor);
  return vendor.exports;
}

/** Writes the caches of the vendor bundles this run loaded and found no valid cache for (see `CachedModule.save`). */
export function saveVendorCaches(): void {
  for (const vendor of loaded) vendor.save();
}
