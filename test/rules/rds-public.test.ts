import rule from '../../rules/rds/rds-public';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'false, absent, and a parameter without Default',
      code: cfnYaml`
        Parameters:
          Public:
            Type: String
        Resources:
          Private:
            Type: AWS::RDS::DBInstance
            Properties: { Engine: mysql, PubliclyAccessible: false }
          Unset:
            Type: AWS::RDS::DBInstance
            Properties: { Engine: mysql }
          Chosen:
            Type: AWS::RDS::DBInstance
            Properties: { Engine: mysql, PubliclyAccessible: !Ref Public }
      `,
    },
    {
      code: cfnJson`{"Resources":{"Db":{"Type":"AWS::RDS::DBInstance","Properties":{"Engine":"postgres","PubliclyAccessible":"false"}}}}`,
    },
    {
      code: tfHcl`
        resource "aws_db_instance" "db" {
          engine              = "postgres"
          publicly_accessible = false
        }

        resource "aws_rds_cluster_instance" "member" {
          cluster_identifier = aws_rds_cluster.main.id
          instance_class     = "db.r6g.large"
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_db_instance":{"db":{"engine":"mysql","publicly_accessible":"\${var.public}"}}}}`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: mysql
              PubliclyAccessible: true # for the demo
      `,
      errors: [{ messageId: 'public', line: 6, column: 27 }],
      output: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: mysql
              PubliclyAccessible: false # for the demo
      `,
    },
    {
      name: 'a cluster member, and a parameter whose Default is "true"',
      code: cfnYaml`
        Parameters:
          Public:
            Type: String
            Default: "true"
        Resources:
          Member:
            Type: AWS::RDS::DBInstance
            Properties:
              DBClusterIdentifier: !Ref Cluster
              Engine: aurora-postgresql
              PubliclyAccessible: 'true'
          Other:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: mysql
              PubliclyAccessible: !Ref Public
      `,
      errors: [
        { messageId: 'public', line: 11, column: 27 },
        { messageId: 'public', line: 16, column: 27 },
      ],
      output: cfnYaml`
        Parameters:
          Public:
            Type: String
            Default: "true"
        Resources:
          Member:
            Type: AWS::RDS::DBInstance
            Properties:
              DBClusterIdentifier: !Ref Cluster
              Engine: aurora-postgresql
              PubliclyAccessible: false
          Other:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: mysql
              PubliclyAccessible: false
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Db": {
              "Type": "AWS::RDS::DBInstance",
              "Properties": { "Engine": "mysql", "PubliclyAccessible": true }
            }
          }
        }
      `,
      errors: [{ messageId: 'public', line: 5, column: 64 }],
      output: cfnJson`
        {
          "Resources": {
            "Db": {
              "Type": "AWS::RDS::DBInstance",
              "Properties": { "Engine": "mysql", "PubliclyAccessible": false }
            }
          }
        }
      `,
    },
    {
      name: 'an instance and a cluster member',
      code: tfHcl`
        resource "aws_db_instance" "db" {
          engine              = "mysql"
          publicly_accessible = true
        }

        resource "aws_rds_cluster_instance" "member" {
          cluster_identifier  = aws_rds_cluster.main.id
          publicly_accessible = true
        }
      `,
      errors: [
        { messageId: 'public', line: 3, column: 25 },
        { messageId: 'public', line: 8, column: 25 },
      ],
      output: tfHcl`
        resource "aws_db_instance" "db" {
          engine              = "mysql"
          publicly_accessible = false
        }

        resource "aws_rds_cluster_instance" "member" {
          cluster_identifier  = aws_rds_cluster.main.id
          publicly_accessible = false
        }
      `,
    },
    {
      name: "a variable's default decides: reported at the reference, which the fix replaces",
      code: tfHcl`
        resource "aws_db_instance" "db" {
          engine              = "mysql"
          publicly_accessible = var.public
        }
      `,
      module: { 'variables.tf': 'variable "public" {\n  type    = bool\n  default = true\n}\n' },
      errors: [{ messageId: 'public', line: 3, column: 25 }],
      output: tfHcl`
        resource "aws_db_instance" "db" {
          engine              = "mysql"
          publicly_accessible = false
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_db_instance":{"db":{"engine":"mysql","publicly_accessible":true}}}}`,
      errors: [{ messageId: 'public', line: 1 }],
      output: tfJson`{"resource":{"aws_db_instance":{"db":{"engine":"mysql","publicly_accessible":false}}}}`,
    },
  ],
});
