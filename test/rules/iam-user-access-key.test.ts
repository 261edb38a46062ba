import rule from '../../rules/iam/iam-user-access-key';
import { RuleTester, cfnJson, cfnYaml, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'an inactive key, and a status from a parameter without default',
      code: cfnYaml`
        Parameters:
          KeyStatus:
            Type: String
        Resources:
          Old:
            Type: AWS::IAM::AccessKey
            Properties:
              UserName: !Ref User
              Status: Inactive
          Chosen:
            Type: AWS::IAM::AccessKey
            Properties:
              UserName: !Ref User
              Status: !Ref KeyStatus
      `,
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Old": { "Type": "AWS::IAM::AccessKey", "Properties": { "UserName": "ci", "Status": "Inactive" } }
          }
        }
      `,
    },
    {
      code: tfHcl`
        resource "aws_iam_access_key" "old" {
          user   = aws_iam_user.ci.name
          status = "Inactive"
        }
      `,
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_iam_access_key": { "old": { "user": "ci", "status": "Inactive" } }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'Status missing (Active by default) and Active',
      code: cfnYaml`
        Resources:
          Key:
            Type: AWS::IAM::AccessKey
            Properties:
              UserName: !Ref User
          Active:
            Type: AWS::IAM::AccessKey
            Properties:
              UserName: !Ref User
              Status: Active
      `,
      errors: [
        { messageId: 'active', line: 2, column: 3 },
        { messageId: 'active', line: 10, column: 15 },
      ],
    },
    {
      code: cfnJson`
        {
          "Resources": {
            "Key": { "Type": "AWS::IAM::AccessKey", "Properties": { "UserName": "ci", "Status": "Active" } }
          }
        }
      `,
      errors: [{ messageId: 'active', line: 3, column: 89 }],
    },
    {
      code: tfHcl`
        resource "aws_iam_access_key" "ci" {
          user = aws_iam_user.ci.name
        }

        resource "aws_iam_access_key" "deploy" {
          user    = aws_iam_user.deploy.name
          pgp_key = "keybase:ops"
          status  = "Active"
        }
      `,
      errors: [
        { messageId: 'active', line: 1, column: 1 },
        { messageId: 'active', line: 8, column: 13 },
      ],
    },
    {
      code: tfJson`
        {
          "resource": {
            "aws_iam_access_key": { "ci": { "user": "ci" } }
          }
        }
      `,
      errors: [{ messageId: 'active', line: 3, column: 29 }],
    },
  ],
});
