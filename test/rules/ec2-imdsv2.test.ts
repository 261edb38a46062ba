import rule from '../../rules/ec2/ec2-imdsv2';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'required, and an endpoint that is turned off',
      code: cfnYaml`
        Resources:
          Lt:
            Type: AWS::EC2::LaunchTemplate
            Properties:
              LaunchTemplateData:
                ImageId: ami-123
                MetadataOptions:
                  HttpTokens: required
          NoImds:
            Type: AWS::EC2::LaunchTemplate
            Properties:
              LaunchTemplateData:
                MetadataOptions:
                  HttpEndpoint: disabled
      `,
    },
    {
      code: cfnJson`{"Resources":{"Lt":{"Type":"AWS::EC2::LaunchTemplate","Properties":{"LaunchTemplateData":{"MetadataOptions":{"HttpTokens":{"Ref":"Tokens"}}}}}}}`,
    },
    {
      name: 'required; an instance launched from a template; a value from a variable without default',
      code: tfHcl`
        resource "aws_instance" "web" {
          ami           = "ami-123"
          instance_type = "t3.micro"

          metadata_options {
            http_tokens = "required"
          }
        }

        resource "aws_instance" "from_template" {
          launch_template {
            id = aws_launch_template.web.id
          }
        }

        resource "aws_launch_template" "web" {
          metadata_options {
            http_tokens = var.http_tokens
          }
        }
      `,
    },
    {
      name: 'the account default requires tokens, so unset options are fine',
      code: tfHcl`
        resource "aws_instance" "web" {
          ami           = "ami-123"
          instance_type = "t3.micro"
        }
      `,
      module: { 'account.tf': 'resource "aws_ec2_instance_metadata_defaults" "this" {\n  http_tokens = "required"\n}\n' },
    },
    {
      code: tfJson`{"resource":{"aws_launch_template":{"web":{"metadata_options":{"http_tokens":"required","http_endpoint":"enabled"}}}}}`,
    },
    {
      name: 'instances and launch configurations (catalogue v2): required, endpoint off, or options from a launch template',
      code: cfnYaml`
        Resources:
          Web:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-123
              MetadataOptions:
                HttpTokens: required
          FromTemplate:
            Type: AWS::EC2::Instance
            Properties:
              LaunchTemplate:
                LaunchTemplateName: web
                Version: "1"
          Lc:
            Type: AWS::AutoScaling::LaunchConfiguration
            Properties:
              ImageId: ami-123
              InstanceType: t3.micro
              MetadataOptions:
                HttpEndpoint: disabled
      `,
    },
    {
      code: cfnJson`{"Resources":{"Lc":{"Type":"AWS::AutoScaling::LaunchConfiguration","Properties":{"MetadataOptions":{"HttpTokens":"required"}}}}}`,
    },
    {
      code: tfHcl`
        resource "aws_launch_configuration" "web" {
          image_id      = "ami-123"
          instance_type = "t3.micro"

          metadata_options {
            http_tokens = "required"
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'optional tokens',
      code: cfnYaml`
        Resources:
          Lt:
            Type: AWS::EC2::LaunchTemplate
            Properties:
              LaunchTemplateData:
                ImageId: ami-123
                MetadataOptions:
                  HttpEndpoint: enabled
                  HttpTokens: optional
      `,
      errors: [{ messageId: 'optional', line: 9, column: 23 }],
      output: cfnYaml`
        Resources:
          Lt:
            Type: AWS::EC2::LaunchTemplate
            Properties:
              LaunchTemplateData:
                ImageId: ami-123
                MetadataOptions:
                  HttpEndpoint: enabled
                  HttpTokens: required
      `,
    },
    {
      name: 'no MetadataOptions at all',
      code: cfnYaml`
        Resources:
          Lt:
            Type: AWS::EC2::LaunchTemplate
            Properties:
              LaunchTemplateName: web
              LaunchTemplateData:
                ImageId: ami-123
                InstanceType: t3.micro
      `,
      errors: [{ messageId: 'missing', line: 6, column: 7 }],
      output: cfnYaml`
        Resources:
          Lt:
            Type: AWS::EC2::LaunchTemplate
            Properties:
              LaunchTemplateName: web
              LaunchTemplateData:
                ImageId: ami-123
                InstanceType: t3.micro
                MetadataOptions:
                  HttpTokens: required
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Lt": {
              "Type": "AWS::EC2::LaunchTemplate",
              "Properties": {
                "LaunchTemplateData": {
                  "ImageId": "ami-123",
                  "MetadataOptions": { "HttpTokens": "optional" }
                }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'optional', line: 8, column: 46 }],
      output: cfnJson`
        {
          "Resources": {
            "Lt": {
              "Type": "AWS::EC2::LaunchTemplate",
              "Properties": {
                "LaunchTemplateData": {
                  "ImageId": "ami-123",
                  "MetadataOptions": { "HttpTokens": "required" }
                }
              }
            }
          }
        }
      `,
    },
    {
      name: 'an instance without metadata_options',
      code: tfHcl`
        resource "aws_instance" "web" {
          ami           = "ami-123"
          instance_type = "t3.micro"
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_instance" "web" {
          ami           = "ami-123"
          instance_type = "t3.micro"
          metadata_options {
            http_tokens = "required"
          }
        }
      `,
    },
    {
      name: 'optional tokens on a launch template, and metadata_options without http_tokens',
      code: tfHcl`
        resource "aws_launch_template" "web" {
          image_id = "ami-123"

          metadata_options {
            http_endpoint = "enabled"
            http_tokens   = "optional"
          }
        }

        resource "aws_instance" "web" {
          ami = "ami-123"

          metadata_options {
            http_put_response_hop_limit = 2
          }
        }
      `,
      errors: [
        { messageId: 'optional', line: 6, column: 21 },
        { messageId: 'missing', line: 13, column: 3 },
      ],
      output: tfHcl`
        resource "aws_launch_template" "web" {
          image_id = "ami-123"

          metadata_options {
            http_endpoint = "enabled"
            http_tokens   = "required"
          }
        }

        resource "aws_instance" "web" {
          ami = "ami-123"

          metadata_options {
            http_put_response_hop_limit = 2
            http_tokens                 = "required"
          }
        }
      `,
    },
    {
      name: 'the account default does not excuse an explicit optional',
      code: tfHcl`
        resource "aws_instance" "web" {
          ami = "ami-123"
          metadata_options {
            http_tokens = "optional"
          }
        }
      `,
      module: { 'account.tf': 'resource "aws_ec2_instance_metadata_defaults" "this" {\n  http_tokens = "required"\n}\n' },
      errors: [{ messageId: 'optional', line: 4, column: 19 }],
      output: tfHcl`
        resource "aws_instance" "web" {
          ami = "ami-123"
          metadata_options {
            http_tokens = "required"
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_instance": {
              "web": {
                "ami": "ami-123",
                "metadata_options": { "http_tokens": "optional" }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'optional', line: 6, column: 46 }],
      output: tfJson`
        {
          "resource": {
            "aws_instance": {
              "web": {
                "ami": "ami-123",
                "metadata_options": { "http_tokens": "required" }
              }
            }
          }
        }
      `,
    },
    {
      name: 'an instance and a launch configuration (catalogue v2 amendment)',
      code: cfnYaml`
        Resources:
          Web:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-123
          Lc:
            Type: AWS::AutoScaling::LaunchConfiguration
            Properties:
              ImageId: ami-123
              InstanceType: t3.micro
              MetadataOptions:
                HttpTokens: optional
      `,
      errors: [
        { messageId: 'missing', line: 2, column: 3 },
        { messageId: 'optional', line: 12, column: 21 },
      ],
      output: cfnYaml`
        Resources:
          Web:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-123
              MetadataOptions:
                HttpTokens: required
          Lc:
            Type: AWS::AutoScaling::LaunchConfiguration
            Properties:
              ImageId: ami-123
              InstanceType: t3.micro
              MetadataOptions:
                HttpTokens: required
      `,
    },
    {
      name: 'an instance with its own options overrides its launch template',
      code: cfnJson`{"Resources":{"Web":{"Type":"AWS::EC2::Instance","Properties":{"LaunchTemplate":{"LaunchTemplateId":"lt-123","Version":"1"},"MetadataOptions":{"HttpTokens":"optional"}}}}}`,
      errors: [{ messageId: 'optional', line: 1, column: 157 }],
      output: cfnJson`{"Resources":{"Web":{"Type":"AWS::EC2::Instance","Properties":{"LaunchTemplate":{"LaunchTemplateId":"lt-123","Version":"1"},"MetadataOptions":{"HttpTokens":"required"}}}}}`,
    },
    {
      name: 'a launch configuration without metadata_options',
      code: tfHcl`
        resource "aws_launch_configuration" "web" {
          image_id      = "ami-123"
          instance_type = "t3.micro"
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_launch_configuration" "web" {
          image_id      = "ami-123"
          instance_type = "t3.micro"
          metadata_options {
            http_tokens = "required"
          }
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_launch_configuration":{"web":{"metadata_options":{"http_tokens":"optional"}}}}}`,
      errors: [{ messageId: 'optional', line: 1, column: 83 }],
      output: tfJson`{"resource":{"aws_launch_configuration":{"web":{"metadata_options":{"http_tokens":"required"}}}}}`,
    },
    {
      name: 'an instance with metadata_options of its own is judged even with a launch template',
      code: tfHcl`
        resource "aws_instance" "web" {
          launch_template {
            id = aws_launch_template.web.id
          }

          metadata_options {
            http_put_response_hop_limit = 2
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 6, column: 3 }],
      output: tfHcl`
        resource "aws_instance" "web" {
          launch_template {
            id = aws_launch_template.web.id
          }

          metadata_options {
            http_put_response_hop_limit = 2
            http_tokens                 = "required"
          }
        }
      `,
    },
  ],
});
