import rule from '../../rules/ec2/ec2-public-ip';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'false, missing (the subnet decides), and a parameter without Default',
      code: cfnYaml`
        Parameters:
          Public:
            Type: String
        Resources:
          Instance:
            Type: AWS::EC2::Instance
            Properties:
              NetworkInterfaces:
                - DeviceIndex: "0"
                  AssociatePublicIpAddress: false
                - DeviceIndex: "1"
          Template:
            Type: AWS::EC2::LaunchTemplate
            Properties:
              LaunchTemplateData:
                NetworkInterfaces:
                  - DeviceIndex: 0
                    AssociatePublicIpAddress: !Ref Public
          Config:
            Type: AWS::AutoScaling::LaunchConfiguration
            Properties:
              ImageId: ami-1
              InstanceType: t3.micro
      `,
    },
    { code: cfnJson`{"Resources":{"C":{"Type":"AWS::AutoScaling::LaunchConfiguration","Properties":{"AssociatePublicIpAddress":false}}}}` },
    {
      code: tfHcl`
        resource "aws_instance" "unset" {
          ami = "ami-1"
        }

        resource "aws_instance" "private" {
          ami                         = "ami-1"
          associate_public_ip_address = false
        }

        resource "aws_launch_template" "t" {
          network_interfaces {
            associate_public_ip_address = "false"
          }
        }
      `,
    },
    { code: tfJson`{"resource":{"aws_launch_configuration":{"c":{"image_id":"ami-1","associate_public_ip_address":"\${var.public}"}}}}` },
  ],
  invalid: [
    {
      name: 'an instance interface, a launch template interface and a launch configuration',
      code: cfnYaml`
        Resources:
          Instance:
            Type: AWS::EC2::Instance
            Properties:
              NetworkInterfaces:
                - DeviceIndex: "0"
                  AssociatePublicIpAddress: true
          Template:
            Type: AWS::EC2::LaunchTemplate
            Properties:
              LaunchTemplateData:
                NetworkInterfaces:
                  - DeviceIndex: 0
                  - DeviceIndex: 1
                    AssociatePublicIpAddress: "true"
          Config:
            Type: AWS::AutoScaling::LaunchConfiguration
            Properties:
              ImageId: ami-1
              AssociatePublicIpAddress: true
      `,
      errors: [
        { messageId: 'public', line: 7, column: 37 },
        { messageId: 'public', line: 15, column: 39 },
        { messageId: 'public', line: 20, column: 33 },
      ],
      output: cfnYaml`
        Resources:
          Instance:
            Type: AWS::EC2::Instance
            Properties:
              NetworkInterfaces:
                - DeviceIndex: "0"
                  AssociatePublicIpAddress: false
          Template:
            Type: AWS::EC2::LaunchTemplate
            Properties:
              LaunchTemplateData:
                NetworkInterfaces:
                  - DeviceIndex: 0
                  - DeviceIndex: 1
                    AssociatePublicIpAddress: false
          Config:
            Type: AWS::AutoScaling::LaunchConfiguration
            Properties:
              ImageId: ami-1
              AssociatePublicIpAddress: false
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Instance": {
              "Type": "AWS::EC2::Instance",
              "Properties": { "NetworkInterfaces": [{ "DeviceIndex": "0", "AssociatePublicIpAddress": true }] }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 5 }],
      output: cfnJson`
        {
          "Resources": {
            "Instance": {
              "Type": "AWS::EC2::Instance",
              "Properties": { "NetworkInterfaces": [{ "DeviceIndex": "0", "AssociatePublicIpAddress": false }] }
            }
          }
        }
      `,
    },
    {
      name: 'an instance, a launch template (string attribute) and a launch configuration',
      code: tfHcl`
        resource "aws_instance" "web" {
          ami                         = "ami-1"
          associate_public_ip_address = true
        }

        resource "aws_launch_template" "t" {
          network_interfaces {
            associate_public_ip_address = "true"
          }
        }

        resource "aws_launch_configuration" "c" {
          image_id                    = "ami-1"
          associate_public_ip_address = true
        }
      `,
      errors: [
        { messageId: 'public', line: 3, column: 33 },
        { messageId: 'public', line: 8, column: 35 },
        { messageId: 'public', line: 14, column: 33 },
      ],
      output: tfHcl`
        resource "aws_instance" "web" {
          ami                         = "ami-1"
          associate_public_ip_address = false
        }

        resource "aws_launch_template" "t" {
          network_interfaces {
            associate_public_ip_address = "false"
          }
        }

        resource "aws_launch_configuration" "c" {
          image_id                    = "ami-1"
          associate_public_ip_address = false
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_launch_template":{"t":{"network_interfaces":[{"device_index":0},{"associate_public_ip_address":"true"}]}}}}`,
      errors: [{ messageId: 'public', line: 1 }],
      output: tfJson`{"resource":{"aws_launch_template":{"t":{"network_interfaces":[{"device_index":0},{"associate_public_ip_address":"false"}]}}}}`,
    },
  ],
});
