import rule from '../../rules/cloudfront/cloudfront-s3-origin-access';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'origin access control, legacy identity, and a custom origin',
      code: cfnYaml`
        Resources:
          Assets:
            Type: AWS::S3::Bucket
          Cdn:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                Origins:
                  - Id: assets
                    DomainName: !GetAtt Assets.RegionalDomainName
                    OriginAccessControlId: !GetAtt Oac.Id
                    S3OriginConfig:
                      OriginAccessIdentity: ''
                  - Id: legacy
                    DomainName: legacy.s3.amazonaws.com
                    S3OriginConfig:
                      OriginAccessIdentity: !Sub origin-access-identity/cloudfront/\${Oai}
                  - Id: app
                    DomainName: app.example.com
                    CustomOriginConfig:
                      OriginProtocolPolicy: https-only
      `,
    },
    {
      name: 'a regional domain name of something that is not a bucket is not an S3 origin',
      code: cfnJson`
        {
          "Resources": {
            "ApiDomain": { "Type": "AWS::ApiGateway::DomainName", "Properties": { "DomainName": "api.example.com" } },
            "Cdn": {
              "Type": "AWS::CloudFront::Distribution",
              "Properties": {
                "DistributionConfig": {
                  "Origins": [{ "Id": "api", "DomainName": { "Fn::GetAtt": ["ApiDomain", "RegionalDomainName"] }, "CustomOriginConfig": { "OriginProtocolPolicy": "https-only" } }]
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
        origin {
          origin_id                = "assets"
          domain_name              = aws_s3_bucket.assets.bucket_regional_domain_name
          origin_access_control_id = aws_cloudfront_origin_access_control.assets.id
        }
        origin {
          origin_id   = "legacy"
          domain_name = "legacy.s3.eu-west-1.amazonaws.com"
          s3_origin_config {
            origin_access_identity = aws_cloudfront_origin_access_identity.legacy.cloudfront_access_identity_path
          }
        }
      }
    `,
    {
      name: 'an identity from a variable without default is not judged',
      code: tfHcl`
        variable "oai" {
          type = string
        }

        resource "aws_cloudfront_distribution" "cdn" {
          enabled = true
          origin {
            origin_id   = "assets"
            domain_name = "assets.s3.amazonaws.com"
            s3_origin_config {
              origin_access_identity = var.oai
            }
          }
        }
      `,
    },
    tfJson`{"resource":{"aws_cloudfront_distribution":{"cdn":{"origin":[{"origin_id":"assets","domain_name":"\${aws_s3_bucket.assets.bucket_regional_domain_name}","origin_access_control_id":"\${aws_cloudfront_origin_access_control.assets.id}"}]}}}}`,
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Assets:
            Type: AWS::S3::Bucket
          Cdn:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                Origins:
                  - Id: assets
                    DomainName: !GetAtt Assets.DomainName
                    CustomOriginConfig:
                      OriginProtocolPolicy: https-only
                  - Id: legacy
                    DomainName: legacy.s3-us-west-2.amazonaws.com
                    S3OriginConfig: {}
                  - Id: empty
                    DomainName: !Ref ExternalDomain
                    S3OriginConfig:
                      OriginAccessIdentity: ''
      `,
      errors: [
        { messageId: 'noAccessControl', line: 10, column: 13 },
        { messageId: 'noAccessControl', line: 14, column: 13 },
        { messageId: 'noAccessControl', line: 17, column: 13 },
      ],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Cdn": {
              "Type": "AWS::CloudFront::Distribution",
              "Properties": {
                "DistributionConfig": {
                  "Origins": [{ "Id": "assets", "DomainName": "assets.s3.amazonaws.com", "S3OriginConfig": { "OriginAccessIdentity": "" } }]
                }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'noAccessControl', line: 7, column: 23 }],
    },
    {
      code: tfHcl`
        resource "aws_cloudfront_distribution" "cdn" {
          enabled = true
          origin {
            origin_id   = "assets"
            domain_name = aws_s3_bucket.assets.bucket_regional_domain_name
          }
          origin {
            origin_id   = "named"
            domain_name = "named.s3.amazonaws.com"
            s3_origin_config {
              origin_access_identity = ""
            }
          }
        }
      `,
      errors: [
        { messageId: 'noAccessControl', line: 3, column: 11 },
        { messageId: 'noAccessControl', line: 7, column: 11 },
      ],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_cloudfront_distribution": {
              "cdn": { "origin": [{ "origin_id": "assets", "domain_name": "\${aws_s3_bucket.assets.bucket_domain_name}" }] }
            }
          }
        }
      `,
      errors: [{ messageId: 'noAccessControl', line: 4, column: 27 }],
    },
  ],
});
