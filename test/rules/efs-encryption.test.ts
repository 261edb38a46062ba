import rule from '../../rules/efs/efs-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Files:
            Type: AWS::EFS::FileSystem
            Properties:
              Encrypted: true
              PerformanceMode: generalPurpose
      `,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          Encrypt:
            Type: String
            AllowedValues: ["true", "false"]
        Resources:
          Files:
            Type: AWS::EFS::FileSystem
            Properties:
              Encrypted: !Ref Encrypt
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Files": {
              "Type": "AWS::EFS::FileSystem",
              "Properties": { "Encrypted": "true" }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_efs_file_system" "files" {
          creation_token = "files"
          encrypted      = true
        }
      `,
    },
    {
      name: 'a variable with a true default',
      code: tfHcl`
        variable "encrypted" {
          type    = bool
          default = true
        }

        resource "aws_efs_file_system" "files" {
          encrypted = var.encrypted
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_efs_file_system":{"files":{"creation_token":"files","encrypted":true}}}}`,
    },
  ],
  invalid: [
    {
      name: 'false, and missing with a comment kept',
      code: cfnYaml`
        Resources:
          Disabled:
            Type: AWS::EFS::FileSystem
            Properties:
              Encrypted: false # for now
          Missing:
            Type: AWS::EFS::FileSystem
            Properties:
              # general purpose is enough
              PerformanceMode: generalPurpose
          Bare:
            Type: AWS::EFS::FileSystem
      `,
      errors: [
        { messageId: 'disabled', line: 5, column: 18 },
        { messageId: 'missing', line: 6, column: 3 },
        { messageId: 'missing', line: 11, column: 3 },
      ],
      output: cfnYaml`
        Resources:
          Disabled:
            Type: AWS::EFS::FileSystem
            Properties:
              Encrypted: true # for now
          Missing:
            Type: AWS::EFS::FileSystem
            Properties:
              # general purpose is enough
              PerformanceMode: generalPurpose
              Encrypted: true
          Bare:
            Type: AWS::EFS::FileSystem
            Properties:
              Encrypted: true
      `,
    },
    {
      name: 'a parameter whose Default is false decides',
      code: cfnYaml`
        Parameters:
          Encrypt:
            Type: String
            Default: "false"
        Resources:
          Files:
            Type: AWS::EFS::FileSystem
            Properties:
              Encrypted: !Ref Encrypt
      `,
      errors: [{ messageId: 'disabled', line: 9, column: 18 }],
      output: cfnYaml`
        Parameters:
          Encrypt:
            Type: String
            Default: "false"
        Resources:
          Files:
            Type: AWS::EFS::FileSystem
            Properties:
              Encrypted: true
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Files": {
              "Type": "AWS::EFS::FileSystem",
              "Properties": {
                "PerformanceMode": "generalPurpose"
              }
            },
            "Off": {
              "Type": "AWS::EFS::FileSystem",
              "Properties": { "Encrypted": false }
            }
          }
        }
      `,
      errors: [
        { messageId: 'missing', line: 3, column: 5 },
        { messageId: 'disabled', line: 11, column: 36 },
      ],
      output: cfnJson`
        {
          "Resources": {
            "Files": {
              "Type": "AWS::EFS::FileSystem",
              "Properties": {
                "PerformanceMode": "generalPurpose",
                "Encrypted": true
              }
            },
            "Off": {
              "Type": "AWS::EFS::FileSystem",
              "Properties": { "Encrypted": true }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_efs_file_system" "missing" {
          creation_token = "missing"

          tags = {
            Name = "missing"
          }
        }

        resource "aws_efs_file_system" "disabled" {
          creation_token = "disabled"
          encrypted      = false
        }
      `,
      errors: [
        { messageId: 'missing', line: 1, column: 1 },
        { messageId: 'disabled', line: 11, column: 20 },
      ],
      output: tfHcl`
        resource "aws_efs_file_system" "missing" {
          creation_token = "missing"

          tags = {
            Name = "missing"
          }
          encrypted = true
        }

        resource "aws_efs_file_system" "disabled" {
          creation_token = "disabled"
          encrypted      = true
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_efs_file_system": {
              "files": {
                "creation_token": "files"
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 4, column: 7 }],
      output: tfJson`
        {
          "resource": {
            "aws_efs_file_system": {
              "files": {
                "creation_token": "files",
                "encrypted": true
              }
            }
          }
        }
      `,
    },
  ],
});
