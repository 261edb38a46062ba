// The IAM account password policy must be strong: length, reuse prevention, expiry and every character class.
import type { FixValue, ValueView } from '../api';
import { defineRule } from '../define-rule';

type Prop = 'minLength' | 'reuse' | 'maxAge' | 'lower' | 'upper' | 'numbers' | 'symbols';

const ATTRIBUTES = {
  lower: 'require_lowercase_characters',
  upper: 'require_uppercase_characters',
  numbers: 'require_numbers',
  symbols: 'require_symbols',
} as const;

/** What each attribute must be, and the value the fix writes. */
const REQUIREMENTS: readonly { key: Prop; attribute: string; fails: (v: ValueView<Prop>) => string | undefined; fixValue: FixValue }[] = [
  { key: 'minLength', attribute: 'minimum_password_length', fails: (v) => below(v, 14), fixValue: 14 },
  { key: 'reuse', attribute: 'password_reuse_prevention', fails: (v) => below(v, 24), fixValue: 24 },
  { key: 'maxAge', attribute: 'max_password_age', fails: maxAgeFails, fixValue: 90 },
  ...(['lower', 'upper', 'numbers', 'symbols'] as const).map((key) => ({ key, attribute: ATTRIBUTES[key], fails: notTrue, fixValue: true })),
];

function below(value: ValueView<Prop>, minimum: number): string | undefined {
  if (value.isMissing()) return `not set (needs at least ${minimum})`;
  const n = value.asNumber();
  return n !== undefined && n < minimum ? `${n} (needs at least ${minimum})` : undefined;
}

/** 0 (the provider's "not set") means passwords never expire, as a missing value does. */
function maxAgeFails(value: ValueView<Prop>): string | undefined {
  if (value.isMissing()) return 'not set (needs at most 90 days)';
  const n = value.asNumber();
  if (n === 0) return '0, passwords never expire (needs at most 90 days)';
  return n !== undefined && n > 90 ? `${n} (needs at most 90 days)` : undefined;
}

function notTrue(value: ValueView<Prop>): string | undefined {
  if (value.isMissing()) return 'not set (needs true)';
  return value.asBoolean() === false ? 'false (needs true)' : undefined;
}

export default defineRule({
  id: 'iam-password-policy',
  meta: {
    title: 'IAM account password policy is strong',
    severity: 'medium',
    whitepaper: 'Managing identities: credential policies',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
    related: {
      checkov: ['CKV_AWS_9', 'CKV_AWS_10', 'CKV_AWS_11', 'CKV_AWS_12', 'CKV_AWS_13', 'CKV_AWS_14', 'CKV_AWS_15'],
      kics: ['1bc1c685-e593-450e-88fb-19db4c82aa1d', 'ce60d060-efb8-4bfd-9cf7-ff8945d00d90', '89806cdc-9c2e-4bd1-a0dc-53f339bcfb2a'],
      tfsec: [
        'aws-iam-no-password-reuse',
        'aws-iam-require-lowercase-in-passwords',
        'aws-iam-require-numbers-in-passwords',
        'aws-iam-require-symbols-in-passwords',
        'aws-iam-require-uppercase-in-passwords',
        'aws-iam-set-max-password-age',
        'aws-iam-set-minimum-password-length',
      ],
      trivy: ['AVD-AWS-0056', 'AVD-AWS-0058', 'AVD-AWS-0059', 'AVD-AWS-0060', 'AVD-AWS-0061', 'AVD-AWS-0062', 'AVD-AWS-0063'],
    },
    fsbp: ['IAM.7', 'IAM.10'],
    messages: {
      weak: '{{resource}} is weaker than the baseline: {{failing}}.',
      strengthen: 'Set {{attributes}}',
    },
  },
  // CloudFormation has no resource type for the account password policy.
  targets: {
    terraform: [
      {
        type: 'aws_iam_account_password_policy',
        props: {
          minLength: 'minimum_password_length',
          reuse: 'password_reuse_prevention',
          maxAge: 'max_password_age',
          lower: 'require_lowercase_characters',
          upper: 'require_uppercase_characters',
          numbers: 'require_numbers',
          symbols: 'require_symbols',
        },
      },
    ],
  },
  check(policy, report) {
    // A value nothing decides (a variable without default) is not judged; the others still are.
    const failing = REQUIREMENTS.flatMap((r) => {
      const value = policy.prop(r.key);
      if (value.isUnresolved()) return [];
      const why = r.fails(value);
      return why === undefined ? [] : [{ ...r, why }];
    });
    if (failing.length === 0) return;
    report({
      at: policy,
      messageId: 'weak',
      data: {
        failing: failing.map((f) => `${f.attribute} is ${f.why}`).join(', '),
        attributes: failing.map((f) => `${f.attribute} = ${String(f.fixValue)}`).join(', '),
      },
      // Stricter rules apply at each user's next password change, and a new maximum age can expire old
      // passwords at once: the user reviews it.
      fix: { messageId: 'strengthen', safety: 'review', apply: (f) => failing.forEach((r) => f.set(policy, r.key, r.fixValue)) },
    });
  },
});
