import rule from '../../rules/cloudfront/cloudfront-tls-policy';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    cfnYaml`
      Resources:
        Cdn:
          Type: AWS::CloudFront::Distribution
          Properties:
            DistributionConfig:
              Enabled: true
              ViewerCertificate:
                AcmCertificateArn: !Ref Certificate
                SslSupportMethod: sni-only
                MinimumProtocolVersion: TLSv1.2_2021
    `,
    {
      name: 'the default certificate is not judged (CloudFront sets TLSv1 whatever is written)',
      code: cfnYaml`
        Resources:
          Default:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                ViewerCertificate:
                  CloudFrontDefaultCertificate: true
                  MinimumProtocolVersion: TLSv1
          NoCertificate:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
      `,
    },
    {
      name: 'a version from a parameter without Default is not judged',
      code: cfnJson`
        {
          "Parameters": { "Version": { "Type": "String" } },
          "Resources": {
            "Cdn": {
              "Type": "AWS::CloudFront::Distribution",
              "Properties": {
                "DistributionConfig": {
                  "ViewerCertificate": { "IamCertificateId": "ASCAEXAMPLE", "MinimumProtocolVersion": { "Ref": "Version" } }
                }
              }
            }
          }
        }
      `,
    },
    tfHcl`
      resource "aws_cloudfront_distribution" "cdn" {
        enabled = true
        viewer_certificate {
          acm_certificate_arn      = aws_acm_certificate.cdn.arn
          ssl_support_method       = "sni-only"
          minimum_protocol_version = "TLSv1.2_2019"
        }
      }

      resource "aws_cloudfront_distribution" "default" {
        enabled = true
        viewer_certificate {
          cloudfront_default_certificate = true
        }
      }
    `,
    tfJson`{"resource":{"aws_cloudfront_distribution":{"cdn":{"viewer_certificate":{"acm_certificate_arn":"arn:aws:acm:us-east-1:123456789012:certificate/abc","minimum_protocol_version":"TLSv1.3_2025"}}}}}`,
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Cdn:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                ViewerCertificate:
                  AcmCertificateArn: !Ref Certificate
                  SslSupportMethod: sni-only
                  MinimumProtocolVersion: TLSv1.1_2016
          Iam:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                ViewerCertificate:
                  IamCertificateId: ASCAEXAMPLE
                  SslSupportMethod: sni-only
      `,
      errors: [
        { messageId: 'outdated', line: 10, column: 35 },
        { messageId: 'missing', line: 16, column: 9 },
      ],
      output: cfnYaml`
        Resources:
          Cdn:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                ViewerCertificate:
                  AcmCertificateArn: !Ref Certificate
                  SslSupportMethod: sni-only
                  MinimumProtocolVersion: TLSv1.2_2021
          Iam:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                ViewerCertificate:
                  IamCertificateId: ASCAEXAMPLE
                  SslSupportMethod: sni-only
                  MinimumProtocolVersion: TLSv1.2_2021
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Cdn": {
              "Type": "AWS::CloudFront::Distribution",
              "Properties": {
                "DistributionConfig": {
                  "ViewerCertificate": { "AcmCertificateArn": { "Ref": "Certificate" }, "CloudFrontDefaultCertificate": false, "MinimumProtocolVersion": "SSLv3" }
                }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'outdated', line: 7, column: 146 }],
      output: cfnJson`
        {
          "Resources": {
            "Cdn": {
              "Type": "AWS::CloudFront::Distribution",
              "Properties": {
                "DistributionConfig": {
                  "ViewerCertificate": { "AcmCertificateArn": { "Ref": "Certificate" }, "CloudFrontDefaultCertificate": false, "MinimumProtocolVersion": "TLSv1.2_2021" }
                }
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_cloudfront_distribution" "cdn" {
          enabled = true
          viewer_certificate {
            acm_certificate_arn      = aws_acm_certificate.cdn.arn
            ssl_support_method       = "sni-only"
            minimum_protocol_version = "TLSv1"
          }
        }

        resource "aws_cloudfront_distribution" "iam" {
          enabled = true
          viewer_certificate {
            iam_certificate_id = "ASCAEXAMPLE"
          }
        }
      `,
      errors: [
        { messageId: 'outdated', line: 6, column: 32 },
        { messageId: 'missing', line: 12, column: 3 },
      ],
      output: tfHcl`
        resource "aws_cloudfront_distribution" "cdn" {
          enabled = true
          viewer_certificate {
            acm_certificate_arn      = aws_acm_certificate.cdn.arn
            ssl_support_method       = "sni-only"
            minimum_protocol_version = "TLSv1.2_2021"
          }
        }

        resource "aws_cloudfront_distribution" "iam" {
          enabled = true
          viewer_certificate {
            iam_certificate_id       = "ASCAEXAMPLE"
            minimum_protocol_version = "TLSv1.2_2021"
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_cloudfront_distribution": {
              "cdn": { "viewer_certificate": [{ "acm_certificate_arn": "arn:aws:acm:us-east-1:123456789012:certificate/abc", "minimum_protocol_version": "TLSv1_2016" }] }
            }
          }
        }
      `,
      errors: [{ messageId: 'outdated', line: 4, column: 146 }],
      output: tfJson`
        {
          "resource": {
            "aws_cloudfront_distribution": {
              "cdn": { "viewer_certificate": [{ "acm_certificate_arn": "arn:aws:acm:us-east-1:123456789012:certificate/abc", "minimum_protocol_version": "TLSv1.2_2021" }] }
            }
          }
        }
      `,
    },
  ],
});
