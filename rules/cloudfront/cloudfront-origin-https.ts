// CloudFront reaches custom origins over HTTPS with TLS, never plain HTTP or SSLv3.
import type { ValueView } from '../api';
import { defineRule } from '../define-rule';
import { originLabel, s3OriginKind } from '../lib/cloudfront-origins';

type OriginProp =
  'origins' | 'id' | 'domain' | 'custom' | 'protocolPolicy' | 'sslProtocols' | 'defaultBehavior' | 'behaviors' | 'target' | 'viewerPolicy';

export default defineRule({
  id: 'cloudfront-origin-https',
  meta: {
    title: 'CloudFront connects to custom origins over HTTPS',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data in transit (secure HTTPS access points)',
    docs: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html',
    related: { checkov: ['CKV2_AWS_72'] },
    fsbp: ['CloudFront.9', 'CloudFront.10'],
    messages: {
      httpOnly: '{{resource}} reaches origin {{origin}} with {{protocolPolicy}} http-only: requests and responses cross the network in clear text.',
      matchViewer:
        '{{resource}} reaches origin {{origin}} with {{protocolPolicy}} match-viewer while a cache behaviour routed to it allows plain-HTTP viewers, so those requests reach the origin over HTTP.',
      sslv3: '{{resource}} lets CloudFront reach origin {{origin}} with SSLv3, a broken protocol (POODLE).',
      httpsOnly: 'Set {{protocolPolicy}} to https-only',
      dropSslv3: 'Remove SSLv3 from {{sslProtocols}}',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::CloudFront::Distribution',
        props: {
          origins: 'DistributionConfig.Origins[]',
          id: 'Id',
          domain: 'DomainName',
          custom: 'CustomOriginConfig',
          protocolPolicy: 'OriginProtocolPolicy',
          sslProtocols: 'OriginSSLProtocols',
          defaultBehavior: 'DistributionConfig.DefaultCacheBehavior',
          behaviors: 'DistributionConfig.CacheBehaviors[]',
          target: 'TargetOriginId',
          viewerPolicy: 'ViewerProtocolPolicy',
        },
      },
    ],
    terraform: [
      {
        type: 'aws_cloudfront_distribution',
        props: {
          origins: 'origin[]',
          id: 'origin_id',
          domain: 'domain_name',
          custom: 'custom_origin_config',
          protocolPolicy: 'origin_protocol_policy',
          sslProtocols: 'origin_ssl_protocols',
          defaultBehavior: 'default_cache_behavior',
          behaviors: 'ordered_cache_behavior[]',
          target: 'target_origin_id',
          viewerPolicy: 'viewer_protocol_policy',
        },
      },
    ],
  },
  companions: { bucket: { cloudformation: { type: 'AWS::S3::Bucket', props: {} } } },
  check(distribution, report, ctx) {
    const behaviors = [...distribution.list('defaultBehavior'), ...distribution.list('behaviors')];
    for (const origin of distribution.list('origins')) {
      const custom = origin.prop('custom');
      if (custom.isMissing() || custom.isUnresolved()) continue;
      // S3 website endpoints serve HTTP only: https-only would break the origin, not protect it.
      if (s3OriginKind(origin.prop('domain'), ctx.companions('bucket')) === 'website') continue;
      const name = originLabel(origin.prop('id'), origin.prop('domain'));
      const policy = custom.prop('protocolPolicy');
      const value = policy.asString();
      if (value === 'http-only' || (value === 'match-viewer' && routesPlainHttp(origin.prop('id'), behaviors))) {
        report({
          at: policy,
          messageId: value === 'http-only' ? 'httpOnly' : 'matchViewer',
          data: { origin: name },
          // The origin must then answer HTTPS with a certificate valid for its domain name: reviewed.
          fix: { messageId: 'httpsOnly', safety: 'review', apply: (f) => f.set(custom, 'protocolPolicy', 'https-only') },
        });
      }
      const protocols = custom.prop('sslProtocols');
      if (protocols.isUnresolved()) continue;
      const items = protocols.items();
      const sslv3 = items.find((p) => p.asString() === 'SSLv3');
      if (!sslv3) continue;
      const kept = items.filter((p) => p !== sslv3).map((p) => p.asString());
      const writable = kept.every((p): p is string => p !== undefined && p !== 'SSLv3');
      report({
        at: sslv3,
        messageId: 'sslv3',
        data: { origin: name },
        // An origin that speaks nothing newer would stop answering: reviewed. An empty list is not allowed.
        fix: writable
          ? { messageId: 'dropSslv3', safety: 'review', apply: (f) => f.replace(protocols, kept.length > 0 ? kept : ['TLSv1.2']) }
          : undefined,
      });
    }
  },
});

/** Whether a cache behaviour routed to the origin (by `TargetOriginId`) lets viewers use plain HTTP. */
function routesPlainHttp(id: ValueView<OriginProp>, behaviors: readonly ValueView<OriginProp>[]): boolean {
  const originId = id.asString();
  if (originId === undefined) return false;
  return behaviors.some((b) => b.prop('target').asString() === originId && b.prop('viewerPolicy').asString() === 'allow-all');
}
