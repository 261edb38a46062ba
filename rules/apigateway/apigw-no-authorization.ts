// API Gateway methods, routes and SAM API events require an authorizer or an API key, unless the API is private.
import type { Report, ResourceView, RuleContext, ValueView } from '../api';
import { defineRule } from '../define-rule';
import { namedApis, privateSamEndpoint, privateTypes } from '../lib/rest-api-private';

type Prop =
  | 'authType'
  | 'httpMethod'
  | 'apiKey'
  | 'restApi'
  | 'routeKey'
  | 'apiId'
  | 'events'
  | 'eventType'
  | 'eventAuthorizer'
  | 'eventApiKey'
  | 'eventMethod'
  | 'eventPath'
  | 'eventRestApi'
  | 'eventHttpApi'
  | 'types'
  | 'protocol'
  | 'defaultAuthorizer'
  | 'apiKeyDefault'
  | 'endpoint'
  | 'endpointType'
  | 'globalsApiAuthorizer'
  | 'globalsApiKey'
  | 'globalsApiEndpoint'
  | 'globalsApiEndpointType'
  | 'globalsHttpApiAuthorizer';

type Message = 'method' | 'route' | 'apiEvent' | 'httpApiEvent';

export default defineRule({
  id: 'apigw-no-authorization',
  meta: {
    title: 'API Gateway methods and routes require authorization',
    severity: 'medium',
    whitepaper: 'Managing identities: authenticating and authorizing callers of APIs',
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html',
    related: {
      checkov: ['CKV_AWS_59', 'CKV2_AWS_70'],
      kics: ['1056dfbb-5802-4762-bf2b-8b9b9684b1b0', '15ccec05-5476-4890-ad19-53991eba1db8'],
      tfsec: ['aws-apigateway-no-public-access'],
      trivy: ['AVD-AWS-0004'],
    },
    fsbp: ['APIGateway.8'],
    messages: {
      method:
        '{{resource}} lets anyone call {{method}} without authorization ({{authType}} is NONE or missing) or an API key. Choose AWS_IAM, COGNITO_USER_POOLS or CUSTOM (a Lambda authorizer).',
      route:
        '{{resource}} lets anyone call route {{route}} without authorization ({{authType}} is NONE or missing) or an API key. Choose AWS_IAM, JWT or CUSTOM (a Lambda authorizer).',
      apiEvent:
        "{{resource}} has an Api event {{method}} {{path}} with no authorizer (neither on the event nor as the API's DefaultAuthorizer) and no API key. Set Auth.Authorizer or the API's Auth.DefaultAuthorizer (AWS_IAM, a Cognito or Lambda authorizer).",
      httpApiEvent:
        "{{resource}} has an HttpApi event {{method}} {{path}} with no authorizer (neither on the event nor as the API's DefaultAuthorizer). Set Auth.Authorizer or the API's Auth.DefaultAuthorizer (AWS_IAM, a JWT or Lambda authorizer).",
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::ApiGateway::Method',
        props: { authType: 'AuthorizationType', httpMethod: 'HttpMethod', apiKey: 'ApiKeyRequired', restApi: 'RestApiId' },
      },
      { type: 'AWS::ApiGatewayV2::Route', props: { authType: 'AuthorizationType', apiKey: 'ApiKeyRequired', routeKey: 'RouteKey', apiId: 'ApiId' } },
      {
        type: 'AWS::Serverless::Function',
        props: {
          events: 'Events.*',
          eventType: 'Type',
          eventAuthorizer: 'Properties.Auth.Authorizer',
          eventApiKey: 'Properties.Auth.ApiKeyRequired',
          eventMethod: 'Properties.Method',
          eventPath: 'Properties.Path',
          eventRestApi: 'Properties.RestApiId',
          eventHttpApi: 'Properties.ApiId',
          // The implicit APIs (ServerlessRestApi / ServerlessHttpApi) are configured by Globals alone.
          globalsApiAuthorizer: '~/Globals.Api.Auth.DefaultAuthorizer',
          globalsApiKey: '~/Globals.Api.Auth.ApiKeyRequired',
          globalsApiEndpoint: '~/Globals.Api.EndpointConfiguration',
          globalsApiEndpointType: '~/Globals.Api.EndpointConfiguration.Type',
          globalsHttpApiAuthorizer: '~/Globals.HttpApi.Auth.DefaultAuthorizer',
        },
      },
    ],
    terraform: [
      {
        type: 'aws_api_gateway_method',
        props: { authType: 'authorization', httpMethod: 'http_method', apiKey: 'api_key_required', restApi: 'rest_api_id' },
      },
      {
        type: 'aws_apigatewayv2_route',
        props: { authType: 'authorization_type', apiKey: 'api_key_required', routeKey: 'route_key', apiId: 'api_id' },
      },
    ],
  },
  companions: {
    restApi: {
      cloudformation: { type: 'AWS::ApiGateway::RestApi', props: { types: 'EndpointConfiguration.Types' } },
      terraform: { type: 'aws_api_gateway_rest_api', props: { types: 'endpoint_configuration.types' } },
    },
    v2Api: {
      cloudformation: { type: 'AWS::ApiGatewayV2::Api', props: { protocol: 'ProtocolType' } },
      terraform: { type: 'aws_apigatewayv2_api', props: { protocol: 'protocol_type' } },
    },
    samApi: {
      cloudformation: {
        type: 'AWS::Serverless::Api',
        props: {
          defaultAuthorizer: 'Auth.DefaultAuthorizer',
          apiKeyDefault: 'Auth.ApiKeyRequired',
          endpoint: 'EndpointConfiguration',
          endpointType: 'EndpointConfiguration.Type',
        },
      },
    },
    samHttpApi: { cloudformation: { type: 'AWS::Serverless::HttpApi', props: { defaultAuthorizer: 'Auth.DefaultAuthorizer' } } },
  },
  check(resource, report, ctx) {
    if (resource.declares('events')) return checkEvents(resource, report, ctx);
    const authType = resource.prop('authType');
    if (authType.isUnresolved() || (!authType.isMissing() && authType.asString()?.toUpperCase() !== 'NONE')) return;
    const apiKey = resource.prop('apiKey');
    if (apiKey.isUnresolved() || apiKey.asBoolean() === true) return;
    if (resource.declares('routeKey')) {
      const route = resource.prop('routeKey');
      if (!judgedRoute(route, namedApis(resource.prop('apiId'), ctx.companions('v2Api')))) return;
      report({ at: authType, messageId: 'route', data: { route: route.asString() ?? '' } });
      return;
    }
    const method = resource.prop('httpMethod');
    if (method.isUnresolved() || method.asString()?.toUpperCase() === 'OPTIONS') return;
    // A private API is reachable only through the VPC endpoints its resource policy names.
    if (namedApis(resource.prop('restApi'), ctx.companions('restApi')).some((api) => privateTypes(api.prop('types')))) return;
    report({ at: authType, messageId: 'method', data: { method: method.asString() ?? '' } });
  },
});

/**
 * Whether a route is judged: not a CORS preflight (`OPTIONS …`); on a WebSocket API only `$connect` (the other
 * routes run on an authorized connection). When the API is not in the file, only the HTTP form (`GET /x`) and
 * `$connect` are judged: `$default` and custom route keys may belong to a WebSocket API.
 */
function judgedRoute(route: ValueView<Prop>, apis: readonly ResourceView<Prop>[]): boolean {
  const key = route.asString();
  if (key === undefined || key.toUpperCase().startsWith('OPTIONS ')) return false;
  const protocols = apis.map((api) => api.prop('protocol'));
  if (protocols.some((p) => p.isUnresolved())) return false;
  if (protocols.some((p) => p.asString()?.toUpperCase() === 'WEBSOCKET')) return key === '$connect';
  if (apis.length > 0) return true;
  return key === '$connect' || key.includes(' ');
}

/** What an event inherits from its API: the default authorizer, and for REST APIs the API-key default and privacy. */
interface ApiDefaults {
  authorizer: ValueView<Prop>;
  apiKey?: ValueView<Prop>;
  private: boolean;
}

/**
 * The defaults of the API an event belongs to: its declared `AWS::Serverless::Api` / `HttpApi` (Globals already
 * merged), or for an event without `RestApiId` / `ApiId` the implicit API, which only Globals configure. Undefined when
 * the API is not in the template (another stack, a parameter): it may carry a default authorizer.
 */
function apiDefaults(fn: ResourceView<Prop>, event: ValueView<Prop>, type: 'Api' | 'HttpApi', ctx: RuleContext<Prop>): ApiDefaults[] | undefined {
  const apiRef = event.prop(type === 'Api' ? 'eventRestApi' : 'eventHttpApi');
  if (apiRef.isMissing()) {
    if (type === 'HttpApi') return [{ authorizer: fn.prop('globalsHttpApiAuthorizer'), private: false }];
    const endpoint = fn.prop('globalsApiEndpoint');
    const isPrivate = !endpoint.isMissing() && privateSamEndpoint(endpoint, fn.prop('globalsApiEndpointType'));
    return [{ authorizer: fn.prop('globalsApiAuthorizer'), apiKey: fn.prop('globalsApiKey'), private: isPrivate }];
  }
  const apis = namedApis(apiRef, ctx.companions(type === 'Api' ? 'samApi' : 'samHttpApi'));
  if (apis.length === 0) return undefined;
  return apis.map((api) =>
    type === 'Api'
      ? {
          authorizer: api.prop('defaultAuthorizer'),
          apiKey: api.prop('apiKeyDefault'),
          private: privateSamEndpoint(api.prop('endpoint'), api.prop('endpointType')),
        }
      : { authorizer: api.prop('defaultAuthorizer'), private: false },
  );
}

/** SAM: each `Api` / `HttpApi` event of a function, against its own `Auth` and its API's defaults. */
function checkEvents(fn: ResourceView<Prop>, report: Report<Message, Prop>, ctx: RuleContext<Prop>): void {
  for (const event of fn.list('events')) {
    const type = event.prop('eventType').asString();
    if (type !== 'Api' && type !== 'HttpApi') continue;
    const method = event.prop('eventMethod');
    if (method.isUnresolved() || method.asString()?.toLowerCase() === 'options') continue;
    const defaults = apiDefaults(fn, event, type, ctx);
    if (!defaults) continue;
    // The event's own authorizer wins over the API's default (`NONE` turns the default off for this event).
    const authorizer = event.prop('eventAuthorizer');
    const decisive = authorizer.isMissing() ? defaults.map((d) => d.authorizer) : [authorizer];
    if (decisive.some((a) => a.isUnresolved() || (!a.isMissing() && a.asString()?.toUpperCase() !== 'NONE'))) continue;
    if (type === 'Api') {
      const keys = [event.prop('eventApiKey'), ...defaults.flatMap((d) => (d.apiKey ? [d.apiKey] : []))];
      if (keys.some((k) => k.isUnresolved() || k.asBoolean() === true)) continue;
      if (defaults.some((d) => d.private)) continue;
    }
    report({
      at: authorizer.isMissing() ? event : authorizer,
      messageId: type === 'Api' ? 'apiEvent' : 'httpApiEvent',
      data: { method: method.asString()?.toUpperCase() ?? 'ANY', path: event.prop('eventPath').asString() ?? '' },
    });
  }
}
