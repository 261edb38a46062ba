// CloudFront distributions with their own certificate negotiate TLS 1.2 or later with viewers.
import { defineRule } from '../define-rule';

/** Minimum protocol versions that still accept SSLv3, TLS 1.0 or TLS 1.1. */
const OUTDATED = new Set(['SSLv3', 'TLSv1', 'TLSv1_2016', 'TLSv1.1_2016']);
const RECOMMENDED = 'TLSv1.2_2021';

export default defineRule({
  id: 'cloudfront-tls-policy',
  meta: {
    title: 'CloudFront viewer connections require TLS 1.2 or later',
    severity: 'high',
    whitepaper: 'Securing your data: protecting data in transit (secure HTTPS access points)',
    docs: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html',
    related: {
      checkov: ['CKV_AWS_174'],
      kics: [
        'dc17ee4b-ddf2-4e23-96e8-7a36abad1303',
        '00e5e55e-c2ff-46b3-a757-a7a1cd802456',
        'be96849c-3df6-49c2-bc16-778a7be2519c',
        '5c0003fb-9aa0-42c1-9da3-eb0e332bef21',
      ],
      tfsec: ['aws-cloudfront-use-secure-tls-policy'],
      trivy: ['AVD-AWS-0013'],
    },
    messages: {
      missing: '{{resource}} serves its own certificate without {{minimumVersion}}; choose TLS 1.2 or later for viewers.',
      outdated: '{{resource}} sets {{minimumVersion}} to {{version}}, which lets viewers connect with protocols older than TLS 1.2.',
      setVersion: `Set {{minimumVersion}} to ${RECOMMENDED}`,
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::CloudFront::Distribution',
        props: {
          certificate: 'DistributionConfig.ViewerCertificate',
          acm: 'AcmCertificateArn',
          iam: 'IamCertificateId',
          defaultCertificate: 'CloudFrontDefaultCertificate',
          minimumVersion: 'MinimumProtocolVersion',
        },
      },
    ],
    terraform: [
      {
        type: 'aws_cloudfront_distribution',
        props: {
          certificate: 'viewer_certificate',
          acm: 'acm_certificate_arn',
          iam: 'iam_certificate_id',
          defaultCertificate: 'cloudfront_default_certificate',
          minimumVersion: 'minimum_protocol_version',
        },
      },
    ],
  },
  check(distribution, report) {
    for (const certificate of distribution.list('certificate')) {
      // With the default *.cloudfront.net certificate CloudFront uses TLSv1 whatever is written: nothing to choose.
      const builtIn = certificate.prop('defaultCertificate');
      if (builtIn.isUnresolved() || builtIn.asBoolean() === true) continue;
      const own = [certificate.prop('acm'), certificate.prop('iam')].some((c) => !c.isMissing() && (c.isUnresolved() || c.asString() !== ''));
      if (!own) continue;
      const version = certificate.prop('minimumVersion');
      if (version.isUnresolved()) continue;
      const value = version.asString();
      if (value !== undefined && !OUTDATED.has(value)) continue;
      report({
        at: version,
        messageId: version.isMissing() ? 'missing' : 'outdated',
        data: { version: value ?? '' },
        // Viewers limited to older protocols (old Android, embedded clients) can no longer connect.
        fix: { messageId: 'setVersion', safety: 'review', apply: (f) => f.set(certificate, 'minimumVersion', RECOMMENDED) },
      });
    }
  },
});
