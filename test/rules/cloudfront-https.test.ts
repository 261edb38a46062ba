import rule from '../../rules/cloudfront/cloudfront-https';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      code: cfnYaml`
        Resources:
          Cdn:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                DefaultCacheBehavior:
                  TargetOriginId: site
                  ViewerProtocolPolicy: redirect-to-https
                CacheBehaviors:
                  - PathPattern: /api/*
                    TargetOriginId: api
                    ViewerProtocolPolicy: https-only
      `,
    },
    {
      name: 'a policy from a parameter without Default is not judged',
      code: cfnJson`{"Parameters":{"Policy":{"Type":"String"}},"Resources":{"Cdn":{"Type":"AWS::CloudFront::Distribution","Properties":{"DistributionConfig":{"DefaultCacheBehavior":{"ViewerProtocolPolicy":{"Ref":"Policy"}}}}}}}`,
    },
    {
      code: tfHcl`
        resource "aws_cloudfront_distribution" "cdn" {
          enabled = true

          default_cache_behavior {
            target_origin_id       = "site"
            viewer_protocol_policy = "redirect-to-https"
          }

          ordered_cache_behavior {
            path_pattern           = "/api/*"
            target_origin_id       = "api"
            viewer_protocol_policy = "https-only"
          }
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_cloudfront_distribution":{"cdn":{"default_cache_behavior":{"viewer_protocol_policy":"https-only"}}}}}`,
    },
  ],
  invalid: [
    {
      name: 'default and ordered behaviours',
      code: cfnYaml`
        Resources:
          Cdn:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                DefaultCacheBehavior:
                  TargetOriginId: site
                  ViewerProtocolPolicy: allow-all
                CacheBehaviors:
                  - PathPattern: /static/*
                    TargetOriginId: site
                    ViewerProtocolPolicy: https-only
                  - PathPattern: /api/*
                    TargetOriginId: api
                    ViewerProtocolPolicy: 'allow-all' # legacy clients
      `,
      errors: [
        { messageId: 'allowAll', line: 9, column: 33 },
        { messageId: 'allowAll', line: 16, column: 35 },
      ],
      output: cfnYaml`
        Resources:
          Cdn:
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Enabled: true
                DefaultCacheBehavior:
                  TargetOriginId: site
                  ViewerProtocolPolicy: redirect-to-https
                CacheBehaviors:
                  - PathPattern: /static/*
                    TargetOriginId: site
                    ViewerProtocolPolicy: https-only
                  - PathPattern: /api/*
                    TargetOriginId: api
                    ViewerProtocolPolicy: 'redirect-to-https' # legacy clients
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
                  "DefaultCacheBehavior": { "TargetOriginId": "site", "ViewerProtocolPolicy": "allow-all" }
                }
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'allowAll', line: 7 }],
      output: cfnJson`
        {
          "Resources": {
            "Cdn": {
              "Type": "AWS::CloudFront::Distribution",
              "Properties": {
                "DistributionConfig": {
                  "DefaultCacheBehavior": { "TargetOriginId": "site", "ViewerProtocolPolicy": "redirect-to-https" }
                }
              }
            }
          }
        }
      `,
    },
    {
      name: 'the second ordered behaviour',
      code: tfHcl`
        resource "aws_cloudfront_distribution" "cdn" {
          enabled = true

          default_cache_behavior {
            target_origin_id       = "site"
            viewer_protocol_policy = "https-only"
          }

          ordered_cache_behavior {
            path_pattern           = "/static/*"
            viewer_protocol_policy = "redirect-to-https"
          }

          ordered_cache_behavior {
            path_pattern           = "/api/*"
            viewer_protocol_policy = "allow-all"
          }
        }
      `,
      errors: [{ messageId: 'allowAll', line: 16, column: 30 }],
      output: tfHcl`
        resource "aws_cloudfront_distribution" "cdn" {
          enabled = true

          default_cache_behavior {
            target_origin_id       = "site"
            viewer_protocol_policy = "https-only"
          }

          ordered_cache_behavior {
            path_pattern           = "/static/*"
            viewer_protocol_policy = "redirect-to-https"
          }

          ordered_cache_behavior {
            path_pattern           = "/api/*"
            viewer_protocol_policy = "redirect-to-https"
          }
        }
      `,
    },
    {
      name: "a variable's default decides",
      code: tfHcl`
        resource "aws_cloudfront_distribution" "cdn" {
          default_cache_behavior {
            viewer_protocol_policy = var.viewer_protocol_policy
          }
        }

        variable "viewer_protocol_policy" {
          type    = string
          default = "allow-all"
        }
      `,
      errors: [{ messageId: 'allowAll', line: 3, column: 30 }],
      output: tfHcl`
        resource "aws_cloudfront_distribution" "cdn" {
          default_cache_behavior {
            viewer_protocol_policy = "redirect-to-https"
          }
        }

        variable "viewer_protocol_policy" {
          type    = string
          default = "allow-all"
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_cloudfront_distribution": {
              "cdn": {
                "default_cache_behavior": { "viewer_protocol_policy": "https-only" },
                "ordered_cache_behavior": [
                  { "path_pattern": "/a/*", "viewer_protocol_policy": "allow-all" },
                  { "path_pattern": "/b/*", "viewer_protocol_policy": "allow-all" }
                ]
              }
            }
          }
        }
      `,
      errors: [
        { messageId: 'allowAll', line: 7 },
        { messageId: 'allowAll', line: 8 },
      ],
      output: tfJson`
        {
          "resource": {
            "aws_cloudfront_distribution": {
              "cdn": {
                "default_cache_behavior": { "viewer_protocol_policy": "https-only" },
                "ordered_cache_behavior": [
                  { "path_pattern": "/a/*", "viewer_protocol_policy": "redirect-to-https" },
                  { "path_pattern": "/b/*", "viewer_protocol_policy": "redirect-to-https" }
                ]
              }
            }
          }
        }
      `,
    },
  ],
});
