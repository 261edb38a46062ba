// Where a rule's documentation page is: the one place that decides what diagnostics link to.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The generated rule pages, relative to the package root (the repository root, and the extension folder in a .vsix). */
export const RULE_DOCS_DIR = 'docs/rules';

/** A rule's page relative to the package root: `docs/rules/<id>.md`. */
export function ruleDocsPath(ruleId: string): string {
  return `${RULE_DOCS_DIR}/${ruleId}.md`;
}

/**
 * The package root of the running code: the folder above `dist/` for the bundles (extension folder or npm
 * package), the repository root when run from source (`server/src/engine`).
 */
export function packageRoot(dir: string = __dirname): string {
  return path.basename(dir) === 'dist' ? path.dirname(dir) : path.resolve(dir, '..', '..', '..');
}

/**
 * The URL of a rule's documentation page, as a `file:` URL of the page shipped in the package.
 *
 * Why a packaged file rather than a web URL: the page then describes exactly the installed version of the rule,
 * it opens offline and inside VS Code, and there is no published site or repository URL to keep in step. The
 * AWS page of the setting stays in `meta.docs` and is linked from the rule page. To publish the pages on the web
 * later, change this function only (e.g. return `https://<host>/<RULE_DOCS_DIR>/<id>.md`).
 */
export function ruleDocsUrl(rule: string | { id: string }, root: string = packageRoot()): string {
  const id = typeof rule === 'string' ? rule : rule.id;
  return pathToFileURL(path.join(root, ...ruleDocsPath(id).split('/'))).href;
}
