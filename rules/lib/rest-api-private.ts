// Whether a REST API is private (reachable only through VPC endpoints): the exemption several API Gateway rules share.
import type { ResourceView, ValueView } from '../api';

/**
 * Whether an API's endpoint types (`EndpointConfiguration.Types` / `endpoint_configuration.types`) are exactly
 * `[PRIVATE]`, or unresolved (something the file does not decide may make it private).
 */
export function privateTypes<P extends string>(types: ValueView<P>): boolean {
  if (types.isUnresolved()) return true;
  const items = types.items();
  return items.length === 1 && (items[0]?.isUnresolved() === true || items[0]?.asString()?.toUpperCase() === 'PRIVATE');
}

/** SAM `EndpointConfiguration`: a string (`PRIVATE`) or a map with `Type`; true when private or unresolved. */
export function privateSamEndpoint<P extends string>(endpoint: ValueView<P>, type: ValueView<P>): boolean {
  const written = endpoint.asString() !== undefined ? endpoint : type;
  return endpoint.isUnresolved() || written.isUnresolved() || written.asString()?.toUpperCase() === 'PRIVATE';
}

/** The companions among `apis` that `value` names (`!Ref Api`, `aws_api_gateway_rest_api.x.id`, also inside `Fn::Sub`). */
export function namedApis<P extends string>(value: ValueView<P>, apis: readonly ResourceView<P>[]): ResourceView<P>[] {
  const names = new Set(value.references().map((r) => r.resource));
  return apis.filter((api) => names.has(api.address));
}
