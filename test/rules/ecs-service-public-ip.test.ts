import rule from '../../rules/ecs/ecs-service-public-ip';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'DISABLED, missing (default DISABLED), a parameter without Default, and a TaskSet spelling the other key',
      code: cfnYaml`
        Parameters:
          Assign:
            Type: String
        Resources:
          Disabled:
            Type: AWS::ECS::Service
            Properties:
              NetworkConfiguration:
                AwsvpcConfiguration:
                  AssignPublicIp: DISABLED
                  Subnets: [subnet-1]
          Unset:
            Type: AWS::ECS::Service
            Properties:
              NetworkConfiguration:
                AwsvpcConfiguration:
                  Subnets: [subnet-1]
          Chosen:
            Type: AWS::ECS::Service
            Properties:
              NetworkConfiguration:
                AwsvpcConfiguration:
                  AssignPublicIp: !Ref Assign
          Set:
            Type: AWS::ECS::TaskSet
            Properties:
              NetworkConfiguration:
                AwsVpcConfiguration:
                  AssignPublicIp: DISABLED
      `,
    },
    { code: cfnJson`{"Resources":{"S":{"Type":"AWS::ECS::Service","Properties":{"LaunchType":"FARGATE"}}}}` },
    {
      code: tfHcl`
        resource "aws_ecs_service" "private" {
          name = "a"
          network_configuration {
            subnets          = ["subnet-1"]
            assign_public_ip = false
          }
        }

        resource "aws_ecs_service" "unset" {
          name = "b"
          network_configuration {
            subnets = ["subnet-1"]
          }
        }
      `,
    },
    { code: tfJson`{"resource":{"aws_ecs_service":{"s":{"network_configuration":{"subnets":["subnet-1"],"assign_public_ip":"\${var.public}"}}}}}` },
  ],
  invalid: [
    {
      name: 'a service and a task set (capital V)',
      code: cfnYaml`
        Resources:
          Service:
            Type: AWS::ECS::Service
            Properties:
              NetworkConfiguration:
                AwsvpcConfiguration:
                  AssignPublicIp: ENABLED
                  Subnets: [subnet-1]
          Set:
            Type: AWS::ECS::TaskSet
            Properties:
              NetworkConfiguration:
                AwsVpcConfiguration:
                  AssignPublicIp: ENABLED
      `,
      errors: [
        { messageId: 'public', line: 7, column: 27 },
        { messageId: 'public', line: 14, column: 27 },
      ],
      output: cfnYaml`
        Resources:
          Service:
            Type: AWS::ECS::Service
            Properties:
              NetworkConfiguration:
                AwsvpcConfiguration:
                  AssignPublicIp: DISABLED
                  Subnets: [subnet-1]
          Set:
            Type: AWS::ECS::TaskSet
            Properties:
              NetworkConfiguration:
                AwsVpcConfiguration:
                  AssignPublicIp: DISABLED
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Service": {
              "Type": "AWS::ECS::Service",
              "Properties": { "NetworkConfiguration": { "AwsvpcConfiguration": { "AssignPublicIp": "ENABLED" } } }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 5 }],
      output: cfnJson`
        {
          "Resources": {
            "Service": {
              "Type": "AWS::ECS::Service",
              "Properties": { "NetworkConfiguration": { "AwsvpcConfiguration": { "AssignPublicIp": "DISABLED" } } }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_ecs_service" "s" {
          name = "s"
          network_configuration {
            subnets          = ["subnet-1"]
            assign_public_ip = true
          }
        }
      `,
      errors: [{ messageId: 'public', line: 5, column: 24 }],
      output: tfHcl`
        resource "aws_ecs_service" "s" {
          name = "s"
          network_configuration {
            subnets          = ["subnet-1"]
            assign_public_ip = false
          }
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_ecs_service":{"s":{"network_configuration":{"subnets":["subnet-1"],"assign_public_ip":true}}}}}`,
      errors: [{ messageId: 'public', line: 1 }],
      output: tfJson`{"resource":{"aws_ecs_service":{"s":{"network_configuration":{"subnets":["subnet-1"],"assign_public_ip":false}}}}}`,
    },
  ],
});
