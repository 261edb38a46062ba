import rule from '../../rules/ec2/sg-open-db-ports';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'MySQL from the VPC, HTTPS from anywhere, a UDP range, egress',
      code: cfnYaml`
        Resources:
          Sg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: db
              SecurityGroupIngress:
                - { IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: 10.0.0.0/16 }
                - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }
                - { IpProtocol: udp, FromPort: 1000, ToPort: 6000, CidrIp: 0.0.0.0/0 }
                - { IpProtocol: tcp, FromPort: 5433, ToPort: 6378, CidrIpv6: ::/0 }
              SecurityGroupEgress:
                - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 0.0.0.0/0 }
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "PgIn": {
              "Type": "AWS::EC2::SecurityGroupIngress",
              "Properties": { "GroupId": "sg-1", "IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "SourceSecurityGroupId": "sg-2" }
            }
          }
        }
      `,
    },
    {
      name: 'a port from a variable without default is not judged',
      code: tfHcl`
        resource "aws_security_group_rule" "db" {
          type              = "ingress"
          security_group_id = aws_security_group.db.id
          from_port         = var.db_port
          to_port           = var.db_port
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
              "redis": { "security_group_id": "sg-1", "ip_protocol": "tcp", "from_port": 6379, "to_port": 6379, "cidr_ipv4": "172.16.0.0/12" }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'PostgreSQL from the internet',
      code: cfnYaml`
        Resources:
          DbSg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: database
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 5432
                  ToPort: 5432
                  CidrIp: 0.0.0.0/0
      `,
      errors: [{ messageId: 'open', line: 10, column: 19 }],
      output: cfnYaml`
        Parameters:
          AllowedDbCidr:
            Type: String
            Description: Source CIDR allowed to reach the database ports
        Resources:
          DbSg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: database
              SecurityGroupIngress:
                - IpProtocol: tcp
                  FromPort: 5432
                  ToPort: 5432
                  CidrIp: !Ref AllowedDbCidr
      `,
    },
    {
      name: 'one finding per open CIDR, naming every database port its range covers',
      code: cfnYaml`
        Parameters:
          Vpc:
            Type: AWS::EC2::VPC::Id
        Resources:
          Wide:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: "6"
              FromPort: 1000
              ToPort: 10000
              CidrIp: 0.0.0.0/0
          Wide6:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: "-1"
              CidrIpv6: ::/0
      `,
      errors: [
        { messageId: 'open', line: 12, column: 15 },
        { messageId: 'open', line: 18, column: 17 },
      ],
      output: cfnYaml`
        Parameters:
          Vpc:
            Type: AWS::EC2::VPC::Id
          AllowedDbCidr:
            Type: String
            Description: Source CIDR allowed to reach the database ports
          AllowedDbCidrIpv6:
            Type: String
            Description: Source IPv6 CIDR allowed to reach the database ports
        Resources:
          Wide:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: "6"
              FromPort: 1000
              ToPort: 10000
              CidrIp: !Ref AllowedDbCidr
          Wide6:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !Ref Sg
              IpProtocol: "-1"
              CidrIpv6: !Ref AllowedDbCidrIpv6
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "MongoIn": {
              "Type": "AWS::EC2::SecurityGroupIngress",
              "Properties": {
                "GroupId": "sg-1",
                "IpProtocol": "tcp",
                "FromPort": 27017,
                "ToPort": 27017,
                "CidrIp": "0.0.0.0/0"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'open', line: 10, column: 19 }],
      output: cfnJson`
        {
          "Parameters": {
            "AllowedDbCidr": {
              "Type": "String",
              "Description": "Source CIDR allowed to reach the database ports"
            }
          },
          "Resources": {
            "MongoIn": {
              "Type": "AWS::EC2::SecurityGroupIngress",
              "Properties": {
                "GroupId": "sg-1",
                "IpProtocol": "tcp",
                "FromPort": 27017,
                "ToPort": 27017,
                "CidrIp": {"Ref": "AllowedDbCidr"}
              }
            }
          }
        }
      `,
    },
    {
      name: 'MySQL and Redis blocks in one group',
      code: tfHcl`
        resource "aws_security_group" "db" {
          name = "db"

          ingress {
            from_port   = 3306
            to_port     = 3306
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"] # temporary
          }

          ingress {
            from_port        = 6379
            to_port          = 6379
            protocol         = "tcp"
            cidr_blocks      = ["0.0.0.0/0"]
            ipv6_cidr_blocks = ["::/0"]
          }
        }
      `,
      errors: [
        { messageId: 'open', line: 8, column: 20 },
        { messageId: 'open', line: 15, column: 25 },
        { messageId: 'open', line: 16, column: 25 },
      ],
      output: tfHcl`
        resource "aws_security_group" "db" {
          name = "db"

          ingress {
            from_port   = 3306
            to_port     = 3306
            protocol    = "tcp"
            cidr_blocks = [var.allowed_db_cidr] # temporary
          }

          ingress {
            from_port        = 6379
            to_port          = 6379
            protocol         = "tcp"
            cidr_blocks      = [var.allowed_db_cidr]
            ipv6_cidr_blocks = [var.allowed_db_cidr_ipv6]
          }
        }

        variable "allowed_db_cidr" {
          type        = string
          description = "Source CIDR allowed to reach the database ports"
        }

        variable "allowed_db_cidr_ipv6" {
          type        = string
          description = "Source IPv6 CIDR allowed to reach the database ports"
        }
      `,
    },
    {
      name: 'aws_vpc_security_group_ingress_rule for SQL Server',
      code: tfHcl`
        resource "aws_vpc_security_group_ingress_rule" "mssql" {
          security_group_id = aws_security_group.db.id
          cidr_ipv4         = "0.0.0.0/0"
          from_port         = 1433
          to_port           = 1433
          ip_protocol       = "tcp"
        }
      `,
      errors: [{ messageId: 'open', line: 3, column: 23 }],
      output: tfHcl`
        resource "aws_vpc_security_group_ingress_rule" "mssql" {
          security_group_id = aws_security_group.db.id
          cidr_ipv4         = var.allowed_db_cidr
          from_port         = 1433
          to_port           = 1433
          ip_protocol       = "tcp"
        }

        variable "allowed_db_cidr" {
          type        = string
          description = "Source CIDR allowed to reach the database ports"
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_security_group_rule": {
              "oracle": {
                "type": "ingress",
                "security_group_id": "\${aws_security_group.db.id}",
                "from_port": 1521,
                "to_port": 1521,
                "protocol": "tcp",
                "cidr_blocks": ["0.0.0.0/0"]
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'open', line: 10, column: 25 }],
      output: tfJson`
        {
          "resource": {
            "aws_security_group_rule": {
              "oracle": {
                "type": "ingress",
                "security_group_id": "\${aws_security_group.db.id}",
                "from_port": 1521,
                "to_port": 1521,
                "protocol": "tcp",
                "cidr_blocks": ["\${var.allowed_db_cidr}"]
              }
            }
          },
          "variable": {
            "allowed_db_cidr": {
              "type": "string",
              "description": "Source CIDR allowed to reach the database ports"
            }
          }
        }
      `,
    },
  ],
});
