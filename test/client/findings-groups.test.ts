// Tree view and status bar grouping of Secure IaC findings.
import assert from 'node:assert/strict';
import { countBySeverity, groupFindings, type FindingItem } from '../../client/src/findings-groups';

const f = (uri: string, line: number, severity: FindingItem['severity'], rule: string): FindingItem => ({
  uri,
  line,
  character: 0,
  severity,
  rule,
  message: `${rule} at ${line}`,
});

const ITEMS = [
  f('file:///b.yaml', 4, 1, 's3-versioning'),
  f('file:///a.yaml', 9, 0, 'sg-open-ssh'),
  f('file:///a.yaml', 2, 1, 's3-versioning'),
  f('file:///a.tf', 1, 0, 'sg-open-all-ports'),
  f('file:///a.yaml', 5, 3, 'asset-tags'),
];

describe('findings groups (tree view, status bar)', () => {
  it('by severity: most severe first, counts and files per group, findings in file/line order', () => {
    const groups = groupFindings(ITEMS, 'severity');
    assert.deepEqual(
      groups.map((g) => [g.label, g.description]),
      [
        ['Errors', '2 findings in 2 files'],
        ['Warnings', '2 findings in 2 files'],
        ['Hints', '1 finding in 1 file'],
      ],
    );
    assert.deepEqual(
      groups[1]?.items.map((i) => `${i.uri}:${i.line}`),
      ['file:///a.yaml:2', 'file:///b.yaml:4'],
    );
  });

  it('by rule: the most severe rules first, then the rules with most findings', () => {
    const groups = groupFindings(ITEMS, 'rule');
    assert.deepEqual(
      groups.map((g) => [g.label, g.items.length]),
      [
        ['sg-open-all-ports', 1],
        ['sg-open-ssh', 1],
        ['s3-versioning', 2],
        ['asset-tags', 1],
      ],
    );
  });

  it('counts by severity for the status bar', () => {
    assert.deepEqual(countBySeverity(ITEMS), { 0: 2, 1: 2, 2: 0, 3: 1 });
    assert.deepEqual(groupFindings([], 'rule'), []);
  });
});
