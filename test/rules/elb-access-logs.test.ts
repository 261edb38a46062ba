import rule from '../../rules/elb/elb-access-logs';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    cfnYaml`
      Resources:
        Alb:
          Type: AWS::ElasticLoadBalancingV2::LoadBalancer
          Properties:
            Subnets: !Ref Subnets
            LoadBalancerAttributes:
              - Key: idle_timeout.timeout_seconds
                Value: '60'
              - Key: access_logs.s3.enabled
                Value: 'true'
              - Key: access_logs.s3.bucket
                Value: !Ref LogBucket
    `,
    {
      name: 'an attribute list from a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          Attributes:
            Type: CommaDelimitedList
        Resources:
          Alb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              LoadBalancerAttributes: !Ref Attributes
      `,
    },
    {
      name: 'Gateway Load Balancers have no access logs',
      code: cfnYaml`
        Resources:
          Gwlb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Type: gateway
              Subnets: !Ref Subnets
      `,
    },
    cfnJson`
      {
        "Resources": {
          "Alb": {
            "Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",
            "Properties": { "LoadBalancerAttributes": [{ "Key": "access_logs.s3.enabled", "Value": true }] }
          }
        }
      }
    `,
    tfHcl`
      resource "aws_lb" "main" {
        name = "main"

        access_logs {
          bucket  = aws_s3_bucket.logs.id
          enabled = true
        }
      }
    `,
    {
      name: 'a dynamic access_logs block is not judged',
      code: tfHcl`
        resource "aws_alb" "main" {
          dynamic "access_logs" {
            for_each = var.access_logs
            content {
              bucket  = access_logs.value.bucket
              enabled = true
            }
          }
        }
      `,
    },
    tfHcl`
      resource "aws_lb" "gwlb" {
        load_balancer_type = "gateway"
      }
    `,
    tfJson`{"resource":{"aws_lb":{"main":{"access_logs":{"bucket":"logs","enabled":true}}}}}`,
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Alb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Subnets: !Ref Subnets
      `,
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
    },
    {
      name: 'attributes written without access logs',
      code: cfnYaml`
        Resources:
          Nlb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Type: network
              LoadBalancerAttributes:
                - Key: load_balancing.cross_zone.enabled
                  Value: 'true'
      `,
      errors: [{ messageId: 'missing', line: 7, column: 9 }],
    },
    {
      name: 'a condition that can drop the attribute list',
      code: cfnYaml`
        Resources:
          Alb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              LoadBalancerAttributes: !If [Prod, [{ Key: access_logs.s3.enabled, Value: 'true' }], !Ref AWS::NoValue]
      `,
      errors: [{ messageId: 'missing', line: 5, column: 31 }],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Alb": {
              "Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",
              "Properties": { "LoadBalancerAttributes": [{ "Key": "access_logs.s3.enabled", "Value": "false" }] }
            }
          }
        }
      `,
      errors: [{ messageId: 'disabled', line: 5, column: 94 }],
    },
    {
      code: tfHcl`
        resource "aws_lb" "main" {
          name = "main"
        }
      `,
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
    },
    {
      name: 'a bucket without enabled = true stays off',
      code: tfHcl`
        resource "aws_alb" "main" {
          name = "main"

          access_logs {
            bucket = aws_s3_bucket.logs.id
          }
        }
      `,
      errors: [{ messageId: 'enabledMissing', line: 4, column: 3 }],
    },
    {
      code: tfJson`{"resource":{"aws_lb":{"main":{"access_logs":{"bucket":"logs","enabled":false}}}}}`,
      errors: [{ messageId: 'disabled', line: 1, column: 73 }],
    },
  ],
});
