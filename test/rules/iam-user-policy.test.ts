import rule from '../../rules/iam/iam-user-policy';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a user in a group; the policy on the group',
      code: cfnYaml`
        Resources:
          Alice:
            Type: AWS::IAM::User
            Properties:
              Groups: [!Ref Developers]
          Developers:
            Type: AWS::IAM::Group
          Read:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              Groups: [!Ref Developers]
              PolicyDocument:
                Statement: []
      `,
    },
    {
      name: 'empty lists attach nothing',
      code: cfnJson`
        {
          "Resources": {
            "Alice": { "Type": "AWS::IAM::User", "Properties": { "Policies": [], "ManagedPolicyArns": [] } },
            "Read": { "Type": "AWS::IAM::Policy", "Properties": { "PolicyName": "read", "Users": [], "Roles": ["app"] } }
          }
        }
      `,
    },
    {
      name: 'a parameter without Default is not judged',
      code: cfnYaml`
        Parameters:
          PolicyArns:
            Type: CommaDelimitedList
        Resources:
          Alice:
            Type: AWS::IAM::User
            Properties:
              ManagedPolicyArns: !Ref PolicyArns
      `,
    },
    {
      code: tfHcl`
        resource "aws_iam_group_policy_attachment" "developers" {
          group      = aws_iam_group.developers.name
          policy_arn = aws_iam_policy.read.arn
        }

        resource "aws_iam_policy_attachment" "roles" {
          name       = "roles"
          roles      = [aws_iam_role.app.name]
          users      = []
          policy_arn = aws_iam_policy.read.arn
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_iam_group_policy":{"developers":{"group":"developers","policy":"{}"}}}}`,
    },
  ],
  invalid: [
    {
      name: 'AWS::IAM::UserPolicy gives one user an inline policy',
      code: cfnYaml`
        Resources:
          AlicePolicy:
            Type: AWS::IAM::UserPolicy
            Properties:
              UserName: !Ref Alice
              PolicyName: read
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: "*"
      `,
      errors: [{ messageId: 'user', line: 5, column: 17 }],
    },
    {
      code: cfnYaml`
        Resources:
          Alice:
            Type: AWS::IAM::User
            Properties:
              ManagedPolicyArns:
                - arn:aws:iam::aws:policy/ReadOnlyAccess
              Policies:
                - PolicyName: queue
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: sqs:SendMessage
                        Resource: "*"
          Read:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement: []
              Users:
                - !Ref Alice
      `,
      errors: [
        { messageId: 'managed', line: 6, column: 9 },
        { messageId: 'inline', line: 8, column: 9 },
        { messageId: 'users', line: 20, column: 9 },
      ],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Read": {
              "Type": "AWS::IAM::Policy",
              "Properties": {
                "PolicyName": "read",
                "PolicyDocument": { "Statement": [] },
                "Users": [{ "Ref": "Alice" }]
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'users', line: 8, column: 18 }],
    },
    {
      code: tfHcl`
        resource "aws_iam_user_policy" "alice" {
          name   = "queue"
          user   = aws_iam_user.alice.name
          policy = "{}"
        }

        resource "aws_iam_user_policy_attachment" "alice" {
          user       = aws_iam_user.alice.name
          policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        }

        resource "aws_iam_policy_attachment" "mixed" {
          name       = "mixed"
          users      = [aws_iam_user.alice.name]
          groups     = [aws_iam_group.developers.name]
          policy_arn = aws_iam_policy.read.arn
        }
      `,
      errors: [
        { messageId: 'user', line: 3, column: 12 },
        { messageId: 'user', line: 8, column: 16 },
        { messageId: 'users', line: 14, column: 16 },
      ],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_iam_user_policy_attachment": {
              "alice": { "user": "alice", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess" }
            }
          }
        }
      `,
      errors: [{ messageId: 'user', line: 4, column: 26 }],
    },
  ],
});
