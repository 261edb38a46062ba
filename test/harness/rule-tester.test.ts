// The RuleTester's placeholder checks: a report that leaves a {{placeholder}} unfilled is caught, and fix titles are
// traced back to their message ids so that every message of a rule must be shown by some case.
import assert from 'node:assert/strict';
import { defineRule } from '../../rules/define-rule';
import { lintText } from '../../server/src/engine/lint/lint';
import { initParsers } from '../../server/src/parsers/index';
import { templatesMatching, unfilledTexts } from './rule-tester';

const forgetful = defineRule({
  id: 'placeholder-probe',
  meta: {
    title: 'probe',
    severity: 'low',
    whitepaper: 'n/a',
    docs: 'https://example.com',
    related: {},
    noEquivalent: 'a test rule',
    messages: { low: '{{resource}} sets {{enabled}} to {{value}}.', raise: 'Raise it to {{level}}' },
  },
  targets: { terraform: [{ type: 'aws_thing', props: { enabled: 'enabled' } }] },
  check(thing, report) {
    // Passes neither `value` nor `level`: both must show up as unfilled.
    report({ at: thing.prop('enabled'), messageId: 'low', fix: { messageId: 'raise', safety: 'safe', apply: (f) => f.set(thing, 'enabled', true) } });
  },
});

describe('RuleTester placeholder checks', () => {
  before(() => initParsers());

  it('finds the placeholders a report left unfilled, in the message and in the fix title', () => {
    const [finding] = lintText('main.tf', 'resource "aws_thing" "t" {\n  enabled = false\n}\n', {
      rules: [forgetful],
      config: { rules: { 'placeholder-probe': 'on' } },
    }).findings;
    assert.ok(finding);
    assert.deepEqual(unfilledTexts(finding), ['aws_thing.t sets enabled to {{value}}.', 'Raise it to {{level}}']);
  });

  it('traces a filled text back to the message ids it can come from', () => {
    const messages = { set: 'Set {{key}} to true', remove: 'Remove {{key}}', both: 'Set {{a}} and {{b}} (a.k.a. [x])' };
    assert.deepEqual(templatesMatching(messages, 'Set encrypted to true'), ['set']);
    assert.deepEqual(templatesMatching(messages, 'Remove acl'), ['remove']);
    assert.deepEqual(templatesMatching(messages, 'Set X and Y (a.k.a. [x])'), ['both']);
    assert.deepEqual(templatesMatching(messages, 'Something else'), []);
  });
});
