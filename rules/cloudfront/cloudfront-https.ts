// CloudFront distributions must not serve viewers over plain HTTP (ViewerProtocolPolicy allow-all).
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'cloudfront-https',
  meta: {
    title: 'CloudFront requires HTTPS between viewers and the distribution',
    severity: 'high',
    whitepaper: 'Securing your data: protecting data in transit (secure HTTPS access points)',
    docs: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html',
    related: {
      checkov: ['CKV_AWS_34'],
      kics: ['31733ee2-fef0-4e87-9778-65da22a8ecf1', '55af1353-2f62-4fa0-a8e1-a210ca2708f5'],
      tfsec: ['aws-cloudfront-enforce-https'],
      trivy: ['AVD-AWS-0012'],
    },
    messages: {
      allowAll: '{{resource}} sets {{policy}} to allow-all on a cache behaviour, so viewers can fetch content over plain HTTP.',
      redirect: 'Set {{policy}} to redirect-to-https',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::CloudFront::Distribution',
        props: {
          defaultBehavior: 'DistributionConfig.DefaultCacheBehavior',
          behaviors: 'DistributionConfig.CacheBehaviors[]',
          policy: 'ViewerProtocolPolicy',
        },
      },
    ],
    terraform: [
      {
        type: 'aws_cloudfront_distribution',
        props: { defaultBehavior: 'default_cache_behavior', behaviors: 'ordered_cache_behavior[]', policy: 'viewer_protocol_policy' },
      },
    ],
  },
  check(distribution, report) {
    for (const behavior of [...distribution.list('defaultBehavior'), ...distribution.list('behaviors')]) {
      const policy = behavior.prop('policy');
      if (policy.asString() !== 'allow-all') continue;
      report({
        at: policy,
        messageId: 'allowAll',
        // HTTP clients that do not follow redirects (some API clients, POSTs) stop working: the user reviews it.
        fix: { messageId: 'redirect', safety: 'review', apply: (f) => f.set(behavior, 'policy', 'redirect-to-https') },
      });
    }
  },
});
