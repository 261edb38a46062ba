import rule from '../../rules/iam/iam-password-policy';
import { RuleTester, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'the baseline, stricter values, and a variable without default',
      code: tfHcl`
        resource "aws_iam_account_password_policy" "strict" {
          minimum_password_length        = 16
          password_reuse_prevention      = 24
          max_password_age               = 60
          require_lowercase_characters   = true
          require_uppercase_characters   = true
          require_numbers                = true
          require_symbols                = true
          allow_users_to_change_password = true
        }

        resource "aws_iam_account_password_policy" "chosen" {
          minimum_password_length      = var.min_length
          password_reuse_prevention    = 24
          max_password_age             = 90
          require_lowercase_characters = true
          require_uppercase_characters = true
          require_numbers              = true
          require_symbols              = "true"
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_iam_account_password_policy":{"p":{"minimum_password_length":14,"password_reuse_prevention":24,"max_password_age":90,"require_lowercase_characters":true,"require_uppercase_characters":true,"require_numbers":true,"require_symbols":true}}}}`,
    },
  ],
  invalid: [
    {
      name: 'too short, no reuse prevention, never expiring (0), one class false and two missing: one finding',
      code: tfHcl`
        resource "aws_iam_account_password_policy" "weak" {
          minimum_password_length      = 8
          require_lowercase_characters = true
          require_numbers              = false
          max_password_age             = 0
        }
      `,
      errors: [{ messageId: 'weak', line: 1, column: 1 }],
      output: tfHcl`
        resource "aws_iam_account_password_policy" "weak" {
          minimum_password_length      = 14
          require_lowercase_characters = true
          require_numbers              = true
          max_password_age             = 90
          password_reuse_prevention    = 24
          require_uppercase_characters = true
          require_symbols              = true
        }
      `,
    },
    {
      name: 'expiry too long, from a variable default',
      code: tfHcl`
        resource "aws_iam_account_password_policy" "p" {
          minimum_password_length      = 14
          password_reuse_prevention    = 24
          max_password_age             = var.max_age
          require_lowercase_characters = true
          require_uppercase_characters = true
          require_numbers              = true
          require_symbols              = true
        }
      `,
      module: { 'variables.tf': 'variable "max_age" {\n  default = 180\n}\n' },
      errors: [{ messageId: 'weak', line: 1 }],
      output: tfHcl`
        resource "aws_iam_account_password_policy" "p" {
          minimum_password_length      = 14
          password_reuse_prevention    = 24
          max_password_age             = 90
          require_lowercase_characters = true
          require_uppercase_characters = true
          require_numbers              = true
          require_symbols              = true
        }
      `,
    },
    {
      code: tfJson`{"resource":{"aws_iam_account_password_policy":{"p":{"minimum_password_length":14,"password_reuse_prevention":5,"max_password_age":90,"require_lowercase_characters":true,"require_uppercase_characters":true,"require_numbers":true,"require_symbols":true}}}}`,
      errors: [{ messageId: 'weak', line: 1 }],
      output: tfJson`{"resource":{"aws_iam_account_password_policy":{"p":{"minimum_password_length":14,"password_reuse_prevention":24,"max_password_age":90,"require_lowercase_characters":true,"require_uppercase_characters":true,"require_numbers":true,"require_symbols":true}}}}`,
    },
  ],
});
