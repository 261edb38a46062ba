// A rule's "why" in two sentences, read from its generated page: what a hover shows next to the finding.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { packageRoot, ruleDocsPath, runningLayout } from './docs-url';

const summaries = new Map<string, string | undefined>();

/** The first two sentences of the page's "What it checks and why" section, as Markdown; undefined without a page. */
export function ruleWhy(ruleId: string, root: string = packageRoot(), layout = runningLayout()): string | undefined {
  const key = `${root}\0${ruleId}`;
  if (!summaries.has(key)) {
    let text: string | undefined;
    try {
      const shipped = layout === 'bundle' ? path.join(root, 'dist') : root;
      text = whyOf(readFileSync(path.join(shipped, ...ruleDocsPath(ruleId).split('/')), 'utf8'));
    } catch {
      text = undefined;
    }
    summaries.set(key, text);
  }
  return summaries.get(key);
}

/** The first paragraph under `## What it checks and why`, cut after its second sentence. */
export function whyOf(page: string): string | undefined {
  // `(?![\s\S])` is the end of the page: with the `m` flag `$` would end the paragraph at its first line break.
  const section = /^## What it checks and why[ \t]*\n+([\s\S]*?)(?:\n[ \t]*\n|(?![\s\S]))/m.exec(page)?.[1];
  if (!section) return undefined;
  // Lines joined with one space (not `/\s*\n\s*/g`, quadratic on long runs of blanks).
  const paragraph = section
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
  // A sentence ends at ". " before a capital or backtick; abbreviations such as "e.g." are followed by lower case.
  const ends = [...paragraph.matchAll(/[.!?](?:\)|\*)*(?=\s+[A-Z`*(]|$)/g)].map((m) => (m.index ?? 0) + m[0].length);
  const cut = ends[1] ?? ends[0] ?? paragraph.length;
  return paragraph.slice(0, cut);
}
