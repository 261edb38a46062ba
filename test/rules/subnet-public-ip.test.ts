import rule from '../../rules/vpc/subnet-public-ip';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'false, and absent (the default is false)',
      code: cfnYaml`
        Resources:
          Private:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: false }
          Unset:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24 }
      `,
    },
    {
      code: cfnJson`{"Resources":{"Subnet":{"Type":"AWS::EC2::Subnet","Properties":{"VpcId":"vpc-1","MapPublicIpOnLaunch":{"Ref":"Public"}}}}}`,
    },
    {
      code: tfHcl`
        resource "aws_subnet" "private" {
          vpc_id     = aws_vpc.main.id
          cidr_block = "10.0.1.0/24"
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_subnet":{"private":{"vpc_id":"\${aws_vpc.main.id}","map_public_ip_on_launch":false}}}}`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          mySubnet:
            Type: AWS::EC2::Subnet
            Properties:
              MapPublicIpOnLaunch: true
              VpcId: !Ref Vpc
              CidrBlock: 10.0.0.0/24
      `,
      errors: [{ messageId: 'mapsPublic', line: 5, column: 28 }],
      output: cfnYaml`
        Resources:
          mySubnet:
            Type: AWS::EC2::Subnet
            Properties:
              MapPublicIpOnLaunch: false
              VpcId: !Ref Vpc
              CidrBlock: 10.0.0.0/24
      `,
    },
    {
      name: 'true in one branch of a condition',
      code: cfnYaml`
        Conditions:
          IsDev: !Equals [!Ref Env, dev]
        Resources:
          Subnet:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: !Ref Vpc
              MapPublicIpOnLaunch: !If [IsDev, true, false]
      `,
      errors: [{ messageId: 'mapsPublic', line: 8, column: 28 }],
      output: cfnYaml`
        Conditions:
          IsDev: !Equals [!Ref Env, dev]
        Resources:
          Subnet:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: !Ref Vpc
              MapPublicIpOnLaunch: false
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "mySubnet": {
              "Type": "AWS::EC2::Subnet",
              "Properties": {
                "MapPublicIpOnLaunch": "true",
                "VpcId": "vpc-1"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'mapsPublic', line: 6, column: 32 }],
      output: cfnJson`
        {
          "Resources": {
            "mySubnet": {
              "Type": "AWS::EC2::Subnet",
              "Properties": {
                "MapPublicIpOnLaunch": false,
                "VpcId": "vpc-1"
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_subnet" "public" {
          vpc_id     = aws_vpc.main.id
          cidr_block = "10.0.1.0/24"

          map_public_ip_on_launch = true # web tier
        }
      `,
      errors: [{ messageId: 'mapsPublic', line: 5, column: 29 }],
      output: tfHcl`
        resource "aws_subnet" "public" {
          vpc_id     = aws_vpc.main.id
          cidr_block = "10.0.1.0/24"

          map_public_ip_on_launch = false # web tier
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_subnet":{"public":{"vpc_id":"\${aws_vpc.main.id}","map_public_ip_on_launch":true}}}}`,
      errors: [{ messageId: 'mapsPublic', line: 1 }],
      output: tfJson`{"resource":{"aws_subnet":{"public":{"vpc_id":"\${aws_vpc.main.id}","map_public_ip_on_launch":false}}}}`,
    },
  ],
});
