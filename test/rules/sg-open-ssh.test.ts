import rule from '../../rules/ec2/sg-open-ssh';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'HTTPS from anywhere, SSH from the VPC, ICMP, a range without 22, egress',
      code: cfnYaml`
        Resources:
          Sg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: web
              SecurityGroupIngress:
                - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }
                - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8 }
                - { IpProtocol: icmp, FromPort: -1, ToPort: -1, CidrIp: 0.0.0.0/0 }
                - { IpProtocol: tcp, FromPort: 23, ToPort: 25, CidrIpv6: ::/0 }
              SecurityGroupEgress:
                - { IpProtocol: "-1", CidrIp: 0.0.0.0/0 }
      `,
    },
    {
      name: 'a CIDR from a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          AdminCidr:
            Type: String
        Resources:
          SshIn:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: tcp
              FromPort: 22
              ToPort: 22
              CidrIp: !Ref AdminCidr
      `,
    },
    {
      name: 'a CIDR from a parameter whose Default is private',
      code: cfnYaml`
        Parameters:
          AdminCidr:
            Type: String
            Default: 192.168.0.0/16
        Resources:
          SshIn:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: tcp
              FromPort: 22
              ToPort: 22
              CidrIp: !Ref AdminCidr
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "SshIn": {
              "Type": "AWS::EC2::SecurityGroupIngress",
              "Properties": {
                "GroupId": { "Ref": "Sg" },
                "IpProtocol": "tcp",
                "FromPort": 22,
                "ToPort": 22,
                "CidrIp": "10.0.0.0/16"
              }
            }
          }
        }
      `,
    },
    {
      name: 'egress rules, ICMP and other ports do not count',
      code: tfHcl`
        resource "aws_security_group_rule" "out" {
          type              = "egress"
          security_group_id = aws_security_group.web.id
          from_port         = 0
          to_port           = 0
          protocol          = "-1"
          cidr_blocks       = ["0.0.0.0/0"]
        }

        resource "aws_security_group" "web" {
          name = "web"

          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }

          ingress {
            from_port   = 8
            to_port     = 0
            protocol    = "icmp"
            cidr_blocks = ["0.0.0.0/0"]
          }

          egress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_vpc_security_group_ingress_rule" "ssh" {
          security_group_id = aws_security_group.bastion.id
          cidr_ipv4         = "10.0.0.0/8"
          from_port         = 22
          to_port           = 22
          ip_protocol       = "tcp"
        }
      `,
    },
    {
      name: 'a CIDR from a variable without default is not judged',
      code: tfHcl`
        variable "admin_cidr" {
          type = string
        }

        resource "aws_vpc_security_group_ingress_rule" "ssh" {
          security_group_id = aws_security_group.bastion.id
          cidr_ipv4         = var.admin_cidr
          from_port         = 22
          to_port           = 22
          ip_protocol       = "tcp"
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_security_group": {
              "web": {
                "ingress": [
                  { "from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"] }
                ]
              }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'a list from a variable default is reported at the reference and left to the user to change',
      code: tfHcl`
        resource "aws_security_group" "bastion" {
          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = var.ssh_cidrs
          }
        }
      `,
      module: { 'variables.tf': 'variable "ssh_cidrs" {\n  type    = list(string)\n  default = ["0.0.0.0/0"]\n}\n' },
      errors: [{ messageId: 'open', line: 6, column: 19 }],
    },
    {
      name: "a parameter's default decides; the fix is not offered because the parameter is the user's",
      code: cfnYaml`
        Parameters:
          SshSource:
            Type: String
            Default: 0.0.0.0/0
        Resources:
          Ingress:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: sg-123
              IpProtocol: tcp
              FromPort: 22
              ToPort: 22
              CidrIp: !Ref SshSource
      `,
      errors: [{ messageId: 'open', line: 13, column: 15 }],
    },
    {
      name: 'inline ingress: a new Parameters section goes before Resources',
      code: cfnYaml`
        AWSTemplateFormatVersion: "2010-09-09"
        Description: Bastion host

        Resources:
          BastionSg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: SSH to the bastion
              VpcId: !Ref Vpc
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 22
                  ToPort: 22
                  CidrIp: 0.0.0.0/0
                - IpProtocol: tcp
                  FromPort: 443
                  ToPort: 443
                  CidrIp: 0.0.0.0/0
      `,
      errors: [{ messageId: 'open', line: 14, column: 19 }],
      output: cfnYaml`
        AWSTemplateFormatVersion: "2010-09-09"
        Description: Bastion host

        Parameters:
          AllowedSshCidr:
            Type: String
            Description: Source CIDR allowed to reach SSH (port 22)

        Resources:
          BastionSg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: SSH to the bastion
              VpcId: !Ref Vpc
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 22
                  ToPort: 22
                  CidrIp: !Ref AllowedSshCidr
                - IpProtocol: tcp
                  FromPort: 443
                  ToPort: 443
                  CidrIp: 0.0.0.0/0
      `,
    },
    {
      name: 'AWS::EC2::SecurityGroupIngress, IpProtocol -1 and ::/0, existing Parameters',
      code: cfnYaml`
        Parameters:
          Vpc:
            Type: AWS::EC2::VPC::Id

        Resources:
          AllIn:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: "-1"
              CidrIpv6: ::/0
      `,
      errors: [{ messageId: 'open', line: 11, column: 17 }],
      output: cfnYaml`
        Parameters:
          Vpc:
            Type: AWS::EC2::VPC::Id
          AllowedSshCidrIpv6:
            Type: String
            Description: Source IPv6 CIDR allowed to reach SSH (port 22)

        Resources:
          AllIn:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: "-1"
              CidrIpv6: !Ref AllowedSshCidrIpv6
      `,
    },
    {
      name: 'ports -1 with tcp and 0-65535 with udp cover 22; one parameter serves both',
      code: cfnYaml`
        Resources:
          Sg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: wide open
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: -1
                  ToPort: -1
                  CidrIp: 0.0.0.0/0
                - IpProtocol: udp
                  FromPort: 0
                  ToPort: 65535
                  CidrIp: 0.0.0.0/0
      `,
      errors: [
        { messageId: 'open', line: 10, column: 19 },
        { messageId: 'open', line: 14, column: 19 },
      ],
      output: cfnYaml`
        Parameters:
          AllowedSshCidr:
            Type: String
            Description: Source CIDR allowed to reach SSH (port 22)
        Resources:
          Sg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: wide open
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: -1
                  ToPort: -1
                  CidrIp: !Ref AllowedSshCidr
                - IpProtocol: udp
                  FromPort: 0
                  ToPort: 65535
                  CidrIp: !Ref AllowedSshCidr
      `,
    },
    {
      name: 'protocol number 6 and a quoted CIDR',
      code: cfnYaml`
        Resources:
          SshIn:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: 6
              FromPort: 22
              ToPort: 22
              CidrIp: '0.0.0.0/0'
      `,
      errors: [{ messageId: 'open', line: 9, column: 15 }],
      output: cfnYaml`
        Parameters:
          AllowedSshCidr:
            Type: String
            Description: Source CIDR allowed to reach SSH (port 22)
        Resources:
          SshIn:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: 6
              FromPort: 22
              ToPort: 22
              CidrIp: !Ref AllowedSshCidr
      `,
    },
    {
      name: 'port range 20-30',
      code: cfnJson`
        {
          "Resources": {
            "Sg": {
              "Type": "AWS::EC2::SecurityGroup",
              "Properties": {
                "GroupDescription": "ftp and ssh",
                "SecurityGroupIngress": [
                  {
                    "IpProtocol": "tcp",
                    "FromPort": 20,
                    "ToPort": 30,
                    "CidrIp": "0.0.0.0/0"
                  }
                ]
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'open', line: 12, column: 23 }],
      output: cfnJson`
        {
          "Parameters": {
            "AllowedSshCidr": {
              "Type": "String",
              "Description": "Source CIDR allowed to reach SSH (port 22)"
            }
          },
          "Resources": {
            "Sg": {
              "Type": "AWS::EC2::SecurityGroup",
              "Properties": {
                "GroupDescription": "ftp and ssh",
                "SecurityGroupIngress": [
                  {
                    "IpProtocol": "tcp",
                    "FromPort": 20,
                    "ToPort": 30,
                    "CidrIp": {"Ref": "AllowedSshCidr"}
                  }
                ]
              }
            }
          }
        }
      `,
    },
    {
      name: 'existing Parameters section',
      code: cfnJson`
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Parameters": {
            "Environment": {
              "Type": "String"
            }
          },
          "Resources": {
            "SshIn": {
              "Type": "AWS::EC2::SecurityGroupIngress",
              "Properties": {
                "GroupId": "sg-0123456789abcdef0",
                "IpProtocol": "tcp",
                "FromPort": 22,
                "ToPort": 22,
                "CidrIpv6": "::/0"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'open', line: 16, column: 21 }],
      output: cfnJson`
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Parameters": {
            "Environment": {
              "Type": "String"
            },
            "AllowedSshCidrIpv6": {
              "Type": "String",
              "Description": "Source IPv6 CIDR allowed to reach SSH (port 22)"
            }
          },
          "Resources": {
            "SshIn": {
              "Type": "AWS::EC2::SecurityGroupIngress",
              "Properties": {
                "GroupId": "sg-0123456789abcdef0",
                "IpProtocol": "tcp",
                "FromPort": 22,
                "ToPort": 22,
                "CidrIpv6": {"Ref": "AllowedSshCidrIpv6"}
              }
            }
          }
        }
      `,
    },
    {
      name: 'inline ingress block: the variable is declared at the end of the file',
      code: tfHcl`
        resource "aws_security_group" "bastion" {
          name   = "bastion"
          vpc_id = aws_vpc.main.id

          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }
      `,
      errors: [{ messageId: 'open', line: 9, column: 20 }],
      output: tfHcl`
        resource "aws_security_group" "bastion" {
          name   = "bastion"
          vpc_id = aws_vpc.main.id

          ingress {
            from_port   = 22
            to_port     = 22
            protocol    = "tcp"
            cidr_blocks = [var.allowed_ssh_cidr]
          }
        }

        variable "allowed_ssh_cidr" {
          type        = string
          description = "Source CIDR allowed to reach SSH (port 22)"
        }
      `,
    },
    {
      name: 'aws_security_group_rule 0-65535: only the open CIDR of the list is replaced',
      code: tfHcl`
        resource "aws_security_group_rule" "wide" {
          type              = "ingress"
          security_group_id = aws_security_group.bastion.id
          from_port         = 0
          to_port           = 65535
          protocol          = "tcp"
          cidr_blocks       = ["10.0.0.0/8", "0.0.0.0/0"]
        }
      `,
      errors: [{ messageId: 'open', line: 7, column: 38 }],
      output: tfHcl`
        resource "aws_security_group_rule" "wide" {
          type              = "ingress"
          security_group_id = aws_security_group.bastion.id
          from_port         = 0
          to_port           = 65535
          protocol          = "tcp"
          cidr_blocks       = ["10.0.0.0/8", var.allowed_ssh_cidr]
        }

        variable "allowed_ssh_cidr" {
          type        = string
          description = "Source CIDR allowed to reach SSH (port 22)"
        }
      `,
    },
    {
      name: 'the world written as 0:0:0:0:0:0:0:0/0',
      code: tfHcl`
        resource "aws_security_group_rule" "v6" {
          type              = "ingress"
          security_group_id = aws_security_group.bastion.id
          from_port         = 22
          to_port           = 22
          protocol          = "tcp"
          ipv6_cidr_blocks  = ["0:0:0:0:0:0:0:0/0"]
        }
      `,
      errors: [{ messageId: 'open', line: 7, column: 24 }],
      output: tfHcl`
        resource "aws_security_group_rule" "v6" {
          type              = "ingress"
          security_group_id = aws_security_group.bastion.id
          from_port         = 22
          to_port           = 22
          protocol          = "tcp"
          ipv6_cidr_blocks  = [var.allowed_ssh_cidr_ipv6]
        }

        variable "allowed_ssh_cidr_ipv6" {
          type        = string
          description = "Source IPv6 CIDR allowed to reach SSH (port 22)"
        }
      `,
    },
    {
      name: 'protocol -1 opens every port; the other ingress is RDP only',
      code: tfHcl`
        resource "aws_security_group" "web" {
          name = "web"

          ingress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = ["0.0.0.0/0"]
          }

          ingress {
            from_port        = 3389
            to_port          = 3389
            protocol         = "tcp"
            ipv6_cidr_blocks = ["::/0"]
          }
        }

        variable "region" {
          type = string
        }
      `,
      errors: [{ messageId: 'open', line: 8, column: 20 }],
      output: tfHcl`
        resource "aws_security_group" "web" {
          name = "web"

          ingress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = [var.allowed_ssh_cidr]
          }

          ingress {
            from_port        = 3389
            to_port          = 3389
            protocol         = "tcp"
            ipv6_cidr_blocks = ["::/0"]
          }
        }

        variable "region" {
          type = string
        }

        variable "allowed_ssh_cidr" {
          type        = string
          description = "Source CIDR allowed to reach SSH (port 22)"
        }
      `,
    },
    {
      name: 'aws_vpc_security_group_ingress_rule cidr_ipv4',
      code: tfHcl`
        resource "aws_vpc_security_group_ingress_rule" "ssh" {
          security_group_id = aws_security_group.bastion.id
          cidr_ipv4         = "0.0.0.0/0"
          from_port         = 22
          ip_protocol       = "tcp"
          to_port           = 22
        }
      `,
      errors: [{ messageId: 'open', line: 3, column: 23 }],
      output: tfHcl`
        resource "aws_vpc_security_group_ingress_rule" "ssh" {
          security_group_id = aws_security_group.bastion.id
          cidr_ipv4         = var.allowed_ssh_cidr
          from_port         = 22
          ip_protocol       = "tcp"
          to_port           = 22
        }

        variable "allowed_ssh_cidr" {
          type        = string
          description = "Source CIDR allowed to reach SSH (port 22)"
        }
      `,
    },
    {
      name: 'the variable already exists in a sibling file: it is reused, not declared again',
      code: tfHcl`
        resource "aws_vpc_security_group_ingress_rule" "all" {
          security_group_id = aws_security_group.web.id
          cidr_ipv6         = "::/0"
          ip_protocol       = "-1"
        }
      `,
      module: { 'variables.tf': 'variable "allowed_ssh_cidr_ipv6" {\n  type = string\n}\n' },
      errors: [{ messageId: 'open', line: 3, column: 23 }],
      output: tfHcl`
        resource "aws_vpc_security_group_ingress_rule" "all" {
          security_group_id = aws_security_group.web.id
          cidr_ipv6         = var.allowed_ssh_cidr_ipv6
          ip_protocol       = "-1"
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_security_group": {
              "bastion": {
                "name": "bastion",
                "ingress": [
                  { "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"] }
                ]
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'open', line: 7, column: 80 }],
      output: tfJson`
        {
          "resource": {
            "aws_security_group": {
              "bastion": {
                "name": "bastion",
                "ingress": [
                  { "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["\${var.allowed_ssh_cidr}"] }
                ]
              }
            }
          },
          "variable": {
            "allowed_ssh_cidr": {
              "type": "string",
              "description": "Source CIDR allowed to reach SSH (port 22)"
            }
          }
        }
      `,
    },
    {
      name: 'aws_security_group_rule; the variable joins the existing variable section',
      code: tfJson`
        {
          "resource": {
            "aws_security_group_rule": {
              "ssh": {
                "type": "ingress",
                "security_group_id": "\${aws_security_group.bastion.id}",
                "from_port": 22,
                "to_port": 22,
                "protocol": "tcp",
                "cidr_blocks": ["0.0.0.0/0"]
              }
            }
          },
          "variable": {
            "region": { "type": "string" }
          }
        }
      `,
      errors: [{ messageId: 'open', line: 10, column: 25 }],
      output: tfJson`
        {
          "resource": {
            "aws_security_group_rule": {
              "ssh": {
                "type": "ingress",
                "security_group_id": "\${aws_security_group.bastion.id}",
                "from_port": 22,
                "to_port": 22,
                "protocol": "tcp",
                "cidr_blocks": ["\${var.allowed_ssh_cidr}"]
              }
            }
          },
          "variable": {
            "region": { "type": "string" },
            "allowed_ssh_cidr": {
              "type": "string",
              "description": "Source CIDR allowed to reach SSH (port 22)"
            }
          }
        }
      `,
    },
  ],
});
