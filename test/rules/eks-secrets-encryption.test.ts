import rule from '../../rules/eks/eks-secrets-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::EKS::Cluster
            Properties:
              RoleArn: !GetAtt ClusterRole.Arn
              ResourcesVpcConfig: { SubnetIds: [subnet-1, subnet-2] }
              EncryptionConfig:
                - Resources: [secrets]
                  Provider:
                    KeyArn: !GetAtt Key.Arn
      `,
    },
    {
      name: 'an unresolved resources list is not judged',
      code: cfnYaml`
        Parameters:
          Encrypted:
            Type: CommaDelimitedList
        Resources:
          Cluster:
            Type: AWS::EKS::Cluster
            Properties:
              EncryptionConfig:
                - Resources: !Ref Encrypted
                  Provider: { KeyArn: !GetAtt Key.Arn }
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Cluster": {
              "Type": "AWS::EKS::Cluster",
              "Properties": { "EncryptionConfig": [{ "Resources": ["secrets"], "Provider": { "KeyArn": "arn:aws:kms:eu-west-1:111122223333:key/abc" } }] }
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

          encryption_config {
            resources = ["secrets"]
            provider {
              key_arn = aws_kms_key.eks.arn
            }
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_eks_cluster": {
              "main": { "name": "main", "encryption_config": { "resources": ["secrets"], "provider": { "key_arn": "\${aws_kms_key.eks.arn}" } } }
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
          Cluster:
            Type: AWS::EKS::Cluster
            Properties:
              RoleArn: !GetAtt ClusterRole.Arn
              ResourcesVpcConfig: { SubnetIds: [subnet-1, subnet-2] }
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
    },
    {
      name: 'an encryption config without secrets',
      code: cfnJson`
        {
          "Resources": {
            "Cluster": {
              "Type": "AWS::EKS::Cluster",
              "Properties": { "EncryptionConfig": [{ "Resources": ["configmaps"], "Provider": { "KeyArn": "arn:aws:kms:eu-west-1:111122223333:key/abc" } }] }
            }
          }
        }
      `,
      errors: [{ messageId: 'notSecrets', line: 5, column: 43 }],
    },
    {
      code: tfHcl`
        resource "aws_eks_cluster" "main" {
          name     = "main"
          role_arn = aws_iam_role.cluster.arn
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
    },
    {
      name: 'resources without secrets',
      code: tfHcl`
        resource "aws_eks_cluster" "main" {
          name = "main"

          encryption_config {
            resources = ["s"]
            provider {
              key_arn = "test"
            }
          }
        }
      `,
      errors: [{ messageId: 'notSecrets', line: 4, column: 22 }],
    },
    {
      code: tfJson`{ "resource": { "aws_eks_cluster": { "main": { "name": "main" } } } }`,
      errors: [{ messageId: 'missing', line: 1, column: 38 }],
    },
  ],
});
