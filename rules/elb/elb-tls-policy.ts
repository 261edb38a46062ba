// HTTPS and TLS listeners of application and network load balancers negotiate TLS 1.2 or later.
import { defineRule } from '../define-rule';

/** Policy name prefixes whose every policy requires TLS 1.2 or later (Checkov ALBListenerTLS12 / Trivy AWS-0047). */
const SECURE_PREFIXES = ['ELBSecurityPolicy-TLS13-1-2', 'ELBSecurityPolicy-TLS13-1-3', 'ELBSecurityPolicy-TLS-1-2', 'ELBSecurityPolicy-FS-1-2'];
const RECOMMENDED = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

export default defineRule({
  id: 'elb-tls-policy',
  meta: {
    title: 'Load balancer HTTPS/TLS listeners use a TLS 1.2+ security policy',
    severity: 'high',
    whitepaper: 'Securing your data: protecting data in transit (secure HTTPS access points)',
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html',
    related: {
      checkov: ['CKV_AWS_103', 'CKV2_AWS_74'],
      tfsec: ['aws-elb-use-secure-tls-policy'],
      trivy: ['AVD-AWS-0047'],
    },
    messages: {
      missing: '{{resource}} listens on {{listenerProtocol}} without {{sslPolicy}}; choose a policy that requires TLS 1.2 or later.',
      outdated: '{{resource}} uses {{sslPolicy}} {{policy}}, which accepts TLS versions before 1.2 or weak ciphers.',
      setPolicy: `Set {{sslPolicy}} to ${RECOMMENDED}`,
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::ElasticLoadBalancingV2::Listener', props: { protocol: 'Protocol', sslPolicy: 'SslPolicy' } }],
    terraform: [{ type: ['aws_lb_listener', 'aws_alb_listener'], props: { protocol: 'protocol', sslPolicy: 'ssl_policy' } }],
  },
  check(listener, report) {
    const protocol = listener.prop('protocol');
    const name = protocol.asString()?.toUpperCase();
    if (name !== 'HTTPS' && name !== 'TLS') return;
    const policy = listener.prop('sslPolicy');
    if (policy.isUnresolved()) return;
    const value = policy.asString();
    if (value !== undefined && SECURE_PREFIXES.some((prefix) => value.startsWith(prefix))) return;
    report({
      at: policy,
      messageId: policy.isMissing() ? 'missing' : 'outdated',
      data: { policy: value ?? '', listenerProtocol: name },
      // Clients limited to TLS 1.0/1.1 can no longer connect: the user reviews it.
      fix: { messageId: 'setPolicy', safety: 'review', apply: (f) => f.set(listener, 'sslPolicy', RECOMMENDED) },
    });
  },
});
