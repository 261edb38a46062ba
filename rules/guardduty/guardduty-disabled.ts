// A GuardDuty detector that is written down but switched off gives a false sense of threat detection.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'guardduty-disabled',
  meta: {
    title: 'GuardDuty detectors are enabled',
    severity: 'high',
    whitepaper: 'Monitoring, alerting, audit trail and incident response',
    docs: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_suspend-disable.html',
    related: {
      checkov: ['CKV_AWS_238'],
      kics: ['a25cd877-375c-4121-a640-730929936fac', '704dadd3-54fc-48ac-b6a0-02f170011473'],
    },
    fsbp: ['GuardDuty.1'],
    messages: {
      disabled: '{{resource}} sets {{enable}} to false: GuardDuty stops analysing this account and region, so threats go undetected.',
      enable: 'Set {{enable}} to true',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::GuardDuty::Detector', props: { enable: 'Enable' } }],
    terraform: [{ type: 'aws_guardduty_detector', props: { enable: 'enable' } }],
  },
  check(detector, report) {
    const enable = detector.prop('enable');
    // Only an explicit false: `Enable` is required in CloudFormation, and Terraform's `enable` defaults to true.
    if (enable.asBoolean() !== false) return;
    // Re-enabling is an in-place update that changes no access (it adds GuardDuty's usage cost).
    report({ at: enable, messageId: 'disabled', fix: { messageId: 'enable', safety: 'safe', apply: (f) => f.set(detector, 'enable', true) } });
  },
});
