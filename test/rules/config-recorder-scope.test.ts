import rule from '../../rules/config/config-recorder-scope';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a recorder of all types, one without a recording group, an exclusion strategy, an all-regions aggregator',
      code: cfnYaml`
        Resources:
          Recorder:
            Type: AWS::Config::ConfigurationRecorder
            Properties:
              RoleARN: !GetAtt ConfigRole.Arn
              RecordingGroup:
                AllSupported: true
                IncludeGlobalResourceTypes: false
          Bare:
            Type: AWS::Config::ConfigurationRecorder
            Properties:
              RoleARN: !GetAtt ConfigRole.Arn
          Excluding:
            Type: AWS::Config::ConfigurationRecorder
            Properties:
              RoleARN: !GetAtt ConfigRole.Arn
              RecordingGroup:
                AllSupported: false
                ExclusionByResourceTypes:
                  ResourceTypes: [AWS::EC2::NetworkInterface]
                RecordingStrategy:
                  UseOnly: EXCLUSION_BY_RESOURCE_TYPES
          Aggregator:
            Type: AWS::Config::ConfigurationAggregator
            Properties:
              AccountAggregationSources:
                - AccountIds: ['111122223333']
                  AllAwsRegions: true
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Aggregator": {
              "Type": "AWS::Config::ConfigurationAggregator",
              "Properties": { "OrganizationAggregationSource": { "RoleArn": "arn:aws:iam::111122223333:role/config", "AllAwsRegions": true } }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_config_configuration_recorder" "main" {
          name     = "main"
          role_arn = aws_iam_role.config.arn

          recording_group {
            all_supported = true
          }
        }

        resource "aws_config_configuration_recorder_status" "main" {
          name       = aws_config_configuration_recorder.main.name
          is_enabled = true
        }

        resource "aws_config_configuration_aggregator" "org" {
          name = "org"

          organization_aggregation_source {
            all_regions = true
            role_arn    = aws_iam_role.organization.arn
          }
        }
      `,
    },
    {
      name: 'unresolved values are not judged',
      code: tfHcl`
        variable "all_regions" {
          type = bool
        }

        resource "aws_config_configuration_aggregator" "org" {
          name = "org"

          account_aggregation_source {
            account_ids = ["111122223333"]
            all_regions = var.all_regions
          }
        }
      `,
    },
    {
      code: tfJson`{ "resource": { "aws_config_configuration_recorder_status": { "main": { "name": "main", "is_enabled": true } } } }`,
    },
  ],
  invalid: [
    {
      name: 'recorders of listed types',
      code: cfnYaml`
        Resources:
          Listed:
            Type: AWS::Config::ConfigurationRecorder
            Properties:
              RecordingGroup:
                ResourceTypes: [AWS::S3::Bucket, AWS::IAM::Role]
          Off:
            Type: AWS::Config::ConfigurationRecorder
            Properties:
              RecordingGroup:
                AllSupported: false
                ResourceTypes: [AWS::S3::Bucket]
          Including:
            Type: AWS::Config::ConfigurationRecorder
            Properties:
              RecordingGroup:
                RecordingStrategy:
                  UseOnly: INCLUSION_BY_RESOURCE_TYPES
                ResourceTypes: [AWS::S3::Bucket]
      `,
      errors: [
        { messageId: 'listedTypes', line: 6, column: 24 },
        { messageId: 'notAllSupported', line: 11, column: 23 },
        { messageId: 'inclusion', line: 18, column: 20 },
      ],
    },
    {
      name: 'aggregators of some regions',
      code: cfnYaml`
        Resources:
          Accounts:
            Type: AWS::Config::ConfigurationAggregator
            Properties:
              AccountAggregationSources:
                - AccountIds: ['111122223333']
                  AwsRegions: [us-west-2, us-east-1]
                - AccountIds: ['444455556666']
                  AllAwsRegions: false
          Org:
            Type: AWS::Config::ConfigurationAggregator
            Properties:
              OrganizationAggregationSource:
                RoleArn: arn:aws:iam::111122223333:role/config
                AwsRegions:
                  - us-west-2
      `,
      errors: [
        { messageId: 'someRegions', line: 6, column: 11 },
        { messageId: 'someRegions', line: 9, column: 26 },
        { messageId: 'someRegions', line: 14, column: 9 },
      ],
      output: cfnYaml`
        Resources:
          Accounts:
            Type: AWS::Config::ConfigurationAggregator
            Properties:
              AccountAggregationSources:
                - AccountIds: ['111122223333']
                  AllAwsRegions: true
                - AccountIds: ['444455556666']
                  AllAwsRegions: true
          Org:
            Type: AWS::Config::ConfigurationAggregator
            Properties:
              OrganizationAggregationSource:
                RoleArn: arn:aws:iam::111122223333:role/config
                AllAwsRegions: true
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Aggregator": {
              "Type": "AWS::Config::ConfigurationAggregator",
              "Properties": { "OrganizationAggregationSource": { "RoleArn": "arn:aws:iam::111122223333:role/config", "AwsRegions": ["us-east-1"] } }
            }
          }
        }
      `,
      errors: [{ messageId: 'someRegions', line: 5, column: 56 }],
      output: cfnJson`
        {
          "Resources": {
            "Aggregator": {
              "Type": "AWS::Config::ConfigurationAggregator",
              "Properties": { "OrganizationAggregationSource": { "RoleArn": "arn:aws:iam::111122223333:role/config", "AllAwsRegions": true } }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_config_configuration_recorder" "main" {
          name     = "main"
          role_arn = aws_iam_role.config.arn

          recording_group {
            all_supported  = false
            resource_types = ["AWS::S3::Bucket"]
          }
        }
      `,
      errors: [{ messageId: 'notAllSupported', line: 6, column: 22 }],
    },
    {
      name: 'a stopped recorder',
      code: tfHcl`
        resource "aws_config_configuration_recorder_status" "main" {
          name       = "main"
          is_enabled = false
        }
      `,
      errors: [{ messageId: 'stopped', line: 3, column: 16 }],
      output: tfHcl`
        resource "aws_config_configuration_recorder_status" "main" {
          name       = "main"
          is_enabled = true
        }
      `,
    },
    {
      name: 'aggregators of some regions',
      code: tfHcl`
        resource "aws_config_configuration_aggregator" "accounts" {
          name = "accounts"

          account_aggregation_source {
            account_ids = ["111122223333"]
            regions     = ["us-east-2", "us-east-1"]
          }
        }

        resource "aws_config_configuration_aggregator" "org" {
          name = "org"

          organization_aggregation_source {
            all_regions = false
            role_arn    = aws_iam_role.organization.arn
          }
        }
      `,
      errors: [
        { messageId: 'someRegions', line: 4, column: 31 },
        { messageId: 'someRegions', line: 14, column: 19 },
      ],
      output: tfHcl`
        resource "aws_config_configuration_aggregator" "accounts" {
          name = "accounts"

          account_aggregation_source {
            account_ids = ["111122223333"]
            all_regions = true
          }
        }

        resource "aws_config_configuration_aggregator" "org" {
          name = "org"

          organization_aggregation_source {
            all_regions = true
            role_arn    = aws_iam_role.organization.arn
          }
        }
      `,
    },
    {
      code: tfJson`{ "resource": { "aws_config_configuration_recorder": { "main": { "name": "main", "recording_group": { "recording_strategy": { "use_only": "INCLUSION_BY_RESOURCE_TYPES" } } } } } }`,
      errors: [{ messageId: 'inclusion', line: 1, column: 139 }],
    },
  ],
});
