import rule from '../../rules/ecs/ecs-efs-transit-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Volumes:
                - Name: data
                  EFSVolumeConfiguration:
                    FilesystemId: !Ref FileSystem
                    TransitEncryption: ENABLED
      `,
    },
    {
      name: 'a host volume has no EFS configuration to judge',
      code: cfnYaml`
        Resources:
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Volumes:
                - Name: scratch
                  Host:
                    SourcePath: /tmp/scratch
      `,
    },
    {
      name: 'a value from a parameter without Default is not judged',
      code: cfnJson`
        {
          "Parameters": { "Transit": { "Type": "String" } },
          "Resources": {
            "Task": {
              "Type": "AWS::ECS::TaskDefinition",
              "Properties": {
                "Volumes": [{ "Name": "data", "EFSVolumeConfiguration": { "FilesystemId": "fs-1234", "TransitEncryption": { "Ref": "Transit" } } }]
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_ecs_task_definition" "app" {
          family                = "app"
          container_definitions = file("app.json")

          volume {
            name = "scratch"
          }

          volume {
            name = "data"
            efs_volume_configuration {
              file_system_id     = aws_efs_file_system.data.id
              transit_encryption = "ENABLED"
            }
          }
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_ecs_task_definition":{"app":{"volume":[{"name":"data","efs_volume_configuration":{"file_system_id":"fs-1234","transit_encryption":"ENABLED"}}]}}}}`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Volumes:
                - Name: data
                  EFSVolumeConfiguration:
                    FilesystemId: !Ref FileSystem
                - Name: shared
                  EFSVolumeConfiguration:
                    FilesystemId: !Ref FileSystem
                    TransitEncryption: DISABLED
      `,
      errors: [
        { messageId: 'missing', line: 7, column: 11 },
        { messageId: 'disabled', line: 12, column: 32 },
      ],
      output: cfnYaml`
        Resources:
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Volumes:
                - Name: data
                  EFSVolumeConfiguration:
                    FilesystemId: !Ref FileSystem
                    TransitEncryption: ENABLED
                - Name: shared
                  EFSVolumeConfiguration:
                    FilesystemId: !Ref FileSystem
                    TransitEncryption: ENABLED
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Task": {
              "Type": "AWS::ECS::TaskDefinition",
              "Properties": {
                "Volumes": [{ "Name": "data", "EFSVolumeConfiguration": { "FilesystemId": "fs-1234" } }]
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 6, column: 39 }],
      output: cfnJson`
        {
          "Resources": {
            "Task": {
              "Type": "AWS::ECS::TaskDefinition",
              "Properties": {
                "Volumes": [{ "Name": "data", "EFSVolumeConfiguration": { "FilesystemId": "fs-1234", "TransitEncryption": "ENABLED" } }]
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_ecs_task_definition" "app" {
          family                = "app"
          container_definitions = file("app.json")

          volume {
            name = "data"
            efs_volume_configuration {
              file_system_id = aws_efs_file_system.data.id
            }
          }

          volume {
            name = "shared"
            efs_volume_configuration {
              file_system_id     = aws_efs_file_system.data.id
              transit_encryption = "DISABLED"
            }
          }
        }
      `,
      errors: [
        { messageId: 'missing', line: 7, column: 5 },
        { messageId: 'disabled', line: 16, column: 28 },
      ],
      output: tfHcl`
        resource "aws_ecs_task_definition" "app" {
          family                = "app"
          container_definitions = file("app.json")

          volume {
            name = "data"
            efs_volume_configuration {
              file_system_id     = aws_efs_file_system.data.id
              transit_encryption = "ENABLED"
            }
          }

          volume {
            name = "shared"
            efs_volume_configuration {
              file_system_id     = aws_efs_file_system.data.id
              transit_encryption = "ENABLED"
            }
          }
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_ecs_task_definition":{"app":{"volume":[{"name":"data","efs_volume_configuration":{"file_system_id":"fs-1234","transit_encryption":"DISABLED"}}]}}}}`,
      errors: [{ messageId: 'disabled', line: 1, column: 149 }],
      output: tfJson`{"resource":{"aws_ecs_task_definition":{"app":{"volume":[{"name":"data","efs_volume_configuration":{"file_system_id":"fs-1234","transit_encryption":"ENABLED"}}]}}}}`,
    },
  ],
});
