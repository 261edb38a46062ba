import assert from 'node:assert/strict';
import rule from '../../rules/lambda/lambda-deprecated-runtime';
import { lintText } from '../../server/src/engine/lint/lint';
import { initParsers } from '../../server/src/parsers/index';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

// The table is dated (rules/data/lambda-runtimes.json); these cases hold for its date 2026-12-07 and later ones.
new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: python3.13
              Handler: app.handler
              Role: !GetAtt Role.Arn
              Code: { ZipFile: "def handler(e, c): pass" }
      `,
    },
    {
      name: 'a container image has no runtime',
      code: cfnYaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              PackageType: Image
              Code: { ImageUri: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.0 }
              Role: !GetAtt Role.Arn
      `,
    },
    {
      name: 'a runtime the table does not list, and a parameter without Default',
      code: cfnYaml`
        Parameters:
          Runtime:
            Type: String
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: !Ref Runtime
          Newer:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: nodejs24.x
      `,
    },
    {
      name: 'SAM function',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: nodejs22.x
              Handler: index.handler
              CodeUri: src/
      `,
    },
    {
      name: "SAM: the function's own Runtime wins over Globals; IgnoreGlobals drops the Globals runtime",
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: python3.8
            Timeout: 10
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.13
              Handler: app.handler
              CodeUri: src/
          Image:
            Type: AWS::Serverless::Function
            IgnoreGlobals: [Runtime]
            Properties:
              PackageType: Image
              ImageUri: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.0
      `,
    },
    {
      code: cfnJson`{ "Resources": { "Fn": { "Type": "AWS::Lambda::Function", "Properties": { "Runtime": "java21" } } } }`,
    },
    {
      code: tfHcl`
        resource "aws_lambda_function" "app" {
          function_name = "app"
          role          = aws_iam_role.app.arn
          handler       = "app.handler"
          runtime       = "python3.12"
          filename      = "app.zip"
        }
      `,
    },
    {
      name: 'an image function',
      code: tfHcl`
        resource "aws_lambda_function" "app" {
          function_name = "app"
          role          = aws_iam_role.app.arn
          package_type  = "Image"
          image_uri     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.0"
        }
      `,
    },
    {
      code: tfJson`{ "resource": { "aws_lambda_function": { "app": { "function_name": "app", "runtime": "provided.al2023" } } } }`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: python3.8
              Handler: app.handler
      `,
      errors: [{ messageId: 'deprecated', line: 5, column: 16 }],
    },
    {
      name: 'SAM function, and a runtime from a parameter default',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Runtime:
            Type: String
            Default: nodejs16.x
        Resources:
          Api:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: go1.x
              Handler: bootstrap
              CodeUri: bin/
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: !Ref Runtime
              Handler: index.handler
              CodeUri: src/
      `,
      errors: [
        { messageId: 'deprecated', line: 10, column: 16 },
        { messageId: 'deprecated', line: 16, column: 16 },
      ],
    },
    {
      name: 'SAM: a runtime from Globals.Function is reported at the function',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: nodejs18.x
            MemorySize: 256
        Resources:
          Api:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              CodeUri: src/
      `,
      errors: [{ messageId: 'deprecated', line: 7, column: 3 }],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Fn": { "Type": "AWS::Lambda::Function", "Properties": { "Runtime": "dotnet6", "Handler": "App::App.Function::Handler" } }
          }
        }
      `,
      errors: [{ messageId: 'deprecated', line: 3, column: 73 }],
    },
    {
      code: tfHcl`
        resource "aws_lambda_function" "app" {
          function_name = "app"
          handler       = "index.handler"
          runtime       = "nodejs12.x"
        }
      `,
      errors: [{ messageId: 'deprecated', line: 4, column: 19 }],
    },
    {
      name: 'a variable default decides',
      code: tfHcl`
        variable "runtime" {
          default = "ruby2.7"
        }

        resource "aws_lambda_function" "app" {
          function_name = "app"
          runtime       = var.runtime
        }
      `,
      errors: [{ messageId: 'deprecated', line: 7, column: 19 }],
    },
    {
      code: tfJson`{ "resource": { "aws_lambda_function": { "app": { "function_name": "app", "runtime": "java8" } } } }`,
      errors: [{ messageId: 'deprecated', line: 1, column: 86 }],
    },
  ],
});

describe('lambda-deprecated-runtime › Globals', () => {
  before(() => initParsers());

  it('points at the Globals line the runtime comes from', () => {
    const code =
      'Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Runtime: nodejs18.x\nResources:\n  Api:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n';
    const result = lintText('template.yaml', code, { rules: [rule], config: { rules: { [rule.id]: 'on' } } });
    const related = result.findings.flatMap((f) => (f.related ?? []).map((r) => `${r.start.line + 1}: ${r.message}`));
    assert.deepEqual(related, ['4: The value comes from Globals.Function.']);
  });
});
