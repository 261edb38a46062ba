import { strict as assert } from 'node:assert';
import {
  actionMatches,
  conditionKeys,
  grantsFullAdmin,
  hasCondition,
  mergeDataSourceStatements,
  readPolicy,
  renderDataSourcePolicy,
  renderStatementBlock,
  serviceWildcards,
  statementsOf,
} from '../../../rules/lib/policy-document';
import { UNKNOWN } from '../../../rules/lib/unknown';

const block = (parts: Partial<Parameters<typeof renderStatementBlock>[0]>) =>
  renderStatementBlock({ principals: [], not_principals: [], conditions: [], ...parts });

describe('rules/lib/policy-document', () => {
  it('reads a map, JSON text and a single statement map; unreadable values give undefined', () => {
    const st = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
    assert.deepEqual(readPolicy({ Statement: [st] }), { statements: [st], incomplete: false });
    assert.deepEqual(readPolicy(JSON.stringify({ Statement: st })), { statements: [st], incomplete: false });
    assert.equal(readPolicy('not json'), undefined);
    assert.equal(readPolicy(UNKNOWN), undefined);
    assert.equal(readPolicy({ Version: '2012-10-17' }), undefined);
    assert.deepEqual(readPolicy({ Statement: UNKNOWN }), { statements: [], incomplete: true });
    assert.deepEqual(readPolicy({ Statement: [st, UNKNOWN] }), { statements: [st], incomplete: true });
    assert.deepEqual(statementsOf('nope'), []);
  });

  it('matches IAM action patterns case-insensitively with * and ?', () => {
    assert.ok(actionMatches('iam:Put*', 'iam:PutUserPolicy'));
    assert.ok(actionMatches('IAM:putuserpolicy', 'iam:PutUserPolicy'));
    assert.ok(actionMatches('*', 'lambda:UpdateFunctionCode'));
    assert.ok(actionMatches('kms:ReEncrypt*', 'kms:ReEncryptFrom'));
    assert.ok(actionMatches('iam:?ttachRolePolicy', 'iam:AttachRolePolicy'));
    assert.ok(!actionMatches('iam:Put*', 'iam:PassRole'));
    assert.ok(!actionMatches('iam:PutUser', 'iam:PutUserPolicy'), 'a pattern matches the whole action');
    assert.ok(!actionMatches('s3.*', 's3:GetObject'), 'regex characters are literal');
  });

  it('tells admin grants and service wildcards; unknown effects never grant', () => {
    assert.ok(grantsFullAdmin({ Effect: 'Allow', Action: ['*:*'], Resource: ['*'] }));
    assert.ok(!grantsFullAdmin({ Effect: 'Deny', Action: '*', Resource: '*' }));
    assert.ok(!grantsFullAdmin({ Effect: UNKNOWN, Action: '*', Resource: '*' }));
    assert.ok(!grantsFullAdmin({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }));
    assert.deepEqual(serviceWildcards({ Effect: 'Allow', Action: ['s3:*', '*', 'ec2:Describe*'] }), ['s3:*']);
  });

  it('reads conditions: absent or {} is none, unknown is undecided, keys are lower-cased', () => {
    assert.equal(hasCondition({}), false);
    assert.equal(hasCondition({ Condition: {} }), false);
    assert.equal(hasCondition({ Condition: UNKNOWN }), undefined);
    assert.equal(hasCondition({ Condition: { StringEquals: { 'kms:ViaService': 'x' } } }), true);
    assert.deepEqual(conditionKeys({ Condition: { StringEquals: { 'kms:ViaService': 'x' }, Null: { 'aws:ResourceTag/team': 'false' } } }), [
      'kms:viaservice',
      'aws:resourcetag/team',
    ]);
  });

  it('renders data-source statement blocks as Terraform does', () => {
    assert.deepEqual(block({ actions: ['s3:GetObject'], resources: ['*'] }), { Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['*'] });
    assert.deepEqual(block({ effect: 'Deny', not_actions: ['iam:*'], principals: [{ type: '*', identifiers: ['*'] }] }), {
      Effect: 'Deny',
      NotAction: ['iam:*'],
      Principal: '*',
    });
    assert.deepEqual(
      block({
        principals: [
          { type: 'AWS', identifiers: ['arn:aws:iam::123456789012:root'] },
          { type: 'AWS', identifiers: ['*'] },
        ],
      }),
      {
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::123456789012:root', '*'] },
      },
    );
    assert.deepEqual(block({ not_principals: [{ type: 'AWS', identifiers: ['x'] }] }), { Effect: 'Allow', NotPrincipal: { AWS: ['x'] } });
    assert.deepEqual(
      block({
        conditions: [
          { test: 'StringEquals', variable: 'a', values: ['1'] },
          { test: 'StringEquals', variable: 'b', values: ['2'] },
        ],
      }),
      { Effect: 'Allow', Condition: { StringEquals: { a: ['1'], b: ['2'] } } },
    );
  });

  it('merges source and override documents; a same Sid is replaced; unreadable sources are unknown', () => {
    const source = { Statement: [{ Sid: 'A', Effect: 'Allow', Action: 's3:*' }] };
    const own = [{ Sid: 'B', Effect: 'Allow', Action: 'ec2:*' }];
    const override = { Statement: [{ Sid: 'A', Effect: 'Deny', Action: 's3:*' }] };
    assert.deepEqual(mergeDataSourceStatements([source], own, [override]), [{ Sid: 'A', Effect: 'Deny', Action: 's3:*' }, own[0]]);
    assert.equal(mergeDataSourceStatements([UNKNOWN], own, undefined), undefined);
    assert.deepEqual(renderDataSourcePolicy([], [UNKNOWN]).Statement, [], 'unknown sources leave the own statements');
  });
});
