import rule from '../../rules/ecr/ecr-scan-on-push';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              ImageScanningConfiguration:
                ScanOnPush: true
      `,
    },
    {
      name: 'a registry rule with filter * covers unnamed repositories',
      code: cfnYaml`
        Resources:
          Repo:
            Type: AWS::ECR::Repository
          Scanning:
            Type: AWS::ECR::RegistryScanningConfiguration
            Properties:
              ScanType: ENHANCED
              Rules:
                - ScanFrequency: CONTINUOUS_SCAN
                  RepositoryFilters:
                    - Filter: '*'
                      FilterType: WILDCARD
      `,
    },
    {
      name: 'a registry rule whose wildcard matches the literal name',
      code: cfnYaml`
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              RepositoryName: team-a/api
              ImageScanningConfiguration:
                ScanOnPush: false
          Scanning:
            Type: AWS::ECR::RegistryScanningConfiguration
            Properties:
              ScanType: BASIC
              Rules:
                - ScanFrequency: MANUAL
                  RepositoryFilters: [{ Filter: '*', FilterType: WILDCARD }]
                - ScanFrequency: SCAN_ON_PUSH
                  RepositoryFilters: [{ Filter: 'team-a/*', FilterType: WILDCARD }]
      `,
    },
    {
      name: 'a repository name from a parameter without Default may match the filter',
      code: cfnYaml`
        Parameters:
          Name:
            Type: String
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              RepositoryName: !Ref Name
          Scanning:
            Type: AWS::ECR::RegistryScanningConfiguration
            Properties:
              ScanType: BASIC
              Rules:
                - ScanFrequency: SCAN_ON_PUSH
                  RepositoryFilters: [{ Filter: 'prod-*', FilterType: WILDCARD }]
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Repo": { "Type": "AWS::ECR::Repository", "Properties": { "ImageScanningConfiguration": { "ScanOnPush": "true" } } }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_ecr_repository" "app" {
          name = "app"
          image_scanning_configuration {
            scan_on_push = true
          }
        }
      `,
    },
    {
      name: 'a registry scanning configuration in a sibling file, with two rules and two filters',
      code: tfHcl`
        resource "aws_ecr_repository" "app" {
          name = "payments-api"
        }
      `,
      module: {
        'registry.tf': `resource "aws_ecr_registry_scanning_configuration" "this" {
  scan_type = "ENHANCED"
  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "web-*"
      filter_type = "WILDCARD"
    }
  }
  rule {
    scan_frequency = "SCAN_ON_PUSH"
    repository_filter {
      filter      = "orders-*"
      filter_type = "WILDCARD"
    }
    repository_filter {
      filter      = "payments-*"
      filter_type = "WILDCARD"
    }
  }
}
`,
      },
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_ecr_repository": { "app": { "name": "app", "image_scanning_configuration": { "scan_on_push": true } } }
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_ecr_repository": { "app": { "name": "app" } },
            "aws_ecr_registry_scanning_configuration": {
              "this": {
                "scan_type": "BASIC",
                "rule": [{ "scan_frequency": "SCAN_ON_PUSH", "repository_filter": [{ "filter": "*", "filter_type": "WILDCARD" }] }]
              }
            }
          }
        }
      `,
    },
    {
      name: 'a registry configuration under the condition the repository exists under covers it',
      code: cfnYaml`
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Parameters:
          Env:
            Type: String
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Condition: IsProd
          Scanning:
            Type: AWS::ECR::RegistryScanningConfiguration
            Condition: IsProd
            Properties:
              ScanType: BASIC
              Rules:
                - ScanFrequency: SCAN_ON_PUSH
                  RepositoryFilters: [{ Filter: '*', FilterType: WILDCARD }]
      `,
    },
  ],
  invalid: [
    {
      name: 'missing configuration',
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
              ImageScanningConfiguration:
                ScanOnPush: true
      `,
    },
    {
      name: 'a registry rule that scans manually, or filters another name, does not count',
      code: cfnYaml`
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              RepositoryName: team-b/api
              ImageScanningConfiguration:
                ScanOnPush: "false"
          Scanning:
            Type: AWS::ECR::RegistryScanningConfiguration
            Properties:
              ScanType: BASIC
              Rules:
                - ScanFrequency: MANUAL
                  RepositoryFilters: [{ Filter: '*', FilterType: WILDCARD }]
                - ScanFrequency: SCAN_ON_PUSH
                  RepositoryFilters: [{ Filter: 'team-a/*', FilterType: WILDCARD }]
      `,
      errors: [{ messageId: 'disabled', line: 7, column: 21 }],
      output: cfnYaml`
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              RepositoryName: team-b/api
              ImageScanningConfiguration:
                ScanOnPush: true
          Scanning:
            Type: AWS::ECR::RegistryScanningConfiguration
            Properties:
              ScanType: BASIC
              Rules:
                - ScanFrequency: MANUAL
                  RepositoryFilters: [{ Filter: '*', FilterType: WILDCARD }]
                - ScanFrequency: SCAN_ON_PUSH
                  RepositoryFilters: [{ Filter: 'team-a/*', FilterType: WILDCARD }]
      `,
    },
    {
      name: 'an unnamed repository is covered only by *',
      code: cfnYaml`
        Resources:
          Repo:
            Type: AWS::ECR::Repository
          Scanning:
            Type: AWS::ECR::RegistryScanningConfiguration
            Properties:
              ScanType: BASIC
              Rules:
                - ScanFrequency: SCAN_ON_PUSH
                  RepositoryFilters: [{ Filter: 'app*', FilterType: WILDCARD }]
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
      output: cfnYaml`
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              ImageScanningConfiguration:
                ScanOnPush: true
          Scanning:
            Type: AWS::ECR::RegistryScanningConfiguration
            Properties:
              ScanType: BASIC
              Rules:
                - ScanFrequency: SCAN_ON_PUSH
                  RepositoryFilters: [{ Filter: 'app*', FilterType: WILDCARD }]
      `,
    },
    {
      name: 'a registry configuration under a condition of its own covers only where it holds',
      code: cfnYaml`
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Parameters:
          Env:
            Type: String
        Resources:
          Repo:
            Type: AWS::ECR::Repository
          Scanning:
            Type: AWS::ECR::RegistryScanningConfiguration
            Condition: IsProd
            Properties:
              ScanType: BASIC
              Rules:
                - ScanFrequency: SCAN_ON_PUSH
                  RepositoryFilters: [{ Filter: '*', FilterType: WILDCARD }]
      `,
      errors: [{ messageId: 'missing', line: 7, column: 3, when: 'condition IsProd is false' }],
      output: cfnYaml`
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Parameters:
          Env:
            Type: String
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              ImageScanningConfiguration:
                ScanOnPush: true
          Scanning:
            Type: AWS::ECR::RegistryScanningConfiguration
            Condition: IsProd
            Properties:
              ScanType: BASIC
              Rules:
                - ScanFrequency: SCAN_ON_PUSH
                  RepositoryFilters: [{ Filter: '*', FilterType: WILDCARD }]
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Repo": { "Type": "AWS::ECR::Repository", "Properties": { "ImageScanningConfiguration": { "ScanOnPush": false } } }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 3, column: 109 }],
      output: cfnJson`
        {
          "Resources": {
            "Repo": { "Type": "AWS::ECR::Repository", "Properties": { "ImageScanningConfiguration": { "ScanOnPush": true } } }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_ecr_repository" "app" {
          name                 = "app"
          image_tag_mutability = "IMMUTABLE"
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_ecr_repository" "app" {
          name                 = "app"
          image_tag_mutability = "IMMUTABLE"
          image_scanning_configuration {
            scan_on_push = true
          }
        }
      `,
    },
    {
      name: 'a registry rule for other repositories, in a sibling file',
      code: tfHcl`
        resource "aws_ecr_repository" "app" {
          name = "payments-api"

          image_scanning_configuration {
            scan_on_push = false
          }
        }
      `,
      module: {
        'registry.tf': `resource "aws_ecr_registry_scanning_configuration" "this" {
  scan_type = "ENHANCED"
  rule {
    scan_frequency = "SCAN_ON_PUSH"
    repository_filter {
      filter      = "orders-*"
      filter_type = "WILDCARD"
    }
  }
}
`,
      },
      errors: [{ messageId: 'disabled', line: 5, column: 20 }],
      output: tfHcl`
        resource "aws_ecr_repository" "app" {
          name = "payments-api"

          image_scanning_configuration {
            scan_on_push = true
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_ecr_repository": { "app": { "name": "app", "image_scanning_configuration": [{ "scan_on_push": false }] } }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 3, column: 104 }],
      output: tfJson`
        {
          "resource": {
            "aws_ecr_repository": { "app": { "name": "app", "image_scanning_configuration": [{ "scan_on_push": true }] } }
          }
        }
      `,
    },
  ],
});
