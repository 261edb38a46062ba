import rule from '../../rules/eks/eks-control-plane-logging';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::EKS::Cluster
            Properties:
              Logging:
                ClusterLogging:
                  EnabledTypes:
                    - Type: api
                    - Type: audit
      `,
    },
    {
      name: 'an unresolved type may be audit',
      code: cfnYaml`
        Parameters:
          LogType:
            Type: String
        Resources:
          Cluster:
            Type: AWS::EKS::Cluster
            Properties:
              Logging:
                ClusterLogging:
                  EnabledTypes:
                    - Type: !Ref LogType
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Cluster": {
              "Type": "AWS::EKS::Cluster",
              "Properties": { "Logging": { "ClusterLogging": { "EnabledTypes": [{ "Type": "audit" }] } } }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_eks_cluster" "main" {
          name                      = "main"
          enabled_cluster_log_types = ["api", "audit", "authenticator"]
        }
      `,
    },
    {
      name: 'a variable without default is not judged',
      code: tfHcl`
        variable "log_types" {
          type = list(string)
        }

        resource "aws_eks_cluster" "main" {
          name                      = "main"
          enabled_cluster_log_types = var.log_types
        }
      `,
    },
    {
      code: tfJson`{ "resource": { "aws_eks_cluster": { "main": { "name": "main", "enabled_cluster_log_types": ["audit"] } } } }`,
    },
  ],
  invalid: [
    {
      name: 'no logging: the whole path is added',
      code: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::EKS::Cluster
            Properties:
              RoleArn: !GetAtt ClusterRole.Arn
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
      output: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::EKS::Cluster
            Properties:
              RoleArn: !GetAtt ClusterRole.Arn
              Logging:
                ClusterLogging:
                  EnabledTypes:
                    - Type: audit
      `,
    },
    {
      name: 'other types only',
      code: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::EKS::Cluster
            Properties:
              Logging:
                ClusterLogging:
                  EnabledTypes:
                    - Type: api
                    - Type: authenticator
      `,
      errors: [{ messageId: 'noAudit', line: 8, column: 13 }],
      output: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::EKS::Cluster
            Properties:
              Logging:
                ClusterLogging:
                  EnabledTypes:
                    - Type: api
                    - Type: authenticator
                    - Type: audit
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Cluster": {
              "Type": "AWS::EKS::Cluster",
              "Properties": { "Logging": { "ClusterLogging": { "EnabledTypes": [{ "Type": "api" }] } } }
            }
          }
        }
      `,
      errors: [{ messageId: 'noAudit', line: 5, column: 72 }],
      output: cfnJson`
        {
          "Resources": {
            "Cluster": {
              "Type": "AWS::EKS::Cluster",
              "Properties": { "Logging": { "ClusterLogging": { "EnabledTypes": [{ "Type": "api" }, { "Type": "audit" }] } } }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_eks_cluster" "main" {
          name     = "main"
          role_arn = aws_iam_role.cluster.arn
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_eks_cluster" "main" {
          name                      = "main"
          role_arn                  = aws_iam_role.cluster.arn
          enabled_cluster_log_types = ["audit"]
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_eks_cluster" "main" {
          name                      = "main"
          enabled_cluster_log_types = ["api", "scheduler"]
        }
      `,
      errors: [{ messageId: 'noAudit', line: 3, column: 31 }],
      output: tfHcl`
        resource "aws_eks_cluster" "main" {
          name                      = "main"
          enabled_cluster_log_types = ["api", "scheduler", "audit"]
        }
      `,
    },
    {
      name: 'an empty list',
      code: tfJson`{ "resource": { "aws_eks_cluster": { "main": { "name": "main", "enabled_cluster_log_types": [] } } } }`,
      errors: [{ messageId: 'missing', line: 1, column: 93 }],
      output: tfJson`{ "resource": { "aws_eks_cluster": { "main": { "name": "main", "enabled_cluster_log_types": ["audit"] } } } }`,
    },
  ],
});
