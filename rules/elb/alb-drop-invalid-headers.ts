// Application load balancers drop HTTP headers with invalid names instead of passing them to the targets.
import { defineRule } from '../define-rule';
import { lbAttribute } from '../lib/lb-attributes';

/** The load balancer attribute (default "false") that drops invalid header fields. */
const DROP_INVALID = 'routing.http.drop_invalid_header_fields.enabled';

export default defineRule({
  id: 'alb-drop-invalid-headers',
  meta: {
    title: 'Application load balancers drop invalid HTTP header fields',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data in transit (secure HTTPS access points)',
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes',
    related: {
      checkov: ['CKV_AWS_131'],
      kics: ['6e3fd2ed-5c83-4c68-9679-7700d224d379'],
      tfsec: ['aws-elb-drop-invalid-headers'],
      trivy: ['AVD-AWS-0052'],
    },
    fsbp: ['ELB.4'],
    messages: {
      missing: '{{resource}} does not drop invalid HTTP header fields (the default), so malformed headers reach the targets.',
      disabled: '{{resource}} sets the drop of invalid HTTP header fields to false, so malformed headers reach the targets.',
      enable: 'Drop invalid header fields',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        props: { type: 'Type', attributes: 'LoadBalancerAttributes', attribute: 'LoadBalancerAttributes[]', key: 'Key', value: 'Value' },
      },
    ],
    terraform: [{ type: ['aws_lb', 'aws_alb'], props: { type: 'load_balancer_type', drop: 'drop_invalid_header_fields' } }],
  },
  check(lb, report) {
    // Network and gateway load balancers do not parse HTTP; the type defaults to application.
    const type = lb.prop('type');
    if (type.isUnresolved() || (!type.isMissing() && type.asString() !== 'application')) return;
    // Targets that rely on header names with underscores stop receiving them: the user reviews the change.
    if (lb.declares('drop')) {
      const drop = lb.prop('drop');
      if (drop.isUnresolved() || drop.asBoolean() === true) return;
      report({
        at: drop,
        messageId: drop.isMissing() ? 'missing' : 'disabled',
        fix: { messageId: 'enable', safety: 'review', apply: (f) => f.set(lb, 'drop', true) },
      });
      return;
    }
    const entry = lbAttribute(lb, DROP_INVALID);
    if (entry === 'unknown') return;
    const value = entry?.prop('value');
    if (value?.isUnresolved() || value?.asBoolean() === true) return;
    if (entry && value) {
      report({
        at: value.isMissing() ? entry : value,
        messageId: 'disabled',
        fix: { messageId: 'enable', safety: 'review', apply: (f) => f.set(entry, 'value', 'true') },
      });
      return;
    }
    const attributes = lb.prop('attributes');
    report({
      at: attributes.isMissing() ? lb : attributes,
      messageId: 'missing',
      fix: { messageId: 'enable', safety: 'review', apply: (f) => f.append(lb, 'attributes', { Key: DROP_INVALID, Value: 'true' }) },
    });
  },
});
