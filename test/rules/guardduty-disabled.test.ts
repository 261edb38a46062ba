import rule from '../../rules/guardduty/guardduty-disabled';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Detector:
            Type: AWS::GuardDuty::Detector
            Properties:
              Enable: true
      `,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          Enabled:
            Type: String
            AllowedValues: ['true', 'false']
        Resources:
          Detector:
            Type: AWS::GuardDuty::Detector
            Properties:
              Enable: !Ref Enabled
      `,
    },
    {
      code: cfnJson`{ "Resources": { "Detector": { "Type": "AWS::GuardDuty::Detector", "Properties": { "Enable": true } } } }`,
    },
    {
      name: 'enable missing: the provider default is true',
      code: tfHcl`
        resource "aws_guardduty_detector" "main" {
          finding_publishing_frequency = "FIFTEEN_MINUTES"
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_guardduty_detector" "main" {
          enable = true
        }
      `,
    },
    {
      code: tfJson`{ "resource": { "aws_guardduty_detector": { "main": { "enable": true } } } }`,
    },
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Detector:
            Type: AWS::GuardDuty::Detector
            Properties:
              Enable: False
              FindingPublishingFrequency: FIFTEEN_MINUTES
      `,
      errors: [{ messageId: 'disabled', line: 5, column: 15 }],
      output: cfnYaml`
        Resources:
          Detector:
            Type: AWS::GuardDuty::Detector
            Properties:
              Enable: true
              FindingPublishingFrequency: FIFTEEN_MINUTES
      `,
    },
    {
      name: 'a parameter whose Default is false decides',
      code: cfnYaml`
        Parameters:
          Enabled:
            Type: String
            Default: 'false'
        Resources:
          Detector:
            Type: AWS::GuardDuty::Detector
            Properties:
              Enable: !Ref Enabled
      `,
      errors: [{ messageId: 'disabled', line: 9, column: 15 }],
      output: cfnYaml`
        Parameters:
          Enabled:
            Type: String
            Default: 'false'
        Resources:
          Detector:
            Type: AWS::GuardDuty::Detector
            Properties:
              Enable: true
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Detector": { "Type": "AWS::GuardDuty::Detector", "Properties": { "Enable": "false" } }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 3, column: 81 }],
      output: cfnJson`
        {
          "Resources": {
            "Detector": { "Type": "AWS::GuardDuty::Detector", "Properties": { "Enable": true } }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_guardduty_detector" "main" {
          enable = false
        }
      `,
      errors: [{ messageId: 'disabled', line: 2, column: 12 }],
      output: tfHcl`
        resource "aws_guardduty_detector" "main" {
          enable = true
        }
      `,
    },
    {
      name: 'a variable whose default is false decides',
      code: tfHcl`
        variable "guardduty_enabled" {
          default = false
        }

        resource "aws_guardduty_detector" "main" {
          enable = var.guardduty_enabled
        }
      `,
      errors: [{ messageId: 'disabled', line: 6, column: 12 }],
      output: tfHcl`
        variable "guardduty_enabled" {
          default = false
        }

        resource "aws_guardduty_detector" "main" {
          enable = true
        }
      `,
    },
    {
      code: tfJson`{ "resource": { "aws_guardduty_detector": { "main": { "enable": false } } } }`,
      errors: [{ messageId: 'disabled', line: 1, column: 65 }],
      output: tfJson`{ "resource": { "aws_guardduty_detector": { "main": { "enable": true } } } }`,
    },
  ],
});
