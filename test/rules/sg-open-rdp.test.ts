import rule from '../../rules/ec2/sg-open-rdp';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'SSH from anywhere is not RDP; RDP from the office; ICMP; egress',
      code: cfnYaml`
        Resources:
          Sg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: admin
              SecurityGroupIngress:
                - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
                - { IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIp: 203.0.113.0/24 }
                - { IpProtocol: icmp, FromPort: -1, ToPort: -1, CidrIpv6: ::/0 }
                - { IpProtocol: tcp, FromPort: 3390, ToPort: 4000, CidrIp: 0.0.0.0/0 }
              SecurityGroupEgress:
                - { IpProtocol: "-1", CidrIp: 0.0.0.0/0 }
      `,
    },
    {
      name: 'a CIDR from a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          OfficeCidr:
            Type: String
        Resources:
          RdpIn:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: tcp
              FromPort: 3389
              ToPort: 3389
              CidrIp: !Ref OfficeCidr
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "RdpIn": {
              "Type": "AWS::EC2::SecurityGroupIngress",
              "Properties": {
                "GroupId": "sg-0123456789abcdef0",
                "IpProtocol": "tcp",
                "FromPort": 3389,
                "ToPort": 3389,
                "CidrIp": "10.1.0.0/16"
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_security_group" "admin" {
          name = "admin"

          ingress {
            from_port   = 3389
            to_port     = 3389
            protocol    = "tcp"
            cidr_blocks = ["10.0.0.0/8"]
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
      name: 'an egress rule is not counted',
      code: tfHcl`
        resource "aws_security_group_rule" "rdp_out" {
          type              = "egress"
          security_group_id = aws_security_group.admin.id
          from_port         = 3389
          to_port           = 3389
          protocol          = "tcp"
          cidr_blocks       = ["0.0.0.0/0"]
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_vpc_security_group_ingress_rule": {
              "rdp": {
                "security_group_id": "\${aws_security_group.admin.id}",
                "cidr_ipv4": "10.0.0.0/8",
                "from_port": 3389,
                "to_port": 3389,
                "ip_protocol": "tcp"
              }
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
          AdminSg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: Remote desktop
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 3389
                  ToPort: 3389
                  CidrIp: 0.0.0.0/0 # temporary, for the migration
      `,
      errors: [{ messageId: 'open', line: 10, column: 19 }],
      output: cfnYaml`
        Parameters:
          AllowedRdpCidr:
            Type: String
            Description: Source CIDR allowed to reach RDP (port 3389)
        Resources:
          AdminSg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: Remote desktop
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 3389
                  ToPort: 3389
                  CidrIp: !Ref AllowedRdpCidr # temporary, for the migration
      `,
    },
    {
      name: 'AWS::EC2::SecurityGroupIngress over a port range, IPv6',
      code: cfnYaml`
        Resources:
          RangeIn:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: udp
              FromPort: 3000
              ToPort: 4000
              CidrIpv6: ::/0
      `,
      errors: [{ messageId: 'open', line: 9, column: 17 }],
      output: cfnYaml`
        Parameters:
          AllowedRdpCidrIpv6:
            Type: String
            Description: Source IPv6 CIDR allowed to reach RDP (port 3389)
        Resources:
          RangeIn:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: udp
              FromPort: 3000
              ToPort: 4000
              CidrIpv6: !Ref AllowedRdpCidrIpv6
      `,
    },
    {
      name: 'IpProtocol -1',
      code: cfnJson`
        {
          "Resources": {
            "AllIn": {
              "Type": "AWS::EC2::SecurityGroupIngress",
              "Properties": {
                "GroupId": "sg-0123456789abcdef0",
                "IpProtocol": "-1",
                "CidrIp": "0.0.0.0/0"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'open', line: 8, column: 19 }],
      output: cfnJson`
        {
          "Parameters": {
            "AllowedRdpCidr": {
              "Type": "String",
              "Description": "Source CIDR allowed to reach RDP (port 3389)"
            }
          },
          "Resources": {
            "AllIn": {
              "Type": "AWS::EC2::SecurityGroupIngress",
              "Properties": {
                "GroupId": "sg-0123456789abcdef0",
                "IpProtocol": "-1",
                "CidrIp": {"Ref": "AllowedRdpCidr"}
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_security_group" "admin" {
          name = "admin"

          ingress {
            description = "RDP"
            from_port   = 3389
            to_port     = 3389
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }
      `,
      errors: [{ messageId: 'open', line: 9, column: 20 }],
      output: tfHcl`
        resource "aws_security_group" "admin" {
          name = "admin"

          ingress {
            description = "RDP"
            from_port   = 3389
            to_port     = 3389
            protocol    = "tcp"
            cidr_blocks = [var.allowed_rdp_cidr]
          }
        }

        variable "allowed_rdp_cidr" {
          type        = string
          description = "Source CIDR allowed to reach RDP (port 3389)"
        }
      `,
    },
    {
      name: 'two rules, one variable declared once',
      code: tfHcl`
        resource "aws_security_group_rule" "rdp" {
          type              = "ingress"
          security_group_id = aws_security_group.admin.id
          from_port         = 3389
          to_port           = 3389
          protocol          = "tcp"
          cidr_blocks       = ["0.0.0.0/0"]
        }

        resource "aws_vpc_security_group_ingress_rule" "all" {
          security_group_id = aws_security_group.admin.id
          cidr_ipv4         = "0.0.0.0/0"
          ip_protocol       = "-1"
        }
      `,
      errors: [
        { messageId: 'open', line: 7, column: 24 },
        { messageId: 'open', line: 12, column: 23 },
      ],
      output: tfHcl`
        resource "aws_security_group_rule" "rdp" {
          type              = "ingress"
          security_group_id = aws_security_group.admin.id
          from_port         = 3389
          to_port           = 3389
          protocol          = "tcp"
          cidr_blocks       = [var.allowed_rdp_cidr]
        }

        resource "aws_vpc_security_group_ingress_rule" "all" {
          security_group_id = aws_security_group.admin.id
          cidr_ipv4         = var.allowed_rdp_cidr
          ip_protocol       = "-1"
        }

        variable "allowed_rdp_cidr" {
          type        = string
          description = "Source CIDR allowed to reach RDP (port 3389)"
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_vpc_security_group_ingress_rule": {
              "rdp": {
                "security_group_id": "\${aws_security_group.admin.id}",
                "cidr_ipv6": "::/0",
                "from_port": 3389,
                "to_port": 3389,
                "ip_protocol": "tcp"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'open', line: 6, column: 22 }],
      output: tfJson`
        {
          "resource": {
            "aws_vpc_security_group_ingress_rule": {
              "rdp": {
                "security_group_id": "\${aws_security_group.admin.id}",
                "cidr_ipv6": "\${var.allowed_rdp_cidr_ipv6}",
                "from_port": 3389,
                "to_port": 3389,
                "ip_protocol": "tcp"
              }
            }
          },
          "variable": {
            "allowed_rdp_cidr_ipv6": {
              "type": "string",
              "description": "Source IPv6 CIDR allowed to reach RDP (port 3389)"
            }
          }
        }
      `,
    },
  ],
});
