// A secret that never rotates stays valid for as long as anyone who ever read it keeps a copy; Secrets Manager
// rotation replaces it on a schedule.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'secretsmanager-rotation',
  meta: {
    title: 'Secrets Manager secrets rotate',
    severity: 'medium',
    whitepaper: 'Managing identities: credentials',
    docs: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html',
    related: {
      checkov: ['CKV2_AWS_57'],
    },
    fsbp: ['SecretsManager.1'],
    messages: {
      noRotation:
        '{{resource}} has no rotation schedule, so the secret never changes; add one with a rotation function (for RDS, Redshift and DocumentDB secrets, HostedRotationLambda creates it).',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::SecretsManager::Secret', props: { name: 'Name' } }],
    terraform: [{ type: 'aws_secretsmanager_secret', props: { name: 'name' } }],
  },
  companions: {
    schedule: {
      cloudformation: { type: 'AWS::SecretsManager::RotationSchedule', props: { secret: 'SecretId' } },
      terraform: { type: 'aws_secretsmanager_secret_rotation', props: { secret: 'secret_id' } },
    },
  },
  check(secret, report, ctx) {
    // A schedule under a condition of its own (a `Condition`, a `count` / `for_each` that may create nothing) is a
    // companion only in the variants where it exists (clarification 7): the engine's lookup decides it, and a finding
    // in some variants only names them.
    if (ctx.referencing('schedule', 'secret', secret).length > 0) return;
    // A schedule whose SecretId goes through an input or local nothing resolves may well be this secret's.
    if (ctx.companions('schedule').some((s) => s.prop('secret').isReference() && s.prop('secret').isUnresolved())) return;
    report({ at: secret, messageId: 'noRotation' });
  },
});
