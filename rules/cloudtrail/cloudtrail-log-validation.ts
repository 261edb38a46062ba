// CloudTrail trails must validate log file integrity so tampering is detectable.
import { defineRule } from '../define-rule';
import { requireTrue } from '../lib/require-true';

export default defineRule({
  id: 'cloudtrail-log-validation',
  meta: {
    title: 'CloudTrail log file validation is enabled',
    severity: 'medium',
    whitepaper: 'Monitoring, alerting, audit trail and incident response',
    docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html',
    related: {
      checkov: ['CKV_AWS_36'],
      kics: ['2a3560fe-52ca-4443-b34f-bf0ed5eb74c8', '52ffcfa6-6c70-4ea6-8376-d828d3961669'],
      tfsec: ['aws-cloudtrail-enable-log-validation'],
      trivy: ['AVD-AWS-0016'],
    },
    messages: {
      missing: '{{resource}} does not set {{validation}}; without it, changed or deleted log files go unnoticed.',
      disabled: '{{resource}} sets {{validation}} to false.',
      enable: 'Set {{validation}} to true',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::CloudTrail::Trail', props: { validation: 'EnableLogFileValidation' } }],
    terraform: [{ type: 'aws_cloudtrail', props: { validation: 'enable_log_file_validation' } }],
  },
  check(trail, report) {
    requireTrue(trail, 'validation', report, { missing: 'missing', disabled: 'disabled', enable: 'enable' });
  },
});
