import rule from '../../rules/lambda/lambda-url-no-auth';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'AWS_IAM, a parameter without Default, and a SAM function with an IAM URL or none',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Auth:
            Type: String
        Resources:
          Url:
            Type: AWS::Lambda::Url
            Properties:
              TargetFunctionArn: !GetAtt Fn.Arn
              AuthType: AWS_IAM
          Chosen:
            Type: AWS::Lambda::Url
            Properties:
              TargetFunctionArn: !GetAtt Fn.Arn
              AuthType: !Ref Auth
          Api:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              FunctionUrlConfig:
                AuthType: AWS_IAM
          NoUrl:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
      `,
    },
    {
      code: cfnJson`{"Resources":{"U":{"Type":"AWS::Lambda::Url","Properties":{"TargetFunctionArn":"arn:aws:lambda:eu-west-1:123456789012:function:f","AuthType":"AWS_IAM"}}}}`,
    },
    {
      code: tfHcl`
        resource "aws_lambda_function_url" "iam" {
          function_name      = aws_lambda_function.f.function_name
          authorization_type = "AWS_IAM"
        }

        resource "aws_lambda_function_url" "chosen" {
          function_name      = aws_lambda_function.f.function_name
          authorization_type = var.auth
        }
      `,
    },
    { code: tfJson`{"resource":{"aws_lambda_function_url":{"u":{"function_name":"f","authorization_type":"AWS_IAM"}}}}` },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Url:
            Type: AWS::Lambda::Url
            Properties:
              TargetFunctionArn: !GetAtt Fn.Arn
              AuthType: NONE
      `,
      errors: [{ messageId: 'noAuth', line: 6, column: 17 }],
      output: cfnYaml`
        Resources:
          Url:
            Type: AWS::Lambda::Url
            Properties:
              TargetFunctionArn: !GetAtt Fn.Arn
              AuthType: AWS_IAM
      `,
    },
    {
      name: 'SAM function URL without authentication',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: nodejs20.x
              Handler: index.handler
              FunctionUrlConfig:
                AuthType: NONE
                Cors:
                  AllowOrigins: ["*"]
      `,
      errors: [{ messageId: 'noAuth', line: 9, column: 19 }],
      output: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: nodejs20.x
              Handler: index.handler
              FunctionUrlConfig:
                AuthType: AWS_IAM
                Cors:
                  AllowOrigins: ["*"]
      `,
    },
    {
      name: 'SAM Globals: reported at each function that takes it (not one that overrides or ignores it); the fix writes the function its own value',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: python3.12
            FunctionUrlConfig:
              AuthType: NONE
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.handler
          Own:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.handler
              FunctionUrlConfig:
                AuthType: AWS_IAM
          Ignoring:
            Type: AWS::Serverless::Function
            IgnoreGlobals: [FunctionUrlConfig]
            Properties:
              Handler: app.handler
      `,
      errors: [{ messageId: 'noAuth', line: 8, column: 3 }],
      output: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: python3.12
            FunctionUrlConfig:
              AuthType: NONE
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.handler
              FunctionUrlConfig:
                AuthType: AWS_IAM
          Own:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.handler
              FunctionUrlConfig:
                AuthType: AWS_IAM
          Ignoring:
            Type: AWS::Serverless::Function
            IgnoreGlobals: [FunctionUrlConfig]
            Properties:
              Handler: app.handler
      `,
    },
    {
      name: 'SAM function in JSON, and a parameter whose Default is NONE',
      code: cfnJson`
        {
          "Transform": "AWS::Serverless-2016-10-31",
          "Parameters": { "Auth": { "Type": "String", "Default": "NONE" } },
          "Resources": {
            "Fn": {
              "Type": "AWS::Serverless::Function",
              "Properties": { "Runtime": "python3.12", "Handler": "app.handler", "FunctionUrlConfig": { "AuthType": { "Ref": "Auth" } } }
            }
          }
        }
      `,
      errors: [{ messageId: 'noAuth', line: 7 }],
      output: cfnJson`
        {
          "Transform": "AWS::Serverless-2016-10-31",
          "Parameters": { "Auth": { "Type": "String", "Default": "NONE" } },
          "Resources": {
            "Fn": {
              "Type": "AWS::Serverless::Function",
              "Properties": { "Runtime": "python3.12", "Handler": "app.handler", "FunctionUrlConfig": { "AuthType": "AWS_IAM" } }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_lambda_function_url" "public" {
          function_name      = aws_lambda_function.f.function_name
          authorization_type = "NONE"
        }
      `,
      errors: [{ messageId: 'noAuth', line: 3, column: 24 }],
      output: tfHcl`
        resource "aws_lambda_function_url" "public" {
          function_name      = aws_lambda_function.f.function_name
          authorization_type = "AWS_IAM"
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_lambda_function_url":{"u":{"function_name":"f","authorization_type":"NONE"}}}}`,
      errors: [{ messageId: 'noAuth', line: 1 }],
      output: tfJson`{"resource":{"aws_lambda_function_url":{"u":{"function_name":"f","authorization_type":"AWS_IAM"}}}}`,
    },
  ],
});
