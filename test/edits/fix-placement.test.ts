// Where fixes put new keys: UpdateReplacePolicy next to DeletionPolicy rather than after Properties.
import assert from 'node:assert/strict';
import statefulDeletionPolicy from '../../rules/general/stateful-deletion-policy';
import { lintDocument } from '../../server/src/engine/lint/lint';
import { applyEdits } from '../../server/src/engine/positions';
import { initParsers, parseDocument } from '../../server/src/parsers/index';
import { dedent } from '../harness/sources';

function fixed(uri: string, code: string): string {
  const text = dedent(code);
  const [finding] = lintDocument(parseDocument(uri, text)!, { rules: [statefulDeletionPolicy] }).findings;
  assert.ok(finding?.fixes[0]);
  return applyEdits(text, finding.fixes[0].edits);
}

describe('fix placement', () => {
  before(() => initParsers());

  it('YAML: UpdateReplacePolicy goes right after an existing DeletionPolicy', () => {
    assert.equal(
      fixed(
        't.yaml',
        `
        Resources:
          Vol:
            Type: AWS::EC2::Volume
            DeletionPolicy: Delete # for now
            Properties:
              Size: 8
      `,
      ),
      dedent(`
        Resources:
          Vol:
            Type: AWS::EC2::Volume
            DeletionPolicy: Snapshot # for now
            UpdateReplacePolicy: Snapshot
            Properties:
              Size: 8
      `),
    );
  });

  it('JSON: UpdateReplacePolicy goes right after an existing DeletionPolicy', () => {
    assert.equal(
      fixed(
        't.json',
        `
        {
          "Resources": {
            "Vol": {
              "Type": "AWS::EC2::Volume",
              "DeletionPolicy": "Delete",
              "Properties": { "Size": 8 }
            }
          }
        }
      `,
      ),
      dedent(`
        {
          "Resources": {
            "Vol": {
              "Type": "AWS::EC2::Volume",
              "DeletionPolicy": "Snapshot",
              "UpdateReplacePolicy": "Snapshot",
              "Properties": { "Size": 8 }
            }
          }
        }
      `),
    );
  });

  it('both policies missing: they go together after the last key', () => {
    assert.equal(
      fixed(
        't.yaml',
        `
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
      `,
      ),
      dedent(`
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
            DeletionPolicy: Retain
            UpdateReplacePolicy: Retain
      `),
    );
  });
});
