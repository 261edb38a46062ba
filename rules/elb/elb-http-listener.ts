// Load balancer listeners must not serve plain HTTP, except to redirect clients to HTTPS.
import { defineRule } from '../define-rule';
import { onApplicationLb, REDIRECT_ACTION, redirectsToHttps } from '../lib/https-redirect';

export default defineRule({
  id: 'elb-http-listener',
  meta: {
    title: 'Load balancer listeners use HTTPS or redirect to it',
    severity: 'high',
    whitepaper: 'Securing your data: protecting data in transit (secure HTTPS access points)',
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions',
    related: {
      checkov: ['CKV_AWS_2'],
      kics: ['275a3217-ca37-40c1-a6cf-bb57d245ab32', 'de7f5e83-da88-4046-871f-ea18504b1d43'],
      tfsec: ['aws-elb-http-not-used'],
      trivy: ['AVD-AWS-0054'],
    },
    messages: {
      http: '{{resource}} listens on plain HTTP and its default action does not redirect to HTTPS.',
      httpByDefault:
        '{{resource}} does not set {{protocol}}, so it listens on plain HTTP (the default on an application load balancer), and its default action does not redirect to HTTPS.',
      classicHttp: '{{resource}} has a listener with {{listenerProtocol}} HTTP: clients reach it over plain HTTP. Use HTTPS with a certificate.',
      redirect: 'Make the default action a redirect to HTTPS on port 443',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::ElasticLoadBalancingV2::Listener',
        props: {
          protocol: 'Protocol',
          actions: 'DefaultActions',
          actionType: 'Type',
          redirectProtocol: 'RedirectConfig.Protocol',
          redirectPort: 'RedirectConfig.Port',
        },
      },
      { type: 'AWS::ElasticLoadBalancing::LoadBalancer', props: { listeners: 'Listeners[]', listenerProtocol: 'Protocol' } },
    ],
    terraform: [
      {
        type: ['aws_lb_listener', 'aws_alb_listener'],
        props: {
          protocol: 'protocol',
          actions: 'default_action',
          actionType: 'type',
          redirectProtocol: 'redirect.protocol',
          redirectPort: 'redirect.port',
          lb: 'load_balancer_arn',
        },
      },
      { type: 'aws_elb', props: { listeners: 'listener[]', listenerProtocol: 'lb_protocol' } },
    ],
  },
  companions: {
    lb: { terraform: { type: ['aws_lb', 'aws_alb'], props: { lbType: 'load_balancer_type' } } },
    listener: { terraform: { type: ['aws_lb_listener', 'aws_alb_listener'], props: { lb: 'load_balancer_arn' } } },
  },
  check(resource, report, ctx) {
    for (const listener of resource.list('listeners')) {
      const protocol = listener.prop('listenerProtocol');
      if (protocol.asString()?.toUpperCase() === 'HTTP') report({ at: protocol, messageId: 'classicHttp' });
    }
    if (!resource.declares('actions')) return;
    const protocol = resource.prop('protocol');
    if (protocol.isUnresolved()) return;
    // Without a protocol an ALB listener is HTTP; a Gateway LB listener has none and NLB ones are required to set it.
    if (protocol.isMissing() ? onApplicationLb(resource, ctx, 'lb', 'lbType') !== true : protocol.asString()?.toUpperCase() !== 'HTTP') return;
    const actions = resource.prop('actions');
    if (actions.isUnresolved() || redirectsToHttps(actions.items()) !== false) return;
    const [only, ...more] = actions.items();
    const redirect = REDIRECT_ACTION[resource.type];
    report({
      at: protocol,
      messageId: protocol.isMissing() ? 'httpByDefault' : 'http',
      // HTTP listeners carry one default action (authentication needs HTTPS); clients are then sent to HTTPS.
      fix:
        only && more.length === 0 && redirect
          ? {
              messageId: 'redirect',
              safety: 'review',
              apply: (f) => {
                // A redirect already there keeps its host, path and status; only where it sends clients changes.
                if (only.prop('actionType').asString()?.toLowerCase() !== 'redirect') return f.replace(only, redirect);
                f.set(only, 'redirectProtocol', 'HTTPS');
                f.set(only, 'redirectPort', '443');
              },
            }
          : undefined,
    });
  },
});
