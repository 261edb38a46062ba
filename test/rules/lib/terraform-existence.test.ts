import assert from 'node:assert/strict';
import type { ResourceView, ValueView } from '../../../rules/api';
import { createsNothing, existenceOf } from '../../../rules/lib/terraform-existence';

/** A value answering only what the helpers read. */
function value(state: { missing?: boolean; unresolved?: boolean; input?: boolean; literal?: unknown }): ValueView {
  return {
    isMissing: () => state.missing === true,
    isUnresolved: () => state.unresolved === true,
    input: () => (state.input ? ({} as ValueView) : undefined),
    literal: () => (state.missing ? undefined : state.literal),
  } as ValueView;
}

function resource(props: { count?: ValueView; forEach?: ValueView }): ResourceView<'count' | 'forEach'> {
  return { prop: (key: 'count' | 'forEach') => props[key] ?? value({ missing: true }) } as ResourceView<'count' | 'forEach'>;
}

describe('rules/lib/terraform-existence', () => {
  it('reads 0, "0", [], {} and null as creating nothing, and anything else as creating', () => {
    for (const nothing of [0, '0', [], {}, null]) assert.equal(createsNothing(value({ literal: nothing })), true, JSON.stringify(nothing));
    for (const something of [1, 2, '1', ['a'], { a: 1 }])
      assert.equal(createsNothing(value({ literal: something })), false, JSON.stringify(something));
  });

  it('says where a resource exists from its count or for_each', () => {
    assert.equal(existenceOf(resource({})), 'always');
    assert.equal(existenceOf(resource({ count: value({ literal: 1 }) })), 'always');
    assert.equal(existenceOf(resource({ count: value({ literal: 0 }) })), 'never');
    assert.equal(existenceOf(resource({ forEach: value({ literal: {} }) })), 'never');
    // A conditional the variant leaves open, and an input without a default.
    assert.equal(existenceOf(resource({ count: value({ unresolved: true }) })), 'sometimes');
    assert.equal(existenceOf(resource({ forEach: value({ unresolved: true, input: true }) })), 'unknown');
  });
});
