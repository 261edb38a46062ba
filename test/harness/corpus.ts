// The shared corpus (../shared/corpus beside the repository) is not part of a clone: tests that read it skip, saying so
// in one line, when it is absent; CI sets SECURE_IAC_CORPUS_REQUIRED=1 so that there an absent corpus fails instead.
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** ../shared/corpus, beside the repository. */
export const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

/** The environment variable that turns a skip into a failure (set by .ci/run). */
export const CORPUS_REQUIRED_VAR = 'SECURE_IAC_CORPUS_REQUIRED';

/** Whether the corpus, or the part of it at `sub`, is there. */
export function corpusPresent(sub = ''): boolean {
  return existsSync(path.join(CORPUS, sub));
}

/** The skip lines printed so far: one per missing path for the whole run, not one per test. */
const announced = new Set<string>();

/**
 * First line of a test (a `function`, not an arrow, for mocha's `this`) that reads the corpus: skips the test when the
 * corpus (or `sub` in it) is absent, printing one line for the whole run; fails instead when SECURE_IAC_CORPUS_REQUIRED=1.
 */
export function needsCorpus(
  ctx: Mocha.Context,
  sub = '',
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = console.log,
  said: Set<string> = announced,
): void {
  if (corpusPresent(sub)) return;
  // Name the corpus itself when all of it is missing (a fresh clone), the part otherwise.
  const what = path.posix.join('../shared/corpus', corpusPresent() ? sub : '');
  if (env[CORPUS_REQUIRED_VAR] === '1') throw new Error(`${what} not present, and ${CORPUS_REQUIRED_VAR}=1 requires it`);
  if (!said.has(what)) log(`      skipped: ${what} not present (the tests that read it are pending; ${CORPUS_REQUIRED_VAR}=1 makes them fail)`);
  said.add(what);
  ctx.skip();
}
