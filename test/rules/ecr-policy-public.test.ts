import rule from '../../rules/ecr/ecr-policy-public';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'pull access for named accounts; a public repository type is not judged',
      code: cfnYaml`
        Resources:
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              RepositoryPolicyText:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: { AWS: ["arn:aws:iam::123456789012:root", "111122223333"] }
                    Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]
          Public:
            Type: AWS::ECR::PublicRepository
            Properties:
              RepositoryPolicyText:
                Statement:
                  - Effect: Allow
                    Principal: "*"
                    Action: ecr-public:BatchCheckLayerAvailability
      `,
    },
    {
      name: 'everyone in the organisation',
      code: cfnJson`
        {
          "Resources": {
            "Repo": {
              "Type": "AWS::ECR::Repository",
              "Properties": {
                "RepositoryPolicyText": {
                  "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage",
                    "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-abc123" } } }]
                }
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_ecr_repository_policy" "app" {
          repository = aws_ecr_repository.app.name
          policy = jsonencode({
            Statement = [{
              Effect    = "Allow"
              Principal = { AWS = "arn:aws:iam::123456789012:root" }
              Action    = ["ecr:BatchGetImage"]
            }]
          })
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_ecr_repository_policy": {
              "app": { "repository": "app", "policy": "\${file(\\"policy.json\\")}" }
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
          Repo:
            Type: AWS::ECR::Repository
            Properties:
              RepositoryPolicyText:
                Version: "2012-10-17"
                Statement:
                  - Sid: AllowPull
                    Effect: Allow
                    Principal: { AWS: "*" }
                    Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]
      `,
      errors: [{ messageId: 'public', line: 6, column: 9 }],
    },
    {
      name: 'the policy as JSON text',
      code: cfnJson`
        {
          "Resources": {
            "Repo": {
              "Type": "AWS::ECR::Repository",
              "Properties": {
                "RepositoryPolicyText": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"ecr:*\\"}]}"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 6, column: 33 }],
    },
    {
      name: 'heredoc, and a data source with not_principals',
      code: tfHcl`
        resource "aws_ecr_repository_policy" "heredoc" {
          repository = "app"
          policy     = <<-EOT
            {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}]}
          EOT
        }

        data "aws_iam_policy_document" "all_but_one" {
          statement {
            actions = ["ecr:BatchGetImage"]
            not_principals {
              type        = "AWS"
              identifiers = ["arn:aws:iam::123456789012:root"]
            }
          }
        }

        resource "aws_ecr_repository_policy" "from_data" {
          repository = "app"
          policy     = data.aws_iam_policy_document.all_but_one.json
        }
      `,
      errors: [
        { messageId: 'public', line: 3, column: 16 },
        { messageId: 'public', line: 20, column: 16 },
      ],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_ecr_repository_policy": {
              "app": {
                "repository": "app",
                "policy": "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":{\\"AWS\\":[\\"*\\"]},\\"Action\\":\\"ecr:BatchGetImage\\"}]}"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 6, column: 19 }],
    },
  ],
});
