// The scope hands out the documents only through accessors that record what a check read (lint-cache.ts reuses a
// check's findings while those reads are unchanged). Part of this test is the type checker: `tsc -b` fails if the
// `@ts-expect-error` lines below stop being errors, i.e. if a check could read the documents without recording.
import assert from 'node:assert/strict';
import { createScope, type Dependency } from '../../server/src/engine/scope/scope';
import { initParsers, parseDocument } from '../../server/src/parsers/index';
import type { IacDocument } from '../../server/src/model/document';

const template = (text: string) => parseDocument('file:///t.yaml', text) as IacDocument;

describe('scope: every read is a recorded, typed dependency', () => {
  before(() => initParsers());

  it('cannot be read around its accessors, nor handed a hand-written dependency (compile-time)', () => {
    const scope = createScope(template('Resources:\n  B:\n    Type: AWS::S3::Bucket\n'));
    // @ts-expect-error the documents are private to the scope: a check reads them only through recording accessors
    const documents: unknown = scope.documents;
    assert.equal(documents, undefined);
    // @ts-expect-error dependencies are made only by the scope's accessors, never spelled by rules or helpers
    const written: Dependency = { kind: 'mappings', key: 'mappings' };
    assert.ok(written);
  });

  it('records each accessor read as a typed dependency', () => {
    const noted: Dependency[] = [];
    const doc = template(
      [
        'Parameters:\n  Env:\n    Type: String\n    Default: prod',
        'Mappings:\n  M:\n    a:\n      b: c',
        'Resources:\n  B:\n    Type: AWS::S3::Bucket\n  V:\n    Type: AWS::EC2::Volume\n',
      ].join('\n'),
    );
    const scope = createScope(doc, [], { recorder: { note: (d) => noted.push(d) } });
    scope.inputValue('Env');
    scope.mappings();
    assert.deepEqual(
      scope.resourcesOfTypes(['AWS::EC2::Volume']).map((r) => r.name),
      ['V'],
    );
    scope.inputNames();
    assert.equal(scope.findInput((i) => i.name === 'Env')?.input.name, 'Env');
    assert.deepEqual(
      noted.map((d) => d.kind),
      ['input', 'mappings', 'types', 'inputs', 'input'],
    );
    const types = noted[2];
    assert.ok(types?.kind === 'types');
    assert.deepEqual(types.types, ['AWS::EC2::Volume']);
  });

  it('watch returns what a build read, once per dependency', () => {
    const scope = createScope(template('Parameters:\n  Env:\n    Type: String\nResources:\n  B:\n    Type: AWS::S3::Bucket\n'));
    const { dependencies } = scope.watch(() => {
      scope.input('Env');
      scope.inputValue('Env');
      return scope.resources().length;
    });
    assert.deepEqual(
      dependencies.map((d) => d.key),
      ['input:Env', 'resources'],
    );
  });
});
