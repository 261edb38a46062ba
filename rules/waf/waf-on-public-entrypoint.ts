// Internet-facing entry points (application load balancers, REST API stages, CloudFront) are protected by a WAF web ACL.
import type { ResourceView, RuleContext, ValueView } from '../api';
import { defineRule } from '../define-rule';
import { namedApis, privateSamEndpoint, privateTypes } from '../lib/rest-api-private';

type Prop = 'scheme' | 'internal' | 'lbType' | 'name' | 'restApi' | 'stageName' | 'endpoint' | 'endpointType' | 'types' | 'webAcl' | 'resourceArn';

export default defineRule({
  id: 'waf-on-public-entrypoint',
  meta: {
    title: 'Public load balancers, REST APIs and CloudFront distributions have a WAF web ACL',
    severity: 'medium',
    whitepaper: 'Securing your infrastructure: protecting network and host-level boundaries (web application firewall)',
    docs: 'https://docs.aws.amazon.com/waf/latest/developerguide/waf-chapter.html',
    related: {
      checkov: ['CKV2_AWS_28', 'CKV2_AWS_29', 'CKV_AWS_68'],
      kics: [
        '105ba098-1e34-48cd-b0f2-a8a43a51bf9b',
        '0afa6ab8-a047-48cf-be07-93a2f8c34cf7',
        'fcbf9019-566c-4832-a65c-af00d8137d2b',
        'a186e82c-1078-4a7b-85d8-579561fde884',
        '0f139403-303f-467c-96bd-e717e6cfd62d',
        '1419b4c6-6d5c-4534-9cf6-6a5266085333',
      ],
      tfsec: ['aws-cloudfront-enable-waf'],
      trivy: ['AVD-AWS-0011'],
    },
    fsbp: ['ELB.16', 'APIGateway.4', 'CloudFront.6'],
    messages: {
      loadBalancer: '{{resource}} is an internet-facing application load balancer with no WAF web ACL associated in this template/module.',
      stage: '{{resource}} is a stage of a REST API that is not private, with no WAF web ACL associated in this template/module.',
      distribution: '{{resource}} has no WAF web ACL ({{webAcl}}).',
    },
  },
  targets: {
    cloudformation: [
      { type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', props: { scheme: 'Scheme', lbType: 'Type', name: 'Name' } },
      { type: 'AWS::ApiGateway::Stage', props: { restApi: 'RestApiId', stageName: 'StageName' } },
      {
        type: 'AWS::Serverless::Api',
        props: { endpoint: 'EndpointConfiguration', endpointType: 'EndpointConfiguration.Type', stageName: 'StageName' },
      },
      { type: 'AWS::CloudFront::Distribution', props: { webAcl: 'DistributionConfig.WebACLId' } },
    ],
    terraform: [
      { type: ['aws_lb', 'aws_alb'], props: { internal: 'internal', lbType: 'load_balancer_type', name: 'name' } },
      { type: 'aws_api_gateway_stage', props: { restApi: 'rest_api_id', stageName: 'stage_name' } },
      { type: 'aws_cloudfront_distribution', props: { webAcl: 'web_acl_id' } },
    ],
  },
  companions: {
    association: {
      cloudformation: {
        type: ['AWS::WAFv2::WebACLAssociation', 'AWS::WAFRegional::WebACLAssociation'],
        props: { resourceArn: 'ResourceArn' },
      },
      terraform: { type: ['aws_wafv2_web_acl_association', 'aws_wafregional_web_acl_association'], props: { resourceArn: 'resource_arn' } },
    },
    restApi: {
      cloudformation: { type: 'AWS::ApiGateway::RestApi', props: { types: 'EndpointConfiguration.Types' } },
      terraform: { type: 'aws_api_gateway_rest_api', props: { types: 'endpoint_configuration.types' } },
    },
  },
  check(resource, report, ctx) {
    if (resource.declares('webAcl')) {
      const acl = resource.prop('webAcl');
      if (acl.isUnresolved() || (acl.asString() ?? '') !== '') return;
      report({ at: acl, messageId: 'distribution' });
      return;
    }
    if (resource.declares('lbType')) {
      if (!internetFacingAlb(resource)) return;
      // An association under a condition of its own protects only in the variants where it holds (clarification 7):
      // the engine's companion lookup decides that, and a finding in some variants only names them.
      if (associations(resource, ctx, [resource.address]).length === 0) report({ at: resource, messageId: 'loadBalancer' });
      return;
    }
    if (privateApi(resource, ctx)) return;
    if (associations(resource, ctx, stageNames(resource)).length === 0) report({ at: resource, messageId: 'stage' });
  },
});

/** `Scheme` missing or internet-facing (`internal` not true) and `Type` missing or application: both defaults. */
function internetFacingAlb(lb: ResourceView<Prop>): boolean {
  const type = lb.prop('lbType');
  if (type.isUnresolved() || (!type.isMissing() && type.asString() !== 'application')) return false;
  if (lb.declares('internal')) {
    const internal = lb.prop('internal');
    return !internal.isUnresolved() && internal.asBoolean() !== true;
  }
  const scheme = lb.prop('scheme');
  return !scheme.isUnresolved() && (scheme.isMissing() || scheme.asString() === 'internet-facing');
}

/** Whether the stage's REST API is `PRIVATE` (or something unresolved decides its endpoint type). */
function privateApi(stage: ResourceView<Prop>, ctx: RuleContext<Prop>): boolean {
  if (stage.declares('endpoint')) return privateSamEndpoint(stage.prop('endpoint'), stage.prop('endpointType'));
  return namedApis(stage.prop('restApi'), ctx.companions('restApi')).some((api) => privateTypes(api.prop('types')));
}

/**
 * The resource names an association may use for this stage: the stage itself, its REST API (a stage ARN built with
 * `Fn::Sub` from the API and a stage name), and for a SAM API the implicit stage `<Api><StageName>Stage`.
 */
function stageNames(stage: ResourceView<Prop>): string[] {
  const names = [stage.address];
  if (stage.declares('endpoint')) {
    const stageName = stage.prop('stageName').asString();
    if (stageName !== undefined) names.push(`${stage.address}${stageName}Stage`);
  } else if (stage.family === 'cloudformation') {
    names.push(
      ...stage
        .prop('restApi')
        .references()
        .map((r) => r.resource),
    );
  }
  return names;
}

/**
 * The WAF associations of the template/module that refer to the resource: by reference (also inside `Fn::Sub` /
 * `Fn::Join`), by a literal stage ARN naming its API id and stage name, or whose target nothing in the file decides
 * (a parameter, variable or import without default: it may be this resource, so it counts).
 */
function associations(resource: ResourceView<Prop>, ctx: RuleContext<Prop>, names: readonly string[]): ResourceView<Prop>[] {
  const direct = ctx.referencing('association', 'resourceArn', resource);
  return ctx.companions('association').filter((association) => {
    if (direct.some((d) => d.address === association.address)) return true;
    const arn = association.prop('resourceArn');
    if (arn.references().some((r) => names.includes(r.resource))) return true;
    if (arn.isUnresolved() && (arn.input() !== undefined || arn.references().length === 0)) return true;
    return literalStageArn(arn, resource);
  });
}

/** `arn:aws:apigateway:<region>::/restapis/<api id>/stages/<stage name>` naming the stage's literal API id and name. */
function literalStageArn(arn: ValueView<Prop>, stage: ResourceView<Prop>): boolean {
  const match = /\/restapis\/([^/]+)\/stages\/([^/]+)$/.exec(arn.asString() ?? '');
  if (!match) return false;
  return stage.prop('restApi').asString() === match[1] && stage.prop('stageName').asString() === match[2];
}
