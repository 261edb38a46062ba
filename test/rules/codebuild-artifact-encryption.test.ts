import rule from '../../rules/codebuild/codebuild-artifact-encryption';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Build:
            Type: AWS::CodeBuild::Project
            Properties:
              Artifacts:
                Type: S3
                Location: !Ref ArtifactBucket
      `,
    },
    {
      name: 'pipeline artifacts are encrypted by the pipeline store',
      code: cfnYaml`
        Resources:
          Build:
            Type: AWS::CodeBuild::Project
            Properties:
              Artifacts:
                Type: CODEPIPELINE
                EncryptionDisabled: true
      `,
    },
    {
      name: 'an artifact type from a parameter without Default is not judged',
      code: cfnJson`
        {
          "Parameters": { "ArtifactType": { "Type": "String" } },
          "Resources": {
            "Build": {
              "Type": "AWS::CodeBuild::Project",
              "Properties": { "Artifacts": { "Type": { "Ref": "ArtifactType" }, "EncryptionDisabled": true } }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_codebuild_project" "build" {
          name = "build"
          artifacts {
            type                = "S3"
            location            = aws_s3_bucket.artifacts.bucket
            encryption_disabled = false
          }
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_codebuild_project":{"build":{"artifacts":{"type":"NO_ARTIFACTS","encryption_disabled":true}}}}}`,
    },
  ],
  invalid: [
    {
      name: 'the primary and one secondary artifact',
      code: cfnYaml`
        Resources:
          Build:
            Type: AWS::CodeBuild::Project
            Properties:
              Artifacts:
                Type: S3
                Location: !Ref ArtifactBucket
                EncryptionDisabled: true
              SecondaryArtifacts:
                - Type: S3
                  ArtifactIdentifier: reports
                  Location: !Ref ReportBucket
                - Type: S3
                  ArtifactIdentifier: site
                  Location: !Ref SiteBucket
                  EncryptionDisabled: "true"
      `,
      errors: [
        { messageId: 'disabled', line: 8, column: 29 },
        { messageId: 'disabled', line: 16, column: 31 },
      ],
      output: cfnYaml`
        Resources:
          Build:
            Type: AWS::CodeBuild::Project
            Properties:
              Artifacts:
                Type: S3
                Location: !Ref ArtifactBucket
              SecondaryArtifacts:
                - Type: S3
                  ArtifactIdentifier: reports
                  Location: !Ref ReportBucket
                - Type: S3
                  ArtifactIdentifier: site
                  Location: !Ref SiteBucket
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Build": {
              "Type": "AWS::CodeBuild::Project",
              "Properties": {
                "Artifacts": {
                  "Type": "S3",
                  "EncryptionDisabled": true,
                  "Location": "artifacts-bucket"
                }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 8, column: 33 }],
      output: cfnJson`
        {
          "Resources": {
            "Build": {
              "Type": "AWS::CodeBuild::Project",
              "Properties": {
                "Artifacts": {
                  "Type": "S3",
                  "Location": "artifacts-bucket"
                }
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_codebuild_project" "build" {
          name = "build"

          artifacts {
            type = "CODEPIPELINE"
          }

          secondary_artifacts {
            type                = "S3"
            artifact_identifier = "reports"
            location            = aws_s3_bucket.reports.bucket
            encryption_disabled = true
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 12, column: 27 }],
      output: tfHcl`
        resource "aws_codebuild_project" "build" {
          name = "build"

          artifacts {
            type = "CODEPIPELINE"
          }

          secondary_artifacts {
            type                = "S3"
            artifact_identifier = "reports"
            location            = aws_s3_bucket.reports.bucket
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_codebuild_project": {
              "build": {
                "artifacts": { "type": "S3", "location": "artifacts-bucket", "encryption_disabled": true }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 5, column: 93 }],
      output: tfJson`
        {
          "resource": {
            "aws_codebuild_project": {
              "build": {
                "artifacts": { "type": "S3", "location": "artifacts-bucket" }
              }
            }
          }
        }
      `,
    },
  ],
});
