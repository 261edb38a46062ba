import rule from '../../rules/elb/elb-http-listener';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'HTTPS listeners, an HTTP listener that redirects to HTTPS, a TCP listener, a classic HTTPS listener',
      code: cfnYaml`
        Resources:
          Https:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              LoadBalancerArn: !Ref Alb
              Port: 443
              Protocol: HTTPS
              Certificates: [{ CertificateArn: !Ref Cert }]
              DefaultActions: [{ Type: forward, TargetGroupArn: !Ref App }]
          Redirect:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              LoadBalancerArn: !Ref Alb
              Port: 80
              Protocol: HTTP
              DefaultActions:
                - Type: redirect
                  RedirectConfig: { Protocol: HTTPS, Port: "443", StatusCode: HTTP_301 }
          Tcp:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              LoadBalancerArn: !Ref Nlb
              Port: 5432
              Protocol: TCP
              DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Db }]
          Classic:
            Type: AWS::ElasticLoadBalancing::LoadBalancer
            Properties:
              Listeners:
                - { LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS, SSLCertificateId: !Ref Cert }
      `,
    },
    {
      name: 'a protocol from a parameter without Default is not judged',
      code: cfnJson`{"Parameters":{"Proto":{"Type":"String"}},"Resources":{"L":{"Type":"AWS::ElasticLoadBalancingV2::Listener","Properties":{"Protocol":{"Ref":"Proto"},"DefaultActions":[{"Type":"forward"}]}}}}`,
    },
    {
      name: 'no protocol: a redirect on an ALB, a Gateway LB listener, a load balancer that is not in the module',
      code: tfHcl`
        resource "aws_lb" "web" {
          name = "web"
        }

        resource "aws_lb_listener" "redirect" {
          load_balancer_arn = aws_lb.web.arn
          port              = 80

          default_action {
            type = "redirect"
            redirect {
              port        = "443"
              protocol    = "HTTPS"
              status_code = "HTTP_301"
            }
          }
        }

        resource "aws_lb" "gateway" {
          load_balancer_type = "gateway"
        }

        resource "aws_lb_listener" "geneve" {
          load_balancer_arn = aws_lb.gateway.id

          default_action {
            type             = "forward"
            target_group_arn = aws_lb_target_group.appliances.arn
          }
        }

        resource "aws_lb_listener" "elsewhere" {
          load_balancer_arn = var.alb_arn
          port              = 80

          default_action {
            type             = "forward"
            target_group_arn = aws_lb_target_group.app.arn
          }
        }
      `,
    },
    {
      name: 'HTTPS on aws_alb_listener; classic aws_elb with an https listener',
      code: tfJson`
        {
          "resource": {
            "aws_alb_listener": {
              "https": { "protocol": "HTTPS", "port": 443, "default_action": { "type": "forward" } }
            },
            "aws_elb": {
              "classic": { "listener": [{ "lb_port": 443, "lb_protocol": "https", "instance_port": 80, "instance_protocol": "http" }] }
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'forward on HTTP: the default action becomes a redirect to HTTPS',
      code: cfnYaml`
        Resources:
          HttpListener:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              LoadBalancerArn: !Ref Alb
              Port: 80
              Protocol: HTTP
              DefaultActions:
                - Type: forward
                  TargetGroupArn: !Ref AppTargets
      `,
      errors: [{ messageId: 'http', line: 7, column: 17 }],
      output: cfnYaml`
        Resources:
          HttpListener:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              LoadBalancerArn: !Ref Alb
              Port: 80
              Protocol: HTTP
              DefaultActions:
                - Type: redirect
                  RedirectConfig:
                    Protocol: HTTPS
                    Port: "443"
                    StatusCode: HTTP_301
      `,
    },
    {
      name: 'a classic load balancer with an HTTP listener: no fix, HTTPS needs a certificate',
      code: cfnYaml`
        Resources:
          Classic:
            Type: AWS::ElasticLoadBalancing::LoadBalancer
            Properties:
              Listeners:
                - LoadBalancerPort: "80"
                  InstancePort: "80"
                  Protocol: HTTP
                - LoadBalancerPort: "443"
                  InstancePort: "80"
                  Protocol: HTTPS
                  SSLCertificateId: !Ref Cert
      `,
      errors: [{ messageId: 'classicHttp', line: 8, column: 21 }],
    },
    {
      name: 'a redirect that keeps HTTP (RedirectConfig.Protocol defaults to the incoming #{protocol})',
      code: cfnYaml`
        Resources:
          Listener:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              Protocol: HTTP
              Port: 80
              DefaultActions:
                - Type: redirect
                  RedirectConfig: { Host: "www.example.com" }
      `,
      errors: [{ messageId: 'http', line: 5, column: 17 }],
      output: cfnYaml`
        Resources:
          Listener:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              Protocol: HTTP
              Port: 80
              DefaultActions:
                - Type: redirect
                  RedirectConfig: { Host: "www.example.com", Protocol: HTTPS, Port: "443" }
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "HttpListener": {
              "Type": "AWS::ElasticLoadBalancingV2::Listener",
              "Properties": {
                "LoadBalancerArn": { "Ref": "Alb" },
                "Port": 80,
                "Protocol": "HTTP",
                "DefaultActions": [
                  { "Type": "fixed-response", "FixedResponseConfig": { "StatusCode": "404" } }
                ]
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'http', line: 8, column: 21 }],
      output: cfnJson`
        {
          "Resources": {
            "HttpListener": {
              "Type": "AWS::ElasticLoadBalancingV2::Listener",
              "Properties": {
                "LoadBalancerArn": { "Ref": "Alb" },
                "Port": 80,
                "Protocol": "HTTP",
                "DefaultActions": [
                  {
                    "Type": "redirect",
                    "RedirectConfig": {
                      "Protocol": "HTTPS",
                      "Port": "443",
                      "StatusCode": "HTTP_301"
                    }
                  }
                ]
              }
            }
          }
        }
      `,
    },
    {
      name: 'no protocol on an application load balancer of the module means HTTP; the redirect keeps its shape, now to HTTPS 443',
      code: tfHcl`
        resource "aws_alb_listener" "web" {
          load_balancer_arn = aws_alb.web.arn
          port              = 80

          default_action {
            type = "redirect"
            redirect {
              port     = "8080"
              protocol = "HTTP"
            }
          }
        }
      `,
      module: { 'lb.tf': 'resource "aws_alb" "web" {\n  load_balancer_type = "application"\n  internal           = true\n}\n' },
      errors: [{ messageId: 'httpByDefault', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_alb_listener" "web" {
          load_balancer_arn = aws_alb.web.arn
          port              = 80

          default_action {
            type = "redirect"
            redirect {
              port     = "443"
              protocol = "HTTPS"
            }
          }
        }
      `,
    },
    {
      name: 'a classic aws_elb with an http listener',
      code: tfHcl`
        resource "aws_elb" "classic" {
          availability_zones = ["us-east-1a"]

          listener {
            instance_port     = 8000
            instance_protocol = "http"
            lb_port           = 80
            lb_protocol       = "http"
          }
        }
      `,
      errors: [{ messageId: 'classicHttp', line: 8, column: 25 }],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_lb_listener": {
              "http": {
                "load_balancer_arn": "\${aws_lb.web.arn}",
                "port": 80,
                "protocol": "HTTP",
                "default_action": [
                  {
                    "type": "forward",
                    "target_group_arn": "\${aws_lb_target_group.web.arn}"
                  }
                ]
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'http', line: 7, column: 21 }],
      output: tfJson`
        {
          "resource": {
            "aws_lb_listener": {
              "http": {
                "load_balancer_arn": "\${aws_lb.web.arn}",
                "port": 80,
                "protocol": "HTTP",
                "default_action": [
                  {
                    "type": "redirect",
                    "redirect": {
                      "port": "443",
                      "protocol": "HTTPS",
                      "status_code": "HTTP_301"
                    }
                  }
                ]
              }
            }
          }
        }
      `,
    },
  ],
});
