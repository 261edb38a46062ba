// Application and Network Load Balancers write access logs, so requests can be traced in an investigation.
import type { Report, ResourceView } from '../api';
import { defineRule } from '../define-rule';
import { lbAttribute } from '../lib/lb-attributes';

/** The load balancer attribute that turns access logging on. */
const ACCESS_LOGS = 'access_logs.s3.enabled';

type Keys = 'type' | 'attributes' | 'attribute' | 'key' | 'value' | 'logs' | 'enabled';
type Messages = 'missing' | 'disabled' | 'enabledMissing';

// No fix: the log bucket, and a bucket policy that lets the ELB service write to it, are the user's to choose.

/** CloudFormation: an `access_logs.s3.enabled` item of `LoadBalancerAttributes`. */
function checkAttributes(lb: ResourceView<Keys>, report: Report<Messages, Keys>): void {
  // Gateway Load Balancers have no access logs.
  if (lb.prop('type').asString() === 'gateway') return;
  const entry = lbAttribute(lb, ACCESS_LOGS);
  if (entry === 'unknown') return;
  const value = entry?.prop('value');
  if (value?.isUnresolved() || value?.asBoolean() === true) return;
  if (value && !value.isMissing()) report({ at: value, messageId: 'disabled' });
  else report({ at: lb.prop('attributes'), messageId: 'missing' });
}

/** Terraform: the `access_logs` block with `enabled = true`. */
function checkAccessLogsBlock(lb: ResourceView<Keys>, report: Report<Messages, Keys>): void {
  if (lb.prop('type').asString() === 'gateway') return;
  const logs = lb.prop('logs');
  if (logs.isUnresolved()) return;
  if (logs.isMissing()) {
    report({ at: lb, messageId: 'missing' });
    return;
  }
  // `enabled` defaults to false, even when a bucket is given.
  const enabled = logs.prop('enabled');
  if (enabled.isUnresolved() || enabled.asBoolean() === true) return;
  report({ at: enabled, messageId: enabled.isMissing() ? 'enabledMissing' : 'disabled' });
}

export default defineRule<Keys, Messages>({
  id: 'elb-access-logs',
  meta: {
    title: 'Load balancer access logging is enabled',
    severity: 'low',
    whitepaper: 'Monitoring, alerting, audit trail and incident response',
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html',
    related: {
      checkov: ['CKV_AWS_91'],
      kics: ['c62e8b7d-1fdf-4050-ac4c-76ba9e1d9621'],
    },
    messages: {
      missing: '{{resource}} does not enable access logs; requests to the load balancer are not recorded.',
      disabled: '{{resource}} turns access logs off.',
      enabledMissing: '{{resource}} configures {{logs}} without {{enabled}} = true; the provider leaves access logging off.',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        props: { type: 'Type', attributes: 'LoadBalancerAttributes', attribute: 'LoadBalancerAttributes[]', key: 'Key', value: 'Value' },
        check: checkAttributes,
      },
    ],
    terraform: [
      { type: ['aws_lb', 'aws_alb'], props: { type: 'load_balancer_type', logs: 'access_logs', enabled: 'enabled' }, check: checkAccessLogsBlock },
    ],
  },
});
