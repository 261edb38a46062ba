// A `*` segment in a declared path expands every value of a map whose keys the user names (SAM `Events`).
import assert from 'node:assert/strict';
import { initParsers } from '../../server/src/parsers/index';
import { probe } from '../harness/probe';

describe('declared paths: `*` over map values', () => {
  before(() => initParsers());

  it('lists each value of the map, in order, with its nested props readable', () => {
    const seen = probe(
      't.yaml',
      `
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
      `,
      { cloudformation: [{ type: 'Test::Probe', props: { events: 'Events.*', kind: 'Type', path: 'Properties.Path' } }] },
      (resource) => resource.list('events').map((e) => `${e.prop('kind').asString()} ${e.prop('path').asString()}`),
    );
    assert.deepEqual(seen, [['Api /a', 'HttpApi /b'], []]);
  });
});
