import rule from '../../rules/elb/elb-tls-policy';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    cfnYaml`
      Resources:
        Https:
          Type: AWS::ElasticLoadBalancingV2::Listener
          Properties:
            LoadBalancerArn: !Ref Alb
            Port: 443
            Protocol: HTTPS
            SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
        Tls:
          Type: AWS::ElasticLoadBalancingV2::Listener
          Properties:
            LoadBalancerArn: !Ref Nlb
            Port: 443
            Protocol: TLS
            SslPolicy: ELBSecurityPolicy-FS-1-2-Res-2020-10
        Http:
          Type: AWS::ElasticLoadBalancingV2::Listener
          Properties:
            LoadBalancerArn: !Ref Alb
            Port: 80
            Protocol: HTTP
    `,
    {
      name: 'a policy or protocol from a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          Policy:
            Type: String
          Protocol:
            Type: String
        Resources:
          A:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              Protocol: HTTPS
              SslPolicy: !Ref Policy
          B:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              Protocol: !Ref Protocol
      `,
    },
    cfnJson`
      {
        "Resources": {
          "Https": {
            "Type": "AWS::ElasticLoadBalancingV2::Listener",
            "Properties": { "Protocol": "HTTPS", "SslPolicy": "ELBSecurityPolicy-TLS-1-2-Ext-2018-06" }
          }
        }
      }
    `,
    tfHcl`
      resource "aws_lb_listener" "https" {
        load_balancer_arn = aws_lb.main.arn
        port              = 443
        protocol          = "HTTPS"
        ssl_policy        = "ELBSecurityPolicy-TLS13-1-3-2021-06"
      }

      resource "aws_alb_listener" "http" {
        load_balancer_arn = aws_lb.main.arn
        port              = 80
      }
    `,
    tfJson`{"resource":{"aws_alb_listener":{"tls":{"protocol":"TLS","ssl_policy":"ELBSecurityPolicy-TLS13-1-2-Res-2021-06"}}}}`,
  ],
  invalid: [
    {
      code: cfnYaml`
        Resources:
          Https:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              LoadBalancerArn: !Ref Alb
              Port: 443
              Protocol: HTTPS
              SslPolicy: ELBSecurityPolicy-2016-08
          Tls:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              LoadBalancerArn: !Ref Nlb
              Port: 443
              Protocol: TLS
      `,
      errors: [
        { messageId: 'outdated', line: 8, column: 18 },
        { messageId: 'missing', line: 9, column: 3 },
      ],
      output: cfnYaml`
        Resources:
          Https:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              LoadBalancerArn: !Ref Alb
              Port: 443
              Protocol: HTTPS
              SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
          Tls:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              LoadBalancerArn: !Ref Nlb
              Port: 443
              Protocol: TLS
              SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
      `,
    },
    {
      name: 'TLS 1.3 policies that still accept TLS 1.0 are outdated',
      code: cfnJson`
        {
          "Resources": {
            "Https": {
              "Type": "AWS::ElasticLoadBalancingV2::Listener",
              "Properties": { "Protocol": "HTTPS", "SslPolicy": "ELBSecurityPolicy-TLS13-1-0-2021-06" }
            }
          }
        }
      `,
      errors: [{ messageId: 'outdated', line: 5, column: 57 }],
      output: cfnJson`
        {
          "Resources": {
            "Https": {
              "Type": "AWS::ElasticLoadBalancingV2::Listener",
              "Properties": { "Protocol": "HTTPS", "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06" }
            }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_lb_listener" "https" {
          load_balancer_arn = aws_lb.main.arn
          port              = 443
          protocol          = "HTTPS"
          ssl_policy        = "ELBSecurityPolicy-TLS-1-1-2017-01"
        }

        resource "aws_alb_listener" "tls" {
          protocol = "tls"
        }
      `,
      errors: [
        { messageId: 'outdated', line: 5, column: 23 },
        { messageId: 'missing', line: 8, column: 1 },
      ],
      output: tfHcl`
        resource "aws_lb_listener" "https" {
          load_balancer_arn = aws_lb.main.arn
          port              = 443
          protocol          = "HTTPS"
          ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
        }

        resource "aws_alb_listener" "tls" {
          protocol   = "tls"
          ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_lb_listener": {
              "https": { "protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-FS-2018-06" }
            }
          }
        }
      `,
      errors: [{ messageId: 'outdated', line: 4, column: 53 }],
      output: tfJson`
        {
          "resource": {
            "aws_lb_listener": {
              "https": { "protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06" }
            }
          }
        }
      `,
    },
  ],
});
