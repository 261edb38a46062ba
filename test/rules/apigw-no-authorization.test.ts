import rule from '../../rules/apigateway/apigw-no-authorization';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'authorizer, API key, CORS preflight, private API',
      code: cfnYaml`
        Resources:
          Api:
            Type: AWS::ApiGateway::RestApi
            Properties:
              Name: api
          PrivateApi:
            Type: AWS::ApiGateway::RestApi
            Properties:
              EndpointConfiguration:
                Types: [PRIVATE]
          Iam:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              HttpMethod: GET
              AuthorizationType: AWS_IAM
          Keyed:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              HttpMethod: POST
              AuthorizationType: NONE
              ApiKeyRequired: true
          Preflight:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              HttpMethod: OPTIONS
              AuthorizationType: NONE
          Internal:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref PrivateApi
              HttpMethod: GET
      `,
    },
    {
      name: 'WebSocket APIs are judged at $connect only; JWT routes and preflights pass',
      code: cfnYaml`
        Resources:
          Socket:
            Type: AWS::ApiGatewayV2::Api
            Properties:
              ProtocolType: WEBSOCKET
              RouteSelectionExpression: $request.body.action
          Connect:
            Type: AWS::ApiGatewayV2::Route
            Properties:
              ApiId: !Ref Socket
              RouteKey: $connect
              AuthorizationType: CUSTOM
          Message:
            Type: AWS::ApiGatewayV2::Route
            Properties:
              ApiId: !Ref Socket
              RouteKey: sendMessage
          Http:
            Type: AWS::ApiGatewayV2::Route
            Properties:
              ApiId: !Ref HttpApi
              RouteKey: GET /pets
              AuthorizationType: JWT
          Cors:
            Type: AWS::ApiGatewayV2::Route
            Properties:
              ApiId: !Ref HttpApi
              RouteKey: OPTIONS /pets
      `,
    },
    {
      name: 'SAM: event authorizer, API default authorizer, API key, private API, preflight, API from elsewhere',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Auth:
                DefaultAuthorizer: Cognito
          Keyed:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Auth:
                ApiKeyRequired: true
          Private:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              EndpointConfiguration: PRIVATE
          HttpApi:
            Type: AWS::Serverless::HttpApi
            Properties:
              Auth:
                DefaultAuthorizer: Jwt
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              Events:
                Default:
                  Type: Api
                  Properties:
                    RestApiId: !Ref Api
                    Path: /a
                    Method: get
                Keyed:
                  Type: Api
                  Properties:
                    RestApiId: !Ref Keyed
                    Path: /b
                    Method: get
                Private:
                  Type: Api
                  Properties:
                    RestApiId: !Ref Private
                    Path: /c
                    Method: get
                Implicit:
                  Type: Api
                  Properties:
                    Path: /d
                    Method: get
                    Auth:
                      Authorizer: AWS_IAM
                Preflight:
                  Type: Api
                  Properties:
                    Path: /e
                    Method: options
                Elsewhere:
                  Type: Api
                  Properties:
                    RestApiId: !ImportValue SharedApi
                    Path: /f
                    Method: get
                Http:
                  Type: HttpApi
                  Properties:
                    ApiId: !Ref HttpApi
                    Path: /g
                    Method: get
                Queue:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt Queue.Arn
      `,
    },
    {
      name: 'SAM Globals: a default authorizer for the declared and implicit REST APIs, a private implicit API, an HttpApi default',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Api:
            Auth:
              DefaultAuthorizer: AWS_IAM
          HttpApi:
            Auth:
              DefaultAuthorizer: Jwt
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
                Declared:
                  Type: Api
                  Properties:
                    RestApiId: !Ref Api
                    Path: /a
                    Method: get
                Implicit:
                  Type: Api
                  Properties:
                    Path: /b
                    Method: get
                ImplicitHttp:
                  Type: HttpApi
      `,
    },
    {
      name: 'SAM Globals: the implicit REST API is private',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Api:
            EndpointConfiguration:
              Type: PRIVATE
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              Events:
                Implicit:
                  Type: Api
                  Properties:
                    Path: /b
                    Method: get
      `,
    },
    cfnJson`
      {
        "Resources": {
          "Method": {
            "Type": "AWS::ApiGateway::Method",
            "Properties": { "RestApiId": { "Ref": "Api" }, "HttpMethod": "GET", "AuthorizationType": "COGNITO_USER_POOLS", "AuthorizerId": { "Ref": "Authorizer" } }
          }
        }
      }
    `,
    tfHcl`
      resource "aws_api_gateway_rest_api" "private" {
        name = "private"
        endpoint_configuration {
          types = ["PRIVATE"]
        }
      }

      resource "aws_api_gateway_method" "private" {
        rest_api_id   = aws_api_gateway_rest_api.private.id
        resource_id   = aws_api_gateway_rest_api.private.root_resource_id
        http_method   = "GET"
        authorization = "NONE"
      }

      resource "aws_api_gateway_method" "iam" {
        rest_api_id   = aws_api_gateway_rest_api.public.id
        resource_id   = aws_api_gateway_rest_api.public.root_resource_id
        http_method   = "GET"
        authorization = "AWS_IAM"
      }

      resource "aws_apigatewayv2_api" "socket" {
        name          = "socket"
        protocol_type = "WEBSOCKET"
      }

      resource "aws_apigatewayv2_route" "message" {
        api_id    = aws_apigatewayv2_api.socket.id
        route_key = "sendMessage"
      }
    `,
    {
      name: 'values from variables without default are not judged',
      code: tfHcl`
        variable "authorization" {
          type = string
        }

        resource "aws_api_gateway_method" "get" {
          rest_api_id   = aws_api_gateway_rest_api.public.id
          resource_id   = aws_api_gateway_rest_api.public.root_resource_id
          http_method   = "GET"
          authorization = var.authorization
        }
      `,
    },
    tfJson`{"resource":{"aws_apigatewayv2_route":{"get":{"api_id":"\${aws_apigatewayv2_api.http.id}","route_key":"GET /pets","authorization_type":"JWT","authorizer_id":"\${aws_apigatewayv2_authorizer.jwt.id}"}}}}`,
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Api:
            Type: AWS::ApiGateway::RestApi
            Properties:
              EndpointConfiguration:
                Types: [REGIONAL]
          Open:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              HttpMethod: GET
              AuthorizationType: NONE
          Unset:
            Type: AWS::ApiGateway::Method
            Properties:
              RestApiId: !Ref Api
              HttpMethod: POST
              ApiKeyRequired: false
          Socket:
            Type: AWS::ApiGatewayV2::Api
            Properties:
              ProtocolType: WEBSOCKET
          Connect:
            Type: AWS::ApiGatewayV2::Route
            Properties:
              ApiId: !Ref Socket
              RouteKey: $connect
          Pets:
            Type: AWS::ApiGatewayV2::Route
            Properties:
              ApiId: !Ref ExternalHttpApi
              RouteKey: GET /pets
              AuthorizationType: NONE
      `,
      errors: [
        { messageId: 'method', line: 12, column: 26 },
        { messageId: 'method', line: 13, column: 3 },
        { messageId: 'route', line: 23, column: 3 },
        { messageId: 'route', line: 33, column: 26 },
      ],
    },
    {
      name: 'SAM: no authorizer anywhere, an event that turns the default off, an HttpApi without default',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Auth:
                DefaultAuthorizer: Cognito
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
                Opted:
                  Type: Api
                  Properties:
                    RestApiId: !Ref Api
                    Path: /b
                    Method: post
                    Auth:
                      Authorizer: NONE
                Http:
                  Type: HttpApi
                  Properties:
                    ApiId: !Ref HttpApi
                    Path: /c
      `,
      errors: [
        { messageId: 'apiEvent', line: 18, column: 11 },
        { messageId: 'apiEvent', line: 29, column: 27 },
        { messageId: 'httpApiEvent', line: 31, column: 11 },
      ],
    },
    {
      name: 'SAM Globals: a default authorizer of NONE, and an event that turns the Globals default off',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Api:
            Auth:
              DefaultAuthorizer: NONE
          HttpApi:
            Auth:
              DefaultAuthorizer: Jwt
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              Events:
                Implicit:
                  Type: Api
                  Properties:
                    Path: /b
                    Method: get
                Health:
                  Type: HttpApi
                  Properties:
                    Path: /health
                    Method: get
                    Auth:
                      Authorizer: NONE
      `,
      errors: [
        { messageId: 'apiEvent', line: 17, column: 11 },
        { messageId: 'httpApiEvent', line: 27, column: 27 },
      ],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Method": {
              "Type": "AWS::ApiGateway::Method",
              "Properties": { "RestApiId": { "Ref": "Api" }, "HttpMethod": "ANY", "AuthorizationType": "NONE" }
            }
          }
        }
      `,
      errors: [{ messageId: 'method', line: 5, column: 96 }],
    },
    {
      code: tfHcl`
        resource "aws_api_gateway_method" "get" {
          rest_api_id   = aws_api_gateway_rest_api.public.id
          resource_id   = aws_api_gateway_rest_api.public.root_resource_id
          http_method   = "GET"
          authorization = "NONE"
        }

        resource "aws_apigatewayv2_api" "socket" {
          name          = "socket"
          protocol_type = "WEBSOCKET"
        }

        resource "aws_apigatewayv2_route" "connect" {
          api_id    = aws_apigatewayv2_api.socket.id
          route_key = "$connect"
        }
      `,
      errors: [
        { messageId: 'method', line: 5, column: 19 },
        { messageId: 'route', line: 13, column: 1 },
      ],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_apigatewayv2_route": {
              "get": { "api_id": "\${aws_apigatewayv2_api.http.id}", "route_key": "GET /pets", "authorization_type": "NONE" }
            }
          }
        }
      `,
      errors: [{ messageId: 'route', line: 4, column: 109 }],
    },
  ],
});
