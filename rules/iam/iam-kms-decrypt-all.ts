// Identity policies must not let a principal decrypt with every KMS key of the account (kms:Decrypt on "*").
import { defineRule } from '../define-rule';
import { IDENTITY_POLICY_TARGETS, identityDocuments, judgedByV2 } from '../lib/identity-policy';
import { conditionKeys, grantsAction, grantsFullAdmin, isAllow, onEveryResource, type PolicyStatement } from '../lib/policy-document';
import { isUnknown } from '../lib/unknown';

const DECRYPTING = ['kms:Decrypt', 'kms:ReEncryptFrom'];

/** Condition keys that tie a grant to particular keys or uses (exact keys, and prefixes ending in `:` or `/`). */
const NARROWING = ['kms:viaservice', 'kms:encryptioncontextkeys', 'kms:requestalias', 'kms:resourcealiases', 'aws:resourceaccount'];
const NARROWING_PREFIXES = ['kms:encryptioncontext:', 'aws:resourcetag/'];

function narrowed(st: PolicyStatement): boolean {
  return conditionKeys(st).some((k) => NARROWING.includes(k) || NARROWING_PREFIXES.some((p) => k.startsWith(p) && k.length > p.length));
}

/** The decrypting actions an Allow on every key grants with no narrowing condition; [] otherwise. */
function decryptsWithEveryKey(st: PolicyStatement): string[] {
  if (!isAllow(st) || !judgedByV2(st) || !onEveryResource(st) || grantsFullAdmin(st)) return [];
  // An unresolved condition may narrow it.
  if (isUnknown(st['Condition']) || narrowed(st)) return [];
  return DECRYPTING.filter((action) => grantsAction(st, action));
}

export default defineRule({
  id: 'iam-kms-decrypt-all',
  meta: {
    title: 'IAM policy does not allow decrypting with every KMS key',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data at rest (key management)',
    docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/kms-controls.html#kms-1',
    related: {},
    fsbp: ['KMS.1', 'KMS.2'],
    noEquivalent:
      'Checkov CKV_AWS_108 / CKV_AWS_288 flag data-exfiltration actions of every service on "*" and do not accept the KMS narrowing conditions; FSBP KMS.1 / KMS.2 are the equivalent controls.',
    messages: {
      decrypt:
        '{{resource}} allows {{actions}} on every KMS key ("*") with no kms:ViaService, kms:EncryptionContext, alias, aws:ResourceTag or aws:ResourceAccount condition, so the principal can decrypt data protected by any key whose policy delegates to IAM. List the key ARNs in Resource.',
    },
  },
  targets: IDENTITY_POLICY_TARGETS,
  check(resource, report) {
    for (const doc of identityDocuments(resource)) {
      const byAnchor = new Map<(typeof doc.statements)[number]['at'], Set<string>>();
      for (const { statement, at } of doc.statements) {
        const actions = decryptsWithEveryKey(statement);
        if (actions.length === 0) continue;
        const seen = byAnchor.get(at) ?? new Set<string>();
        actions.forEach((a) => seen.add(a));
        byAnchor.set(at, seen);
      }
      for (const [at, actions] of byAnchor) report({ at, messageId: 'decrypt', data: { actions: [...actions].join(' and ') } });
    }
  },
});
