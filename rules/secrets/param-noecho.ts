// Parameters and variables that carry secrets are masked, so their values stay out of consoles, plans and logs.
import { defineRule } from '../define-rule';
import { lastNameWords } from '../lib/secret-text';

const IDEMPOTENCY_WORDS = new Set(['creation', 'client', 'request', 'idempotency']);

/**
 * Whether a name announces a secret. The catalogue asks for password, secret or token anywhere in the name; the
 * word must end the name (`db_password`, `GitHubOAuthToken`, `client_secret`, also `secret_key`), because
 * settings about a secret put it first (`password_length`, `master_user_secret_kms_key_id`, `auth_token_update_strategy`).
 */
function namesSecret(name: string): boolean {
  const w = lastNameWords(name, 3);
  const last = w.at(-1) ?? '';
  // AWS idempotency tokens (EFS `creation_token`, `ClientToken`, `ClientRequestToken`) only tell retries apart:
  // they are shown in every describe call and grant nothing.
  if (/^tokens?$/.test(last) && IDEMPOTENCY_WORDS.has(w.at(-2) ?? '')) return false;
  if (/^(password|passwd|secret|token)s?$/.test(last)) return true;
  // `secret_key`, `SecretAccessKey`
  return last === 'key' && (w.at(-2) === 'secret' || (w.at(-2) === 'access' && w.at(-3) === 'secret'));
}

export default defineRule({
  id: 'param-noecho',
  meta: {
    title: 'Secret parameters and variables are masked',
    severity: 'medium',
    whitepaper: 'Managing identities: credentials',
    docs: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html',
    related: {},
    noEquivalent: 'Other tools look for secret values written into templates (see hardcoded-secret), not for secret-named inputs left unmasked.',
    messages: {
      missing: '{{resource}} looks like a secret but does not set {{noEcho}}, so its value is shown in console, CLI or plan output.',
      disabled: '{{resource}} looks like a secret but sets {{noEcho}} to false, so its value is shown in console, CLI or plan output.',
      mask: 'Set {{noEcho}} to true',
    },
  },
  targets: {
    cloudformation: [{ type: '@input', props: { noEcho: 'NoEcho', type: 'Type', default: 'Default' } }],
    terraform: [{ type: '@input', props: { noEcho: 'sensitive', type: 'type', default: 'default' } }],
  },
  check(input, report) {
    const name = input.address.split('.').pop() ?? '';
    if (!namesSecret(name)) return;
    // Numbers and flags (`create_random_password = true`, `PasswordLength: Number`) are settings about a secret, not one.
    const type = input.prop('type').asString() ?? '';
    if (/number/i.test(type) || type.startsWith('AWS::')) return;
    const byDefault = typeof input.prop('default').literal();
    if (byDefault === 'boolean' || byDefault === 'number') return;
    const noEcho = input.prop('noEcho');
    if (noEcho.isUnresolved() || noEcho.asBoolean() === true) return;
    report({
      at: noEcho,
      messageId: noEcho.isMissing() ? 'missing' : 'disabled',
      // Terraform refuses to plan when a sensitive variable reaches an unmarked output or a for_each, so the user checks.
      fix: { messageId: 'mask', safety: 'review', apply: (f) => f.set(input, 'noEcho', true) },
    });
  },
});
