// RuleTester: one table of valid and invalid cases per rule, fixes applied through the real engine and writers.
import assert from 'node:assert/strict';
import type { AnyRule } from '../../rules/define-rule';
import { lintDocument } from '../../server/src/engine/lint/lint';
import { applyEdits, lineStarts, positionAt } from '../../server/src/engine/positions';
import type { EngineConfig, Finding } from '../../server/src/engine/types';
import type { Format, IacDocument } from '../../server/src/model/document';
import { initParsers, parseDocument } from '../../server/src/parsers/index';
import { fileNameFor, type Source } from './sources';

export { cfnJson, cfnYaml, tfHcl, tfJson } from './sources';

/** Extra files of the same Terraform module directory, by file name. */
type ModuleFiles = Readonly<Record<string, string>>;

export interface ValidCase {
  name?: string;
  code: Source;
  module?: ModuleFiles;
  /** Engine settings for this case (e.g. requiredTags); the rule under test is always on. */
  config?: EngineConfig;
}

export interface ExpectedError {
  messageId: string;
  /** 1-based, as editors and SARIF show it. */
  line: number;
  column?: number;
  /**
   * The variant the engine names at the end of the message (`condition UseWaf is false` for `… (when condition UseWaf
   * is false)`), or null for a finding that holds in every variant. Unchecked when left out.
   */
  when?: string | null;
}

/** The variant a message names at its end (`(when …)`), or null. */
function variantOf(message: string): string | null {
  return /\(when (.+)\)$/.exec(message)?.[1] ?? null;
}

export interface InvalidCase {
  name?: string;
  code: Source;
  module?: ModuleFiles;
  errors: readonly ExpectedError[];
  config?: EngineConfig;
  /** The exact text after applying the offered fixes; required exactly when the rule offers one. */
  output?: Source;
}

const ALL_FORMATS: readonly Format[] = ['cfn-yaml', 'cfn-json', 'tf-hcl', 'tf-json'];

function parse(name: string, code: string): IacDocument {
  const doc = parseDocument(name, code);
  assert.ok(doc, `${name} was not recognised as a template:\n${code}`);
  return doc;
}

function lint(rule: AnyRule, source: Source, module: ModuleFiles = {}, config: EngineConfig = {}): { doc: IacDocument; findings: Finding[] } {
  const doc = parse(fileNameFor(source.format), source.code);
  const siblings = Object.entries(module).map(([name, code]) => parse(name, code));
  const result = lintDocument(doc, { rules: [rule], config: { ...config, rules: { ...config.rules, [rule.id]: 'on' } }, module: siblings });
  assert.deepEqual(result.ruleFailures, [], 'the rule threw');
  return { doc, findings: result.findings.filter((f) => f.ruleId === rule.id && !f.suppressed) };
}

function caseTitle(rule: AnyRule, kind: string, c: { name?: string; code: Source }, index: number): string {
  return c.name ? `${rule.id} › ${kind} › [${c.code.format}] ${c.name}` : `${rule.id} › ${kind} › [${c.code.format}] #${index + 1}`;
}

/** Applies the first offered fix, re-lints, and repeats until no finding offers one: what "fix everything" gives. */
function applyAllFixes(rule: AnyRule, source: Source, module: ModuleFiles, config: EngineConfig | undefined): string {
  let code = source.code;
  for (let round = 0; round < 20; round++) {
    const fix = lint(rule, { ...source, code }, module, config).findings.find((f) => f.fixes.length > 0)?.fixes[0];
    if (!fix) return code;
    code = applyEdits(code, fix.edits);
  }
  assert.fail('fixes did not converge after 20 rounds');
}

/** A `{{placeholder}}` left in a message: a report that did not pass the data its message names. */
const UNFILLED = /\{\{\s*[\w-]+\s*\}\}/;

/** Every text a finding shows (its message, its fixes' titles, its related locations' messages) that still holds a placeholder. */
export function unfilledTexts(finding: Finding): string[] {
  const texts = [finding.message, ...finding.fixes.map((f) => f.title), ...(finding.related ?? []).map((r) => r.message)];
  return texts.filter((t) => UNFILLED.test(t));
}

/** The message ids whose template `text` could have been filled into (placeholders match anything). */
export function templatesMatching(messages: Readonly<Record<string, string>>, text: string): string[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return Object.entries(messages)
    .filter(([, template]) =>
      new RegExp(
        `^${template
          .split(/\{\{\s*[\w-]+\s*\}\}/)
          .map(escape)
          .join('[\\s\\S]*?')}$`,
      ).test(text),
    )
    .map(([id]) => id);
}

export class RuleTester {
  /** Valid cases may be bare sources (`cfnYaml\`...\``) or `{ code, name, module, config }`. */
  run(rule: AnyRule, table: { valid: readonly (ValidCase | Source)[]; invalid: readonly InvalidCase[] }): void {
    const cases = { valid: table.valid.map((c): ValidCase => ('format' in c ? { code: c } : c)), invalid: table.invalid };
    describe(rule.id, () => {
      before(() => initParsers());
      // Which messages the invalid cases showed (as findings or fix titles), for the coverage check after them.
      const shown = new Set<string>();
      let invalidRun = 0;

      it(`${rule.id} › covers every syntax with valid and invalid cases`, () => {
        for (const format of ALL_FORMATS) {
          const family = format.startsWith('cfn') ? 'cloudformation' : 'terraform';
          if (!rule.targets[family]) continue;
          assert.ok(
            cases.valid.some((c) => c.code.format === format),
            `no valid ${format} case`,
          );
          assert.ok(
            cases.invalid.some((c) => c.code.format === format),
            `no invalid ${format} case`,
          );
        }
        const seen = new Set<string>();
        for (const c of [...cases.valid, ...cases.invalid]) {
          const key = `${c.code.format}\n${c.code.code}\n${JSON.stringify(c.module ?? {})}\n${JSON.stringify(c.config ?? {})}`;
          assert.ok(!seen.has(key), `duplicate case:\n${c.code.code}`);
          seen.add(key);
        }
      });

      cases.valid.forEach((c, i) => {
        it(caseTitle(rule, 'valid', c, i), () => {
          const { doc, findings } = lint(rule, c.code, c.module, c.config);
          assert.deepEqual(doc.errors, [], 'a valid case must parse cleanly');
          assert.deepEqual(
            findings.map((f) => f.message),
            [],
          );
        });
      });

      cases.invalid.forEach((c, i) => {
        it(caseTitle(rule, 'invalid', c, i), () => {
          const { doc, findings } = lint(rule, c.code, c.module, c.config);
          assert.deepEqual(doc.errors, [], 'an invalid case must parse cleanly (parse errors are tested elsewhere)');
          const starts = lineStarts(doc.text);
          const actual = findings.map((f, k) => {
            const pos = positionAt(starts, f.range.start);
            const expected = c.errors[k];
            return {
              messageId: f.messageId,
              line: pos.line + 1,
              ...(expected?.column !== undefined ? { column: pos.character + 1 } : {}),
              ...(expected?.when !== undefined ? { when: variantOf(f.message) } : {}),
            };
          });
          assert.deepEqual(
            actual,
            c.errors.map((e) => ({ ...e })),
            'findings (messageId, line, column, when) differ',
          );
          for (const f of findings) {
            assert.deepEqual(
              unfilledTexts(f),
              [],
              `a {{placeholder}} of '${f.messageId}' (or of its fix) was not filled: pass it in the report's data`,
            );
            shown.add(f.messageId);
            for (const fix of f.fixes) for (const id of templatesMatching(rule.meta.messages, fix.title)) shown.add(id);
          }
          invalidRun++;

          const fixable = findings.some((f) => f.fixes.length > 0);
          if (!fixable) {
            assert.equal(c.output, undefined, 'the rule offers no fix here, so the case must not give an output');
            return;
          }
          assert.ok(c.output, 'the rule offers a fix, so the case must give the exact output');
          assert.equal(c.output.format, c.code.format);
          const fixed = applyAllFixes(rule, c.code, c.module ?? {}, c.config);
          assert.equal(fixed, c.output.code, 'text after the fix');
          const after = lint(rule, c.output, c.module, c.config);
          assert.deepEqual(after.doc.errors, [], 'the fixed text must parse');
          assert.deepEqual(
            after.findings.map((f) => f.message),
            [],
            'the rule must be silent after the fix',
          );
        });
      });

      // The placeholder check above sees only the messages some case shows: every message must be shown by one.
      it(`${rule.id} › every message is shown by an invalid case, with its placeholders filled`, function () {
        if (invalidRun < cases.invalid.length) this.skip(); // some cases were filtered out (--grep) or failed
        const unshown = Object.keys(rule.meta.messages).filter((id) => !shown.has(id));
        assert.deepEqual(unshown, [], 'messages no invalid case shows (as a finding or a fix title): add a case for each');
      });
    });
  }
}
