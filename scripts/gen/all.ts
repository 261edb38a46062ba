// Every generated file of the repository, as the sources say it should read: the one list `npm run gen` writes
// and test/generated.test.ts checks.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AnyRule } from '../../rules/define-rule';
import { allRules } from '../../rules/index';
import { generateAll, orphanPages, readSourcePage, ROOT, SOURCE_DIR } from '../gen-docs';
import { PACKAGE_JSON, updateManifest } from '../gen-manifest';
import { generateRuleIndex, RULE_INDEX } from './rule-index';

/**
 * Relative path → generated content: rules/index.ts (from the rule files), the rule pages docs/rules/<id>.md, the
 * README rules table and count, docs/suppressions.md's mapping table, and package.json's `secureIac.rules` schema.
 * Everything but rules/index.ts is rendered from `rules`, the registry as loaded.
 */
export function generatedFiles(rules: readonly AnyRule[] = allRules, root = ROOT): Map<string, string> {
  const out = new Map<string, string>([[RULE_INDEX, generateRuleIndex(root)]]);
  for (const [rel, content] of generateAll(rules, root)) out.set(rel, content);
  const pkg = path.relative(ROOT, PACKAGE_JSON);
  out.set(pkg, updateManifest(readFileSync(path.join(root, pkg), 'utf8')));
  return out;
}

/** The generated files whose text on disk differs from what `npm run gen` would write. */
export function staleFiles(files: ReadonlyMap<string, string> = generatedFiles(), root = ROOT): string[] {
  return [...files]
    .filter(([rel, content]) => !existsSync(path.join(root, rel)) || readFileSync(path.join(root, rel), 'utf8') !== content)
    .map(([rel]) => rel);
}

/** What is not an error but needs a hand: rules without a docs source page, generated pages of removed rules. */
export function generationWarnings(rules: readonly AnyRule[] = allRules, root = ROOT): string[] {
  return [
    ...rules.filter((r) => !readSourcePage(r.id, root)).map((r) => `no ${SOURCE_DIR}/${r.id}.md; its page says "not documented yet"`),
    ...orphanPages(rules, root).map((orphan) => `${orphan} belongs to no registered rule: delete it`),
  ];
}
