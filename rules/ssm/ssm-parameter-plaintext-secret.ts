// A `String` / `StringList` parameter is stored and shown unencrypted to everyone who can read it; a secret belongs
// in a `SecureString` (encrypted with KMS, decrypted only for callers allowed the key) or in Secrets Manager.
import type { FixSpec } from '../api';
import { defineRule } from '../define-rule';
import { hitAt, inputLabel } from '../lib/secret-pairs';
import { HOLE, readScriptText } from '../lib/script-text';
import { findSecretValue, isSecretLikeName } from '../lib/secret-text';

const PLAIN_TYPES = new Set(['String', 'StringList']);

const HINTS = {
  // CloudFormation rejects `Type: SecureString`, so the parameter has to be made elsewhere.
  cloudformation:
    'CloudFormation cannot create a SecureString: create it outside the stack and read it with {{resolve:ssm-secure:…}}, or use AWS::SecretsManager::Secret',
  terraform: 'make it a SecureString (readers then need kms:Decrypt and with_decryption)',
} as const;

export default defineRule({
  id: 'ssm-parameter-plaintext-secret',
  meta: {
    title: 'Secrets in SSM Parameter Store are SecureString',
    severity: 'high',
    whitepaper: 'Securing your data: protecting data at rest',
    docs: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-parameter-store.html',
    related: {},
    noEquivalent:
      'Checkov CKV2_AWS_34 (any String parameter) and CKV_AWS_384 (CloudFormation) check neighbouring conditions, not secrets in plain parameters.',
    messages: {
      secretName: '{{resource}} is a {{kind}} parameter named like a secret ({{name}}), so its value is stored and shown in plain text; {{hint}}.',
      secretValue: '{{resource}} is a {{kind}} parameter whose value holds a secret value ({{secret}}); {{hint}}.',
      secretValueDefault:
        '{{resource}} is a {{kind}} parameter whose value holds a secret value ({{secret}}) from the default of {{input}}; {{hint}}.',
      secure: 'Make it a SecureString',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::SSM::Parameter', props: { type: 'Type', name: 'Name', value: 'Value' } }],
    terraform: [{ type: 'aws_ssm_parameter', props: { type: 'type', name: 'name', value: 'value', insecureValue: 'insecure_value' } }],
  },
  check(resource, report) {
    const type = resource.prop('type');
    const kind = type.asString();
    if (kind === undefined || !PLAIN_TYPES.has(kind)) return;
    const hint = HINTS[resource.family];
    const insecure = resource.prop('insecureValue');
    const insecureText = insecure.isMissing() ? undefined : insecure.asString();
    // Terraform: SecureString refuses insecure_value, so the fix renames a literal one to value; anything else is the user's.
    const fix: FixSpec<'secure', 'type' | 'name' | 'value' | 'insecureValue'> | undefined =
      resource.family === 'terraform' && (insecure.isMissing() || (insecureText !== undefined && !insecure.isReference()))
        ? {
            messageId: 'secure',
            safety: 'review',
            apply: (f) => {
              f.replace(type, 'SecureString');
              if (insecureText !== undefined) {
                f.remove(resource, 'insecureValue');
                f.set(resource, 'value', insecureText);
              }
            },
          }
        : undefined;

    for (const value of [resource.prop('value'), insecure]) {
      const script = readScriptText(value, { base64: 'never' });
      const found = script && findSecretValue(script.text);
      if (!script || !found) continue;
      const { at, input } = hitAt(value, script, found.start, found.end);
      report({
        at,
        messageId: input ? 'secretValueDefault' : 'secretValue',
        data: { kind, hint, secret: found.kind, input: inputLabel(input, resource.family) },
        fix,
      });
      return;
    }
    // The name as written (literal parts of a `Fn::Sub` / template count, unknown parts separate words), else the
    // logical id / resource name.
    const nameView = resource.prop('name');
    const written = nameView.isMissing() ? undefined : readScriptText(nameView, { base64: 'never' })?.text;
    const name = written === undefined ? (resource.address.split('.').pop() ?? '') : written.split(HOLE).join('/');
    if (isSecretLikeName(name))
      report({ at: type, messageId: 'secretName', data: { kind, hint, name: written === undefined ? name : written.split(HOLE).join('…') }, fix });
  },
});
