import assert from 'node:assert/strict';
import type { ValueView } from '../../../rules/api';
import { isBlank, isUnset } from '../../../rules/lib/unset';

/** A view answering only what the helpers read: missing, the plain literal, and the string. */
function view(state: { missing?: boolean; literal?: unknown }): ValueView {
  return {
    isMissing: () => state.missing === true,
    literal: () => (state.missing ? undefined : state.literal),
    asString: () => (typeof state.literal === 'string' ? state.literal : undefined),
  } as ValueView;
}

describe('rules/lib/unset', () => {
  it('treats a missing property and Terraform null as unset', () => {
    assert.equal(isUnset(view({ missing: true })), true);
    assert.equal(isUnset(view({ literal: null })), true);
  });

  it('treats written values, even empty or false, as set', () => {
    assert.equal(isUnset(view({ literal: '' })), false);
    assert.equal(isUnset(view({ literal: false })), false);
    assert.equal(isUnset(view({ literal: 0 })), false);
  });

  it('treats unset and whitespace-only strings as blank, and nothing else', () => {
    assert.equal(isBlank(view({ missing: true })), true);
    assert.equal(isBlank(view({ literal: null })), true);
    assert.equal(isBlank(view({ literal: '  ' })), true);
    assert.equal(isBlank(view({ literal: 'alias/aws/sqs' })), false);
    assert.equal(isBlank(view({ literal: 0 })), false);
  });
});
