// SAM Globals: merged into each AWS::Serverless::* resource as the translator does; findings on a value from Globals
// are reported at the resource with a related location at the Globals line, and their fixes write the resource's own
// value (which wins) rather than changing Globals under every other resource.
import assert from 'node:assert/strict';
import { defineRule } from '../../rules/define-rule';
import { lintDocument } from '../../server/src/engine/lint/lint';
import { LintCache } from '../../server/src/engine/lint/lint-cache';
import { applyEdits, lineStarts, positionAt } from '../../server/src/engine/positions';
import type { Finding } from '../../server/src/engine/types';
import { initParsers, parseDocument } from '../../server/src/parsers/index';

/** Flags a deprecated runtime and a plaintext `DEBUG_TOKEN` variable; fixes set the runtime / remove nothing. */
const probe = defineRule({
  id: 'probe-sam',
  meta: {
    title: 'probe',
    severity: 'medium',
    whitepaper: 'test',
    docs: 'https://example.com',
    related: {},
    noEquivalent: 'test rule',
    messages: { runtime: '{{resource}} uses {{runtime}}', token: '{{resource}} sets DEBUG_TOKEN', setRuntime: 'Use python3.12' },
  },
  targets: {
    cloudformation: [
      { type: 'AWS::Serverless::Function', props: { runtime: 'Runtime', token: 'Environment.Variables.DEBUG_TOKEN', layers: 'Layers' } },
    ],
  },
  check(fn, report) {
    const runtime = fn.prop('runtime');
    if (runtime.asString() === 'python2.7') {
      report({
        at: runtime,
        messageId: 'runtime',
        data: { runtime: 'python2.7' },
        fix: { messageId: 'setRuntime', safety: 'safe', apply: (f) => f.set(fn, 'runtime', 'python3.12') },
      });
    }
    const token = fn.prop('token');
    if (token.asString() === 'abc')
      report({ at: token, messageId: 'token', fix: { messageId: 'setRuntime', safety: 'safe', apply: (f) => f.replace(token, 'removed') } });
  },
});

const SAM_YAML = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python2.7
    Layers:
      - arn:aws:lambda:us-east-1:123456789012:layer:shared:1
    Environment:
      Variables:
        DEBUG_TOKEN: abc
Resources:
  Own:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: python3.12
      Environment:
        Variables:
          STAGE: prod
  Inherits:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
  Bare:
    Type: AWS::Serverless::Function
  Ignores:
    Type: AWS::Serverless::Function
    IgnoreGlobals: '*'
    Properties:
      Handler: app.handler
  IgnoresRuntime:
    Type: AWS::Serverless::Function
    IgnoreGlobals:
      - Runtime
    Properties:
      Handler: app.handler
`;

function lint(name: string, text: string, cache?: LintCache): { findings: Finding[]; text: string } {
  const doc = parseDocument(name, text);
  assert.ok(doc);
  const result = lintDocument(doc, { rules: [probe], config: { rules: { 'probe-sam': 'on' } }, ...(cache ? { cache } : {}) });
  assert.deepEqual(result.ruleFailures, []);
  return { findings: result.findings.filter((f) => f.ruleId === 'probe-sam'), text };
}

function lineOf(text: string, offset: number): number {
  return positionAt(lineStarts(text), offset).line + 1;
}

function summary(r: { findings: Finding[]; text: string }): string[] {
  return r.findings.map(
    (f) =>
      `${f.resource?.address}:${f.messageId}@${lineOf(r.text, f.range.start)}${(f.related ?? []).map((x) => ` <- ${x.start.line + 1} ${x.message}`).join('')}`,
  );
}

describe('SAM Globals', () => {
  before(async () => initParsers());

  it('merges as the translator does: own scalars win, maps merge by key, IgnoreGlobals honoured, and reports at the resource', () => {
    assert.deepEqual(summary(lint('t.yaml', SAM_YAML)), [
      // Own sets Runtime itself; its Variables map merges with the global one, so DEBUG_TOKEN reaches it.
      'Own:token@17 <- 9 The value comes from Globals.Function.',
      'Inherits:runtime@19 <- 4 The value comes from Globals.Function.',
      'Inherits:token@19 <- 9 The value comes from Globals.Function.',
      'Bare:runtime@23 <- 4 The value comes from Globals.Function.',
      'Bare:token@23 <- 9 The value comes from Globals.Function.',
      'IgnoresRuntime:token@30 <- 9 The value comes from Globals.Function.',
    ]);
  });

  it('is not applied without the SAM transform', () => {
    assert.deepEqual(lint('t.yaml', SAM_YAML.replace('Transform: AWS::Serverless-2016-10-31\n', '')).findings, []);
  });

  it('fixes write the resource its own value and leave Globals alone, in YAML', () => {
    const r = lint('t.yaml', SAM_YAML);
    const inherits = r.findings.find((f) => f.resource?.address === 'Inherits' && f.messageId === 'runtime');
    const bare = r.findings.find((f) => f.resource?.address === 'Bare' && f.messageId === 'runtime');
    const own = r.findings.find((f) => f.resource?.address === 'Own' && f.messageId === 'token');
    const fixed = applyEdits(SAM_YAML, [...(inherits?.fixes[0]?.edits ?? []), ...(bare?.fixes[0]?.edits ?? []), ...(own?.fixes[0]?.edits ?? [])]);
    assert.equal(
      fixed,
      SAM_YAML.replace('      Handler: app.handler\n  Bare:', '      Handler: app.handler\n      Runtime: python3.12\n  Bare:')
        .replace(
          '    Type: AWS::Serverless::Function\n  Ignores:',
          '    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n  Ignores:',
        )
        .replace('          STAGE: prod\n', '          STAGE: prod\n          DEBUG_TOKEN: removed\n'),
    );
    assert.ok(fixed.includes('    Runtime: python2.7\n'), 'Globals keeps its value for the other functions');
    const after = summary(lint('t.yaml', fixed));
    assert.ok(!after.some((s) => s.startsWith('Inherits:runtime') || s.startsWith('Bare:runtime') || s.startsWith('Own:token')), after.join('\n'));
  });

  it('works the same in JSON templates', () => {
    const json = JSON.stringify(
      {
        Transform: ['AWS::Serverless-2016-10-31'],
        Globals: { Function: { Runtime: 'python2.7' } },
        Resources: { Fn: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'app.handler' } } },
      },
      null,
      2,
    );
    const r = lint('t.json', json);
    assert.deepEqual(summary(r), ['Fn:runtime@11 <- 7 The value comes from Globals.Function.']);
    const fixed = applyEdits(json, r.findings[0]?.fixes[0]?.edits ?? []);
    assert.equal(fixed, json.replace('"Handler": "app.handler"', '"Handler": "app.handler",\n        "Runtime": "python3.12"'));
    assert.deepEqual(lint('t.json', fixed).findings, []);
  });

  it('re-checks a resource when only its Globals change, also through the lint cache', () => {
    const cache = new LintCache();
    const first = lint('t.yaml', SAM_YAML, cache);
    assert.equal(first.findings.filter((f) => f.messageId === 'runtime').length, 2);
    const edited = SAM_YAML.replace('    Runtime: python2.7\n', '    Runtime: python3.12\n');
    const cached = lint('t.yaml', edited, cache);
    assert.deepEqual(summary(cached), summary(lint('t.yaml', edited)));
    assert.equal(cached.findings.filter((f) => f.messageId === 'runtime').length, 0);
  });
});
