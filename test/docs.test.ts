// The rule docs are complete, fresh, and true: every example is linted, bad ones must trigger the rule, good ones not.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import type { AnyRule } from '../rules/define-rule';
import { allRules } from '../rules/index';
import { packageRoot, repositoryBlobBase, ruleDocsPath, ruleDocsUrl, ruleWebDocsUrl, runningLayout } from '../server/src/engine/docs-url';
import { lintText } from '../server/src/engine/lint/lint';
import { initParsers, parseDocument } from '../server/src/parsers/index';
import {
  examplesOf,
  orphanPages,
  parseSourcePage,
  readSourcePage,
  renderMappingTable,
  renderReadmeTable,
  replaceBetween,
  ROOT,
  SOURCE_DIR,
  sourcePageIds,
  type Example,
  type SourcePage,
} from '../scripts/gen-docs';

const FILE_FOR: Record<Example['lang'], string> = { yaml: 'template.yaml', hcl: 'main.tf' };
const FAMILY: Record<Example['lang'], 'cloudformation' | 'terraform'> = { yaml: 'cloudformation', hcl: 'terraform' };

function findingsOf(rule: AnyRule, src: SourcePage, example: Example) {
  const result = lintText(FILE_FOR[example.lang], example.code, { rules: [rule], config: { rules: { [rule.id]: 'on' }, ...src.config } });
  assert.deepEqual(result.errors, [], `example does not parse:\n${example.code}`);
  assert.deepEqual(result.ruleFailures, [], 'the rule threw');
  return result.findings.filter((f) => f.ruleId === rule.id && !f.suppressed);
}

describe('rule documentation', () => {
  before(() => initParsers());

  it('has a hand-written source page for every registered rule', () => {
    const missing = allRules.filter((r) => !existsSync(path.join(ROOT, SOURCE_DIR, `${r.id}.md`))).map((r) => r.id);
    assert.deepEqual(missing, [], `write ${SOURCE_DIR}/<id>.md (from _template.md) for these rules`);
  });

  it('has no generated page without a registered rule', () => {
    assert.deepEqual(orphanPages(), []);
  });

  it('parses every source page (also of rules not registered yet) and their examples as templates', () => {
    for (const id of sourcePageIds()) {
      const page = readSourcePage(id);
      assert.ok(page, id);
      for (const section of [page.bad, page.good]) {
        const examples = examplesOf(section);
        assert.ok(examples.length > 0, `${id}: a Bad/Good section without examples`);
        for (const ex of examples) {
          const doc = parseDocument(FILE_FOR[ex.lang], ex.code);
          assert.ok(doc, `${id}: a ${ex.lang} example is not recognised as a template`);
          assert.deepEqual(doc.errors, [], `${id}: a ${ex.lang} example has syntax errors`);
        }
      }
    }
  });

  for (const rule of allRules) {
    describe(rule.id, () => {
      const page = () => {
        const src = readSourcePage(rule.id);
        assert.ok(src, `no ${SOURCE_DIR}/${rule.id}.md`);
        return src;
      };

      it('shows a bad and a good example for each syntax family the rule covers, and none for others', () => {
        const src = page();
        for (const [name, section] of [
          ['Bad', src.bad],
          ['Good', src.good],
        ] as const) {
          const families = new Set(examplesOf(section).map((e) => FAMILY[e.lang]));
          for (const family of ['cloudformation', 'terraform'] as const) {
            assert.equal(
              families.has(family),
              rule.targets[family] !== undefined,
              `${name}: ${family} example ${rule.targets[family] ? 'missing' : 'for a family the rule does not cover'}`,
            );
          }
        }
      });

      it('bad examples trigger the rule', () => {
        const src = page();
        for (const ex of examplesOf(src.bad))
          assert.ok(findingsOf(rule, src, ex).length > 0, `no ${rule.id} finding in the bad ${ex.lang} example:\n${ex.code}`);
      });

      it('good examples do not', () => {
        const src = page();
        for (const ex of examplesOf(src.good)) {
          const found = findingsOf(rule, src, ex);
          assert.deepEqual(
            found.map((f) => f.message),
            [],
            `the good ${ex.lang} example triggers ${rule.id}:\n${ex.code}`,
          );
        }
      });
    });
  }
});

describe('docs generator', () => {
  const page = `---\nquickFix: set it\nconfig: {"requiredTags": ["Owner"]}\n---\n\n## Why\n\nBecause.\n\n## Bad\n\n\`\`\`yaml\nA: 1\n\`\`\`\n\n## Good\n\n\`\`\`hcl\nb = 1\n\`\`\`\n\n## Fix\n\nDo it.\n`;

  it('reads front matter, sections and fenced examples', () => {
    const src = parseSourcePage(page, 'x.md');
    assert.equal(src.quickFix, 'set it');
    assert.deepEqual(src.config, { requiredTags: ['Owner'] });
    assert.equal(src.why, 'Because.');
    assert.deepEqual(examplesOf(src.bad), [{ lang: 'yaml', code: 'A: 1\n' }]);
    assert.deepEqual(examplesOf(src.good), [{ lang: 'hcl', code: 'b = 1\n' }]);
  });

  it('rejects a page with a missing or unknown section, naming the file', () => {
    assert.throws(() => parseSourcePage(page.replace('## Fix\n\nDo it.\n', ''), 'x.md'), /x\.md: missing section ## Fix/);
    assert.throws(() => parseSourcePage(page.replace('## Why', '## Rationale'), 'x.md'), /unknown section '## Rationale'/);
    assert.throws(() => parseSourcePage(page.replace('quickFix: set it\n', ''), 'x.md'), /quickFix/);
  });

  it('replaces only what lies between the markers, and fails without them', () => {
    assert.equal(replaceBetween('a\n<!-- t:start -->\nold\n<!-- t:end -->\nb', 't', 'new', 'f'), 'a\n<!-- t:start -->\nnew\n<!-- t:end -->\nb');
    assert.throws(() => replaceBetween('no markers', 't', 'x', 'f.md'), /f\.md: markers/);
  });

  it('keeps the README table format the registry test reads', () => {
    const table = renderReadmeTable(allRules, new Map());
    const rows = [...table.matchAll(/^\| `([a-z0-9-]+)` \| (\w+) \| ([^|]+) \|/gm)].map((m) => m[1]);
    assert.deepEqual(
      rows,
      allRules.map((r) => r.id),
    );
  });

  it('lists one foreign id shared by several rules once, with all of them', () => {
    const table = renderMappingTable(allRules);
    const shared = table.split('\n').find((l) => l.includes('`aws-ec2-no-public-ingress-sgr`'));
    assert.ok(shared?.includes('sg-open-ssh') && shared.includes('sg-open-rdp'), shared);
    assert.equal(table.split('\n').filter((l) => l.includes('`aws-ec2-no-public-ingress-sgr`')).length, 1);
  });
});

describe('ruleDocsUrl', () => {
  it('points at the generated page inside the package, which exists for every rule', () => {
    for (const rule of allRules) {
      const url = ruleDocsUrl(rule);
      assert.match(url, /^file:\/\//);
      assert.equal(fileURLToPath(url), path.join(ROOT, ruleDocsPath(rule.id)));
      assert.ok(existsSync(fileURLToPath(url)), url);
    }
  });

  it('finds the package root from the bundle folder and from the sources', () => {
    assert.equal(packageRoot(path.join('/ext', 'dist')), path.join('/ext'));
    assert.equal(packageRoot(path.join(ROOT, 'server', 'src', 'engine')), ROOT);
    assert.equal(ruleDocsUrl('sg-open-ssh', '/ext', 'source'), 'file:///ext/docs/rules/sg-open-ssh.md');
    // A .vsix holds only dist/: the bundles link to the copies the build puts there.
    assert.equal(runningLayout(path.join('/ext', 'dist')), 'bundle');
    assert.equal(runningLayout(path.join(ROOT, 'server', 'src', 'engine')), 'source');
    assert.equal(ruleDocsUrl('sg-open-ssh', '/ext', 'bundle'), 'file:///ext/dist/docs/rules/sg-open-ssh.md');
  });

  it('the build ships every rule page, unchanged, in dist/docs/rules', () => {
    for (const rule of allRules) {
      const shipped = fileURLToPath(ruleDocsUrl(rule, ROOT, 'bundle'));
      assert.equal(readFileSync(shipped, 'utf8'), readFileSync(path.join(ROOT, ruleDocsPath(rule.id)), 'utf8'), shipped);
    }
  });

  it("links into the repository named by package.json `repository`, in any of npm's forms", () => {
    const page = 'https://github.com/acme/secure-iac/blob/HEAD/';
    for (const repo of [
      'https://github.com/acme/secure-iac',
      'git+https://github.com/acme/secure-iac.git',
      'github:acme/secure-iac',
      'acme/secure-iac',
      'git@github.com:acme/secure-iac.git',
      { type: 'git', url: 'https://github.com/acme/secure-iac.git' },
    ]) {
      assert.equal(repositoryBlobBase(repo), page, JSON.stringify(repo));
    }
    assert.equal(repositoryBlobBase('https://gitlab.example/team/iac/'), 'https://gitlab.example/team/iac/blob/HEAD/');
    for (const none of [undefined, 42, {}, 'not a url', 'ftp://host/a/b']) assert.equal(repositoryBlobBase(none), undefined, String(none));

    const root = mkdtempSync(path.join(tmpdir(), 'secure-iac-docs-'));
    try {
      writeFileSync(
        path.join(root, 'package.json'),
        JSON.stringify({ repository: { type: 'git', url: 'git+https://github.com/acme/secure-iac.git' } }),
      );
      assert.equal(ruleDocsUrl('sg-open-ssh', root), `${page}docs/rules/sg-open-ssh.md`);
      assert.equal(ruleWebDocsUrl('sg-open-ssh', root), `${page}docs/rules/sg-open-ssh.md`);
      assert.equal(ruleWebDocsUrl('sg-open-ssh', '/no/such/package'), undefined);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
