// `npm run gen`: regenerates every generated file (see scripts/gen/all.ts). `npm run gen -- --check` only lists stale ones.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateRuleIndex, RULE_INDEX } from './gen/rule-index';

const USAGE = 'usage: npm run gen [-- --check]   (regenerate every generated file; --check: exit 1 if any is stale)';
const ROOT = path.resolve(__dirname, '..');

/** Writes what changed and returns the relative paths written (with `check`, writes nothing and returns the stale ones). */
export function generate(check = false, log: (line: string) => void = console.log): string[] {
  const changed: string[] = [];
  // The registry first, from the rule files alone: everything else is rendered from the registry it defines, so it
  // is imported only once the file is fresh.
  const index = generateRuleIndex(ROOT);
  const indexFile = path.join(ROOT, RULE_INDEX);
  if (!existsSync(indexFile) || readFileSync(indexFile, 'utf8') !== index) {
    changed.push(RULE_INDEX);
    if (!check) writeFileSync(indexFile, index);
  }
  if (check && changed.length > 0) return changed; // the rest would be rendered from a stale registry
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded late on purpose (see above)
  const { generatedFiles, generationWarnings, staleFiles } = require('./gen/all') as typeof import('./gen/all');
  const files = generatedFiles();
  for (const rel of staleFiles(files)) {
    if (rel === RULE_INDEX) continue;
    changed.push(rel);
    if (!check) writeFileSync(path.join(ROOT, rel), files.get(rel) as string);
  }
  for (const warning of generationWarnings()) log(`warning: ${warning}`);
  return changed;
}

function main(): void {
  const args = process.argv.slice(2);
  if (args.some((a) => a !== '--check')) {
    console.error(USAGE);
    process.exit(2);
  }
  const check = args.includes('--check');
  const changed = generate(check);
  if (check && changed.length > 0) {
    console.error(`stale generated files: ${changed.join(', ')}; run \`npm run gen\``);
    process.exit(1);
  }
  console.log(changed.length === 0 ? 'generated files are up to date' : `${check ? 'stale' : 'updated'}: ${changed.join(', ')}`);
}

if (require.main === module) main();
