import rule from '../../rules/ecs/ecs-env-secret';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'secrets[] and names of secrets',
      code: cfnYaml`
        Resources:
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions:
                - Name: app
                  Image: nginx
                  Environment:
                    - Name: DB_PASSWORD_ARN
                      Value: arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db
                    - Name: STAGE
                      Value: prod
                  Secrets:
                    - Name: DB_PASSWORD
                      ValueFrom: arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db
      `,
    },
    cfnJson`
      {
        "Parameters": { "DbPassword": { "Type": "String", "NoEcho": true } },
        "Resources": {
          "Task": {
            "Type": "AWS::ECS::TaskDefinition",
            "Properties": { "ContainerDefinitions": [{ "Name": "app", "Image": "nginx", "Environment": [{ "Name": "DB_PASSWORD", "Value": { "Ref": "DbPassword" } }] }] }
          }
        }
      }
    `,
    {
      name: 'references, and a file that is not read',
      code: tfHcl`
        resource "aws_ecs_task_definition" "a" {
          family = "a"
          container_definitions = jsonencode([{
            name        = "app"
            image       = "nginx"
            environment = [{ name = "DB_PASSWORD", value = random_password.db.result }]
            secrets     = [{ name = "API_KEY", valueFrom = aws_ssm_parameter.api_key.arn }]
          }])
        }

        resource "aws_ecs_task_definition" "b" {
          family                = "b"
          container_definitions = templatefile("containers.json", { db_password = "not-read-here" })
        }
      `,
    },
    tfJson`{"resource":{"aws_ecs_task_definition":{"t":{"family":"t","container_definitions":"[{\\"name\\":\\"app\\",\\"environment\\":[{\\"name\\":\\"TOKEN_TTL\\",\\"value\\":\\"3600\\"}]}]"}}}}`,
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
                  Environment:
                    - Name: DB_PASSWORD
                      Value: Sup3rS3cret
                    - Name: UPLOADER
                      Value: AKIAIOSFODNN7EXAMPLE
      `,
      errors: [
        { messageId: 'literal', line: 10, column: 22 },
        { messageId: 'secretValue', line: 12, column: 22 },
      ],
    },
    {
      name: 'a NoEcho parameter default (clarification 1)',
      code: cfnJson`
        {
          "Parameters": { "DbPassword": { "Type": "String", "NoEcho": true, "Default": "Sup3rS3cret" } },
          "Resources": {
            "Task": {
              "Type": "AWS::ECS::TaskDefinition",
              "Properties": { "ContainerDefinitions": [{ "Name": "app", "Image": "nginx", "Environment": [{ "Name": "DB_PASSWORD", "Value": { "Ref": "DbPassword" } }] }] }
            }
          }
        }
      `,
      errors: [{ messageId: 'literalDefault', line: 6 }],
    },
    {
      name: 'jsonencode entries, and a heredoc reading a sensitive variable default',
      code: tfHcl`
        variable "api_key" {
          type      = string
          sensitive = true
          default   = "k-0123456789"
        }

        resource "aws_ecs_task_definition" "a" {
          family = "a"
          container_definitions = jsonencode([{
            name        = "app"
            image       = "nginx"
            environment = [{ name = "DB_PASSWORD", value = "Sup3rS3cret" }]
          }])
        }

        resource "aws_ecs_task_definition" "b" {
          family                = "b"
          container_definitions = <<-EOF
            [{ "name": "web", "image": "nginx",
               "environment": [{ "name": "API_KEY", "value": "\${var.api_key}" }] }]
          EOF
        }
      `,
      errors: [
        { messageId: 'literal', line: 12, column: 52 },
        { messageId: 'literalDefault', line: 18, column: 27 },
      ],
    },
    {
      code: tfJson`{"resource":{"aws_ecs_task_definition":{"t":{"family":"t","container_definitions":"[{\\"name\\":\\"app\\",\\"environment\\":[{\\"name\\":\\"GITHUB_TOKEN\\",\\"value\\":\\"ghp_0123456789\\"}]}]"}}}}`,
      errors: [{ messageId: 'literal', line: 1 }],
    },
    {
      name: 'a private key in a parameter default, under a name that is not secret-like (clarification 1)',
      code: cfnYaml`
        Parameters:
          SigningPem:
            Type: String
            NoEcho: true
            Default: "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49\\n-----END EC PRIVATE KEY-----"
        Resources:
          Task:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions:
                - Name: signer
                  Image: signer:1
                  Environment:
                    - Name: SIGNING_PEM
                      Value: !Ref SigningPem
      `,
      errors: [{ messageId: 'secretValueDefault', line: 15, column: 22 }],
    },
    {
      name: 'jsonencode reading an access key id from a variable default',
      code: tfHcl`
        variable "uploader" {
          type    = string
          default = "AKIAIOSFODNN7EXAMPLE"
        }

        resource "aws_ecs_task_definition" "t" {
          family = "t"
          container_definitions = jsonencode([{
            name        = "app"
            image       = "nginx"
            environment = [{ name = "UPLOADER", value = var.uploader }]
          }])
        }
      `,
      errors: [{ messageId: 'secretValueDefault', line: 11, column: 49 }],
    },
  ],
});
