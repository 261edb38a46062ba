import { strict as assert } from 'node:assert';
import { extendTargets, IDENTITY_POLICY_TARGETS, isAdministratorAccess, judgedByV2 } from '../../../rules/lib/identity-policy';
import { UNKNOWN } from '../../../rules/lib/unknown';

describe('rules/lib/identity-policy', () => {
  it('lists every identity-policy location of clarification 4', () => {
    const types = (family: 'cloudformation' | 'terraform') => IDENTITY_POLICY_TARGETS[family].flatMap((t) => [t.type].flat());
    for (const t of [
      'AWS::IAM::Policy',
      'AWS::IAM::ManagedPolicy',
      'AWS::IAM::RolePolicy',
      'AWS::IAM::UserPolicy',
      'AWS::IAM::GroupPolicy',
      'AWS::IAM::Role',
      'AWS::IAM::User',
      'AWS::IAM::Group',
      'AWS::Serverless::Function',
      'AWS::Serverless::StateMachine',
    ]) {
      assert.ok(types('cloudformation').includes(t), t);
    }
    for (const t of [
      'aws_iam_policy',
      'aws_iam_role_policy',
      'aws_iam_user_policy',
      'aws_iam_group_policy',
      'aws_iam_role',
      'data.aws_iam_policy_document',
    ])
      assert.ok(types('terraform').includes(t), t);
  });

  it('extends a grouped target type with more props, and appends new types', () => {
    const out = extendTargets<string>(
      [{ type: ['A', 'B'], props: { policies: 'P' } }],
      [
        { type: 'B', props: { managed: 'M' } },
        { type: 'C', props: { managed: 'N' } },
      ],
    );
    assert.deepEqual(out, [
      { type: ['A'], props: { policies: 'P' } },
      { type: 'B', props: { policies: 'P', managed: 'M' } },
      { type: 'C', props: { managed: 'N' } },
    ]);
  });

  it('recognises AdministratorAccess in any partition, by its bare name only where SAM allows it', () => {
    assert.ok(isAdministratorAccess('arn:aws:iam::aws:policy/AdministratorAccess'));
    assert.ok(isAdministratorAccess('arn:aws-cn:iam::aws:policy/AdministratorAccess'));
    assert.ok(isAdministratorAccess('arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess'));
    assert.ok(isAdministratorAccess('arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess'));
    assert.ok(!isAdministratorAccess('arn:aws:iam::123456789012:policy/AdministratorAccess'), 'a customer policy of the same name');
    assert.ok(!isAdministratorAccess('arn:aws:iam::aws:policy/job-function/AdministratorAccess-Amplify'));
    assert.ok(!isAdministratorAccess('AdministratorAccess'));
    assert.ok(isAdministratorAccess('AdministratorAccess', { bareName: true }));
    assert.ok(!isAdministratorAccess(UNKNOWN));
  });

  it('leaves NotAction and NotResource statements to v1', () => {
    assert.ok(judgedByV2({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }));
    assert.ok(!judgedByV2({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }));
    assert.ok(!judgedByV2({ Effect: 'Allow', Action: 'iam:*', NotResource: 'arn:aws:iam::123456789012:role/x' }));
  });
});
