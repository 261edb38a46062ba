// Customer managed symmetric KMS keys rotate their key material yearly.
import { defineRule } from '../define-rule';
import { requireTrue } from '../lib/require-true';

export default defineRule({
  id: 'kms-key-rotation',
  meta: {
    title: 'KMS key rotation is enabled',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data at rest (key management)',
    docs: 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
    related: {
      checkov: ['CKV_AWS_7'],
      kics: ['235ca980-eb71-48f4-9030-df0c371029eb', '1c07bfaf-663c-4f6f-b22b-8e2d481e4df5', '22fbfeac-7b5a-421a-8a27-7a2178bb910b'],
      tfsec: ['aws-kms-auto-rotate-keys'],
      trivy: ['AVD-AWS-0065'],
    },
    messages: {
      missing: '{{resource}} does not set {{rotation}}; its key material is never rotated.',
      disabled: '{{resource}} sets {{rotation}} to false.',
      enable: 'Set {{rotation}} to true',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::KMS::Key', props: { rotation: 'EnableKeyRotation', spec: 'KeySpec', origin: 'Origin' } }],
    terraform: [
      { type: 'aws_kms_key', props: { rotation: 'enable_key_rotation', spec: 'customer_master_key_spec', keyStore: 'custom_key_store_id' } },
    ],
  },
  check(key, report) {
    // Automatic rotation exists only for symmetric keys whose material KMS generated in its own key store:
    // not for asymmetric or HMAC keys, imported material, or custom key stores.
    const spec = key.prop('spec');
    const origin = key.prop('origin');
    if (spec.isUnresolved() || origin.isUnresolved()) return;
    if (!spec.isMissing() && spec.asString() !== 'SYMMETRIC_DEFAULT') return;
    if (!origin.isMissing() && origin.asString() !== 'AWS_KMS') return;
    if (!key.prop('keyStore').isMissing()) return;
    // Rotation is an in-place setting: existing ciphertexts stay decryptable.
    requireTrue(key, 'rotation', report, { missing: 'missing', disabled: 'disabled', enable: 'enable' });
  },
});
