import rule from '../../rules/codebuild/codebuild-privileged';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'PrivilegedMode missing (default false)',
      code: cfnYaml`
        Resources:
          Project:
            Type: AWS::CodeBuild::Project
            Properties:
              Environment:
                Type: LINUX_CONTAINER
                ComputeType: BUILD_GENERAL1_SMALL
                Image: aws/codebuild/standard:7.0
      `,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          Privileged:
            Type: String
        Resources:
          Project:
            Type: AWS::CodeBuild::Project
            Properties:
              Environment:
                PrivilegedMode: !Ref Privileged
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Project": {
              "Type": "AWS::CodeBuild::Project",
              "Properties": { "Environment": { "Image": "aws/codebuild/standard:7.0", "PrivilegedMode": false } }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_codebuild_project" "build" {
          name = "build"
          environment {
            compute_type    = "BUILD_GENERAL1_SMALL"
            image           = "aws/codebuild/standard:7.0"
            type            = "LINUX_CONTAINER"
            privileged_mode = false
          }
        }
      `,
    },
    {
      name: 'privileged_mode missing',
      code: tfHcl`
        resource "aws_codebuild_project" "build" {
          name = "build"
          environment {
            image = "aws/codebuild/standard:7.0"
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_codebuild_project": {
              "build": { "name": "build", "environment": { "image": "aws/codebuild/standard:7.0" } }
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
          Project:
            Type: AWS::CodeBuild::Project
            Properties:
              Environment:
                Image: aws/codebuild/standard:7.0
                PrivilegedMode: true
      `,
      errors: [{ messageId: 'privileged', line: 7, column: 25 }],
    },
    {
      name: 'the string "true", from a parameter default',
      code: cfnYaml`
        Parameters:
          Privileged:
            Type: String
            Default: 'true'
        Resources:
          Project:
            Type: AWS::CodeBuild::Project
            Properties:
              Environment:
                PrivilegedMode: !Ref Privileged
      `,
      errors: [{ messageId: 'privileged', line: 10, column: 25 }],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Project": {
              "Type": "AWS::CodeBuild::Project",
              "Properties": { "Environment": { "Image": "aws/codebuild/standard:7.0", "PrivilegedMode": true } }
            }
          }
        }
      `,
      errors: [{ messageId: 'privileged', line: 5, column: 97 }],
    },
    {
      code: tfHcl`
        resource "aws_codebuild_project" "build" {
          name = "build"
          environment {
            image           = "aws/codebuild/standard:7.0"
            privileged_mode = true
          }
        }
      `,
      errors: [{ messageId: 'privileged', line: 5, column: 23 }],
    },
    {
      name: 'a variable whose default is true',
      code: tfHcl`
        variable "privileged" {
          default = true
        }

        resource "aws_codebuild_project" "build" {
          name = "build"
          environment {
            privileged_mode = var.privileged
          }
        }
      `,
      errors: [{ messageId: 'privileged', line: 8, column: 23 }],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_codebuild_project": {
              "build": { "name": "build", "environment": [{ "image": "aws/codebuild/standard:7.0", "privileged_mode": true }] }
            }
          }
        }
      `,
      errors: [{ messageId: 'privileged', line: 4, column: 111 }],
    },
  ],
});
