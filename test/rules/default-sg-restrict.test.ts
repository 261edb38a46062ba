import rule from '../../rules/vpc/default-sg-restrict';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a default group whose count is an expression nothing decides may exist: the VPC counts as managed',
      code: tfHcl`
        resource "aws_vpc" "v" {
          cidr_block = "10.1.0.0/16"
        }

        resource "aws_default_security_group" "v" {
          count  = length(var.ids)
          vpc_id = aws_vpc.v.id
        }
      `,
    },
    {
      name: 'rules on a group of its own; the VPC itself is not judged in CloudFormation',
      code: cfnYaml`
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.0.0.0/16
          Sg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: app
              VpcId: !Ref Vpc
          In:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !GetAtt Sg.GroupId
              IpProtocol: tcp
              FromPort: 443
              ToPort: 443
              CidrIp: 10.0.0.0/8
      `,
    },
    {
      code: cfnJson`{"Resources":{"Out":{"Type":"AWS::EC2::SecurityGroupEgress","Properties":{"GroupId":"sg-0123456789abcdef0","IpProtocol":"-1","CidrIp":"10.0.0.0/8"}}}}`,
    },
    {
      name: 'a managed default group without rules, an empty list, rules from an input nothing decides, a dynamic block over an empty default, rules on other groups',
      code: tfHcl`
        resource "aws_vpc" "main" {
          cidr_block = "10.0.0.0/16"
        }

        resource "aws_default_security_group" "main" {
          vpc_id = aws_vpc.main.id
        }

        resource "aws_vpc" "second" {
          cidr_block = "10.1.0.0/16"
        }

        resource "aws_default_security_group" "second" {
          vpc_id  = aws_vpc.second.id
          ingress = []
          egress  = var.default_egress
        }

        resource "aws_vpc" "third" {
          cidr_block = "10.2.0.0/16"
        }

        resource "aws_default_security_group" "third" {
          vpc_id = aws_vpc.third.id

          dynamic "ingress" {
            for_each = var.default_ingress
            content {
              protocol  = ingress.value.protocol
              from_port = ingress.value.from_port
              to_port   = ingress.value.to_port
            }
          }
        }

        resource "aws_security_group_rule" "own" {
          type              = "ingress"
          security_group_id = aws_security_group.app.id
          protocol          = "tcp"
          from_port         = 443
          to_port           = 443
          cidr_blocks       = ["10.0.0.0/8"]
        }

        variable "default_egress" {
          type = list(any)
        }

        variable "default_ingress" {
          type    = list(map(string))
          default = []
        }
      `,
    },
    {
      name: 'default groups under count: the same condition as the VPC, and a count nothing decides',
      code: tfHcl`
        resource "aws_vpc" "same" {
          count      = var.create ? 1 : 0
          cidr_block = "10.0.0.0/16"
        }

        resource "aws_default_security_group" "same" {
          count  = var.create ? 1 : 0
          vpc_id = aws_vpc.same[0].id
        }

        resource "aws_vpc" "unknown" {
          cidr_block = "10.3.0.0/16"
        }

        resource "aws_default_security_group" "unknown" {
          count  = var.n
          vpc_id = aws_vpc.unknown.id
        }

        variable "n" {
          type = number
        }
      `,
    },
    {
      name: 'the VPC whose default group is declared in another file of the module',
      code: tfJson`{"resource":{"aws_vpc":{"main":{"cidr_block":"10.0.0.0/16"}}}}`,
      module: { 'default-sg.tf': 'resource "aws_default_security_group" "main" {\n  vpc_id = aws_vpc.main.id\n}\n' },
    },
  ],
  invalid: [
    {
      name: 'ingress and egress added to the default group (both GetAtt forms); no fix',
      code: cfnYaml`
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.0.0.0/16
          In:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: !GetAtt Vpc.DefaultSecurityGroup
              IpProtocol: tcp
              FromPort: 443
              ToPort: 443
              CidrIp: 10.0.0.0/8
          Out:
            Type: AWS::EC2::SecurityGroupEgress
            Properties:
              GroupId: !GetAtt [Vpc, DefaultSecurityGroup]
              IpProtocol: "-1"
              CidrIp: 0.0.0.0/0
      `,
      errors: [
        { messageId: 'ruleOnDefault', line: 9, column: 16 },
        { messageId: 'ruleOnDefault', line: 17, column: 16 },
      ],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Vpc": { "Type": "AWS::EC2::VPC", "Properties": { "CidrBlock": "10.0.0.0/16" } },
            "In": {
              "Type": "AWS::EC2::SecurityGroupIngress",
              "Properties": { "GroupId": { "Fn::GetAtt": ["Vpc", "DefaultSecurityGroup"] }, "IpProtocol": "-1", "CidrIp": "10.0.0.0/8" }
            }
          }
        }
      `,
      errors: [{ messageId: 'ruleOnDefault', line: 6 }],
    },
    {
      name: 'two ingress blocks and a dynamic egress block: each fix removes one block',
      code: tfHcl`
        resource "aws_vpc" "main" {
          cidr_block = "10.0.0.0/16"
        }

        resource "aws_default_security_group" "main" {
          vpc_id = aws_vpc.main.id

          ingress {
            protocol  = -1
            self      = true
            from_port = 0
            to_port   = 0
          }

          ingress {
            protocol    = "tcp"
            from_port   = 443
            to_port     = 443
            cidr_blocks = ["10.0.0.0/8"]
          }

          dynamic "egress" {
            for_each = var.egress
            content {
              protocol = egress.value.protocol
            }
          }
        }
      `,
      errors: [
        { messageId: 'inlineRules', line: 8, column: 12 },
        { messageId: 'inlineRulesMaybe', line: 22, column: 3 },
      ],
      output: tfHcl`
        resource "aws_vpc" "main" {
          cidr_block = "10.0.0.0/16"
        }

        resource "aws_default_security_group" "main" {
          vpc_id = aws_vpc.main.id
        }
      `,
    },
    {
      name: 'a counted VPC without a managed default group (no fix), and rules attached to default groups',
      code: tfHcl`
        resource "aws_vpc" "other" {
          cidr_block = "10.1.0.0/16"
        }

        resource "aws_vpc" "many" {
          count      = 2
          cidr_block = "10.2.0.0/16"
        }

        resource "aws_default_security_group" "other" {
          vpc_id = aws_vpc.other.id
        }

        resource "aws_security_group_rule" "on_default" {
          type              = "ingress"
          security_group_id = aws_default_security_group.other.id
          protocol          = "tcp"
          from_port         = 22
          to_port           = 22
          cidr_blocks       = ["10.0.0.0/8"]
        }

        resource "aws_vpc_security_group_egress_rule" "on_vpc_default" {
          security_group_id = aws_vpc.other.default_security_group_id
          ip_protocol       = "-1"
          cidr_ipv4         = "0.0.0.0/0"
        }
      `,
      errors: [
        { messageId: 'unmanaged', line: 5, column: 1 },
        { messageId: 'ruleOnDefault', line: 16, column: 23 },
        { messageId: 'ruleOnDefault', line: 24, column: 23 },
      ],
    },
    {
      name: 'default groups under count (clarification 7), as the engine decides it',
      code: tfHcl`
        resource "aws_vpc" "other" {
          cidr_block = "10.1.0.0/16"
        }

        resource "aws_default_security_group" "other" {
          count  = var.manage ? 1 : 0
          vpc_id = aws_vpc.other.id
        }

        resource "aws_vpc" "zero" {
          cidr_block = "10.2.0.0/16"
        }

        resource "aws_default_security_group" "zero" {
          count  = 0
          vpc_id = aws_vpc.zero.id
        }
      `,
      // The engine counts a companion only where its count creates it (clarification 7): `other` is unmanaged when
      // `var.manage` is false, as the message says; no fix adds a second default group next to the existing ones.
      errors: [
        { messageId: 'unmanaged', line: 1, column: 1, when: '`var.manage` is false' },
        { messageId: 'unmanaged', line: 10, column: 1, when: null },
      ],
    },
    {
      name: 'a VPC without a managed default group: the fix adds one',
      code: tfHcl`
        resource "aws_vpc" "other" {
          cidr_block = "10.1.0.0/16"
        }
      `,
      errors: [{ messageId: 'unmanaged', line: 1 }],
      output: tfHcl`
        resource "aws_vpc" "other" {
          cidr_block = "10.1.0.0/16"
        }

        resource "aws_default_security_group" "other" {
          vpc_id = aws_vpc.other.id
        }
      `,
    },
    {
      name: 'rules written as a list attribute (JSON)',
      code: tfJson`{"resource":{"aws_default_security_group":{"d":{"vpc_id":"vpc-0123456789abcdef0","ingress":[{"protocol":"-1","from_port":0,"to_port":0,"self":true}]}}}}`,
      errors: [{ messageId: 'inlineRules', line: 1 }],
      output: tfJson`{"resource":{"aws_default_security_group":{"d":{"vpc_id":"vpc-0123456789abcdef0"}}}}`,
    },
  ],
});
