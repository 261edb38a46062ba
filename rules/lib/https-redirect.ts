// Load balancer listener helpers: "redirects to HTTPS", the redirect action each listener type is written with, and the LB type.
import type { FixValue, ResourceView, RuleContext, ValueView } from '../api';

/**
 * The default action that sends plain-HTTP clients to HTTPS on 443 with a permanent redirect, keyed by listener
 * resource type and spelled with that type's native keys (the fix replaces the listener's one default action).
 */
export const REDIRECT_ACTION: Readonly<Record<string, FixValue>> = {
  'AWS::ElasticLoadBalancingV2::Listener': { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
  aws_lb_listener: { type: 'redirect', redirect: { port: '443', protocol: 'HTTPS', status_code: 'HTTP_301' } },
  aws_alb_listener: { type: 'redirect', redirect: { port: '443', protocol: 'HTTPS', status_code: 'HTTP_301' } },
};

/** Logical keys a listener target declares for its default actions. */
export type ActionProp = 'actionType' | 'redirectProtocol';

/** Whether the default actions redirect to HTTPS: true, false, or undefined when a parameter/variable decides. */
export function redirectsToHttps<P extends string>(actions: readonly ValueView<P | ActionProp>[]): boolean | undefined {
  let unknown = false;
  for (const action of actions) {
    const type = action.prop('actionType');
    const protocol = action.prop('redirectProtocol');
    if (action.isUnresolved() || type.isUnresolved()) unknown = true;
    else if (type.asString()?.toLowerCase() !== 'redirect') continue;
    else if (protocol.isUnresolved()) unknown = true;
    // The redirect protocol defaults to #{protocol}, i.e. the plain HTTP the request came in with.
    else if (protocol.asString()?.toUpperCase() === 'HTTPS') return true;
  }
  return unknown ? undefined : false;
}

/**
 * Whether the listener belongs to an application load balancer of the template/module (`load_balancer_type`
 * absent or "application"): the case where an omitted listener protocol means HTTP. Undefined when the load
 * balancer cannot be found or its type is unresolved. Needs companions `lb` (with `lbType`) and `listener` (with `lb`).
 */
export function onApplicationLb<P extends string>(listener: ResourceView<P>, ctx: RuleContext<P>, lbKey: P, lbTypeKey: P): boolean | undefined {
  const lbs = ctx.companions('lb').filter((lb) => ctx.referencing('listener', lbKey, lb).some((l) => l.address === listener.address));
  if (lbs.length === 0) return undefined;
  const types = lbs.map((lb) => lb.prop(lbTypeKey));
  if (types.some((t) => t.isUnresolved())) return undefined;
  return types.every((t) => t.isMissing() || t.asString() === 'application');
}
