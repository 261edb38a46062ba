import rule from '../../rules/ec2/ebs-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

const byDefault = `
resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}
`;

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Vol:
            Type: AWS::EC2::Volume
            Properties:
              Size: 10
              Encrypted: true
      `,
    },
    {
      name: 'every block device mapping of an instance is encrypted',
      code: cfnYaml`
        Resources:
          Web:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-12345678
              BlockDeviceMappings:
                - DeviceName: /dev/xvda
                  Ebs: { VolumeSize: 20, Encrypted: true }
                - DeviceName: /dev/xvdb
                  Ebs:
                    VolumeSize: 50
                    Encrypted: 'true'
      `,
    },
    {
      name: 'a mapping without Ebs (instance store) has nothing to encrypt',
      code: cfnYaml`
        Resources:
          Web:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-12345678
              BlockDeviceMappings:
                - DeviceName: /dev/sdb
                  VirtualName: ephemeral0
      `,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          EncryptVolumes:
            Type: String
        Resources:
          Vol:
            Type: AWS::EC2::Volume
            Properties:
              Size: 10
              Encrypted: !Ref EncryptVolumes
      `,
    },
    {
      name: 'a parameter whose Default is true',
      code: cfnYaml`
        Parameters:
          EncryptVolumes:
            Type: String
            Default: 'true'
        Resources:
          Vol:
            Type: AWS::EC2::Volume
            Properties:
              Size: 10
              Encrypted: !Ref EncryptVolumes
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Template": {
              "Type": "AWS::EC2::LaunchTemplate",
              "Properties": {
                "LaunchTemplateData": {
                  "BlockDeviceMappings": [
                    { "DeviceName": "/dev/xvda", "Ebs": { "VolumeSize": 20, "Encrypted": true } }
                  ]
                }
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_ebs_volume" "data" {
          availability_zone = "eu-west-1a"
          size              = 40
          encrypted         = true
        }
      `,
    },
    {
      name: 'root and extra volumes of an instance are encrypted',
      code: tfHcl`
        resource "aws_instance" "web" {
          ami           = "ami-12345678"
          instance_type = "t3.micro"

          root_block_device {
            encrypted = true
          }

          ebs_block_device {
            device_name = "/dev/sdf"
            encrypted   = true
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_launch_template" "app" {
          block_device_mappings {
            device_name = "/dev/xvda"
  
            ebs {
              volume_size = 20
              encrypted   = true
            }
          }
        }
      `,
    },
    {
      name: 'encryption by default in the same file',
      code: tfHcl`
        resource "aws_ebs_volume" "data" {
          size = 40
        }

        resource "aws_instance" "web" {
          ami = "ami-12345678"
        }

        resource "aws_ebs_encryption_by_default" "this" {
          enabled = true
        }
      `,
    },
    {
      name: 'encryption by default in a sibling file of the module',
      code: tfHcl`
        resource "aws_instance" "web" {
          ami = "ami-12345678"
        }
      `,
      module: { 'account.tf': byDefault },
    },
    {
      name: 'encryption by default without enabled (it defaults to true)',
      code: tfHcl`
        resource "aws_ebs_volume" "data" {
          size = 40
        }

        resource "aws_ebs_encryption_by_default" "this" {}
      `,
    },
    {
      name: 'a launch configuration without root_block_device is not judged (the AMI decides)',
      code: tfHcl`
        resource "aws_launch_configuration" "app" {
          image_id      = "ami-12345678"
          instance_type = "t3.micro"
        }
      `,
    },
    {
      name: 'a variable whose default is true',
      code: tfHcl`
        variable "encrypt" {
          type    = bool
          default = true
        }

        resource "aws_ebs_volume" "data" {
          size      = 40
          encrypted = var.encrypt
        }
      `,
    },
    {
      name: 'a variable without default is not judged',
      code: tfHcl`
        variable "encrypt" {
          type = bool
        }

        resource "aws_ebs_volume" "data" {
          size      = 40
          encrypted = var.encrypt
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_ebs_volume": {
              "data": { "size": 40, "encrypted": true }
            }
          }
        }
      `,
    },
    {
      name: 'encryption by default in a sibling HCL file of a .tf.json module',
      code: tfJson`
        {
          "resource": {
            "aws_instance": {
              "web": { "ami": "ami-12345678" }
            }
          }
        }
      `,
      module: { 'account.tf': byDefault },
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Vol:
            Type: AWS::EC2::Volume
            Properties:
              Size: 10
              Encrypted: false
      `,
      errors: [{ messageId: 'disabled', line: 6, column: 18 }],
      output: cfnYaml`
        Resources:
          Vol:
            Type: AWS::EC2::Volume
            Properties:
              Size: 10
              Encrypted: true
      `,
    },
    {
      code: cfnYaml`
        Resources:
          Vol:
            Type: AWS::EC2::Volume
            Properties:
              Size: 10
              AvailabilityZone: eu-west-1a
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
      output: cfnYaml`
        Resources:
          Vol:
            Type: AWS::EC2::Volume
            Properties:
              Size: 10
              AvailabilityZone: eu-west-1a
              Encrypted: true
      `,
    },
    {
      name: 'a volume without Properties gets them',
      code: cfnYaml`
        Resources:
          Vol:
            Type: AWS::EC2::Volume
      `,
      errors: [{ messageId: 'missing', line: 2 }],
      output: cfnYaml`
        Resources:
          Vol:
            Type: AWS::EC2::Volume
            Properties:
              Encrypted: true
      `,
    },
    {
      name: 'instance block device mapping without Encrypted',
      code: cfnYaml`
        Resources:
          Web:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-12345678
              BlockDeviceMappings:
                - DeviceName: /dev/xvda
                  Ebs:
                    VolumeSize: 20
                - DeviceName: /dev/xvdb
                  Ebs:
                    VolumeSize: 50
                    Encrypted: true
      `,
      errors: [{ messageId: 'missing', line: 8, column: 11 }],
      output: cfnYaml`
        Resources:
          Web:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-12345678
              BlockDeviceMappings:
                - DeviceName: /dev/xvda
                  Ebs:
                    VolumeSize: 20
                    Encrypted: true
                - DeviceName: /dev/xvdb
                  Ebs:
                    VolumeSize: 50
                    Encrypted: true
      `,
    },
    {
      name: 'launch template, flow-style Ebs',
      code: cfnYaml`
        Resources:
          Template:
            Type: AWS::EC2::LaunchTemplate
            Properties:
              LaunchTemplateData:
                ImageId: ami-12345678
                BlockDeviceMappings:
                  - DeviceName: /dev/xvda
                    Ebs: { VolumeSize: 20, Encrypted: false }
      `,
      errors: [{ messageId: 'disabled', line: 9, column: 47 }],
      output: cfnYaml`
        Resources:
          Template:
            Type: AWS::EC2::LaunchTemplate
            Properties:
              LaunchTemplateData:
                ImageId: ami-12345678
                BlockDeviceMappings:
                  - DeviceName: /dev/xvda
                    Ebs: { VolumeSize: 20, Encrypted: true }
      `,
    },
    {
      name: 'launch configuration; the trailing comment stays',
      code: cfnYaml`
        Resources:
          Config:
            Type: AWS::AutoScaling::LaunchConfiguration
            Properties:
              ImageId: ami-12345678
              InstanceType: t3.micro
              BlockDeviceMappings:
                - DeviceName: /dev/sdf
                  Ebs:
                    VolumeSize: 8 # GiB
      `,
      errors: [{ messageId: 'missing', line: 9, column: 11 }],
      output: cfnYaml`
        Resources:
          Config:
            Type: AWS::AutoScaling::LaunchConfiguration
            Properties:
              ImageId: ami-12345678
              InstanceType: t3.micro
              BlockDeviceMappings:
                - DeviceName: /dev/sdf
                  Ebs:
                    VolumeSize: 8 # GiB
                    Encrypted: true
      `,
    },
    {
      name: 'a parameter whose Default is false decides',
      code: cfnYaml`
        Parameters:
          EncryptVolumes:
            Type: String
            Default: 'false'
        Resources:
          Vol:
            Type: AWS::EC2::Volume
            Properties:
              Size: 10
              Encrypted: !Ref EncryptVolumes
      `,
      errors: [{ messageId: 'disabled', line: 10, column: 18 }],
      output: cfnYaml`
        Parameters:
          EncryptVolumes:
            Type: String
            Default: 'false'
        Resources:
          Vol:
            Type: AWS::EC2::Volume
            Properties:
              Size: 10
              Encrypted: true
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Vol": {
              "Type": "AWS::EC2::Volume",
              "Properties": {
                "Size": 10,
                "AvailabilityZone": "eu-west-1a"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 3, column: 5 }],
      output: cfnJson`
        {
          "Resources": {
            "Vol": {
              "Type": "AWS::EC2::Volume",
              "Properties": {
                "Size": 10,
                "AvailabilityZone": "eu-west-1a",
                "Encrypted": true
              }
            }
          }
        }
      `,
    },
    {
      name: 'instance mapping with Encrypted "false" as a string',
      code: cfnJson`
        {
          "Resources": {
            "Web": {
              "Type": "AWS::EC2::Instance",
              "Properties": {
                "ImageId": "ami-12345678",
                "BlockDeviceMappings": [
                  { "DeviceName": "/dev/xvda", "Ebs": { "VolumeSize": 20, "Encrypted": "false" } }
                ]
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 8, column: 80 }],
      output: cfnJson`
        {
          "Resources": {
            "Web": {
              "Type": "AWS::EC2::Instance",
              "Properties": {
                "ImageId": "ami-12345678",
                "BlockDeviceMappings": [
                  { "DeviceName": "/dev/xvda", "Ebs": { "VolumeSize": 20, "Encrypted": true } }
                ]
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_ebs_volume" "data" {
          size = 40
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_ebs_volume" "data" {
          size      = 40
          encrypted = true
        }
      `,
    },
    {
      name: 'the trailing comment stays with its line',
      code: tfHcl`
        resource "aws_ebs_volume" "logs" {
          size      = 10
          encrypted = false # TODO
        }
      `,
      errors: [{ messageId: 'disabled', line: 3, column: 15 }],
      output: tfHcl`
        resource "aws_ebs_volume" "logs" {
          size      = 10
          encrypted = true # TODO
        }
      `,
    },
    {
      name: 'root block device without encrypted, ebs_block_device with encrypted = false',
      code: tfHcl`
        resource "aws_instance" "web" {
          ami           = "ami-12345678"
          instance_type = "t3.micro"

          root_block_device {
            volume_size = 20
          }

          ebs_block_device {
            device_name = "/dev/sdf"
            volume_size = 100
            encrypted   = false
          }
        }
      `,
      errors: [
        { messageId: 'missing', line: 5, column: 3 },
        { messageId: 'disabled', line: 12, column: 19 },
      ],
      output: tfHcl`
        resource "aws_instance" "web" {
          ami           = "ami-12345678"
          instance_type = "t3.micro"

          root_block_device {
            volume_size = 20
            encrypted   = true
          }

          ebs_block_device {
            device_name = "/dev/sdf"
            volume_size = 100
            encrypted   = true
          }
        }
      `,
    },
    {
      name: 'an instance without root_block_device gets one',
      code: tfHcl`
        resource "aws_instance" "web" {
          ami           = "ami-12345678"
          instance_type = "t3.micro"
        }
      `,
      errors: [{ messageId: 'noRoot', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_instance" "web" {
          ami           = "ami-12345678"
          instance_type = "t3.micro"
          root_block_device {
            encrypted = true
          }
        }
      `,
    },
    {
      name: 'a one-line instance is opened up',
      code: tfHcl`
        resource "aws_instance" "web" { ami = "ami-12345678" }
      `,
      errors: [{ messageId: 'noRoot', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_instance" "web" {
          ami = "ami-12345678"
          root_block_device {
            encrypted = true
          }
        }
      `,
    },
    {
      name: 'an empty root_block_device block',
      code: tfHcl`
        resource "aws_instance" "web" {
          ami = "ami-12345678"

          root_block_device {}
        }
      `,
      errors: [{ messageId: 'missing', line: 4, column: 3 }],
      output: tfHcl`
        resource "aws_instance" "web" {
          ami = "ami-12345678"

          root_block_device {
            encrypted = true
          }
        }
      `,
    },
    {
      name: 'launch template block_device_mappings.ebs',
      code: tfHcl`
        resource "aws_launch_template" "app" {
          name_prefix = "app-"

          block_device_mappings {
            device_name = "/dev/xvda"

            ebs {
              volume_size = 20
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 7, column: 5 }],
      output: tfHcl`
        resource "aws_launch_template" "app" {
          name_prefix = "app-"

          block_device_mappings {
            device_name = "/dev/xvda"

            ebs {
              volume_size = 20
              encrypted   = true
            }
          }
        }
      `,
    },
    {
      name: 'launch configuration with root_block_device encrypted = "false"',
      code: tfHcl`
        resource "aws_launch_configuration" "app" {
          image_id = "ami-12345678"

          root_block_device {
            encrypted = "false"
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 5, column: 17 }],
      output: tfHcl`
        resource "aws_launch_configuration" "app" {
          image_id = "ami-12345678"

          root_block_device {
            encrypted = true
          }
        }
      `,
    },
    {
      name: 'a variable whose default is false decides',
      code: tfHcl`
        variable "encrypt" {
          type    = bool
          default = false
        }

        resource "aws_ebs_volume" "data" {
          size      = 40
          encrypted = var.encrypt
        }
      `,
      errors: [{ messageId: 'disabled', line: 8, column: 15 }],
      output: tfHcl`
        variable "encrypt" {
          type    = bool
          default = false
        }

        resource "aws_ebs_volume" "data" {
          size      = 40
          encrypted = true
        }
      `,
    },
    {
      name: 'a variable in a sibling file whose default is false decides',
      code: tfHcl`
        resource "aws_ebs_volume" "data" {
          size      = 40
          encrypted = var.encrypt
        }
      `,
      module: { 'variables.tf': 'variable "encrypt" {\n  type    = bool\n  default = false\n}\n' },
      errors: [{ messageId: 'disabled', line: 3, column: 15 }],
      output: tfHcl`
        resource "aws_ebs_volume" "data" {
          size      = 40
          encrypted = true
        }
      `,
    },
    {
      name: 'encryption by default explicitly disabled does not count',
      code: tfHcl`
        resource "aws_ebs_volume" "data" {
          size      = 40
          encrypted = false
        }
      `,
      module: { 'account.tf': 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = false\n}\n' },
      errors: [{ messageId: 'disabled', line: 3 }],
      output: tfHcl`
        resource "aws_ebs_volume" "data" {
          size      = 40
          encrypted = true
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_ebs_volume": {
              "data": {
                "availability_zone": "eu-west-1a",
                "size": 40
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 4, column: 7 }],
      output: tfJson`
        {
          "resource": {
            "aws_ebs_volume": {
              "data": {
                "availability_zone": "eu-west-1a",
                "size": 40,
                "encrypted": true
              }
            }
          }
        }
      `,
    },
    {
      name: 'an instance without root_block_device gets one',
      code: tfJson`
        {
          "resource": {
            "aws_instance": {
              "web": {
                "ami": "ami-12345678",
                "instance_type": "t3.micro"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'noRoot', line: 4, column: 7 }],
      output: tfJson`
        {
          "resource": {
            "aws_instance": {
              "web": {
                "ami": "ami-12345678",
                "instance_type": "t3.micro",
                "root_block_device": {
                  "encrypted": true
                }
              }
            }
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_launch_template": {
              "app": {
                "block_device_mappings": [
                  { "device_name": "/dev/xvda", "ebs": { "volume_size": 20, "encrypted": false } }
                ]
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 6, column: 82 }],
      output: tfJson`
        {
          "resource": {
            "aws_launch_template": {
              "app": {
                "block_device_mappings": [
                  { "device_name": "/dev/xvda", "ebs": { "volume_size": 20, "encrypted": true } }
                ]
              }
            }
          }
        }
      `,
    },
  ],
});
