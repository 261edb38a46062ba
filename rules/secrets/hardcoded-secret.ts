// Passwords, tokens and secrets are not written into templates, where every reader of the code (and its history) sees them.
import { defineRule } from '../define-rule';
import { exposure, SECRET_TARGETS } from '../lib/secret-values';

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
      literal: '{{resource}} writes {{secret}} as plain text; use a secret store reference or a NoEcho parameter / sensitive variable.',
      nestedLiteral: '{{resource}} writes {{nestedSecret}} as plain text; use a secret store reference or a NoEcho parameter / sensitive variable.',
      default: '{{resource}} takes {{secret}} from an input that is not NoEcho/sensitive and whose default is the secret in plain text.',
      nestedDefault: '{{resource}} takes {{nestedSecret}} from an input that is not NoEcho/sensitive and whose default is the secret in plain text.',
      manage: 'Let RDS manage the master password in Secrets Manager ({{managed}})',
    },
  },
  targets: SECRET_TARGETS,
  check(resource, report) {
    for (const key of ['secret', 'nestedSecret'] as const) {
      for (const value of resource.list(key)) {
        const how = exposure(value);
        if (!how) continue;
        report({
          at: value,
          messageId: key === 'secret' ? how : how === 'literal' ? 'nestedLiteral' : 'nestedDefault',
          // RDS can generate and rotate the master password itself; the old password stops working, so the user decides.
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
