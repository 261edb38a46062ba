import rule from '../../rules/ec2/sg-open-all-ports';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'all ports from a private range, HTTPS from anywhere, ICMP from anywhere, wide egress',
      code: cfnYaml`
        Resources:
          Sg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: web
              SecurityGroupIngress:
                - { IpProtocol: "-1", CidrIp: 10.0.0.0/8 }
                - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }
                - { IpProtocol: icmp, FromPort: -1, ToPort: -1, CidrIp: 0.0.0.0/0 }
                - { IpProtocol: tcp, FromPort: 1024, ToPort: 65535, CidrIpv6: ::/0 }
              SecurityGroupEgress:
                - { IpProtocol: "-1", CidrIp: 0.0.0.0/0 }
      `,
    },
    {
      name: 'a CIDR from a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          Source:
            Type: String
        Resources:
          AllIn:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: "-1"
              CidrIp: !Ref Source
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "AllIn": {
              "Type": "AWS::EC2::SecurityGroupIngress",
              "Properties": { "GroupId": "sg-1", "IpProtocol": "tcp", "FromPort": 0, "ToPort": 65535, "CidrIp": "127.0.0.1/32" }
            }
          }
        }
      `,
    },
    {
      name: 'egress, a partial range, and a protocol from a variable',
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
          ingress {
            from_port   = 80
            to_port     = 8080
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }

          ingress {
            from_port   = 0
            to_port     = 0
            protocol    = var.protocol
            cidr_blocks = ["0.0.0.0/0"]
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_vpc_security_group_ingress_rule": {
              "all": { "security_group_id": "\${aws_security_group.web.id}", "ip_protocol": "-1", "cidr_ipv4": "10.0.0.0/16" }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'tcp 0-65535 from 0.0.0.0/0; egress is not judged',
      code: cfnYaml`
        Resources:
          InstanceSecurityGroup:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: Allow http to client host
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 0
                  ToPort: 65535
                  CidrIp: 0.0.0.0/0 # wide open
              SecurityGroupEgress:
                - IpProtocol: "-1"
                  CidrIp: 0.0.0.0/0
      `,
      errors: [{ messageId: 'open', line: 10, column: 19 }],
      output: cfnYaml`
        Parameters:
          AllowedIngressCidr:
            Type: String
            Description: Source CIDR allowed to reach every port
        Resources:
          InstanceSecurityGroup:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: Allow http to client host
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 0
                  ToPort: 65535
                  CidrIp: !Ref AllowedIngressCidr # wide open
              SecurityGroupEgress:
                - IpProtocol: "-1"
                  CidrIp: 0.0.0.0/0
      `,
    },
    {
      name: 'IpProtocol -1 on IPv4 and IPv6: one input per address family',
      code: cfnYaml`
        AWSTemplateFormatVersion: "2010-09-09"

        Resources:
          AllIn:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: "-1"
              CidrIp: 0.0.0.0/0
          AllIn6:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: "-1"
              CidrIpv6: ::/0
      `,
      errors: [
        { messageId: 'open', line: 9, column: 15 },
        { messageId: 'open', line: 15, column: 17 },
      ],
      output: cfnYaml`
        AWSTemplateFormatVersion: "2010-09-09"

        Parameters:
          AllowedIngressCidr:
            Type: String
            Description: Source CIDR allowed to reach every port
          AllowedIngressCidrIpv6:
            Type: String
            Description: Source IPv6 CIDR allowed to reach every port

        Resources:
          AllIn:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: "-1"
              CidrIp: !Ref AllowedIngressCidr
          AllIn6:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: "-1"
              CidrIpv6: !Ref AllowedIngressCidrIpv6
      `,
    },
    {
      name: "a parameter's default decides; the parameter is the user's to change",
      code: cfnYaml`
        Parameters:
          Source:
            Type: String
            Default: 0.0.0.0/0
        Resources:
          AllIn:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: sg-1
              IpProtocol: udp
              FromPort: -1
              ToPort: -1
              CidrIp: !Ref Source
      `,
      errors: [{ messageId: 'open', line: 13, column: 15 }],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "InstanceSecurityGroup": {
              "Type": "AWS::EC2::SecurityGroup",
              "Properties": {
                "GroupDescription": "Allow http to client host",
                "SecurityGroupIngress": [
                  {
                    "FromPort": 0,
                    "ToPort": 65535,
                    "CidrIp": "0.0.0.0/0",
                    "IpProtocol": "tcp"
                  }
                ]
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'open', line: 11, column: 23 }],
      output: cfnJson`
        {
          "Parameters": {
            "AllowedIngressCidr": {
              "Type": "String",
              "Description": "Source CIDR allowed to reach every port"
            }
          },
          "Resources": {
            "InstanceSecurityGroup": {
              "Type": "AWS::EC2::SecurityGroup",
              "Properties": {
                "GroupDescription": "Allow http to client host",
                "SecurityGroupIngress": [
                  {
                    "FromPort": 0,
                    "ToPort": 65535,
                    "CidrIp": {"Ref": "AllowedIngressCidr"},
                    "IpProtocol": "tcp"
                  }
                ]
              }
            }
          }
        }
      `,
    },
    {
      name: 'inline ingress with protocol -1; only the open CIDR of the list is replaced',
      code: tfHcl`
        resource "aws_security_group" "web" {
          name = "web"

          ingress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
          }
        }
      `,
      errors: [{ messageId: 'open', line: 8, column: 34 }],
      output: tfHcl`
        resource "aws_security_group" "web" {
          name = "web"

          ingress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = ["10.0.0.0/8", var.allowed_ingress_cidr]
          }
        }

        variable "allowed_ingress_cidr" {
          type        = string
          description = "Source CIDR allowed to reach every port"
        }
      `,
    },
    {
      name: 'tcp 1-65535 is every usable port; protocol "all" on aws_vpc_security_group_ingress_rule',
      code: tfHcl`
        resource "aws_security_group_rule" "wide" {
          type              = "ingress"
          security_group_id = aws_security_group.web.id
          from_port         = 1
          to_port           = 65535
          protocol          = "tcp"
          ipv6_cidr_blocks  = ["::/0"]
        }

        resource "aws_vpc_security_group_ingress_rule" "all" {
          security_group_id = aws_security_group.web.id
          cidr_ipv4         = "0.0.0.0/0"
          ip_protocol       = "all"
        }
      `,
      errors: [
        { messageId: 'open', line: 7, column: 24 },
        { messageId: 'open', line: 12, column: 23 },
      ],
      output: tfHcl`
        resource "aws_security_group_rule" "wide" {
          type              = "ingress"
          security_group_id = aws_security_group.web.id
          from_port         = 1
          to_port           = 65535
          protocol          = "tcp"
          ipv6_cidr_blocks  = [var.allowed_ingress_cidr_ipv6]
        }

        resource "aws_vpc_security_group_ingress_rule" "all" {
          security_group_id = aws_security_group.web.id
          cidr_ipv4         = var.allowed_ingress_cidr
          ip_protocol       = "all"
        }

        variable "allowed_ingress_cidr_ipv6" {
          type        = string
          description = "Source IPv6 CIDR allowed to reach every port"
        }

        variable "allowed_ingress_cidr" {
          type        = string
          description = "Source CIDR allowed to reach every port"
        }
      `,
    },
    {
      name: 'a list from a variable default is reported at the reference, no fix',
      code: tfHcl`
        resource "aws_security_group" "web" {
          ingress {
            from_port   = 0
            to_port     = 0
            protocol    = "-1"
            cidr_blocks = var.sources
          }
        }
      `,
      module: { 'variables.tf': 'variable "sources" {\n  type    = list(string)\n  default = ["0.0.0.0/0"]\n}\n' },
      errors: [{ messageId: 'open', line: 6, column: 19 }],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_security_group": {
              "web": {
                "ingress": [
                  { "from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"] }
                ]
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'open', line: 6, column: 77 }],
      output: tfJson`
        {
          "resource": {
            "aws_security_group": {
              "web": {
                "ingress": [
                  { "from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["\${var.allowed_ingress_cidr}"] }
                ]
              }
            }
          },
          "variable": {
            "allowed_ingress_cidr": {
              "type": "string",
              "description": "Source CIDR allowed to reach every port"
            }
          }
        }
      `,
    },
  ],
});
