// A secret that never rotates stays valid for as long as anyone who ever read it keeps a copy; Secrets Manager
// rotation replaces it on a schedule.
import type { ResourceView, ValueView } from '../api';
import { defineRule } from '../define-rule';

type Prop = 'name' | 'secret' | 'condition' | 'count' | 'forEach';

/** Whether a written `count` / `for_each` branch creates nothing: `0`, `[]`, `{}`, `null`. */
function createsNothing(view: ValueView<Prop>): boolean {
  const w = view.written();
  if (w?.kind === 'scalar') return w.value === 0 || w.value === '0' || w.value === null;
  if (w?.kind === 'list') return w.items.length === 0;
  if (w?.kind === 'map') return w.entries.length === 0;
  return false;
}

/** The text of a Terraform condition as messages show it (`var.rotate`). */
function conditionText(view: ValueView<Prop>): string | undefined {
  const w = view.written();
  if (w?.kind === 'ref') return w.path.join('.');
  if (w?.kind === 'template') return w.text;
  return undefined;
}

/**
 * The condition a resource exists under (clarification 7), as messages name it: its own CloudFormation `Condition`,
 * or the condition of a Terraform `count` / `for_each` that creates nothing in one branch. Undefined when it always
 * exists.
 */
function existsUnder(resource: ResourceView<Prop>): { key: string; label: string } | undefined {
  const own = resource.prop('condition').asString();
  if (own !== undefined) return { key: `cfn:${own}`, label: `condition ${own} is false` };
  for (const meta of ['count', 'forEach'] as const) {
    const w = resource.prop(meta).written();
    if (w?.kind !== 'call' || w.fn !== '?:' || w.args.length !== 3) continue;
    const [test, whenTrue, whenFalse] = w.args as [ValueView<Prop>, ValueView<Prop>, ValueView<Prop>];
    const text = conditionText(test);
    if (text === undefined || createsNothing(whenTrue) === createsNothing(whenFalse)) continue;
    // Exists when the condition holds if the false branch creates nothing; the label names the branch without it.
    const existsWhenTrue = createsNothing(whenFalse);
    return { key: `tf:${text}:${existsWhenTrue}`, label: `\`${text}\` is ${!existsWhenTrue}` };
  }
  return undefined;
}

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
      noRotationWhen:
        '{{resource}} has no rotation schedule when {{variant}}, so the secret then never changes; add one that exists with the secret (for database secrets, HostedRotationLambda creates the rotation function).',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::SecretsManager::Secret', props: { name: 'Name', condition: '/Condition' } }],
    terraform: [{ type: 'aws_secretsmanager_secret', props: { name: 'name', count: 'count', forEach: 'for_each' } }],
  },
  companions: {
    schedule: {
      cloudformation: { type: 'AWS::SecretsManager::RotationSchedule', props: { secret: 'SecretId', condition: '/Condition' } },
      terraform: { type: 'aws_secretsmanager_secret_rotation', props: { secret: 'secret_id', count: 'count', forEach: 'for_each' } },
    },
  },
  check(secret, report, ctx) {
    const schedules = ctx.referencing('schedule', 'secret', secret);
    if (schedules.length === 0) {
      // A schedule whose SecretId goes through an input or local nothing resolves may well be this secret's.
      if (ctx.companions('schedule').some((s) => s.prop('secret').isReference() && s.prop('secret').isUnresolved())) return;
      report({ at: secret, messageId: 'noRotation' });
      return;
    }
    // A schedule counts where it exists: always, or under the condition the secret itself exists under.
    const mine = existsUnder(secret)?.key;
    const conditions = schedules.map(existsUnder);
    if (conditions.some((c) => c === undefined || c.key === mine)) return;
    report({ at: secret, messageId: 'noRotationWhen', data: { variant: (conditions[0] as { label: string }).label } });
  },
});
