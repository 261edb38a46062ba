// `npm run new-rule -- <id> <family>`: scaffolds a rule, its table test and its docs source page, then runs `npm run gen`
// (which registers it). The scaffold is a working rule ("Enabled must be true" on a placeholder type) whose tests
// and docs examples pass, so every TODO can be replaced one at a time with the tests green.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { generate } from './gen';
import { ruleFiles } from './gen/rule-index';

const ROOT = path.resolve(__dirname, '..');
const USAGE = 'usage: npm run new-rule -- <rule-id> <family>   e.g. npm run new-rule -- s3-object-lock s3';
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Why `id`/`family` cannot be scaffolded, in one line; undefined when they can. */
export function refusal(id: string | undefined, family: string | undefined, root = ROOT): string | undefined {
  if (!id || !family) return USAGE;
  if (!KEBAB.test(id))
    return `bad rule id '${id}': use kebab-case (lower-case letters, digits, single dashes), named for the property enforced, e.g. s3-versioning`;
  if (!KEBAB.test(family) || family === 'lib')
    return `bad family '${family}': use the service's folder name under rules/ (kebab-case, not 'lib'), e.g. s3`;
  const existing = ruleFiles(root).find((r) => r.id === id);
  if (existing) return `rule '${id}' exists already: rules/${existing.family}/${id}.ts`;
  for (const rel of [`test/rules/${id}.test.ts`, `docs/rules/src/${id}.md`])
    if (existsSync(path.join(root, rel))) return `'${id}' is taken: ${rel} exists`;
  return undefined;
}

export function ruleSource(id: string): string {
  return `// TODO: one line: what this rule protects, and why it matters.
import { defineRule } from '../define-rule';
import { requireTrue } from '../lib/require-true';

export default defineRule({
  id: '${id}',
  meta: {
    // TODO: every meta field from the catalogue row (title, severity, whitepaper section, docs link, related ids).
    title: 'TODO: the property enforced, as a statement',
    severity: 'medium',
    whitepaper: 'TODO: section of the AWS Security Best Practices whitepaper',
    docs: 'https://docs.aws.amazon.com/',
    related: {},
    noEquivalent: 'TODO: list meta.related ids (the catalogue\\'s "related (equivalent)" ones) instead, or say why no scanner has one.',
    messages: {
      missing: '{{resource}} does not set {{enabled}}.',
      disabled: '{{resource}} sets {{enabled}} to false.',
      enable: 'Set {{enabled}} to true',
    },
  },
  // TODO: the resource types and property names of the catalogue row, per syntax family.
  targets: {
    cloudformation: [{ type: 'AWS::Service::Resource', props: { enabled: 'Enabled' } }],
    terraform: [{ type: 'aws_service_resource', props: { enabled: 'enabled' } }],
  },
  check(resource, report) {
    // TODO: the check. Look for a helper in rules/lib/ before writing one; unresolved values leave the rule silent.
    requireTrue(resource, 'enabled', report, { missing: 'missing', disabled: 'disabled', enable: 'enable' });
  },
});
`;
}

export function testSource(id: string, family: string): string {
  return `import rule from '../../rules/${family}/${id}';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

// TODO: the cases of the catalogue row: every construct the rule judges, unresolved values, SAM where the row names it.
new RuleTester().run(rule, {
  valid: [
    cfnYaml\`
      Resources:
        Example:
          Type: AWS::Service::Resource
          Properties:
            Enabled: true
    \`,
    cfnJson\`{"Resources":{"Example":{"Type":"AWS::Service::Resource","Properties":{"Enabled":true}}}}\`,
    tfHcl\`
      resource "aws_service_resource" "example" {
        enabled = true
      }
    \`,
    tfJson\`{"resource":{"aws_service_resource":{"example":{"enabled":true}}}}\`,
  ],
  invalid: [
    {
      code: cfnYaml\`
        Resources:
          Example:
            Type: AWS::Service::Resource
            Properties:
              Enabled: false
      \`,
      errors: [{ messageId: 'disabled', line: 5, column: 16 }],
      output: cfnYaml\`
        Resources:
          Example:
            Type: AWS::Service::Resource
            Properties:
              Enabled: true
      \`,
    },
    {
      code: cfnJson\`{"Resources":{"Example":{"Type":"AWS::Service::Resource","Properties":{"Enabled":false}}}}\`,
      errors: [{ messageId: 'disabled', line: 1 }],
      output: cfnJson\`{"Resources":{"Example":{"Type":"AWS::Service::Resource","Properties":{"Enabled":true}}}}\`,
    },
    {
      code: tfHcl\`
        resource "aws_service_resource" "example" {
          enabled = false
        }
      \`,
      errors: [{ messageId: 'disabled', line: 2, column: 13 }],
      output: tfHcl\`
        resource "aws_service_resource" "example" {
          enabled = true
        }
      \`,
    },
    {
      code: tfJson\`{"resource":{"aws_service_resource":{"example":{}}}}\`,
      errors: [{ messageId: 'missing', line: 1 }],
      output: tfJson\`{"resource":{"aws_service_resource":{"example":{"enabled":true}}}}\`,
    },
  ],
});
`;
}

/** The docs source page: the template, whose examples match the scaffolded rule. */
export function docsSource(root = ROOT): string {
  return readFileSync(path.join(root, 'docs', 'rules', 'src', '_template.md'), 'utf8');
}

function main(): void {
  const [id, family, ...rest] = process.argv.slice(2);
  const refused = rest.length > 0 ? USAGE : refusal(id, family);
  if (refused || !id || !family) {
    console.error(refused ?? USAGE);
    process.exit(2);
  }
  const files: [string, string][] = [
    [`rules/${family}/${id}.ts`, ruleSource(id)],
    [`test/rules/${id}.test.ts`, testSource(id, family)],
    [`docs/rules/src/${id}.md`, docsSource()],
  ];
  const newFamily = !readdirSync(path.join(ROOT, 'rules')).includes(family);
  for (const [rel, text] of files) {
    mkdirSync(path.dirname(path.join(ROOT, rel)), { recursive: true });
    writeFileSync(path.join(ROOT, rel), text, { flag: 'wx' });
  }
  const generated = generate(false, () => undefined);
  console.log(
    [
      `created (edit these; each TODO marks what the catalogue row decides):`,
      ...files.map(([rel]) => `  ${rel}`),
      `  CHANGELOG.md: add one line under Unreleased (by hand)`,
      `registered and generated by \`npm run gen\`: ${generated.join(', ')}`,
      ...(newFamily ? [`new family folder rules/${family}/`] : []),
      `run its tests: npm test -- test/rules/${id}.test.ts`,
      `after editing meta or the docs page: npm run gen`,
    ].join('\n'),
  );
}

if (require.main === module) main();
