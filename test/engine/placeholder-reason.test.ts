// A suppression's reason must say something: placeholders are treated as no reason at all.
import assert from 'node:assert/strict';
import { isPlaceholderReason } from '../../server/src/engine/suppressions/suppressions';

describe('placeholder suppression reasons', () => {
  it('treats the inserted placeholder and common stand-ins as no reason', () => {
    for (const r of ['TODO: reason', 'TODO', 'todo:', 'reason', 'TBD', 'FIXME', '...', '…', '<reason>', '<why this is acceptable>', 'n/a', ' xxx '])
      assert.ok(isPlaceholderReason(r), r);
  });
  it('accepts real reasons, also ones that mention a placeholder word', () => {
    for (const r of [
      'scratch bucket, rebuilt nightly',
      'TODO remove after the migration (INFRA-123)',
      'reason: bastion host, access audited',
      'no',
      'na: see ADR 12',
    ])
      assert.ok(!isPlaceholderReason(r), r);
  });
});
