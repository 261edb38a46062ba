import rule from '../../rules/ecr/ecr-tag-immutability';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              ImageTagMutability: IMMUTABLE
      `,
    },
    {
      name: 'immutable with named mutable tags',
      code: cfnYaml`
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              ImageTagMutability: IMMUTABLE_WITH_EXCLUSION
              ImageTagMutabilityExclusionFilters:
                - ImageTagMutabilityExclusionFilterType: WILDCARD
                  ImageTagMutabilityExclusionFilterValue: latest
      `,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          Mutability:
            Type: String
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              ImageTagMutability: !Ref Mutability
      `,
    },
    {
      code: cfnJson`{ "Resources": { "Repo": { "Type": "AWS::ECR::Repository", "Properties": { "ImageTagMutability": "IMMUTABLE" } } } }`,
    },
    {
      code: tfHcl`
        resource "aws_ecr_repository" "app" {
          name                 = "app"
          image_tag_mutability = "IMMUTABLE"
        }
      `,
    },
    {
      name: 'a variable without default is not judged',
      code: tfHcl`
        variable "mutability" {
          type = string
        }

        resource "aws_ecr_repository" "app" {
          name                 = "app"
          image_tag_mutability = var.mutability
        }
      `,
    },
    {
      code: tfJson`{ "resource": { "aws_ecr_repository": { "app": { "name": "app", "image_tag_mutability": "IMMUTABLE" } } } }`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              ImageTagMutability: "MUTABLE"
              RepositoryName: app
      `,
      errors: [{ messageId: 'mutable', line: 5, column: 27 }],
      output: cfnYaml`
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              ImageTagMutability: "IMMUTABLE"
              RepositoryName: app
      `,
    },
    {
      name: 'missing means MUTABLE',
      code: cfnYaml`
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              RepositoryName: app
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
      output: cfnYaml`
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              RepositoryName: app
              ImageTagMutability: IMMUTABLE
      `,
    },
    {
      name: 'mutable with exclusions: the filters go with the value',
      code: cfnYaml`
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              RepositoryName: app
              ImageTagMutability: MUTABLE_WITH_EXCLUSION
              ImageTagMutabilityExclusionFilters:
                - ImageTagMutabilityExclusionFilterType: WILDCARD
                  ImageTagMutabilityExclusionFilterValue: release-*
              EmptyOnDelete: false
      `,
      errors: [{ messageId: 'mutable', line: 6, column: 27 }],
      output: cfnYaml`
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              RepositoryName: app
              ImageTagMutability: IMMUTABLE
              EmptyOnDelete: false
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Repo": { "Type": "AWS::ECR::Repository", "Properties": { "RepositoryName": "app" } }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 3, column: 5 }],
      output: cfnJson`
        {
          "Resources": {
            "Repo": { "Type": "AWS::ECR::Repository", "Properties": { "RepositoryName": "app", "ImageTagMutability": "IMMUTABLE" } }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_ecr_repository" "app" {
          name                 = "app"
          image_tag_mutability = "MUTABLE"
        }
      `,
      errors: [{ messageId: 'mutable', line: 3, column: 26 }],
      output: tfHcl`
        resource "aws_ecr_repository" "app" {
          name                 = "app"
          image_tag_mutability = "IMMUTABLE"
        }
      `,
    },
    {
      name: 'missing',
      code: tfHcl`
        resource "aws_ecr_repository" "app" {
          name = "app"

          image_scanning_configuration {
            scan_on_push = true
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_ecr_repository" "app" {
          name = "app"

          image_scanning_configuration {
            scan_on_push = true
          }
          image_tag_mutability = "IMMUTABLE"
        }
      `,
    },
    {
      name: 'provider 6.x exclusions: one block is removed with the value',
      code: tfHcl`
        resource "aws_ecr_repository" "app" {
          name                 = "app"
          image_tag_mutability = "MUTABLE_WITH_EXCLUSION"

          image_tag_mutability_exclusion_filter {
            filter      = "release-*"
            filter_type = "WILDCARD"
          }
        }
      `,
      errors: [{ messageId: 'mutable', line: 3, column: 26 }],
      output: tfHcl`
        resource "aws_ecr_repository" "app" {
          name                 = "app"
          image_tag_mutability = "IMMUTABLE"
        }
      `,
    },
    {
      name: 'several exclusion blocks: reported without a fix',
      code: tfHcl`
        resource "aws_ecr_repository" "app" {
          name                 = "app"
          image_tag_mutability = "MUTABLE_WITH_EXCLUSION"

          image_tag_mutability_exclusion_filter {
            filter      = "release-*"
            filter_type = "WILDCARD"
          }
          image_tag_mutability_exclusion_filter {
            filter      = "v*"
            filter_type = "WILDCARD"
          }
        }
      `,
      errors: [{ messageId: 'mutable', line: 3, column: 26 }],
    },
    {
      code: tfJson`{ "resource": { "aws_ecr_repository": { "app": { "name": "app", "image_tag_mutability": "MUTABLE" } } } }`,
      errors: [{ messageId: 'mutable', line: 1, column: 89 }],
      output: tfJson`{ "resource": { "aws_ecr_repository": { "app": { "name": "app", "image_tag_mutability": "IMMUTABLE" } } } }`,
    },
  ],
});
