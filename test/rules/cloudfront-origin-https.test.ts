import rule from '../../rules/cloudfront/cloudfront-origin-https';
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
              Origins:
                - Id: app
                  DomainName: app.example.com
                  CustomOriginConfig:
                    OriginProtocolPolicy: https-only
                    OriginSSLProtocols: [TLSv1.2]
                - Id: api
                  DomainName: api.example.com
                  CustomOriginConfig:
                    OriginProtocolPolicy: match-viewer
              DefaultCacheBehavior:
                TargetOriginId: app
                ViewerProtocolPolicy: allow-all
              CacheBehaviors:
                - PathPattern: /api/*
                  TargetOriginId: api
                  ViewerProtocolPolicy: redirect-to-https
    `,
    {
      name: 'S3 website endpoints serve HTTP only (literal host, or derived from the bucket WebsiteURL)',
      code: cfnYaml`
        Resources:
          Site:
            Type: AWS::S3::Bucket
            Properties:
              WebsiteConfiguration:
                IndexDocument: index.html
          Cdn:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                Origins:
                  - Id: site
                    DomainName: !Select [2, !Split ['/', !GetAtt Site.WebsiteURL]]
                    CustomOriginConfig:
                      OriginProtocolPolicy: http-only
                  - Id: legacy
                    DomainName: legacy.s3-website-us-east-1.amazonaws.com
                    CustomOriginConfig:
                      OriginProtocolPolicy: http-only
                  - Id: dotted
                    DomainName: dotted.s3-website.eu-west-3.amazonaws.com
                    CustomOriginConfig:
                      OriginProtocolPolicy: http-only
                DefaultCacheBehavior:
                  TargetOriginId: site
                  ViewerProtocolPolicy: redirect-to-https
      `,
    },
    {
      name: 'a policy from a parameter without Default is not judged',
      code: cfnJson`
        {
          "Parameters": { "Policy": { "Type": "String" } },
          "Resources": {
            "Cdn": {
              "Type": "AWS::CloudFront::Distribution",
              "Properties": {
                "DistributionConfig": {
                  "Origins": [{ "Id": "app", "DomainName": "app.example.com", "CustomOriginConfig": { "OriginProtocolPolicy": { "Ref": "Policy" } } }]
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
          origin_id   = "app"
          domain_name = "app.example.com"
          custom_origin_config {
            http_port              = 80
            https_port             = 443
            origin_protocol_policy = "https-only"
            origin_ssl_protocols   = ["TLSv1.2"]
          }
        }
        origin {
          origin_id   = "site"
          domain_name = aws_s3_bucket_website_configuration.site.website_endpoint
          custom_origin_config {
            http_port              = 80
            https_port             = 443
            origin_protocol_policy = "http-only"
            origin_ssl_protocols   = ["TLSv1.2"]
          }
        }
        default_cache_behavior {
          target_origin_id       = "app"
          viewer_protocol_policy = "allow-all"
        }
      }
    `,
    tfJson`{"resource":{"aws_cloudfront_distribution":{"cdn":{"origin":[{"origin_id":"app","domain_name":"app.example.com","custom_origin_config":{"origin_protocol_policy":"match-viewer","origin_ssl_protocols":["TLSv1.2"]}}],"default_cache_behavior":{"target_origin_id":"app","viewer_protocol_policy":"https-only"}}}}}`,
  ],
  invalid: [
    {
      name: 'http-only, match-viewer behind an allow-all behaviour, SSLv3',
      code: cfnYaml`
        Resources:
          Cdn:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                Origins:
                  - Id: app
                    DomainName: app.example.com
                    CustomOriginConfig:
                      OriginProtocolPolicy: http-only
                  - Id: api
                    DomainName: api.example.com
                    CustomOriginConfig:
                      OriginProtocolPolicy: match-viewer
                      OriginSSLProtocols: [SSLv3, TLSv1.2]
                DefaultCacheBehavior:
                  TargetOriginId: app
                  ViewerProtocolPolicy: redirect-to-https
                CacheBehaviors:
                  - PathPattern: /api/*
                    TargetOriginId: api
                    ViewerProtocolPolicy: allow-all
      `,
      errors: [
        { messageId: 'httpOnly', line: 11, column: 37 },
        { messageId: 'matchViewer', line: 15, column: 37 },
        { messageId: 'sslv3', line: 16, column: 36 },
      ],
      output: cfnYaml`
        Resources:
          Cdn:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                Origins:
                  - Id: app
                    DomainName: app.example.com
                    CustomOriginConfig:
                      OriginProtocolPolicy: https-only
                  - Id: api
                    DomainName: api.example.com
                    CustomOriginConfig:
                      OriginProtocolPolicy: https-only
                      OriginSSLProtocols: [TLSv1.2]
                DefaultCacheBehavior:
                  TargetOriginId: app
                  ViewerProtocolPolicy: redirect-to-https
                CacheBehaviors:
                  - PathPattern: /api/*
                    TargetOriginId: api
                    ViewerProtocolPolicy: allow-all
      `,
    },
    {
      name: 'a list of only SSLv3 becomes TLSv1.2',
      code: cfnJson`
        {
          "Resources": {
            "Cdn": {
              "Type": "AWS::CloudFront::Distribution",
              "Properties": {
                "DistributionConfig": {
                  "Origins": [{ "Id": "app", "DomainName": "app.example.com", "CustomOriginConfig": { "OriginProtocolPolicy": "https-only", "OriginSSLProtocols": ["SSLv3"] } }]
                }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'sslv3', line: 7, column: 156 }],
      output: cfnJson`
        {
          "Resources": {
            "Cdn": {
              "Type": "AWS::CloudFront::Distribution",
              "Properties": {
                "DistributionConfig": {
                  "Origins": [{ "Id": "app", "DomainName": "app.example.com", "CustomOriginConfig": { "OriginProtocolPolicy": "https-only", "OriginSSLProtocols": ["TLSv1.2"] } }]
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
          origin {
            origin_id   = "app"
            domain_name = aws_lb.app.dns_name
            custom_origin_config {
              http_port              = 80
              https_port             = 443
              origin_protocol_policy = "match-viewer"
              origin_ssl_protocols   = ["SSLv3", "TLSv1", "TLSv1.2"]
            }
          }
          default_cache_behavior {
            target_origin_id       = "app"
            viewer_protocol_policy = "allow-all"
          }
        }
      `,
      errors: [
        { messageId: 'matchViewer', line: 9, column: 32 },
        { messageId: 'sslv3', line: 10, column: 33 },
      ],
      output: tfHcl`
        resource "aws_cloudfront_distribution" "cdn" {
          enabled = true
          origin {
            origin_id   = "app"
            domain_name = aws_lb.app.dns_name
            custom_origin_config {
              http_port              = 80
              https_port             = 443
              origin_protocol_policy = "https-only"
              origin_ssl_protocols   = ["TLSv1", "TLSv1.2"]
            }
          }
          default_cache_behavior {
            target_origin_id       = "app"
            viewer_protocol_policy = "allow-all"
          }
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_cloudfront_distribution": {
              "cdn": {
                "origin": [{ "origin_id": "app", "domain_name": "app.example.com", "custom_origin_config": [{ "origin_protocol_policy": "http-only", "origin_ssl_protocols": ["TLSv1.2"] }] }]
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'httpOnly', line: 5, column: 129 }],
      output: tfJson`
        {
          "resource": {
            "aws_cloudfront_distribution": {
              "cdn": {
                "origin": [{ "origin_id": "app", "domain_name": "app.example.com", "custom_origin_config": [{ "origin_protocol_policy": "https-only", "origin_ssl_protocols": ["TLSv1.2"] }] }]
              }
            }
          }
        }
      `,
    },
  ],
});
