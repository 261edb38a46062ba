import rule from '../../rules/lambda/lambda-permission-public';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a service with SourceArn, "*" within an organization, an account, and function URL permissions',
      code: cfnYaml`
        Resources:
          FromBucket:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: !Ref Fn
              Action: lambda:InvokeFunction
              Principal: s3.amazonaws.com
              SourceArn: !GetAtt Uploads.Arn
          FromOrg:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: !Ref Fn
              Action: lambda:InvokeFunction
              Principal: "*"
              PrincipalOrgID: o-abc123
          FromAccount:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: !Ref Fn
              Action: lambda:InvokeFunction
              Principal: "123456789012"
          UrlNone:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: !Ref Fn
              Action: lambda:InvokeFunctionUrl
              Principal: "*"
              FunctionUrlAuthType: NONE
          ViaUrl:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: !Ref Fn
              Action: lambda:InvokeFunction
              Principal: "*"
              InvokedViaFunctionUrl: true
      `,
    },
    {
      name: 'a service with SourceAccount; a principal from a parameter without default',
      code: cfnJson`
        {
          "Parameters": { "Caller": { "Type": "String" } },
          "Resources": {
            "FromEvents": {
              "Type": "AWS::Lambda::Permission",
              "Properties": {
                "FunctionName": { "Ref": "Fn" },
                "Action": "lambda:InvokeFunction",
                "Principal": "events.amazonaws.com",
                "SourceAccount": { "Ref": "AWS::AccountId" }
              }
            },
            "Chosen": {
              "Type": "AWS::Lambda::Permission",
              "Properties": { "FunctionName": { "Ref": "Fn" }, "Action": "lambda:InvokeFunction", "Principal": { "Ref": "Caller" } }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_lambda_permission" "sns" {
          statement_id  = "sns"
          action        = "lambda:InvokeFunction"
          function_name = aws_lambda_function.fn.function_name
          principal     = "sns.amazonaws.com"
          source_arn    = aws_sns_topic.events.arn
        }

        resource "aws_lambda_permission" "url" {
          action                 = "lambda:InvokeFunctionUrl"
          function_name          = aws_lambda_function.fn.function_name
          principal              = "*"
          function_url_auth_type = "NONE"
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_lambda_permission": {
              "org": { "action": "lambda:InvokeFunction", "function_name": "fn", "principal": "*", "principal_org_id": "o-abc123" }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Anyone:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: !Ref Fn
              Action: lambda:InvokeFunction
              Principal: "*"
          AnyBucket:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: !Ref Fn
              Action: lambda:InvokeFunction
              Principal: s3.amazonaws.com
              PrincipalOrgID: o-abc123
      `,
      errors: [
        { messageId: 'everyone', line: 7, column: 18 },
        { messageId: 'service', line: 13, column: 18 },
      ],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Anyone": {
              "Type": "AWS::Lambda::Permission",
              "Properties": { "FunctionName": { "Ref": "Fn" }, "Action": "lambda:InvokeFunctionUrl", "Principal": "*", "FunctionUrlAuthType": "AWS_IAM" }
            }
          }
        }
      `,
      errors: [{ messageId: 'everyone', line: 5, column: 107 }],
    },
    {
      name: 'everyone; a service without source; null sources are not set',
      code: tfHcl`
        resource "aws_lambda_permission" "anyone" {
          action        = "lambda:InvokeFunction"
          function_name = aws_lambda_function.fn.function_name
          principal     = "*"
        }

        resource "aws_lambda_permission" "any_api" {
          action        = "lambda:InvokeFunction"
          function_name = aws_lambda_function.fn.function_name
          principal     = "apigateway.amazonaws.com"
          source_arn    = null
        }
      `,
      errors: [
        { messageId: 'everyone', line: 4, column: 19 },
        { messageId: 'service', line: 10, column: 19 },
      ],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_lambda_permission": {
              "events": { "action": "lambda:InvokeFunction", "function_name": "fn", "principal": "events.amazonaws.com" }
            }
          }
        }
      `,
      errors: [{ messageId: 'service', line: 4, column: 90 }],
    },
  ],
});
