import rule from '../../rules/ecs/ecs-privileged-container';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    cfnYaml`
      Resources:
        Task:
          Type: AWS::ECS::TaskDefinition
          Properties:
            ContainerDefinitions:
              - Name: app
                Image: nginx
                Privileged: false
              - Name: sidecar
                Image: envoy
    `,
    cfnJson`
      {
        "Parameters": { "Privileged": { "Type": "String", "AllowedValues": ["true", "false"] } },
        "Resources": {
          "Task": {
            "Type": "AWS::ECS::TaskDefinition",
            "Properties": { "ContainerDefinitions": [{ "Name": "app", "Image": "nginx", "Privileged": { "Ref": "Privileged" } }] }
          }
        }
      }
    `,
    {
      name: 'the ECS key is privileged, not privilege; files are not read',
      code: tfHcl`
        resource "aws_ecs_task_definition" "a" {
          family                = "a"
          container_definitions = jsonencode([{ name = "app", image = "nginx", privilege = true }])
        }

        resource "aws_ecs_task_definition" "b" {
          family                = "b"
          container_definitions = file("containers.json")
        }
      `,
    },
    tfJson`{"resource":{"aws_ecs_task_definition":{"t":{"family":"t","container_definitions":"[{\\"name\\":\\"app\\",\\"image\\":\\"nginx\\",\\"privileged\\":false}]"}}}}`,
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions:
                - Name: app
                  Image: nginx
                - Name: agent
                  Image: datadog/agent
                  Privileged: true
      `,
      errors: [{ messageId: 'privileged', line: 10, column: 23 }],
      output: cfnYaml`
        Resources:
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions:
                - Name: app
                  Image: nginx
                - Name: agent
                  Image: datadog/agent
                  Privileged: false
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Task": {
              "Type": "AWS::ECS::TaskDefinition",
              "Properties": { "ContainerDefinitions": [{ "Name": "app", "Image": "nginx", "Privileged": "true" }] }
            }
          }
        }
      `,
      errors: [{ messageId: 'privileged', line: 5 }],
      output: cfnJson`
        {
          "Resources": {
            "Task": {
              "Type": "AWS::ECS::TaskDefinition",
              "Properties": { "ContainerDefinitions": [{ "Name": "app", "Image": "nginx", "Privileged": false }] }
            }
          }
        }
      `,
    },
    {
      name: 'jsonencode is fixed in place',
      code: tfHcl`
        resource "aws_ecs_task_definition" "t" {
          family = "t"
          container_definitions = jsonencode([
            {
              name       = "app"
              image      = "nginx"
              privileged = true
            }
          ])
        }
      `,
      errors: [{ messageId: 'privileged', line: 7, column: 20 }],
      output: tfHcl`
        resource "aws_ecs_task_definition" "t" {
          family = "t"
          container_definitions = jsonencode([
            {
              name       = "app"
              image      = "nginx"
              privileged = false
            }
          ])
        }
      `,
    },
    {
      name: 'a heredoc is reported at the argument, without a fix',
      code: tfHcl`
        resource "aws_ecs_task_definition" "t" {
          family                = "t"
          container_definitions = <<-EOF
            [{ "name": "app", "image": "nginx", "privileged": true }]
          EOF
        }
      `,
      errors: [{ messageId: 'privileged', line: 3, column: 27 }],
    },
    {
      code: tfJson`{"resource":{"aws_ecs_task_definition":{"t":{"family":"t","container_definitions":"[{\\"name\\":\\"app\\",\\"image\\":\\"nginx\\",\\"privileged\\":true}]"}}}}`,
      errors: [{ messageId: 'privileged', line: 1 }],
    },
  ],
});
