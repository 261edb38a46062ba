import rule from '../../rules/general/asset-tags';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

/** The organisation's tag policy in these cases. */
const config = { requiredTags: ['Owner', 'CostCenter'] };

new RuleTester().run(rule, {
  valid: [
    {
      name: "SAM: Globals.Function.Tags merge with the function's own",
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Tags:
              CostCenter: '42'
        Resources:
          Handler:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Tags:
                Owner: data-team
      `,
      config,
    },
    {
      name: 'SAM: map-shaped Tags of a function',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Handler:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Tags:
                Owner: data-team
                CostCenter: '42'
      `,
      config,
    },
    {
      code: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              Tags:
                - Key: Owner
                  Value: data-team
                - Key: CostCenter
                  Value: !Ref CostCenter
      `,
      config,
    },
    {
      name: 'no required tags configured',
      code: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
      `,
    },
    {
      name: 'a conditional tag item may hold the key',
      code: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              Tags:
                - Key: Owner
                  Value: data-team
                - !If [Prod, { Key: CostCenter, Value: '42' }, !Ref AWS::NoValue]
      `,
      config: { requiredTags: ['Owner'] },
    },
    {
      name: 'a type outside the taggable list',
      code: cfnJson`{"Resources":{"Policy":{"Type":"AWS::S3::BucketPolicy","Properties":{"Bucket":"b","PolicyDocument":{}}}}}`,
      config,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Queue": {
              "Type": "AWS::SQS::Queue",
              "Properties": { "Tags": [{ "Key": "Owner", "Value": "ops" }, { "Key": "CostCenter", "Value": "42" }] }
            }
          }
        }
      `,
      config,
    },
    {
      name: 'provider default_tags count',
      code: tfHcl`
        provider "aws" {
          default_tags {
            tags = {
              Owner = "platform"
            }
          }
        }

        resource "aws_sqs_queue" "jobs" {
          name = "jobs"
          tags = {
            CostCenter = "42"
          }
        }
      `,
      config,
    },
    {
      name: 'merged tags are not judged',
      code: tfHcl`
        resource "aws_sqs_queue" "jobs" {
          name = "jobs"
          tags = merge(var.tags, { Name = "jobs" })
        }
      `,
      config,
    },
    {
      code: tfJson`{"resource":{"aws_sns_topic":{"alerts":{"name":"alerts","tags":{"Owner":"ops","CostCenter":"42"}}}}}`,
      config,
    },
  ],
  invalid: [
    {
      name: 'SAM: tags only from Globals; the function gets its own map with the missing key',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Tags:
              Owner: ops
        Resources:
          Handler:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
      `,
      config,
      errors: [{ messageId: 'missing', line: 7 }],
      output: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Tags:
              Owner: ops
        Resources:
          Handler:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Tags:
                CostCenter: ""
      `,
    },
    {
      name: 'SAM: a function without Tags gets a map',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Handler:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
      `,
      config,
      errors: [{ messageId: 'missing', line: 3 }],
      output: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Handler:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Tags:
                Owner: ""
                CostCenter: ""
      `,
    },
    {
      name: 'SAM: an empty Tags map of an HTTP API is written anew',
      code: cfnJson`
        {
          "Transform": "AWS::Serverless-2016-10-31",
          "Resources": {
            "Api": { "Type": "AWS::Serverless::HttpApi", "Properties": { "Tags": {} } }
          }
        }
      `,
      config,
      errors: [{ messageId: 'missing', line: 4 }],
      output: cfnJson`
        {
          "Transform": "AWS::Serverless-2016-10-31",
          "Resources": {
            "Api": { "Type": "AWS::Serverless::HttpApi", "Properties": { "Tags": { "Owner": "", "CostCenter": "" } } }
          }
        }
      `,
    },
    {
      name: 'SAM: a written Tags map of a state machine gets no fix',
      code: cfnYaml`
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Flow:
            Type: AWS::Serverless::StateMachine
            Properties:
              Tags:
                Owner: ops
      `,
      config,
      errors: [{ messageId: 'missing', line: 7 }],
    },
    {
      code: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: example-data
      `,
      config,
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
      output: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: example-data
              Tags:
                - Key: Owner
                  Value: ""
                - Key: CostCenter
                  Value: ""
      `,
    },
    {
      name: 'missing keys are appended to the written list',
      code: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              Tags:
                - Key: Name # shown in the console
                  Value: data
              BucketName: example-data
      `,
      config,
      errors: [{ messageId: 'missing', line: 6, column: 9 }],
      output: cfnYaml`
        Resources:
          Data:
            Type: AWS::S3::Bucket
            Properties:
              Tags:
                - Key: Name # shown in the console
                  Value: data
                - Key: Owner
                  Value: ""
                - Key: CostCenter
                  Value: ""
              BucketName: example-data
      `,
    },
    {
      name: 'a flow-style list keeps its style',
      code: cfnYaml`
        Resources:
          Queue:
            Type: AWS::SQS::Queue
            Properties:
              Tags: [{ Key: Name, Value: jobs }]
      `,
      config,
      errors: [{ messageId: 'missing', line: 5, column: 13 }],
      output: cfnYaml`
        Resources:
          Queue:
            Type: AWS::SQS::Queue
            Properties:
              Tags: [{ Key: Name, Value: jobs }, { Key: Owner, Value: "" }, { Key: CostCenter, Value: "" }]
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Queue": {
              "Type": "AWS::SQS::Queue",
              "Properties": {
                "Tags": [
                  { "Key": "Owner", "Value": "ops" }
                ]
              }
            }
          }
        }
      `,
      config,
      errors: [{ messageId: 'missing', line: 6, column: 17 }],
      output: cfnJson`
        {
          "Resources": {
            "Queue": {
              "Type": "AWS::SQS::Queue",
              "Properties": {
                "Tags": [
                  { "Key": "Owner", "Value": "ops" },
                  { "Key": "CostCenter", "Value": "" }
                ]
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_sqs_queue" "jobs" {
          name = "jobs"
        }
      `,
      config,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_sqs_queue" "jobs" {
          name = "jobs"
          tags = { Owner = "", CostCenter = "" }
        }
      `,
    },
    {
      name: 'only the keys provider default_tags do not add',
      code: tfHcl`
        provider "aws" {
          default_tags {
            tags = { Owner = "platform" }
          }
        }

        resource "aws_sqs_queue" "jobs" {
          name = "jobs"
          tags = {}
        }
      `,
      config,
      errors: [{ messageId: 'missing', line: 9, column: 10 }],
      output: tfHcl`
        provider "aws" {
          default_tags {
            tags = { Owner = "platform" }
          }
        }

        resource "aws_sqs_queue" "jobs" {
          name = "jobs"
          tags = { CostCenter = "" }
        }
      `,
    },
    {
      name: 'tags from a variable default: reported at the reference, no fix',
      code: tfHcl`
        variable "tags" {
          type    = map(string)
          default = {}
        }

        resource "aws_sqs_queue" "jobs" {
          name = "jobs"
          tags = var.tags
        }
      `,
      config,
      errors: [{ messageId: 'missing', line: 8, column: 10 }],
    },
    {
      name: 'a written map gets no fix yet (no API to add one entry)',
      code: tfHcl`
        resource "aws_sqs_queue" "jobs" {
          name = "jobs"
          tags = {
            Name = "jobs"
          }
        }
      `,
      config,
      errors: [{ messageId: 'missing', line: 3, column: 10 }],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_sns_topic": {
              "alerts": { "name": "alerts" }
            }
          }
        }
      `,
      config,
      errors: [{ messageId: 'missing', line: 4, column: 7 }],
      output: tfJson`
        {
          "resource": {
            "aws_sns_topic": {
              "alerts": { "name": "alerts", "tags": { "Owner": "", "CostCenter": "" } }
            }
          }
        }
      `,
    },
  ],
});
