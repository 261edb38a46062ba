import rule from '../../rules/vpc/vpc-flow-logs';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'flow logs by !Ref and by !GetAtt VpcId, any traffic type',
      code: cfnYaml`
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.0.0.0/16
          Other:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.1.0.0/16
          FlowLog:
            Type: AWS::EC2::FlowLog
            Properties:
              ResourceId: !Ref Vpc
              ResourceType: VPC
              TrafficType: ACCEPT
              LogDestinationType: s3
              LogDestination: arn:aws:s3:::flow-logs
          OtherFlowLog:
            Type: AWS::EC2::FlowLog
            Properties:
              ResourceId: !GetAtt Other.VpcId
              ResourceType: VPC
              TrafficType: REJECT
              LogGroupName: flow-logs
              DeliverLogsPermissionArn: !GetAtt Role.Arn
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Vpc": { "Type": "AWS::EC2::VPC", "Properties": { "CidrBlock": "10.0.0.0/16" } },
            "FlowLog": {
              "Type": "AWS::EC2::FlowLog",
              "Properties": { "ResourceId": { "Ref": "Vpc" }, "ResourceType": "VPC", "TrafficType": "ALL", "LogDestinationType": "s3", "LogDestination": "arn:aws:s3:::logs" }
            }
          }
        }
      `,
    },
    {
      name: 'the flow log lives in a sibling file of the module and indexes a counted VPC',
      code: tfHcl`
        resource "aws_vpc" "this" {
          count      = 1
          cidr_block = "10.0.0.0/16"
        }
      `,
      module: {
        'flow-logs.tf':
          'resource "aws_flow_log" "this" {\n  vpc_id               = aws_vpc.this[0].id\n  traffic_type         = "ALL"\n  log_destination_type = "s3"\n  log_destination      = var.bucket_arn\n}\n',
      },
    },
    {
      name: 'a flow log whose VPC comes through a local that cannot be resolved may be this one',
      code: tfHcl`
        locals {
          vpc_id = try(aws_vpc.this[0].id, "")
        }

        resource "aws_vpc" "this" {
          count      = var.create_vpc ? 1 : 0
          cidr_block = "10.0.0.0/16"
        }

        resource "aws_flow_log" "this" {
          vpc_id       = local.vpc_id
          traffic_type = "ALL"
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_vpc": { "main": { "cidr_block": "10.0.0.0/16" } },
            "aws_flow_log": { "main": { "vpc_id": "\${aws_vpc.main.id}", "traffic_type": "ALL" } }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'the flow log of another VPC does not count; the new flow log goes right after the VPC',
      code: cfnYaml`
        AWSTemplateFormatVersion: '2010-09-09'

        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.0.0.0/16 # main

          FlowLog:
            Type: AWS::EC2::FlowLog
            Properties:
              ResourceId: !Ref OtherVpc
              ResourceType: VPC
              TrafficType: ALL

        Outputs:
          VpcId:
            Value: !Ref Vpc
      `,
      errors: [{ messageId: 'noFlowLog', line: 4, column: 3 }],
      output: cfnYaml`
        AWSTemplateFormatVersion: '2010-09-09'

        Parameters:
          FlowLogBucketArn:
            Type: String
            Description: ARN of the S3 bucket (optionally with /prefix) that receives VPC flow logs

        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.0.0.0/16 # main

          VpcFlowLog:
            Type: AWS::EC2::FlowLog
            Properties:
              ResourceId: !Ref Vpc
              ResourceType: VPC
              TrafficType: ALL
              LogDestinationType: s3
              LogDestination: !Ref FlowLogBucketArn

          FlowLog:
            Type: AWS::EC2::FlowLog
            Properties:
              ResourceId: !Ref OtherVpc
              ResourceType: VPC
              TrafficType: ALL

        Outputs:
          VpcId:
            Value: !Ref Vpc
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Vpc": {
              "Type": "AWS::EC2::VPC",
              "Properties": {
                "CidrBlock": "10.0.0.0/16"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'noFlowLog', line: 3, column: 5 }],
      output: cfnJson`
        {
          "Parameters": {
            "FlowLogBucketArn": {
              "Type": "String",
              "Description": "ARN of the S3 bucket (optionally with /prefix) that receives VPC flow logs"
            }
          },
          "Resources": {
            "Vpc": {
              "Type": "AWS::EC2::VPC",
              "Properties": {
                "CidrBlock": "10.0.0.0/16"
              }
            },
            "VpcFlowLog": {
              "Type": "AWS::EC2::FlowLog",
              "Properties": {
                "ResourceId": {"Ref": "Vpc"},
                "ResourceType": "VPC",
                "TrafficType": "ALL",
                "LogDestinationType": "s3",
                "LogDestination": {"Ref": "FlowLogBucketArn"}
              }
            }
          }
        }
      `,
    },
    {
      name: 'a counted VPC: reported, but a generated reference could not index it, so no fix',
      code: tfHcl`
        resource "aws_vpc" "this" {
          count      = 2
          cidr_block = "10.0.0.0/16"
        }
      `,
      errors: [{ messageId: 'noFlowLog', line: 1, column: 1 }],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_vpc": {
              "main": {
                "cidr_block": "10.0.0.0/16"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'noFlowLog', line: 4, column: 7 }],
      output: tfJson`
        {
          "resource": {
            "aws_vpc": {
              "main": {
                "cidr_block": "10.0.0.0/16"
              }
            },
            "aws_flow_log": {
              "main": {
                "vpc_id": "\${aws_vpc.main.id}",
                "traffic_type": "ALL",
                "log_destination_type": "s3",
                "log_destination": "\${var.flow_log_bucket_arn}"
              }
            }
          },
          "variable": {
            "flow_log_bucket_arn": {
              "type": "string",
              "description": "ARN of the S3 bucket (optionally with /prefix) that receives VPC flow logs"
            }
          }
        }
      `,
    },
  ],
});
