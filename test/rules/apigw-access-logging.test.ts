import rule from '../../rules/apigateway/apigw-access-logging';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'REST stage, HTTP and WebSocket V2 stages, deployment without a stage',
      code: cfnYaml`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              RestApiId: !Ref Api
              StageName: prod
              AccessLogSetting:
                DestinationArn: !GetAtt AccessLogs.Arn
              MethodSettings:
                - HttpMethod: '*'
                  ResourcePath: /*
                  LoggingLevel: ERROR
          Socket:
            Type: AWS::ApiGatewayV2::Api
            Properties:
              ProtocolType: WEBSOCKET
          SocketStage:
            Type: AWS::ApiGatewayV2::Stage
            Properties:
              ApiId: !Ref Socket
              StageName: prod
              AccessLogSettings:
                DestinationArn: !GetAtt AccessLogs.Arn
              DefaultRouteSettings:
                LoggingLevel: INFO
          HttpStage:
            Type: AWS::ApiGatewayV2::Stage
            Properties:
              ApiId: !Ref HttpApi
              StageName: $default
              AccessLogSettings:
                DestinationArn: !GetAtt AccessLogs.Arn
          Deployment:
            Type: AWS::ApiGateway::Deployment
            Properties:
              RestApiId: !Ref Api
      `,
    },
    {
      name: 'SAM APIs with access and execution logs, and events on them',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              AccessLogSetting:
                DestinationArn: !GetAtt AccessLogs.Arn
                Format: $context.requestId
              MethodSettings:
                - HttpMethod: '*'
                  ResourcePath: /*
                  LoggingLevel: INFO
          HttpApi:
            Type: AWS::Serverless::HttpApi
            Properties:
              AccessLogSettings:
                DestinationArn: !GetAtt AccessLogs.Arn
                Format: $context.requestId
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              Events:
                Rest:
                  Type: Api
                  Properties:
                    RestApiId: !Ref Api
                    Path: /a
                    Method: get
                Http:
                  Type: HttpApi
                  Properties:
                    ApiId: !Ref HttpApi
      `,
    },
    {
      name: 'SAM Globals configure the declared APIs and the implicit ones',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Api:
            AccessLogSetting:
              DestinationArn: !GetAtt AccessLogs.Arn
              Format: $context.requestId
            MethodSettings:
              - HttpMethod: '*'
                ResourcePath: /*
                LoggingLevel: ERROR
          HttpApi:
            AccessLogSettings:
              DestinationArn: !GetAtt AccessLogs.Arn
              Format: $context.requestId
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
          HttpApi:
            Type: AWS::Serverless::HttpApi
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              Events:
                Implicit:
                  Type: Api
                  Properties:
                    Path: /a
                    Method: get
                ImplicitHttp:
                  Type: HttpApi
      `,
    },
    {
      name: 'method settings from a parameter without Default are not judged',
      code: cfnJson`
        {
          "Parameters": { "Settings": { "Type": "String" } },
          "Resources": {
            "Deployment": {
              "Type": "AWS::ApiGateway::Deployment",
              "Properties": {
                "RestApiId": { "Ref": "Api" },
                "StageName": "prod",
                "StageDescription": { "AccessLogSetting": { "DestinationArn": { "Fn::GetAtt": ["AccessLogs", "Arn"] } } }
              }
            },
            "Stage": {
              "Type": "AWS::ApiGateway::Stage",
              "Properties": {
                "RestApiId": { "Ref": "Api" },
                "AccessLogSetting": { "DestinationArn": { "Fn::GetAtt": ["AccessLogs", "Arn"] } },
                "MethodSettings": { "Ref": "Settings" }
              }
            }
          }
        }
      `,
    },
    {
      name: 'a stage covered by method settings in another file of the module',
      code: tfHcl`
        resource "aws_api_gateway_stage" "prod" {
          rest_api_id   = aws_api_gateway_rest_api.api.id
          deployment_id = aws_api_gateway_deployment.api.id
          stage_name    = "prod"

          access_log_settings {
            destination_arn = aws_cloudwatch_log_group.access.arn
            format          = "$context.requestId"
          }
        }

        resource "aws_apigatewayv2_stage" "http" {
          api_id = aws_apigatewayv2_api.http.id
          name   = "$default"
          access_log_settings {
            destination_arn = aws_cloudwatch_log_group.access.arn
            format          = "$context.requestId"
          }
        }
      `,
      module: {
        'settings.tf': `
resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    logging_level = "ERROR"
  }
}
`,
      },
    },
    tfJson`
      {
        "resource": {
          "aws_api_gateway_stage": {
            "prod": { "stage_name": "prod", "access_log_settings": { "destination_arn": "\${aws_cloudwatch_log_group.access.arn}", "format": "x" } }
          },
          "aws_api_gateway_method_settings": {
            "all": { "stage_name": "prod", "method_path": "*/*", "settings": { "logging_level": "INFO" } }
          }
        }
      }
    `,
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Prod:
            Type: AWS::ApiGateway::Stage
            Properties:
              RestApiId: !Ref Api
              StageName: prod
              MethodSettings:
                - HttpMethod: '*'
                  ResourcePath: /*
                  LoggingLevel: 'OFF'
          Socket:
            Type: AWS::ApiGatewayV2::Api
            Properties:
              ProtocolType: WEBSOCKET
          SocketStage:
            Type: AWS::ApiGatewayV2::Stage
            Properties:
              ApiId: !Ref Socket
              StageName: prod
              AccessLogSettings:
                Format: $context.requestId
          Deployment:
            Type: AWS::ApiGateway::Deployment
            Properties:
              RestApiId: !Ref Api
              StageName: v1
      `,
      errors: [
        { messageId: 'accessLogs', line: 2, column: 3 },
        { messageId: 'executionLogs', line: 8, column: 9 },
        { messageId: 'websocketLogs', line: 15, column: 3 },
        { messageId: 'accessLogs', line: 20, column: 7 },
        { messageId: 'deploymentStage', line: 22, column: 3 },
      ],
    },
    {
      name: 'SAM: APIs without logs; the implicit APIs are reported once, at their first event',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
          HttpApi:
            Type: AWS::Serverless::HttpApi
          First:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.handler
              Runtime: python3.12
              Events:
                Get:
                  Type: Api
                  Properties:
                    Path: /a
                    Method: get
                Post:
                  Type: Api
                  Properties:
                    Path: /a
                    Method: post
          Second:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.handler
              Runtime: python3.12
              Events:
                Get:
                  Type: Api
                  Properties:
                    Path: /b
                    Method: get
                Http:
                  Type: HttpApi
      `,
      errors: [
        { messageId: 'accessLogs', line: 3, column: 3 },
        { messageId: 'executionLogs', line: 3, column: 3 },
        { messageId: 'accessLogs', line: 7, column: 3 },
        { messageId: 'implicitApi', line: 16, column: 11 },
        { messageId: 'implicitExecutionLogs', line: 16, column: 11 },
        { messageId: 'implicitApi', line: 37, column: 11 },
      ],
    },
    {
      name: 'SAM Globals without execution logs or an access log destination',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Api:
            AccessLogSetting:
              Format: $context.requestId
            MethodSettings:
              - HttpMethod: '*'
                ResourcePath: /*
                LoggingLevel: 'OFF'
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              Events:
                Implicit:
                  Type: Api
                  Properties:
                    Path: /a
                    Method: get
      `,
      errors: [
        { messageId: 'accessLogs', line: 11, column: 3 },
        { messageId: 'executionLogs', line: 11, column: 3 },
        { messageId: 'implicitApi', line: 22, column: 11 },
        { messageId: 'implicitExecutionLogs', line: 22, column: 11 },
      ],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Stage": {
              "Type": "AWS::ApiGateway::Stage",
              "Properties": {
                "RestApiId": { "Ref": "Api" },
                "AccessLogSetting": { "DestinationArn": { "Fn::GetAtt": ["AccessLogs", "Arn"] } }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'executionLogs', line: 3, column: 5 }],
    },
    {
      code: tfHcl`
        resource "aws_api_gateway_stage" "prod" {
          rest_api_id   = aws_api_gateway_rest_api.api.id
          deployment_id = aws_api_gateway_deployment.api.id
          stage_name    = "prod"
        }

        resource "aws_api_gateway_method_settings" "get" {
          rest_api_id = aws_api_gateway_rest_api.api.id
          stage_name  = aws_api_gateway_stage.prod.stage_name
          method_path = "pets/GET"
          settings {
            logging_level = "INFO"
          }
        }

        resource "aws_apigatewayv2_api" "socket" {
          name          = "socket"
          protocol_type = "WEBSOCKET"
        }

        resource "aws_apigatewayv2_stage" "socket" {
          api_id = aws_apigatewayv2_api.socket.id
          name   = "prod"
          access_log_settings {
            destination_arn = aws_cloudwatch_log_group.access.arn
            format          = "$context.requestId"
          }
          default_route_settings {
            logging_level = "OFF"
          }
        }

        resource "aws_api_gateway_deployment" "legacy" {
          rest_api_id = aws_api_gateway_rest_api.api.id
          stage_name  = "legacy"
        }
      `,
      errors: [
        { messageId: 'accessLogs', line: 1, column: 1 },
        { messageId: 'tfExecutionLogs', line: 1, column: 1 },
        { messageId: 'websocketLogs', line: 29, column: 21 },
        { messageId: 'tfDeploymentStage', line: 35, column: 17 },
      ],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_apigatewayv2_stage": { "http": { "api_id": "\${aws_apigatewayv2_api.http.id}", "name": "$default" } }
          }
        }
      `,
      errors: [{ messageId: 'accessLogs', line: 3, column: 33 }],
    },
  ],
});
