import rule from '../../rules/dms/dms-public';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'false, and a parameter without Default',
      code: cfnYaml`
        Parameters:
          Public:
            Type: String
        Resources:
          Private:
            Type: AWS::DMS::ReplicationInstance
            Properties: { ReplicationInstanceClass: dms.t3.micro, PubliclyAccessible: false }
          Chosen:
            Type: AWS::DMS::ReplicationInstance
            Properties: { ReplicationInstanceClass: dms.t3.micro, PubliclyAccessible: !Ref Public }
      `,
    },
    { code: cfnJson`{"Resources":{"R":{"Type":"AWS::DMS::ReplicationInstance","Properties":{"PubliclyAccessible":"false"}}}}` },
    {
      code: tfHcl`
        resource "aws_dms_replication_instance" "r" {
          replication_instance_id = "r"
          publicly_accessible     = false
        }

        resource "aws_dms_replication_instance" "chosen" {
          replication_instance_id = "c"
          publicly_accessible     = var.public
        }
      `,
    },
    { code: tfJson`{"resource":{"aws_dms_replication_instance":{"r":{"replication_instance_id":"r","publicly_accessible":false}}}}` },
  ],
  invalid: [
    {
      name: 'true, and missing (the service default is true)',
      code: cfnYaml`
        Resources:
          Public:
            Type: AWS::DMS::ReplicationInstance
            Properties:
              ReplicationInstanceClass: dms.t3.micro
              PubliclyAccessible: true
          Unset:
            Type: AWS::DMS::ReplicationInstance
            Properties:
              ReplicationInstanceClass: dms.t3.micro
      `,
      errors: [
        { messageId: 'public', line: 6, column: 27 },
        { messageId: 'missing', line: 7 },
      ],
      output: cfnYaml`
        Resources:
          Public:
            Type: AWS::DMS::ReplicationInstance
            Properties:
              ReplicationInstanceClass: dms.t3.micro
              PubliclyAccessible: false
          Unset:
            Type: AWS::DMS::ReplicationInstance
            Properties:
              ReplicationInstanceClass: dms.t3.micro
              PubliclyAccessible: false
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "R": { "Type": "AWS::DMS::ReplicationInstance", "Properties": { "ReplicationInstanceClass": "dms.t3.micro" } }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 3 }],
      output: cfnJson`
        {
          "Resources": {
            "R": { "Type": "AWS::DMS::ReplicationInstance", "Properties": { "ReplicationInstanceClass": "dms.t3.micro", "PubliclyAccessible": false } }
          }
        }
      `,
    },
    {
      name: 'null reads as not set (the default, true)',
      code: cfnJson`{"Resources":{"R":{"Type":"AWS::DMS::ReplicationInstance","Properties":{"PubliclyAccessible":null}}}}`,
      errors: [{ messageId: 'missing', line: 1 }],
      output: cfnJson`{"Resources":{"R":{"Type":"AWS::DMS::ReplicationInstance","Properties":{"PubliclyAccessible":false}}}}`,
    },
    {
      name: 'missing, and true through a variable default',
      code: tfHcl`
        resource "aws_dms_replication_instance" "unset" {
          replication_instance_id = "u"
        }

        resource "aws_dms_replication_instance" "public" {
          replication_instance_id = "p"
          publicly_accessible     = var.public
        }
      `,
      module: { 'variables.tf': 'variable "public" {\n  default = true\n}\n' },
      errors: [
        { messageId: 'missing', line: 1 },
        { messageId: 'public', line: 7, column: 29 },
      ],
      output: tfHcl`
        resource "aws_dms_replication_instance" "unset" {
          replication_instance_id = "u"
          publicly_accessible     = false
        }

        resource "aws_dms_replication_instance" "public" {
          replication_instance_id = "p"
          publicly_accessible     = false
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_dms_replication_instance":{"r":{"replication_instance_id":"r","publicly_accessible":true}}}}`,
      errors: [{ messageId: 'public', line: 1 }],
      output: tfJson`{"resource":{"aws_dms_replication_instance":{"r":{"replication_instance_id":"r","publicly_accessible":false}}}}`,
    },
  ],
});
