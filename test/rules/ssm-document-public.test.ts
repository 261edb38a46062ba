import rule from '../../rules/ssm/ssm-document-public';
import { RuleTester, tfHcl, tfJson } from '../harness/rule-tester';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'shared with named accounts, not shared, an id that merely contains "All", and a variable',
      code: tfHcl`
        resource "aws_ssm_document" "named" {
          name          = "named"
          document_type = "Command"
          permissions = {
            type        = "Share"
            account_ids = "123456789012,210987654321"
          }
        }

        resource "aws_ssm_document" "private" {
          name          = "private"
          document_type = "Command"
        }

        resource "aws_ssm_document" "odd" {
          name = "odd"
          permissions = {
            type        = "Share"
            account_ids = "Allison"
          }
        }

        resource "aws_ssm_document" "chosen" {
          name = "chosen"
          permissions = {
            type        = "Share"
            account_ids = var.accounts
          }
        }
      `,
    },
    { code: tfJson`{"resource":{"aws_ssm_document":{"d":{"name":"d","permissions":{"type":"Share","account_ids":"123456789012"}}}}}` },
  ],
  invalid: [
    {
      name: 'All alone, and All in a comma-separated list',
      code: tfHcl`
        resource "aws_ssm_document" "a" {
          name          = "a"
          document_type = "Command"
          permissions = {
            type        = "Share"
            account_ids = "All"
          }
        }

        resource "aws_ssm_document" "b" {
          name = "b"
          permissions = {
            type        = "Share"
            account_ids = "123456789012, All"
          }
        }
      `,
      errors: [
        { messageId: 'public', line: 6, column: 19 },
        { messageId: 'public', line: 14, column: 19 },
      ],
    },
    {
      name: 'a variable whose default shares with All',
      code: tfHcl`
        resource "aws_ssm_document" "a" {
          name = "a"
          permissions = {
            type        = "Share"
            account_ids = var.accounts
          }
        }
      `,
      module: { 'variables.tf': 'variable "accounts" {\n  default = "All"\n}\n' },
      errors: [{ messageId: 'public', line: 5, column: 19 }],
    },
    {
      code: tfJson`{"resource":{"aws_ssm_document":{"d":{"name":"d","permissions":{"type":"Share","account_ids":"All"}}}}}`,
      errors: [{ messageId: 'public', line: 1 }],
    },
  ],
});
