import rule from '../../rules/waf/waf-on-public-entrypoint';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'ALB, REST stage (ARN built with Fn::Sub) and CloudFront all protected',
      code: cfnYaml`
        Resources:
          Alb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Subnets: !Ref Subnets
          AlbWaf:
            Type: AWS::WAFv2::WebACLAssociation
            Properties:
              ResourceArn: !Ref Alb
              WebACLArn: !GetAtt Acl.Arn
          Api:
            Type: AWS::ApiGateway::RestApi
            Properties:
              Name: api
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              RestApiId: !Ref Api
              StageName: prod
              DeploymentId: !Ref Deployment
          ApiWaf:
            Type: AWS::WAFv2::WebACLAssociation
            Properties:
              ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/prod
              WebACLArn: !GetAtt Acl.Arn
          Cdn:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                WebACLId: !GetAtt GlobalAcl.Arn
      `,
    },
    {
      name: 'internal and network load balancers, private REST APIs, and a literal stage ARN',
      code: cfnYaml`
        Resources:
          Internal:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Scheme: internal
          Nlb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Type: network
          PrivateApi:
            Type: AWS::ApiGateway::RestApi
            Properties:
              EndpointConfiguration:
                Types: [PRIVATE]
          PrivateStage:
            Type: AWS::ApiGateway::Stage
            Properties:
              RestApiId: !Ref PrivateApi
              StageName: prod
          Named:
            Type: AWS::ApiGateway::Stage
            Properties:
              RestApiId: a1b2c3
              StageName: prod
          NamedWaf:
            Type: AWS::WAFRegional::WebACLAssociation
            Properties:
              ResourceArn: arn:aws:apigateway:eu-west-1::/restapis/a1b2c3/stages/prod
              WebACLId: !Ref Acl
          SamPrivate:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              EndpointConfiguration: PRIVATE
          SamPublic:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              EndpointConfiguration:
                Type: REGIONAL
          SamWaf:
            Type: AWS::WAFv2::WebACLAssociation
            Properties:
              ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${SamPublic}/stages/\${SamPublic.Stage}
              WebACLArn: !GetAtt Acl.Arn
      `,
    },
    {
      name: 'an association under the same condition as its load balancer protects it wherever it exists',
      code: cfnYaml`
        Conditions:
          Public: !Equals [!Ref Exposure, public]
        Resources:
          Alb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Condition: Public
            Properties:
              Subnets: !Ref Subnets
          AlbWaf:
            Type: AWS::WAFv2::WebACLAssociation
            Condition: Public
            Properties:
              ResourceArn: !Ref Alb
              WebACLArn: !GetAtt Acl.Arn
      `,
    },
    {
      name: 'SAM Globals make every declared API private',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Api:
            EndpointConfiguration: PRIVATE
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
      `,
    },
    {
      name: 'an association whose target is a parameter without Default may be this one',
      code: cfnJson`
        {
          "Parameters": { "Target": { "Type": "String" } },
          "Resources": {
            "Alb": { "Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": { "Scheme": "internet-facing" } },
            "Waf": { "Type": "AWS::WAFv2::WebACLAssociation", "Properties": { "ResourceArn": { "Ref": "Target" }, "WebACLArn": "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/a/b" } }
          }
        }
      `,
    },
    tfHcl`
      resource "aws_lb" "alb" {
        name               = "alb"
        internal           = false
        load_balancer_type = "application"
      }

      resource "aws_lb" "internal" {
        internal = true
      }

      resource "aws_wafv2_web_acl_association" "alb" {
        resource_arn = aws_lb.alb.arn
        web_acl_arn  = aws_wafv2_web_acl.main.arn
      }

      resource "aws_api_gateway_rest_api" "private" {
        name = "private"
        endpoint_configuration {
          types = ["PRIVATE"]
        }
      }

      resource "aws_api_gateway_stage" "private" {
        rest_api_id   = aws_api_gateway_rest_api.private.id
        deployment_id = aws_api_gateway_deployment.private.id
        stage_name    = "prod"
      }

      resource "aws_cloudfront_distribution" "cdn" {
        enabled    = true
        web_acl_id = aws_wafv2_web_acl.global.arn
      }
    `,
    {
      name: 'the association may sit in another file of the module',
      code: tfHcl`
        resource "aws_api_gateway_stage" "public" {
          rest_api_id   = aws_api_gateway_rest_api.public.id
          deployment_id = aws_api_gateway_deployment.public.id
          stage_name    = "prod"
        }
      `,
      module: {
        'waf.tf': `
resource "aws_wafregional_web_acl_association" "stage" {
  resource_arn = aws_api_gateway_stage.public.arn
  web_acl_id   = aws_wafregional_web_acl.main.id
}
`,
      },
    },
    tfJson`{"resource":{"aws_alb":{"alb":{"name":"alb"}},"aws_wafv2_web_acl_association":{"alb":{"resource_arn":"\${aws_alb.alb.arn}","web_acl_arn":"\${aws_wafv2_web_acl.main.arn}"}}}}`,
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Alb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Subnets: !Ref Subnets
          Other:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Scheme: internet-facing
              Type: application
          OtherWaf:
            Type: AWS::WAFv2::WebACLAssociation
            Properties:
              ResourceArn: !Ref Alb
              WebACLArn: !GetAtt Acl.Arn
          Api:
            Type: AWS::ApiGateway::RestApi
            Properties:
              EndpointConfiguration:
                Types: [REGIONAL]
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              RestApiId: !Ref Api
              StageName: prod
          Sam:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
          Cdn:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                WebACLId: ''
      `,
      errors: [
        { messageId: 'loadBalancer', line: 6, column: 3 },
        { messageId: 'stage', line: 21, column: 3 },
        { messageId: 'stage', line: 26, column: 3 },
        { messageId: 'distribution', line: 35, column: 19 },
      ],
    },
    {
      name: 'an association under a condition of its own protects the load balancer only where it holds',
      code: cfnYaml`
        Conditions:
          UseWaf: !Equals [!Ref Env, prod]
        Resources:
          Alb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Subnets: !Ref Subnets
          AlbWaf:
            Type: AWS::WAFv2::WebACLAssociation
            Condition: UseWaf
            Properties:
              ResourceArn: !Ref Alb
              WebACLArn: !GetAtt Acl.Arn
      `,
      errors: [{ messageId: 'loadBalancer', line: 4, column: 3, when: 'condition UseWaf is false' }],
    },
    {
      name: 'a REST API stage whose association exists only under a condition of its own',
      code: cfnYaml`
        Conditions:
          UseWaf: !Equals [!Ref Env, prod]
        Resources:
          Api:
            Type: AWS::ApiGateway::RestApi
            Properties:
              Name: api
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              RestApiId: !Ref Api
              StageName: prod
              DeploymentId: !Ref Deployment
          ApiWaf:
            Type: AWS::WAFv2::WebACLAssociation
            Condition: UseWaf
            Properties:
              ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/prod
              WebACLArn: !GetAtt Acl.Arn
      `,
      errors: [{ messageId: 'stage', line: 8, column: 3, when: 'condition UseWaf is false' }],
    },
    {
      name: 'SAM: associations of the implicit stage under two other conditions leave it unprotected when both are false',
      code: cfnJson`
        {
          "Transform": "AWS::Serverless-2016-10-31",
          "Conditions": {
            "IsProd": { "Fn::Equals": [{ "Ref": "Env" }, "prod"] },
            "IsStaging": { "Fn::Equals": [{ "Ref": "Env" }, "staging"] }
          },
          "Resources": {
            "Api": { "Type": "AWS::Serverless::Api", "Properties": { "StageName": "v1" } },
            "ProdWaf": {
              "Type": "AWS::WAFv2::WebACLAssociation",
              "Condition": "IsProd",
              "Properties": { "ResourceArn": { "Fn::Sub": "arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/\${Apiv1Stage}" }, "WebACLArn": "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/prod/1" }
            },
            "StagingWaf": {
              "Type": "AWS::WAFv2::WebACLAssociation",
              "Condition": "IsStaging",
              "Properties": { "ResourceArn": { "Fn::Sub": "arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/v1" }, "WebACLArn": "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/staging/1" }
            }
          }
        }
      `,
      errors: [{ messageId: 'stage', line: 8, column: 5, when: 'condition IsProd is false and condition IsStaging is false' }],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Cdn": {
              "Type": "AWS::CloudFront::Distribution",
              "Properties": { "DistributionConfig": { "Enabled": true } }
            }
          }
        }
      `,
      errors: [{ messageId: 'distribution', line: 5, column: 23 }],
    },
    {
      code: tfHcl`
        resource "aws_alb" "public" {
          name = "public"
        }

        resource "aws_api_gateway_stage" "public" {
          rest_api_id   = aws_api_gateway_rest_api.public.id
          deployment_id = aws_api_gateway_deployment.public.id
          stage_name    = "prod"
        }

        resource "aws_cloudfront_distribution" "cdn" {
          enabled = true
        }
      `,
      errors: [
        { messageId: 'loadBalancer', line: 1, column: 1 },
        { messageId: 'stage', line: 5, column: 1 },
        { messageId: 'distribution', line: 11, column: 1 },
      ],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_lb": { "public": { "internal": false } },
            "aws_cloudfront_distribution": { "cdn": { "enabled": true, "web_acl_id": "" } }
          }
        }
      `,
      errors: [
        { messageId: 'loadBalancer', line: 3, column: 17 },
        { messageId: 'distribution', line: 4, column: 78 },
      ],
    },
  ],
});
