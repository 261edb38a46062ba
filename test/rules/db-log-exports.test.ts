import rule from '../../rules/rds/db-log-exports';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'per-engine requirements met; Aurora instances are judged at their cluster',
      code: cfnYaml`
        Resources:
          Postgres:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              EnableCloudwatchLogsExports: [postgresql, upgrade]
          Mysql:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: mysql
              EnableCloudwatchLogsExports: [slowquery]
          AuroraCluster:
            Type: AWS::RDS::DBCluster
            Properties:
              Engine: aurora-mysql
              EnableCloudwatchLogsExports: [audit, error]
          AuroraInstance:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: aurora-mysql
              DBClusterIdentifier: !Ref AuroraCluster
          Docs:
            Type: AWS::DocDB::DBCluster
            Properties:
              EnableCloudwatchLogsExports: [audit, profiler]
      `,
    },
    {
      name: 'an unresolved list is not judged',
      code: cfnYaml`
        Parameters:
          Exports:
            Type: CommaDelimitedList
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              EnableCloudwatchLogsExports: !Ref Exports
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Graph": { "Type": "AWS::Neptune::DBCluster", "Properties": { "EnableCloudwatchLogsExports": ["audit"] } }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_db_instance" "main" {
          engine                          = "mariadb"
          instance_class                  = "db.t3.micro"
          enabled_cloudwatch_logs_exports = ["general", "error"]
        }

        resource "aws_rds_cluster" "main" {
          engine                          = "aurora-postgresql"
          enabled_cloudwatch_logs_exports = ["postgresql"]
        }

        resource "aws_neptune_cluster" "main" {
          enable_cloudwatch_logs_exports = ["audit"]
        }
      `,
    },
    {
      code: tfJson`{ "resource": { "aws_docdb_cluster": { "main": { "enabled_cloudwatch_logs_exports": ["audit"] } } } }`,
    },
  ],
  invalid: [
    {
      name: 'a postgres instance without exports',
      code: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              DBInstanceClass: db.t3.micro
      `,
      errors: [{ messageId: 'none', line: 2, column: 3 }],
      output: cfnYaml`
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: postgres
              DBInstanceClass: db.t3.micro
              EnableCloudwatchLogsExports:
                - postgresql
      `,
    },
    {
      name: 'an Aurora MySQL cluster without audit, an empty DocumentDB list, a MySQL instance without exports',
      code: cfnYaml`
        Resources:
          Aurora:
            Type: AWS::RDS::DBCluster
            Properties:
              Engine: aurora-mysql
              EnableCloudwatchLogsExports:
                - error
                - slowquery
          Docs:
            Type: AWS::DocDB::DBCluster
            Properties:
              EnableCloudwatchLogsExports: []
          Mysql:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: mysql
      `,
      errors: [
        { messageId: 'withoutType', line: 7, column: 9 },
        { messageId: 'none', line: 12, column: 36 },
        { messageId: 'none', line: 13, column: 3 },
      ],
      output: cfnYaml`
        Resources:
          Aurora:
            Type: AWS::RDS::DBCluster
            Properties:
              Engine: aurora-mysql
              EnableCloudwatchLogsExports:
                - error
                - slowquery
                - audit
          Docs:
            Type: AWS::DocDB::DBCluster
            Properties:
              EnableCloudwatchLogsExports: [audit]
          Mysql:
            Type: AWS::RDS::DBInstance
            Properties:
              Engine: mysql
              EnableCloudwatchLogsExports:
                - error
      `,
    },
    {
      name: 'an engine nothing decides: reported without a fix',
      code: cfnYaml`
        Resources:
          Restored:
            Type: AWS::RDS::DBInstance
            Properties:
              DBSnapshotIdentifier: arn:aws:rds:eu-west-1:111122223333:snapshot:nightly
      `,
      errors: [{ messageId: 'none', line: 2, column: 3 }],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Graph": { "Type": "AWS::Neptune::DBCluster", "Properties": { "EnableCloudwatchLogsExports": ["slowquery"] } }
          }
        }
      `,
      errors: [{ messageId: 'withoutType', line: 3, column: 98 }],
      output: cfnJson`
        {
          "Resources": {
            "Graph": { "Type": "AWS::Neptune::DBCluster", "Properties": { "EnableCloudwatchLogsExports": ["slowquery", "audit"] } }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_db_instance" "main" {
          engine                          = "postgres"
          instance_class                  = "db.t3.small"
          enabled_cloudwatch_logs_exports = []
        }

        resource "aws_neptune_cluster" "main" {
          engine = "neptune"
        }

        resource "aws_rds_cluster" "main" {
          engine                          = "aurora-mysql"
          enabled_cloudwatch_logs_exports = ["error"]
        }
      `,
      errors: [
        { messageId: 'none', line: 4, column: 37 },
        { messageId: 'none', line: 7, column: 1 },
        { messageId: 'withoutType', line: 13, column: 37 },
      ],
      output: tfHcl`
        resource "aws_db_instance" "main" {
          engine                          = "postgres"
          instance_class                  = "db.t3.small"
          enabled_cloudwatch_logs_exports = ["postgresql"]
        }

        resource "aws_neptune_cluster" "main" {
          engine                         = "neptune"
          enable_cloudwatch_logs_exports = ["audit"]
        }

        resource "aws_rds_cluster" "main" {
          engine                          = "aurora-mysql"
          enabled_cloudwatch_logs_exports = ["error", "audit"]
        }
      `,
    },
    {
      code: tfJson`{ "resource": { "aws_docdb_cluster": { "main": { "engine": "docdb", "enabled_cloudwatch_logs_exports": ["profiler"] } } } }`,
      errors: [{ messageId: 'withoutType', line: 1, column: 104 }],
      output: tfJson`{ "resource": { "aws_docdb_cluster": { "main": { "engine": "docdb", "enabled_cloudwatch_logs_exports": ["profiler", "audit"] } } } }`,
    },
  ],
});
