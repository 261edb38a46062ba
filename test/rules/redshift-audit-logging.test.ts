import rule from '../../rules/redshift/redshift-audit-logging';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'to S3 with a bucket (the destination type defaults to s3)',
      code: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::Redshift::Cluster
            Properties:
              NodeType: ra3.xlplus
              LoggingProperties:
                BucketName: !Ref AuditBucket
                S3KeyPrefix: redshift/
      `,
    },
    {
      code: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::Redshift::Cluster
            Properties:
              LoggingProperties:
                LogDestinationType: cloudwatch
                LogExports: [connectionlog, userlog, useractivitylog]
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Cluster": { "Type": "AWS::Redshift::Cluster", "Properties": { "LoggingProperties": { "LogDestinationType": "s3", "BucketName": "audit-logs" } } }
          }
        }
      `,
    },
    {
      name: 'an aws_redshift_logging in a sibling file names the cluster by reference',
      code: tfHcl`
        resource "aws_redshift_cluster" "main" {
          cluster_identifier = "main"
          node_type          = "ra3.xlplus"
        }
      `,
      module: {
        'logging.tf':
          'resource "aws_redshift_logging" "main" {\n  cluster_identifier   = aws_redshift_cluster.main.id\n  log_destination_type = "cloudwatch"\n  log_exports          = ["connectionlog"]\n}\n',
      },
    },
    {
      name: 'an aws_redshift_logging names the cluster by its literal identifier',
      code: tfHcl`
        resource "aws_redshift_cluster" "main" {
          cluster_identifier = "analytics"
        }

        resource "aws_redshift_logging" "main" {
          cluster_identifier   = "analytics"
          log_destination_type = "s3"
          bucket_name          = "audit-logs"
        }
      `,
    },
    {
      name: 'provider 5.x inline logging',
      code: tfHcl`
        resource "aws_redshift_cluster" "main" {
          cluster_identifier = "main"
          logging {
            enable      = true
            bucket_name = "audit-logs"
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_redshift_cluster": { "main": { "cluster_identifier": "main" } },
            "aws_redshift_logging": { "main": { "cluster_identifier": "\${aws_redshift_cluster.main.cluster_identifier}", "log_destination_type": "cloudwatch" } }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::Redshift::Cluster
            Properties:
              NodeType: ra3.xlplus
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
      output: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::Redshift::Cluster
            Properties:
              NodeType: ra3.xlplus
              LoggingProperties:
                LogDestinationType: cloudwatch
                LogExports:
                  - connectionlog
                  - userlog
                  - useractivitylog
      `,
    },
    {
      name: 's3 without a bucket',
      code: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::Redshift::Cluster
            Properties:
              LoggingProperties:
                LogDestinationType: s3
      `,
      errors: [{ messageId: 'noBucket', line: 6, column: 29 }],
      output: cfnYaml`
        Resources:
          Cluster:
            Type: AWS::Redshift::Cluster
            Properties:
              LoggingProperties:
                LogDestinationType: cloudwatch
                LogExports:
                  - connectionlog
                  - userlog
                  - useractivitylog
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Cluster": { "Type": "AWS::Redshift::Cluster", "Properties": { "NodeType": "ra3.xlplus" } }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 3, column: 5 }],
      output: cfnJson`
        {
          "Resources": {
            "Cluster": { "Type": "AWS::Redshift::Cluster", "Properties": { "NodeType": "ra3.xlplus", "LoggingProperties": { "LogDestinationType": "cloudwatch", "LogExports": ["connectionlog", "userlog", "useractivitylog"] } } }
          }
        }
      `,
    },
    {
      name: 'a logging resource for another cluster does not count',
      code: tfHcl`
        resource "aws_redshift_cluster" "main" {
          cluster_identifier = "main"
        }

        resource "aws_redshift_logging" "other" {
          cluster_identifier   = aws_redshift_cluster.other.id
          log_destination_type = "cloudwatch"
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_redshift_cluster" "main" {
          cluster_identifier = "main"
        }

        resource "aws_redshift_logging" "main" {
          cluster_identifier   = aws_redshift_cluster.main.id
          log_destination_type = "cloudwatch"
          log_exports          = ["connectionlog", "userlog", "useractivitylog"]
        }

        resource "aws_redshift_logging" "other" {
          cluster_identifier   = aws_redshift_cluster.other.id
          log_destination_type = "cloudwatch"
        }
      `,
    },
    {
      name: 'provider 5.x inline logging turned off: no fix',
      code: tfHcl`
        resource "aws_redshift_cluster" "main" {
          cluster_identifier = "main"
          logging {
            enable = false
          }
        }
      `,
      errors: [{ messageId: 'inlineDisabled', line: 4, column: 14 }],
    },
    {
      name: 'a counted cluster gets no generated companion',
      code: tfHcl`
        resource "aws_redshift_cluster" "main" {
          count              = 2
          cluster_identifier = "main-\${count.index}"
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
    },
    {
      code: tfJson`{ "resource": { "aws_redshift_cluster": { "main": { "cluster_identifier": "main", "logging": { "enable": false } } } } }`,
      errors: [{ messageId: 'inlineDisabled', line: 1, column: 106 }],
    },
  ],
});
