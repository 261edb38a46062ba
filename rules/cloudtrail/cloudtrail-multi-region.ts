// CloudTrail trails record every region, so activity in a region nobody watches is still logged.
import { defineRule } from '../define-rule';
import { requireTrue } from '../lib/require-true';

export default defineRule({
  id: 'cloudtrail-multi-region',
  meta: {
    title: 'CloudTrail trails log all regions',
    severity: 'medium',
    whitepaper: 'Monitoring, alerting, audit trail and incident response',
    docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
    related: {
      checkov: ['CKV_AWS_67'],
      kics: ['058ac855-989f-4378-ba4d-52d004020da7', '8173d5eb-96b5-4aa6-a71b-ecfa153c123d'],
      tfsec: ['aws-cloudtrail-enable-all-regions'],
      trivy: ['AVD-AWS-0014'],
    },
    messages: {
      missing: '{{resource}} does not set {{multiRegion}}; the trail logs only the region it is created in.',
      disabled: '{{resource}} sets {{multiRegion}} to false; activity in other regions is not logged.',
      enable: 'Set {{multiRegion}} to true',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::CloudTrail::Trail', props: { multiRegion: 'IsMultiRegionTrail' } }],
    terraform: [{ type: 'aws_cloudtrail', props: { multiRegion: 'is_multi_region_trail' } }],
  },
  check(trail, report) {
    // Turning a single-region trail into a multi-region one is an in-place update.
    requireTrue(trail, 'multiRegion', report, { missing: 'missing', disabled: 'disabled', enable: 'enable' });
  },
});
