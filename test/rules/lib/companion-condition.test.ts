import assert from 'node:assert/strict';
import type { ResourceView } from '../../../rules/api';
import { variantWithout } from '../../../rules/lib/companion-condition';

/** A stand-in resource whose only readable property is its `/Condition`. */
function unit(condition?: string): ResourceView<'condition'> {
  return { prop: () => ({ asString: () => condition }) } as unknown as ResourceView<'condition'>;
}

describe('variantWithout (clarification 7)', () => {
  it('is undefined when a companion exists wherever the resource does', () => {
    assert.equal(variantWithout(unit(), [unit()], 'condition'), undefined);
    assert.equal(variantWithout(unit('IsProd'), [unit('IsProd')], 'condition'), undefined);
    assert.equal(variantWithout(unit(), [unit('IsProd'), unit()], 'condition'), undefined);
    assert.equal(variantWithout(unit(), [], 'condition'), undefined, "no companion at all is the caller's plain case");
  });

  it('names the variants in which every companion is absent', () => {
    assert.equal(variantWithout(unit(), [unit('IsProd')], 'condition'), 'condition IsProd is false');
    assert.equal(
      variantWithout(unit('IsEu'), [unit('IsProd'), unit('UseScan'), unit('IsProd')], 'condition'),
      'condition IsProd is false and condition UseScan is false',
    );
  });
});
