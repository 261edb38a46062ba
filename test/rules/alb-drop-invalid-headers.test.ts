import rule from '../../rules/elb/alb-drop-invalid-headers';
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
              - Key: routing.http.drop_invalid_header_fields.enabled
                Value: 'true'
    `,
    {
      name: 'network and gateway load balancers do not parse HTTP',
      code: cfnYaml`
        Resources:
          Nlb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Type: network
          Gwlb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Type: gateway
      `,
    },
    {
      name: 'an attribute list or key from a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          Attributes:
            Type: CommaDelimitedList
          Key:
            Type: String
        Resources:
          Alb:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              LoadBalancerAttributes: !Ref Attributes
          Other:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              LoadBalancerAttributes:
                - Key: !Ref Key
                  Value: 'true'
      `,
    },
    cfnJson`
      {
        "Resources": {
          "Alb": {
            "Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",
            "Properties": {
              "Type": "application",
              "LoadBalancerAttributes": [{ "Key": "routing.http.drop_invalid_header_fields.enabled", "Value": true }]
            }
          }
        }
      }
    `,
    tfHcl`
      resource "aws_lb" "main" {
        name                       = "main"
        drop_invalid_header_fields = true
      }

      resource "aws_lb" "nlb" {
        load_balancer_type = "network"
      }
    `,
    {
      name: 'a type or flag from a variable without default is not judged',
      code: tfHcl`
        variable "type" {
          type = string
        }

        variable "drop" {
          type = bool
        }

        resource "aws_alb" "a" {
          load_balancer_type = var.type
        }

        resource "aws_alb" "b" {
          drop_invalid_header_fields = var.drop
        }
      `,
    },
    tfJson`{"resource":{"aws_alb":{"main":{"load_balancer_type":"application","drop_invalid_header_fields":true}}}}`,
  ],
  invalid: [
    {
      name: 'missing list, missing item, false value',
      code: cfnYaml`
        Resources:
          Bare:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Subnets: !Ref Subnets
          Other:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Type: application
              LoadBalancerAttributes:
                - Key: idle_timeout.timeout_seconds
                  Value: '60'
          Off:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              LoadBalancerAttributes:
                - Key: routing.http.drop_invalid_header_fields.enabled
                  Value: 'false'
      `,
      errors: [
        { messageId: 'missing', line: 2, column: 3 },
        { messageId: 'missing', line: 11, column: 9 },
        { messageId: 'disabled', line: 18, column: 18 },
      ],
      output: cfnYaml`
        Resources:
          Bare:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Subnets: !Ref Subnets
              LoadBalancerAttributes:
                - Key: routing.http.drop_invalid_header_fields.enabled
                  Value: "true"
          Other:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              Type: application
              LoadBalancerAttributes:
                - Key: idle_timeout.timeout_seconds
                  Value: '60'
                - Key: routing.http.drop_invalid_header_fields.enabled
                  Value: "true"
          Off:
            Type: AWS::ElasticLoadBalancingV2::LoadBalancer
            Properties:
              LoadBalancerAttributes:
                - Key: routing.http.drop_invalid_header_fields.enabled
                  Value: 'true'
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Alb": {
              "Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",
              "Properties": {
                "LoadBalancerAttributes": [{ "Key": "idle_timeout.timeout_seconds", "Value": "60" }]
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 6, column: 35 }],
      output: cfnJson`
        {
          "Resources": {
            "Alb": {
              "Type": "AWS::ElasticLoadBalancingV2::LoadBalancer",
              "Properties": {
                "LoadBalancerAttributes": [{ "Key": "idle_timeout.timeout_seconds", "Value": "60" }, { "Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true" }]
              }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_lb" "main" {
          name = "main"
        }

        resource "aws_alb" "off" {
          load_balancer_type         = "application"
          drop_invalid_header_fields = false
        }
      `,
      errors: [
        { messageId: 'missing', line: 1, column: 1 },
        { messageId: 'disabled', line: 7, column: 32 },
      ],
      output: tfHcl`
        resource "aws_lb" "main" {
          name                       = "main"
          drop_invalid_header_fields = true
        }

        resource "aws_alb" "off" {
          load_balancer_type         = "application"
          drop_invalid_header_fields = true
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_lb": {
              "main": { "name": "main" }
            }
          }
        }
      `,
      errors: [{ messageId: 'missing', line: 4, column: 7 }],
      output: tfJson`
        {
          "resource": {
            "aws_lb": {
              "main": { "name": "main", "drop_invalid_header_fields": true }
            }
          }
        }
      `,
    },
  ],
});
