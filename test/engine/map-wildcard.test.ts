// A `*` segment in a declared path expands every value of a map whose keys the user names (SAM `Events`).
import assert from 'node:assert/strict';
import { defineRule } from '../../rules/define-rule';
import { lintDocument } from '../../server/src/engine/lint';
import { initParsers, parseDocument } from '../../server/src/parsers/index';
import { dedent } from '../harness/sources';

describe('declared paths: `*` over map values', () => {
  before(() => initParsers());

  it('lists each value of the map, in order, with its nested props readable', () => {
    const seen: (string | undefined)[] = [];
    const probe = defineRule({
      id: 'probe',
      meta: { title: 'probe', severity: 'info', whitepaper: '', docs: '', related: {}, noEquivalent: 'test', messages: { m: 'm' } },
      targets: { cloudformation: [{ type: 'Test::Probe', props: { events: 'Events.*', kind: 'Type', path: 'Properties.Path' } }] },
      check(resource) {
        for (const event of resource.list('events')) seen.push(`${event.prop('kind').asString()} ${event.prop('path').asString()}`);
        if (resource.list('events').length === 0) seen.push(undefined);
      },
    });
    const doc = parseDocument('t.yaml', dedent(`
      AWSTemplateFormatVersion: '2010-09-09'
      Resources:
        A:
          Type: Test::Probe
          Properties:
            Events:
              First:
                Type: Api
                Properties:
                  Path: /a
              Second:
                Type: HttpApi
                Properties:
                  Path: /b
        B:
          Type: Test::Probe
          Properties: {}
    `));
    assert.ok(doc);
    lintDocument(doc, { rules: [probe], config: { rules: { probe: 'on' } } });
    assert.deepEqual(seen, ['Api /a', 'HttpApi /b', undefined]);
  });
});
