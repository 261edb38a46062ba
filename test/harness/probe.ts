// Runs a rule-side helper over real views: a probe rule records what `look` returns for each resource of its type.
import assert from 'node:assert/strict';
import type { ResourceView, RuleContext } from '../../rules/api';
import { defineRule, type TargetSpec } from '../../rules/define-rule';
import { lintDocument } from '../../server/src/engine/lint/lint';
import { parseDocument } from '../../server/src/parsers/index';
import { dedent } from './sources';

export function probe<T>(
  fileName: string,
  code: string,
  targets: { cloudformation?: TargetSpec[]; terraform?: TargetSpec[] },
  look: (resource: ResourceView<string>, ctx: RuleContext<string>) => T,
  companions: Record<string, { cloudformation?: TargetSpec; terraform?: TargetSpec }> = {},
): T[] {
  const seen: T[] = [];
  const rule = defineRule<string, 'm'>({
    id: 'probe',
    meta: { title: 'probe', severity: 'info', whitepaper: '', docs: '', related: {}, noEquivalent: 'test', messages: { m: 'm' } },
    targets,
    companions,
    check(resource, _report, ctx) {
      seen.push(look(resource, ctx));
    },
  });
  const doc = parseDocument(fileName, dedent(code));
  assert.ok(doc, 'not recognised as a template');
  assert.deepEqual(doc.errors, []);
  const result = lintDocument(doc, { rules: [rule], config: { rules: { probe: 'on' } } });
  assert.deepEqual(result.ruleFailures, []);
  return seen;
}
