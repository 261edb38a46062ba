import rule from '../../rules/eks/eks-public-endpoint';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'private endpoint, public with a narrow range, and ranges from a parameter without Default',
      code: cfnYaml`
        Parameters:
          Ranges:
            Type: CommaDelimitedList
        Resources:
          Private:
            Type: AWS::EKS::Cluster
            Properties:
              ResourcesVpcConfig:
                EndpointPublicAccess: false
                EndpointPrivateAccess: true
          Narrow:
            Type: AWS::EKS::Cluster
            Properties:
              ResourcesVpcConfig:
                PublicAccessCidrs: [203.0.113.0/24]
          Chosen:
            Type: AWS::EKS::Cluster
            Properties:
              ResourcesVpcConfig:
                EndpointPublicAccess: true
                PublicAccessCidrs: !Ref Ranges
      `,
    },
    { code: cfnJson`{"Resources":{"C":{"Type":"AWS::EKS::Cluster","Properties":{"ResourcesVpcConfig":{"EndpointPublicAccess":"false"}}}}}` },
    {
      code: tfHcl`
        resource "aws_eks_cluster" "private" {
          name = "a"
          vpc_config {
            endpoint_public_access  = false
            endpoint_private_access = true
          }
        }

        resource "aws_eks_cluster" "narrow" {
          name = "b"
          vpc_config {
            public_access_cidrs = ["203.0.113.0/24", var.office_cidr]
          }
        }
      `,
    },
    { code: tfJson`{"resource":{"aws_eks_cluster":{"c":{"vpc_config":{"endpoint_public_access":"\${var.public}"}}}}}` },
  ],
  invalid: [
    {
      name: 'no ranges (default 0.0.0.0/0), and a world range beside a narrow one',
      code: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::EKS::Cluster
            Properties:
              RoleArn: arn:aws:iam::123456789012:role/eks
              ResourcesVpcConfig:
                SubnetIds: [subnet-1]
          Open:
            Type: AWS::EKS::Cluster
            Properties:
              ResourcesVpcConfig:
                EndpointPublicAccess: true
                PublicAccessCidrs: [10.0.0.0/8, 0.0.0.0/0]
      `,
      errors: [
        { messageId: 'noCidrs', line: 6, column: 7 },
        { messageId: 'worldCidr', line: 13, column: 41 },
      ],
      output: cfnYaml`
        Parameters:
          AllowedEksApiCidr:
            Type: String
            Description: Source CIDR allowed to reach the public EKS API endpoint
        Resources:
          Cluster:
            Type: AWS::EKS::Cluster
            Properties:
              RoleArn: arn:aws:iam::123456789012:role/eks
              ResourcesVpcConfig:
                SubnetIds: [subnet-1]
                PublicAccessCidrs:
                  - !Ref AllowedEksApiCidr
          Open:
            Type: AWS::EKS::Cluster
            Properties:
              ResourcesVpcConfig:
                EndpointPublicAccess: true
                PublicAccessCidrs: [10.0.0.0/8, !Ref AllowedEksApiCidr]
      `,
    },
    {
      name: "a world range that is a parameter's default: reported, no fix (the default is the user's)",
      code: cfnYaml`
        Parameters:
          Range:
            Type: String
            Default: 0.0.0.0/0
        Resources:
          Cluster:
            Type: AWS::EKS::Cluster
            Properties:
              ResourcesVpcConfig:
                PublicAccessCidrs: [!Ref Range]
      `,
      errors: [{ messageId: 'worldCidr', line: 10 }],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Cluster": {
              "Type": "AWS::EKS::Cluster",
              "Properties": { "ResourcesVpcConfig": { "EndpointPublicAccess": true, "PublicAccessCidrs": ["0.0.0.0/0"] } }
            }
          }
        }
      `,
      errors: [{ messageId: 'worldCidr', line: 5 }],
      output: cfnJson`
        {
          "Parameters": {
            "AllowedEksApiCidr": {
              "Type": "String",
              "Description": "Source CIDR allowed to reach the public EKS API endpoint"
            }
          },
          "Resources": {
            "Cluster": {
              "Type": "AWS::EKS::Cluster",
              "Properties": { "ResourcesVpcConfig": { "EndpointPublicAccess": true, "PublicAccessCidrs": [{ "Ref": "AllowedEksApiCidr" }] } }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_eks_cluster" "a" {
          name = "a"
          vpc_config {
            subnet_ids = ["subnet-1"]
          }
        }

        resource "aws_eks_cluster" "b" {
          name = "b"
          vpc_config {
            endpoint_public_access = true
            public_access_cidrs    = ["0.0.0.0/0"]
          }
        }
      `,
      errors: [
        { messageId: 'noCidrs', line: 3, column: 3 },
        { messageId: 'worldCidr', line: 12, column: 31 },
      ],
      output: tfHcl`
        resource "aws_eks_cluster" "a" {
          name = "a"
          vpc_config {
            subnet_ids          = ["subnet-1"]
            public_access_cidrs = [var.allowed_eks_api_cidr]
          }
        }

        resource "aws_eks_cluster" "b" {
          name = "b"
          vpc_config {
            endpoint_public_access = true
            public_access_cidrs    = [var.allowed_eks_api_cidr]
          }
        }

        variable "allowed_eks_api_cidr" {
          type        = string
          description = "Source CIDR allowed to reach the public EKS API endpoint"
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_eks_cluster":{"c":{"vpc_config":{"endpoint_public_access":true,"public_access_cidrs":["::/0"]}}}}}`,
      errors: [{ messageId: 'worldCidr', line: 1 }],
      output: tfJson`{"resource":{"aws_eks_cluster":{"c":{"vpc_config":{"endpoint_public_access":true,"public_access_cidrs":["\${var.allowed_eks_api_cidr}"]}}}},"variable":{"allowed_eks_api_cidr":{"type":"string","description":"Source CIDR allowed to reach the public EKS API endpoint"}}}`,
    },
  ],
});
