// Passwords, tokens and secrets are not written into templates, where every reader of the code (and its history) sees them.
import { defineRule } from '../define-rule';
import { inputLabel } from '../lib/secret-pairs';
import { exposure, SECRET_TARGETS } from '../lib/secret-values';

const MESSAGE_IDS = {
  secret: { literal: 'literal', default: 'default' },
  nestedSecret: { literal: 'nestedLiteral', default: 'nestedDefault' },
  writeOnlySecret: { literal: 'writeOnlyLiteral', default: 'writeOnlyDefault' },
} as const;

const USE = 'use a secret store reference ({{resolve:secretsmanager:…}}, a data source) or an input without a default';
const DEFAULT = 'the default of {{input}}, which is written in the file (NoEcho / sensitive only mask it in consoles and plans)';

export default defineRule({
  id: 'hardcoded-secret',
  meta: {
    title: 'Secrets are not hard-coded',
    severity: 'high',
    whitepaper: 'Managing identities: credentials',
    docs: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html',
    related: {
      kics: [
        '39423ce4-9011-46cd-b6b1-009edcd9385d',
        '5f700072-b7ce-4e84-b3f3-497bf1c24a4d',
        'f988a17f-1139-46a3-8928-f27eafd8b024',
        '06b9f52a-8cd5-459b-bdc6-21a22521e1be',
        '6685d912-d81f-4cfa-95ad-e316ea31c989',
        '06adef8c-c284-4de7-aad2-af43b07a8ca1',
        '71493c8b-3014-404c-9802-078b74496fb7',
        'dfb56e5d-ee68-446e-b32a-657b62befe69',
      ],
    },
    messages: {
      literal: `{{resource}} writes {{secret}} as plain text; ${USE}.`,
      nestedLiteral: `{{resource}} writes {{nestedSecret}} as plain text; ${USE}.`,
      writeOnlyLiteral: `{{resource}} writes {{writeOnlySecret}} as plain text; ${USE}.`,
      default: `{{resource}} takes {{secret}} from ${DEFAULT}; ${USE}.`,
      nestedDefault: `{{resource}} takes {{nestedSecret}} from ${DEFAULT}; ${USE}.`,
      writeOnlyDefault: `{{resource}} takes {{writeOnlySecret}} from ${DEFAULT}; ${USE}.`,
      manage: 'Let the service manage the master password in Secrets Manager ({{managed}})',
    },
  },
  targets: SECRET_TARGETS,
  check(resource, report) {
    // Only a SecureString parameter's value is a secret by its property; plain ones are ssm-parameter-plaintext-secret's.
    if (resource.declares('parameterType') && resource.prop('parameterType').asString() !== 'SecureString') return;
    for (const key of ['secret', 'nestedSecret', 'writeOnlySecret'] as const) {
      for (const value of resource.list(key)) {
        const found = exposure(value);
        if (!found) continue;
        report({
          at: found.at,
          messageId: MESSAGE_IDS[key][found.how],
          data: { input: inputLabel(found.input, resource.family) },
          // RDS, Redshift and DocumentDB can generate and rotate the master password themselves; the old password
          // stops working, so the user decides.
          fix: resource.declares('managed')
            ? {
                messageId: 'manage',
                safety: 'review',
                apply: (f) => {
                  f.remove(resource, key);
                  f.set(resource, 'managed', true);
                },
              }
            : undefined,
        });
      }
    }
  },
});
