// API Gateway stages write access logs (who called what) and, for REST and WebSocket APIs, execution logs.
import type { Report, ResourceView, RuleContext, ValueView } from '../api';
import { defineRule } from '../define-rule';

type Prop =
  | 'accessDest'
  | 'name'
  | 'stageName'
  | 'methodSettings'
  | 'methodSetting'
  | 'httpMethod'
  | 'resourcePath'
  | 'loggingLevel'
  | 'apiId'
  | 'routeLogging'
  | 'protocol'
  | 'stage'
  | 'methodPath'
  | 'level'
  | 'events'
  | 'eventType'
  | 'eventRestApi'
  | 'eventHttpApi'
  | 'implicitApiDest'
  | 'implicitHttpApiDest';
type Message =
  | 'accessLogs'
  | 'deploymentStage'
  | 'tfDeploymentStage'
  | 'executionLogs'
  | 'tfExecutionLogs'
  | 'websocketLogs'
  | 'implicitApi'
  | 'implicitExecutionLogs';

/** Execution-log levels that record something (`OFF` does not). */
const LOGGING = new Set(['ERROR', 'INFO']);

export default defineRule({
  id: 'apigw-access-logging',
  meta: {
    title: 'API Gateway stages write access and execution logs',
    severity: 'medium',
    whitepaper: 'Monitoring, alerting, audit trail and incident response',
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html',
    related: {
      checkov: ['CKV_AWS_76', 'CKV_AWS_95', 'CKV2_AWS_4'],
      kics: [
        '80d45af4-4920-4236-a56e-b7ef419d1941',
        '1b6799eb-4a7a-4b04-9001-8cceb9999326',
        '0a994e04-c6dc-471d-817e-d37451d18a3b',
        '06ec63e3-9f72-4fe2-a218-2eb9200b8db5',
        '625abc0e-f980-4ac9-a775-f7519ee34296',
      ],
      tfsec: ['aws-apigateway-enable-access-logging'],
      trivy: ['AVD-AWS-0001'],
    },
    fsbp: ['APIGateway.9', 'APIGateway.1'],
    messages: {
      accessLogs: '{{resource}} does not set {{accessDest}}, so calls to the API (caller, time, status) are not recorded.',
      deploymentStage:
        '{{resource}} creates stage {{stage}} through {{stageName}} without {{accessDest}}, so calls to it are not recorded. Declare the stage as an AWS::ApiGateway::Stage with AccessLogSetting.',
      tfDeploymentStage:
        '{{resource}} creates stage {{stage}} through {{stageName}} (provider 5.x), which has no access log settings. Declare an aws_api_gateway_stage with access_log_settings instead.',
      executionLogs:
        '{{resource}} has no {{methodSettings}} item for every method (HttpMethod "*", ResourcePath "/*") with LoggingLevel ERROR or INFO, so failed requests are not logged.',
      tfExecutionLogs:
        '{{resource}} is not covered by an aws_api_gateway_method_settings with method_path "*/*" and settings.logging_level ERROR or INFO, so failed requests are not logged.',
      websocketLogs: '{{resource}} is a WebSocket stage whose {{routeLogging}} is missing or OFF, so failed messages are not logged.',
      implicitApi:
        '{{resource}} has the first {{eventType}} event of the implicit SAM API, which has no access log setting: set {{setting}}.DestinationArn in Globals.{{eventType}}, or declare the API with one.',
      implicitExecutionLogs:
        '{{resource}} has the first Api event of the implicit SAM API, whose Globals.Api.MethodSettings has no item for every method (HttpMethod "*", ResourcePath "/*") with LoggingLevel ERROR or INFO, so failed requests are not logged.',
    },
  },
  targets: {
    cloudformation: [
      {
        type: ['AWS::ApiGateway::Stage', 'AWS::Serverless::Api'],
        props: {
          accessDest: 'AccessLogSetting.DestinationArn',
          methodSettings: 'MethodSettings',
          methodSetting: 'MethodSettings[]',
          httpMethod: 'HttpMethod',
          resourcePath: 'ResourcePath',
          loggingLevel: 'LoggingLevel',
        },
      },
      {
        type: 'AWS::ApiGatewayV2::Stage',
        props: { accessDest: 'AccessLogSettings.DestinationArn', apiId: 'ApiId', routeLogging: 'DefaultRouteSettings.LoggingLevel' },
      },
      // SAM's HttpApi property is AccessLogSettings (the translator), not aws-service-spec's AccessLogSetting.
      { type: 'AWS::Serverless::HttpApi', props: { accessDest: 'AccessLogSettings.DestinationArn' } },
      { type: 'AWS::ApiGateway::Deployment', props: { stageName: 'StageName', accessDest: 'StageDescription.AccessLogSetting.DestinationArn' } },
      {
        type: 'AWS::Serverless::Function',
        props: {
          events: 'Events.*',
          eventType: 'Type',
          eventRestApi: 'Properties.RestApiId',
          eventHttpApi: 'Properties.ApiId',
          // The implicit APIs (ServerlessRestApi / ServerlessHttpApi) are configured by Globals alone.
          implicitApiDest: '~/Globals.Api.AccessLogSetting.DestinationArn',
          implicitHttpApiDest: '~/Globals.HttpApi.AccessLogSettings.DestinationArn',
          methodSettings: '~/Globals.Api.MethodSettings',
          methodSetting: '~/Globals.Api.MethodSettings[]',
          httpMethod: 'HttpMethod',
          resourcePath: 'ResourcePath',
          loggingLevel: 'LoggingLevel',
        },
      },
    ],
    terraform: [
      { type: 'aws_api_gateway_stage', props: { accessDest: 'access_log_settings.destination_arn', name: 'stage_name' } },
      {
        type: 'aws_apigatewayv2_stage',
        props: { accessDest: 'access_log_settings.destination_arn', apiId: 'api_id', routeLogging: 'default_route_settings.logging_level' },
      },
      { type: 'aws_api_gateway_deployment', props: { stageName: 'stage_name' } },
    ],
  },
  companions: {
    v2Api: {
      cloudformation: { type: 'AWS::ApiGatewayV2::Api', props: { protocol: 'ProtocolType' } },
      terraform: { type: 'aws_apigatewayv2_api', props: { protocol: 'protocol_type' } },
    },
    methodSettings: {
      terraform: {
        type: 'aws_api_gateway_method_settings',
        props: { stage: 'stage_name', methodPath: 'method_path', level: 'settings.logging_level' },
      },
    },
    function: {
      cloudformation: {
        type: 'AWS::Serverless::Function',
        props: { events: 'Events.*', eventType: 'Type', eventRestApi: 'Properties.RestApiId', eventHttpApi: 'Properties.ApiId' },
      },
    },
  },
  check(resource, report, ctx) {
    if (resource.declares('events')) return reportImplicitApis(resource, report, ctx);
    if (resource.declares('stageName')) return checkDeployment(resource, report);
    const dest = resource.prop('accessDest');
    if (dest.isMissing() || dest.asString() === '') report({ at: dest, messageId: 'accessLogs' });
    if (resource.declares('methodSetting') && !logsAllMethods(resource)) {
      const settings = resource.prop('methodSettings');
      report({ at: settings.isMissing() ? resource : settings, messageId: 'executionLogs' });
    }
    if (resource.declares('name') && !coveredByMethodSettings(resource, ctx)) report({ at: resource, messageId: 'tfExecutionLogs' });
    if (resource.declares('routeLogging') && webSocketStage(resource, ctx)) {
      const level = resource.prop('routeLogging');
      if (!level.isUnresolved() && (level.isMissing() || level.asString()?.toUpperCase() === 'OFF'))
        report({ at: level, messageId: 'websocketLogs' });
    }
  },
});

/** A deployment with a stage name creates a stage; CloudFormation can give it access logs, Terraform (5.x) cannot. */
function checkDeployment(deployment: ResourceView<Prop>, report: Report<Message, Prop>): void {
  const stageName = deployment.prop('stageName');
  if (stageName.isMissing() || stageName.asString() === '') return;
  const data = { stage: stageName.asString() ?? '' };
  if (!deployment.declares('accessDest')) {
    report({ at: stageName, messageId: 'tfDeploymentStage', data });
    return;
  }
  const dest = deployment.prop('accessDest');
  if (dest.isMissing() || dest.asString() === '') report({ at: dest, messageId: 'deploymentStage', data });
}

/** Whether `MethodSettings` has an item for `*` `/*` with logging on (or something unresolved may be one). */
function logsAllMethods(stage: ResourceView<Prop>): boolean {
  if (stage.prop('methodSettings').isUnresolved()) return true;
  return stage.list('methodSetting').some((item) => {
    if (item.isUnresolved()) return true;
    const fields = [item.prop('httpMethod'), item.prop('resourcePath'), item.prop('loggingLevel')];
    if (fields.some((f) => f.isUnresolved())) return true;
    const [method, path, level] = fields.map((f) => f.asString());
    return method === '*' && path === '/*' && LOGGING.has(level?.toUpperCase() ?? '');
  });
}

/** Terraform: an `aws_api_gateway_method_settings` for this stage's name, on every method path, with logging on. */
function coveredByMethodSettings(stage: ResourceView<Prop>, ctx: RuleContext<Prop>): boolean {
  const candidates = ctx.referencing('methodSettings', 'stage', stage);
  // A method settings resource whose stage comes from a variable may well be this stage's.
  if (ctx.companions('methodSettings').some((m) => m.prop('stage').isUnresolved() && m.prop('stage').input() !== undefined)) return true;
  return candidates.some((settings) => {
    const path = settings.prop('methodPath');
    const level = settings.prop('level');
    if (path.isUnresolved() || level.isUnresolved()) return true;
    return path.asString() === '*/*' && LOGGING.has(level.asString()?.toUpperCase() ?? '');
  });
}

/** Whether the V2 stage belongs to a WebSocket API of the file (HTTP APIs have no execution logs). */
function webSocketStage(stage: ResourceView<Prop>, ctx: RuleContext<Prop>): boolean {
  const names = new Set(
    stage
      .prop('apiId')
      .references()
      .map((r) => r.resource),
  );
  return ctx.companions('v2Api').some((api) => names.has(api.address) && api.prop('protocol').asString()?.toUpperCase() === 'WEBSOCKET');
}

/**
 * SAM: a function event without `RestApiId` / `ApiId` belongs to the implicit API (`ServerlessRestApi` /
 * `ServerlessHttpApi`), which only `Globals.Api` / `Globals.HttpApi` configure: judged by them, once per implicit API,
 * at the first such event of the template.
 */
function reportImplicitApis(fn: ResourceView<Prop>, report: Report<Message, Prop>, ctx: RuleContext<Prop>): void {
  for (const type of ['Api', 'HttpApi'] as const) {
    const first = ctx.companions('function').find((f) => implicitEvents(f, type).length > 0);
    if (first?.address !== fn.address) continue;
    const [event] = implicitEvents(fn, type);
    if (!event) continue;
    const dest = fn.prop(type === 'Api' ? 'implicitApiDest' : 'implicitHttpApiDest');
    if (dest.isMissing() || dest.asString() === '') {
      report({ at: event, messageId: 'implicitApi', data: { eventType: type, setting: type === 'Api' ? 'AccessLogSetting' : 'AccessLogSettings' } });
    }
    if (type === 'Api' && !logsAllMethods(fn)) report({ at: event, messageId: 'implicitExecutionLogs' });
  }
}

function implicitEvents(fn: ResourceView<Prop>, type: 'Api' | 'HttpApi'): ValueView<Prop>[] {
  return fn
    .list('events')
    .filter((e) => e.prop('eventType').asString() === type && e.prop(type === 'Api' ? 'eventRestApi' : 'eventHttpApi').isMissing());
}
