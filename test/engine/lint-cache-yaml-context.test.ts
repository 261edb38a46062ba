// YAML whose meaning is set outside a resource's text: a `%YAML 1.1` directive (`yes` is true), document markers,
// keep chomping at a resource's end. Adding or removing them must change the results exactly as a fresh lint does.
import assert from 'node:assert/strict';
import { lintDocument } from '../../server/src/engine/lint/lint';
import type { LintResult } from '../../server/src/engine/types';
import { LintCache } from '../../server/src/engine/lint/lint-cache';
import type { EngineConfig } from '../../server/src/engine/types';
import { IncrementalParser } from '../../server/src/parsers/incremental';
import { initParsers, parseDocument } from '../../server/src/parsers/index';

const CONFIG: EngineConfig = { rules: { 'asset-tags': 'on' }, requiredTags: ['Owner'] };

const summary = (r: LintResult) =>
  JSON.stringify([r.findings.map((f) => [f.ruleId, f.message, f.range.start, f.range.end]).sort(), r.errors.map((e) => [e.message, e.range.start])]);

const template = (head: string, queueName: string, tail: string) =>
  `${head}AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: ${queueName}\n` +
  `  Vol:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: yes\n      Size: 1\n${tail}`;

const SEQUENCES: Record<string, string[]> = {
  '%YAML 1.1 added, removed, added again': [
    template('', 'q', ''),
    template('%YAML 1.1\n---\n', 'q', ''),
    template('', 'q', ''),
    template('%YAML 1.1\n---\n', 'q', ''),
  ],
  'document markers after the start': [
    template('', 'q', ''),
    template('', 'q', '...\n'),
    template('', 'q', '---\nResources: {}\n'),
    template('', 'q', ''),
    template('---\n', 'q', ''),
  ],
  'keep chomping at a resource end': [
    template('', '|\n        abc\n', ''),
    template('', '|+\n        abc\n\n\n', ''),
    template('', '|+\n        abc\n', ''),
    template('', '>+\n        abc\n\n', '\n\n'),
  ],
};

describe('lint cache: YAML directives, document markers and chomping', () => {
  before(() => initParsers());

  for (const [name, versions] of Object.entries(SEQUENCES)) {
    it(`equals a fresh lint at every step: ${name}`, () => {
      const parser = new IncrementalParser('file:///t.yaml');
      const cache = new LintCache();
      versions.forEach((text, step) => {
        const incremental = summary(
          lintDocument(parser.parse(text) as NonNullable<ReturnType<typeof parseDocument>>, { config: CONFIG, module: [], cache }),
        );
        const fresh = summary(
          lintDocument(parseDocument('file:///t.yaml', text) as NonNullable<ReturnType<typeof parseDocument>>, { config: CONFIG, module: [] }),
        );
        assert.equal(incremental, fresh, `step ${step}`);
      });
    });
  }
});
