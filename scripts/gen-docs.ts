// Renders docs/rules/<id>.md, the README rules table and rule count, and the suppression mapping table (run by `npm run gen`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AnyRule } from '../rules/define-rule';
import { allRules } from '../rules/index';
import { INPUT_TARGET } from '../server/src/engine/scope/units';
import { RULE_DOCS_DIR, ruleDocsPath } from '../server/src/engine/docs-url';
import { ForeignIdTable, RELATED_TOOLS } from '../server/src/engine/suppressions/suppress-map';

export const ROOT = path.resolve(__dirname, '..');
/** Hand-written text per rule: why, examples, fix. */
export const SOURCE_DIR = `${RULE_DOCS_DIR}/src`;
export const SUPPRESSIONS_DOC = 'docs/suppressions.md';

/** The hand-written part of a rule page, from docs/rules/src/<id>.md. */
export interface SourcePage {
  /** Front matter `quickFix:` — the README table's quick-fix cell. */
  quickFix: string;
  /** Front matter `config:` (JSON) — engine config the examples need, e.g. `{"requiredTags": ["Owner"]}`. */
  config: Record<string, unknown>;
  why: string;
  bad: string;
  good: string;
  fix: string;
  /** Optional `## Notes`. */
  notes?: string;
}

/** One fenced example: `yaml` is a CloudFormation template, `hcl` a Terraform file. */
export interface Example {
  lang: 'yaml' | 'hcl';
  code: string;
}

const SECTIONS: Record<string, keyof SourcePage> = { Why: 'why', Bad: 'bad', Good: 'good', Fix: 'fix', Notes: 'notes' };

/** Parses a source page; throws naming the file and what is missing, so a broken page fails loudly. */
export function parseSourcePage(text: string, file: string): SourcePage {
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const front = new Map<string, string>();
  for (const line of (fm?.[1] ?? '').split('\n')) {
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (m) front.set(m[1] as string, (m[2] as string).trim());
  }
  const body = fm ? text.slice(fm[0].length) : text;
  const page: Partial<SourcePage> = {
    quickFix: front.get('quickFix') ?? '',
    config: JSON.parse(front.get('config') ?? '{}') as Record<string, unknown>,
  };
  const parts = body.split(/^## (.+)$/m);
  for (let i = 1; i < parts.length; i += 2) {
    const key = SECTIONS[(parts[i] as string).trim()];
    if (!key) throw new Error(`${file}: unknown section '## ${parts[i]}' (expected ${Object.keys(SECTIONS).join(', ')})`);
    (page as Record<string, unknown>)[key] = (parts[i + 1] as string).trim();
  }
  for (const key of ['quickFix', 'why', 'bad', 'good', 'fix'] as const)
    if (!page[key])
      throw new Error(`${file}: missing ${key === 'quickFix' ? 'front matter quickFix:' : `section ## ${key[0]?.toUpperCase()}${key.slice(1)}`}`);
  return page as SourcePage;
}

/** The fenced yaml/hcl examples of a section. */
export function examplesOf(section: string): Example[] {
  return [...section.matchAll(/^```(yaml|hcl)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1] as Example['lang'], code: m[2] as string }));
}

export function readSourcePage(id: string, root = ROOT): SourcePage | undefined {
  const file = path.join(root, SOURCE_DIR, `${id}.md`);
  return existsSync(file) ? parseSourcePage(readFileSync(file, 'utf8'), `${SOURCE_DIR}/${id}.md`) : undefined;
}

/** The source pages present, by id (pages for rules not registered yet included). */
export function sourcePageIds(root = ROOT): string[] {
  const dir = path.join(root, SOURCE_DIR);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.md') && !f.startsWith('_'))
        .map((f) => f.slice(0, -3))
        .sort()
    : [];
}

function resourceTypes(rule: AnyRule, family: 'cloudformation' | 'terraform'): string {
  const types = new Set<string>();
  for (const t of rule.targets[family] ?? []) for (const type of typeof t.type === 'string' ? [t.type] : t.type) types.add(type);
  const names = [...types].map((t) =>
    t === INPUT_TARGET ? (family === 'cloudformation' ? 'template `Parameters`' : '`variable` blocks') : `\`${t}\``,
  );
  // A rule over every taggable type would drown the page: name a few, count the rest.
  return names.length > 10 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more types` : names.join(', ');
}

/** Labels each fenced example with its syntax, so the page reads without knowing the convention. */
function labelled(section: string): string {
  return section.replace(/^```(yaml|hcl)$/gm, (_, lang: string) => `${lang === 'yaml' ? '*CloudFormation*' : '*Terraform*'}\n\n\`\`\`${lang}`);
}

function relatedTable(rule: AnyRule): string {
  const rows = RELATED_TOOLS.filter(({ key }) => (rule.meta.related[key] ?? []).length > 0).map(
    ({ key, name }) => `| ${name} | ${(rule.meta.related[key] ?? []).map((id) => `\`${id}\``).join(', ')} |`,
  );
  const none = `None. ${rule.meta.noEquivalent ?? ''}`.trim();
  const fsbp = rule.meta.fsbp ?? [];
  if (fsbp.length === 0) return rows.length === 0 ? none : ['| Tool | Ids |', '| --- | --- |', ...rows].join('\n');
  // Security Hub controls are not scanners: a rule with only those still says why no scanner is equivalent.
  const controls = `| AWS Foundational Security Best Practices (Security Hub controls) | ${fsbp.map((id) => `\`${id}\``).join(', ')} |`;
  const table = ['| Tool | Ids |', '| --- | --- |', ...rows, controls].join('\n');
  return rows.length === 0 ? `${table}\n\nScanners: ${none}` : table;
}

/** The generated page of one rule. */
export function renderRulePage(rule: AnyRule, src: SourcePage | undefined): string {
  const cfn = resourceTypes(rule, 'cloudformation');
  const tf = resourceTypes(rule, 'terraform');
  const lines = [
    `<!-- Generated by \`npm run gen\` from the rule's metadata and ${SOURCE_DIR}/${rule.id}.md: edit those, not this file. -->`,
    '',
    `# \`${rule.id}\`: ${rule.meta.title}`,
    '',
    '| | |',
    '| --- | --- |',
    `| Severity | \`${rule.meta.severity}\`${rule.meta.defaultOff ? ' (off by default: turn it on with `rules: { ' + rule.id + ': on }` in `.secure-iac.yaml`)' : ''} |`,
    `| CloudFormation | ${cfn || 'n/a'} |`,
    `| Terraform | ${tf || 'n/a'} |`,
    `| Whitepaper | AWS Security Best Practices: ${rule.meta.whitepaper} |`,
    `| AWS documentation | <${rule.meta.docs}> |`,
    `| Quick fix | ${src?.quickFix ?? 'n/a'} |`,
    '',
  ];
  if (src) {
    lines.push(
      '## What it checks and why',
      '',
      src.why,
      '',
      '## Bad',
      '',
      labelled(src.bad),
      '',
      '## Good',
      '',
      labelled(src.good),
      '',
      '## Fix',
      '',
      src.fix,
      '',
    );
    if (src.notes) lines.push('## Notes', '', src.notes, '');
  } else {
    lines.push(`*Not documented yet: write ${SOURCE_DIR}/${rule.id}.md (start from ${SOURCE_DIR}/_template.md) and run \`npm run gen\`.*`, '');
  }
  lines.push(
    '## Equivalent checks in other tools',
    '',
    relatedTable(rule),
    '',
    ...(rule.meta.noEquivalent ? [] : [`Their suppressions of these ids silence \`${rule.id}\` too; see [Suppressions](../suppressions.md).`, '']),
    '## Suppressing',
    '',
    'Say why, next to the code (YAML or HCL), on the line above the resource or property; optionally until a date:',
    '',
    '```yaml',
    `# secure-iac-ignore ${rule.id}: <why this is acceptable here>`,
    `# secure-iac-ignore ${rule.id} until 2030-01-31: <why, and what happens by then>`,
    '```',
    '',
  );
  return lines.join('\n');
}

/** The README table rows between the markers (format checked by test/rules/registry.test.ts). */
export function renderReadmeTable(rules: readonly AnyRule[], sources: ReadonlyMap<string, SourcePage | undefined>): string {
  const rows = rules.map((r) => `| \`${r.id}\` | ${r.meta.severity} | ${r.meta.title} | ${sources.get(r.id)?.quickFix ?? 'n/a'} |`);
  return ['| id | severity | title | quick-fix |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** Every foreign id with the rules it maps to: what suppressions of other tools silence. */
export function renderMappingTable(rules: readonly AnyRule[]): string {
  const names = new Map(RELATED_TOOLS.map((t) => [t.key, t.name]));
  const rows = new ForeignIdTable(rules)
    .rows()
    .map((r) => `| ${names.get(r.tool)} | \`${r.id}\` | ${r.ruleIds.map((id) => `[\`${id}\`](rules/${id}.md)`).join(', ')} |`);
  return ['| Tool | Their id | Our rules |', '| --- | --- | --- |', ...rows].join('\n');
}

/** `text` with what lies between `<!-- name:start -->` and `<!-- name:end -->` replaced; throws when the markers are missing. */
export function replaceBetween(text: string, name: string, content: string, file: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${file}: markers ${start} / ${end} not found`);
  return `${text.slice(0, a + start.length)}\n${content}\n${text.slice(b)}`;
}

/** README text with "The <n> rules below" counting the registered rules; throws when the sentence is gone. */
export function withRuleCount(text: string, count: number, file: string): string {
  const sentence = /\bThe \d+ rules below\b/;
  if (!sentence.test(text)) throw new Error(`${file}: the sentence "The <n> rules below" (the generated rule count) not found`);
  return text.replace(sentence, `The ${count} rules below`);
}

/** Every generated file (relative path → content) for the registered rules, from the files as they are now. */
export function generateAll(rules: readonly AnyRule[] = allRules, root = ROOT): Map<string, string> {
  const sources = new Map(rules.map((r) => [r.id, readSourcePage(r.id, root)]));
  const out = new Map<string, string>();
  for (const rule of rules) out.set(ruleDocsPath(rule.id), renderRulePage(rule, sources.get(rule.id)));
  const readme = replaceBetween(readFileSync(path.join(root, 'README.md'), 'utf8'), 'rules', renderReadmeTable(rules, sources), 'README.md');
  out.set('README.md', withRuleCount(readme, rules.length, 'README.md'));
  out.set(
    SUPPRESSIONS_DOC,
    replaceBetween(readFileSync(path.join(root, SUPPRESSIONS_DOC), 'utf8'), 'mapping', renderMappingTable(rules), SUPPRESSIONS_DOC),
  );
  return out;
}

/** Generated rule pages with no registered rule (a rule was removed or renamed). */
export function orphanPages(rules: readonly AnyRule[] = allRules, root = ROOT): string[] {
  const ids = new Set(rules.map((r) => r.id));
  const dir = path.join(root, RULE_DOCS_DIR);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && !ids.has(f.slice(0, -3)))
    .map((f) => `${RULE_DOCS_DIR}/${f}`);
}
