// CloudFront reaches S3 bucket origins through an origin access control (or legacy identity), so the bucket can stay private.
import type { ValueView } from '../api';
import { defineRule } from '../define-rule';
import { originLabel, s3OriginKind } from '../lib/cloudfront-origins';

export default defineRule({
  id: 'cloudfront-s3-origin-access',
  meta: {
    title: 'CloudFront S3 origins use origin access control',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data at rest (restricting access to S3 through CloudFront)',
    docs: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html',
    related: { checkov: ['CKV2_AWS_46'] },
    fsbp: ['CloudFront.13'],
    messages: {
      noAccessControl:
        '{{resource}} reaches S3 origin {{origin}} without an origin access control or identity, so the bucket must be readable by anyone for CloudFront to serve it. Add an origin access control and a bucket policy that lets only this distribution read.',
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
          s3: 'S3OriginConfig',
          identity: 'OriginAccessIdentity',
          control: 'OriginAccessControlId',
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
          s3: 's3_origin_config',
          identity: 'origin_access_identity',
          control: 'origin_access_control_id',
        },
      },
    ],
  },
  companions: { bucket: { cloudformation: { type: 'AWS::S3::Bucket', props: {} } } },
  check(distribution, report, ctx) {
    for (const origin of distribution.list('origins')) {
      const s3 = origin.prop('s3');
      if (s3.isUnresolved()) continue;
      if (s3.isMissing() && s3OriginKind(origin.prop('domain'), ctx.companions('bucket')) !== 'rest') continue;
      if (grants(origin.prop('control')) || grants(s3.prop('identity'))) continue;
      report({ at: origin, messageId: 'noAccessControl', data: { origin: originLabel(origin.prop('id'), origin.prop('domain')) } });
    }
  },
});

/** An access control / identity that is written and not empty, or that something unresolved decides. */
function grants(value: ValueView<string>): boolean {
  return !value.isMissing() && (value.isUnresolved() || value.asString() !== '');
}
