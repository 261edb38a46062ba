// Where a rule's documentation page is: the one place that decides what diagnostics link to.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The generated rule pages, relative to the package root (the repository root, and the extension folder in a .vsix). */
export const RULE_DOCS_DIR = 'docs/rules';

/** A rule's page relative to the package root: `docs/rules/<id>.md`. */
export function ruleDocsPath(ruleId: string): string {
  return `${RULE_DOCS_DIR}/${ruleId}.md`;
}

/**
 * Where the pages are shipped: a .vsix holds only `dist/` and a few top-level files, so the build copies the pages to
 * `dist/docs/`; run from source they are read where they are generated.
 */
export type DocsLayout = 'bundle' | 'source';

/** The layout of the running code: bundled into `dist/`, or run from source. */
export function runningLayout(dir: string = __dirname): DocsLayout {
  return path.basename(dir) === 'dist' ? 'bundle' : 'source';
}

/**
 * The package root of the running code: the folder above `dist/` for the bundles (extension folder or npm
 * package), the repository root when run from source (`server/src/engine`).
 */
export function packageRoot(dir: string = __dirname): string {
  return path.basename(dir) === 'dist' ? path.dirname(dir) : path.resolve(dir, '..', '..', '..');
}

/**
 * The web address of the files of a repository given as package.json `repository` (a string or `{ url }`, npm's
 * forms: `https://host/owner/name(.git)`, `git+https://...`, `git@host:owner/name.git`, `github:owner/name`, `owner/name`), or undefined when
 * it names none we can link into. Pages are linked on the default branch (`HEAD`).
 */
export function repositoryBlobBase(repository: unknown): string | undefined {
  const raw = typeof repository === 'string' ? repository : (repository as { url?: unknown } | null)?.url;
  if (typeof raw !== 'string') return undefined;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw.trim());
  const scp = /^git@([^:\s]+):(.+)$/.exec(raw.trim());
  const url = shorthand ? `https://github.com/${shorthand[1]}` : scp ? `https://${scp[1]}/${scp[2]}` : raw.trim().replace(/^git\+/, '');
  const m = /^https:\/\/([^/\s]+)\/([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(url);
  return m ? `https://${m[1]}/${m[2]}/${m[3]}/blob/HEAD/` : undefined;
}

const blobBases = new Map<string, string | undefined>();

/** `repositoryBlobBase` of the package.json in `root`, read once per root; undefined when it has none. */
function packageBlobBase(root: string): string | undefined {
  if (!blobBases.has(root)) {
    let base: string | undefined;
    try {
      base = repositoryBlobBase((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { repository?: unknown }).repository);
    } catch {
      base = undefined;
    }
    blobBases.set(root, base);
  }
  return blobBases.get(root);
}

/**
 * The URL of a rule's generated page (docs/rules/<id>.md): on the web in the repository that package.json
 * `repository` names, else the page shipped in the package as a `file:` URL.
 *
 * The packaged page describes exactly the installed version of the rule and opens offline inside the editor; the
 * web page is what a SARIF viewer or a browser can open. The AWS page of the setting stays in `meta.docs` and is
 * linked from the rule page.
 */
export function ruleDocsUrl(rule: string | { id: string }, root: string = packageRoot(), layout: DocsLayout = runningLayout()): string {
  const id = typeof rule === 'string' ? rule : rule.id;
  const shipped = layout === 'bundle' ? path.join(root, 'dist') : root;
  return ruleWebDocsUrl(id, root) ?? pathToFileURL(path.join(shipped, ...ruleDocsPath(id).split('/'))).href;
}

/** The rule's page on the web, for reports read elsewhere (SARIF); undefined when package.json names no repository. */
export function ruleWebDocsUrl(rule: string | { id: string }, root: string = packageRoot()): string | undefined {
  const base = packageBlobBase(root);
  return base ? `${base}${ruleDocsPath(typeof rule === 'string' ? rule : rule.id)}` : undefined;
}
