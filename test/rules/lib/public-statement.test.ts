import { strict as assert } from 'node:assert';
import { isEveryone, isPublicStatement, publicActions, publicStatements } from '../../../rules/lib/public-statement';
import { UNKNOWN } from '../../../rules/lib/unknown';

describe('rules/lib/public-statement', () => {
  it('recognises everyone as a principal', () => {
    assert.ok(isEveryone('*'));
    assert.ok(isEveryone({ AWS: '*' }));
    assert.ok(isEveryone({ AWS: ['arn:aws:iam::123456789012:root', '*'] }));
    assert.ok(!isEveryone({ AWS: 'arn:aws:iam::123456789012:root' }));
    assert.ok(!isEveryone({ AWS: '123456789012' }), 'an account is not public');
    assert.ok(!isEveryone({ Service: '*' }), 'only the AWS key or "*" itself');
    assert.ok(!isEveryone(UNKNOWN));
  });

  it('is an Allow to everyone, or with NotPrincipal, and no Condition', () => {
    assert.ok(isPublicStatement({ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage' }));
    assert.ok(isPublicStatement({ Effect: 'Allow', Principal: { AWS: '*' }, Condition: {} }), 'an empty Condition is none');
    assert.ok(isPublicStatement({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' } }), 'NotPrincipal, whatever it lists');
    assert.ok(isPublicStatement({ Effect: 'Allow', NotPrincipal: UNKNOWN }));
    assert.ok(!isPublicStatement({ Effect: 'Deny', Principal: '*' }));
    assert.ok(!isPublicStatement({ Effect: UNKNOWN, Principal: '*' }), 'an unknown effect never counts');
    assert.ok(!isPublicStatement({ Effect: 'Allow', Principal: UNKNOWN }), 'an unknown principal never counts');
    assert.ok(!isPublicStatement({ Effect: 'Allow', Principal: '*', Condition: UNKNOWN }), 'an unknown condition never counts');
    assert.ok(!isPublicStatement({ Effect: 'Allow', Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } }));
  });

  it('lists the public statements of a policy and their actions', () => {
    const policy = JSON.stringify({
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: ['sns:Publish', 'sns:Subscribe'] },
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sns:*' },
      ],
    });
    const open = publicStatements(policy);
    assert.equal(open.length, 1);
    assert.equal(publicActions(open), 'sns:Publish, sns:Subscribe');
    assert.equal(publicActions([{ Effect: 'Allow', Principal: '*', Action: UNKNOWN }]), 'access');
  });
});
