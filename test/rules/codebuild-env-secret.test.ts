import rule from '../../rules/codebuild/codebuild-env-secret';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'secret types, names of secrets and non-secret names',
      code: cfnYaml`
        Resources:
          Build:
            Type: AWS::CodeBuild::Project
            Properties:
              ServiceRole: arn:aws:iam::123456789012:role/build
              Artifacts: { Type: NO_ARTIFACTS }
              Source: { Type: GITHUB, Location: https://github.com/o/r }
              Environment:
                Type: LINUX_CONTAINER
                ComputeType: BUILD_GENERAL1_SMALL
                Image: aws/codebuild/standard:7.0
                EnvironmentVariables:
                  - Name: DOCKERHUB_PASSWORD
                    Type: SECRETS_MANAGER
                    Value: dockerhub:password
                  - Name: NPM_TOKEN
                    Type: PARAMETER_STORE
                    Value: /ci/npm-token
                  - Name: SECRET_NAME
                    Value: dockerhub
                  - Name: STAGE
                    Type: PLAINTEXT
                    Value: prod
      `,
    },
    cfnJson`
      {
        "Parameters": { "SonarToken": { "Type": "String", "NoEcho": true } },
        "Resources": {
          "Build": {
            "Type": "AWS::CodeBuild::Project",
            "Properties": {
              "ServiceRole": "r",
              "Artifacts": { "Type": "NO_ARTIFACTS" },
              "Source": { "Type": "NO_SOURCE", "BuildSpec": "version: 0.2" },
              "Environment": {
                "Type": "LINUX_CONTAINER", "ComputeType": "BUILD_GENERAL1_SMALL", "Image": "aws/codebuild/standard:7.0",
                "EnvironmentVariables": [{ "Name": "SONAR_TOKEN", "Value": { "Ref": "SonarToken" } }]
              }
            }
          }
        }
      }
    `,
    {
      name: 'a secret type, and a reference',
      code: tfHcl`
        resource "aws_codebuild_project" "build" {
          name         = "build"
          service_role = aws_iam_role.build.arn

          artifacts {
            type = "NO_ARTIFACTS"
          }

          environment {
            compute_type = "BUILD_GENERAL1_SMALL"
            image        = "aws/codebuild/standard:7.0"
            type         = "LINUX_CONTAINER"

            environment_variable {
              name  = "GITHUB_TOKEN"
              value = "ci/github:token"
              type  = "SECRETS_MANAGER"
            }

            environment_variable {
              name  = "DB_PASSWORD"
              value = random_password.db.result
            }
          }

          source {
            type = "NO_SOURCE"
          }
        }
      `,
    },
    tfJson`{"resource":{"aws_codebuild_project":{"b":{"name":"b","service_role":"r","environment":{"compute_type":"BUILD_GENERAL1_SMALL","image":"i","type":"LINUX_CONTAINER","environment_variable":[{"name":"API_KEY","value":"/ci/api-key","type":"PARAMETER_STORE"},{"name":"REGION","value":"eu-west-1"}]}}}}}`,
  ],
  invalid: [
    {
      name: 'missing Type means PLAINTEXT; an access key id under any name',
      code: cfnYaml`
        Resources:
          Build:
            Type: AWS::CodeBuild::Project
            Properties:
              ServiceRole: arn:aws:iam::123456789012:role/build
              Artifacts: { Type: NO_ARTIFACTS }
              Source: { Type: GITHUB, Location: https://github.com/o/r }
              Environment:
                Type: LINUX_CONTAINER
                ComputeType: BUILD_GENERAL1_SMALL
                Image: aws/codebuild/standard:7.0
                EnvironmentVariables:
                  - Name: DOCKERHUB_PASSWORD
                    Value: hunter2hunter2
                  - Name: UPLOAD_ID
                    Type: PLAINTEXT
                    Value: AKIAIOSFODNN7EXAMPLE
      `,
      errors: [
        { messageId: 'literal', line: 14, column: 20 },
        { messageId: 'secretValue', line: 17, column: 20 },
      ],
    },
    {
      name: 'a NoEcho parameter default (clarification 1)',
      code: cfnJson`
        {
          "Parameters": { "SonarToken": { "Type": "String", "NoEcho": true, "Default": "squ_0123456789" } },
          "Resources": {
            "Build": {
              "Type": "AWS::CodeBuild::Project",
              "Properties": {
                "ServiceRole": "r",
                "Artifacts": { "Type": "NO_ARTIFACTS" },
                "Source": { "Type": "NO_SOURCE", "BuildSpec": "version: 0.2" },
                "Environment": {
                  "Type": "LINUX_CONTAINER", "ComputeType": "BUILD_GENERAL1_SMALL", "Image": "aws/codebuild/standard:7.0",
                  "EnvironmentVariables": [{ "Name": "SONAR_TOKEN", "Value": { "Ref": "SonarToken" } }]
                }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'literalDefault', line: 12 }],
    },
    {
      name: 'PLAINTEXT written out, and a sensitive variable default',
      code: tfHcl`
        variable "npm_token" {
          type      = string
          sensitive = true
          default   = "npm_0123456789abcdef"
        }

        resource "aws_codebuild_project" "build" {
          name         = "build"
          service_role = aws_iam_role.build.arn

          artifacts {
            type = "NO_ARTIFACTS"
          }

          environment {
            compute_type = "BUILD_GENERAL1_SMALL"
            image        = "aws/codebuild/standard:7.0"
            type         = "LINUX_CONTAINER"

            environment_variable {
              name  = "GITHUB_TOKEN"
              value = "ghp_0123456789abcdef"
              type  = "PLAINTEXT"
            }

            environment_variable {
              name  = "NPM_TOKEN"
              value = var.npm_token
            }
          }

          source {
            type = "NO_SOURCE"
          }
        }
      `,
      errors: [
        { messageId: 'literal', line: 22, column: 15 },
        { messageId: 'literalDefault', line: 28, column: 15 },
      ],
    },
    {
      code: tfJson`{"resource":{"aws_codebuild_project":{"b":{"name":"b","service_role":"r","environment":{"compute_type":"BUILD_GENERAL1_SMALL","image":"i","type":"LINUX_CONTAINER","environment_variable":[{"name":"apiKey","value":"k-123"}]}}}}}`,
      errors: [{ messageId: 'literal', line: 1 }],
    },
    {
      name: 'an access key id in a parameter default, under a name that is not secret-like (clarification 1)',
      code: cfnYaml`
        Parameters:
          UploadKey:
            Type: String
            NoEcho: true
            Default: AKIAIOSFODNN7EXAMPLE
        Resources:
          Build:
            Type: AWS::CodeBuild::Project
            Properties:
              ServiceRole: arn:aws:iam::123456789012:role/build
              Artifacts: { Type: NO_ARTIFACTS }
              Source: { Type: NO_SOURCE, BuildSpec: "version: 0.2" }
              Environment:
                Type: LINUX_CONTAINER
                ComputeType: BUILD_GENERAL1_SMALL
                Image: aws/codebuild/standard:7.0
                EnvironmentVariables:
                  - Name: UPLOAD_ID
                    Value: !Ref UploadKey
      `,
      errors: [{ messageId: 'secretValueDefault', line: 19, column: 20 }],
    },
    {
      name: 'a private key in a variable default, interpolated',
      code: tfHcl`
        variable "deploy_key" {
          type    = string
          default = "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA\\n-----END OPENSSH PRIVATE KEY-----"
        }

        resource "aws_codebuild_project" "build" {
          name         = "build"
          service_role = aws_iam_role.build.arn

          artifacts {
            type = "NO_ARTIFACTS"
          }

          environment {
            compute_type = "BUILD_GENERAL1_SMALL"
            image        = "aws/codebuild/standard:7.0"
            type         = "LINUX_CONTAINER"

            environment_variable {
              name  = "DEPLOY"
              value = "key=\${var.deploy_key}"
              type  = "PLAINTEXT"
            }
          }

          source {
            type = "NO_SOURCE"
          }
        }
      `,
      errors: [{ messageId: 'secretValueDefault', line: 21, column: 15 }],
    },
  ],
});
