// Issue 11, "exactness defects": each case failed before its engine fix (a class of construct, not one rule).
import assert from 'node:assert/strict';
import ebsEncryption from '../../rules/ec2/ebs-encryption';
import sgOpenAllPorts from '../../rules/ec2/sg-open-all-ports';
import ecrScanOnPush from '../../rules/ecr/ecr-scan-on-push';
import eksSecretsEncryption from '../../rules/eks/eks-secrets-encryption';
import iamUserPolicy from '../../rules/iam/iam-user-policy';
import redshiftAuditLogging from '../../rules/redshift/redshift-audit-logging';
import s3Versioning from '../../rules/s3/s3-versioning';
import subnetPublicIp from '../../rules/vpc/subnet-public-ip';
import defaultSgRestrict from '../../rules/vpc/default-sg-restrict';
import hardcodedSecret from '../../rules/secrets/hardcoded-secret';
import ssmPlaintextSecret from '../../rules/ssm/ssm-parameter-plaintext-secret';
import type { AnyRule } from '../../rules/define-rule';
import { lintDocument } from '../../server/src/engine/lint/lint';
import { lineStarts, positionAt } from '../../server/src/engine/positions';
import { initParsers, parseDocument } from '../../server/src/parsers/index';
import { dedent } from '../harness/sources';

function lint(name: string, code: string, rule: AnyRule) {
  return lintWithRelated(name, code, rule).map(({ line, messageId, message }) => ({ line, messageId, message }));
}

/** Findings with the lines of their related locations. */
function lintWithRelated(name: string, code: string, rule: AnyRule) {
  const text = dedent(code);
  const doc = parseDocument(name, text);
  assert.ok(doc);
  assert.deepEqual(doc.errors, []);
  const result = lintDocument(doc, { rules: [rule] });
  assert.deepEqual(result.ruleFailures, []);
  const starts = lineStarts(text);
  return result.findings
    .filter((f) => !f.suppressed)
    .map((f) => ({
      line: positionAt(starts, f.range.start).line + 1,
      messageId: f.messageId,
      message: f.message,
      related: (f.related ?? []).map((r) => r.start.line + 1),
    }));
}

/** Every finding message, for asserting the variant a finding names. */
const messages = (findings: { message: string }[]) => findings.map((f) => f.message);

describe('exactness (issue 11)', () => {
  before(() => initParsers());

  describe('1. a port given as an empty string', () => {
    it('is not "all ports" (CloudFormation YAML, parameter default)', () => {
      const findings = lint(
        't.yaml',
        `
        Parameters:
          Port:
            Type: String
            Default: ''
        Resources:
          In:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: sg-1
              IpProtocol: tcp
              FromPort: !Ref Port
              ToPort: !Ref Port
              CidrIp: 0.0.0.0/0
      `,
        sgOpenAllPorts,
      );
      assert.deepEqual(findings, []);
    });

    it('is not "all ports" (CloudFormation JSON, literal)', () => {
      const findings = lint(
        't.json',
        `
        { "Resources": { "In": { "Type": "AWS::EC2::SecurityGroupIngress",
          "Properties": { "GroupId": "sg-1", "IpProtocol": "tcp", "FromPort": "", "ToPort": "", "CidrIp": "0.0.0.0/0" } } } }
      `,
        sgOpenAllPorts,
      );
      assert.deepEqual(findings, []);
    });

    it('still reports a range that is left out (EC2 reads it as every port)', () => {
      const findings = lint(
        't.yaml',
        `
        Resources:
          In:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: sg-1
              IpProtocol: tcp
              CidrIp: 0.0.0.0/0
      `,
        sgOpenAllPorts,
      );
      assert.equal(findings.length, 1);
    });
  });

  describe('2. a bucket referred to through a wrapping local', () => {
    for (const wrapped of [
      'join("", aws_s3_bucket.b[*].id)',
      'one(aws_s3_bucket.b[*].id)',
      'try(aws_s3_bucket.b[0].id, "")',
      'element(aws_s3_bucket.b[*].id, 0)',
      'aws_s3_bucket.b[*].id',
      'element(concat(aws_s3_bucket.b[*].id, [""]), 0)',
    ]) {
      it(`is the same bucket for companion joins: ${wrapped}`, () => {
        const findings = lint(
          'main.tf',
          `
          locals {
            bucket_id = ${wrapped}
          }
          resource "aws_s3_bucket" "b" {
            count  = 1
            bucket = "logs"
          }
          resource "aws_s3_bucket_versioning" "v" {
            bucket = local.bucket_id
            versioning_configuration {
              status = "Suspended"
            }
          }
        `,
          s3Versioning,
        );
        assert.deepEqual(
          findings.map((f) => f.messageId),
          ['companionOff'],
        );
      });
    }

    it('does not take another bucket for it', () => {
      const findings = lint(
        'main.tf',
        `
        locals {
          bucket_id = join("", aws_s3_bucket.other[*].id)
        }
        resource "aws_s3_bucket" "b" {
          bucket = "logs"
        }
        resource "aws_s3_bucket_versioning" "v" {
          bucket = local.bucket_id
          versioning_configuration {
            status = "Enabled"
          }
        }
      `,
        s3Versioning,
      );
      assert.deepEqual(
        findings.map((f) => f.messageId),
        ['missing'],
      );
    });
  });

  describe('3. null is "not set"; count = 0 creates nothing', () => {
    it('reads `users = null` as no users', () => {
      const findings = lint(
        'main.tf',
        `
        resource "aws_iam_policy_attachment" "a" {
          name       = "a"
          policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
          users      = null
          roles      = ["r"]
        }
      `,
        iamUserPolicy,
      );
      assert.deepEqual(findings, []);
    });

    it('reads a variable whose default is null as not set', () => {
      const findings = lint(
        'main.tf',
        `
        variable "users" {
          default = null
        }
        resource "aws_iam_policy_attachment" "a" {
          name       = "a"
          policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
          users      = var.users
        }
      `,
        iamUserPolicy,
      );
      assert.deepEqual(findings, []);
    });

    for (const meta of ['count = 0', 'for_each = {}', 'for_each = []', 'for_each = toset([])', 'count = "0"']) {
      it(`gives no finding to a resource with \`${meta}\``, () => {
        const findings = lint(
          'main.tf',
          `
          resource "aws_ebs_volume" "v" {
            ${meta}
            availability_zone = "eu-west-1a"
            size              = 10
            encrypted         = false
          }
        `,
          ebsEncryption,
        );
        assert.deepEqual(findings, []);
      });
    }

    it('still judges `count = 1`', () => {
      const findings = lint(
        'main.tf',
        `
        resource "aws_ebs_volume" "v" {
          count     = 1
          size      = 10
          encrypted = false
        }
      `,
        ebsEncryption,
      );
      assert.deepEqual(
        findings.map((f) => f.messageId),
        ['disabled'],
      );
    });

    it('does not count a companion with `count = 0`', () => {
      const findings = lint(
        'main.tf',
        `
        resource "aws_s3_bucket" "b" {
          bucket = "logs"
        }
        resource "aws_s3_bucket_versioning" "v" {
          count  = 0
          bucket = aws_s3_bucket.b.id
          versioning_configuration {
            status = "Enabled"
          }
        }
      `,
        s3Versioning,
      );
      assert.deepEqual(
        findings.map((f) => f.messageId),
        ['missing'],
      );
    });
  });

  describe('4. a conditional inside a local', () => {
    it('is expanded like one written in place', () => {
      const findings = lint(
        'main.tf',
        `
        variable "flag" {
          type = bool
        }
        locals {
          enc = var.flag ? false : true
        }
        resource "aws_ebs_volume" "v" {
          size      = 10
          encrypted = local.enc
        }
      `,
        ebsEncryption,
      );
      assert.deepEqual(
        findings.map((f) => f.messageId),
        ['disabled'],
      );
      assert.match(findings[0]?.message ?? '', /\(when `var\.flag` is true\)$/);
    });

    it('a CloudFormation Fn::If reached through a parameter-free Fn::FindInMap key stays as before (in place)', () => {
      const findings = lint(
        't.yaml',
        `
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Resources:
          Vol:
            Type: AWS::EC2::Volume
            Properties:
              Encrypted: !If [IsProd, true, false]
      `,
        ebsEncryption,
      );
      assert.deepEqual(
        messages(findings).map((m) => /\(when condition IsProd is false\)$/.test(m)),
        [true],
      );
    });
  });

  describe('5. variant expansion without a fixed cap', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `    t${i} = var.c${i} ? "a" : "b"`).join('\n');

    it('judges a value decided by the 5th condition of a resource', () => {
      const findings = lint(
        'main.tf',
        `
        resource "aws_ebs_volume" "v" {
          size = 10
          tags = {
        ${tags(4)}
          }
          encrypted = var.secure ? true : false
        }
      `,
        ebsEncryption,
      );
      assert.deepEqual(
        findings.map((f) => f.messageId),
        ['disabled'],
      );
      assert.match(findings[0]?.message ?? '', /\(when `var\.secure` is false\)$/);
    });

    it('expands only the conditions that decide the value (30 independent conditionals)', () => {
      const started = process.hrtime.bigint();
      const findings = lint(
        'main.tf',
        `
        resource "aws_ebs_volume" "v" {
          size = 10
          tags = {
        ${tags(30)}
          }
          encrypted = var.secure ? true : false
        }
      `,
        ebsEncryption,
      );
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      assert.deepEqual(
        findings.map((f) => f.messageId),
        ['disabled'],
      );
      // Exactly the one deciding condition is named, not the 30 others.
      assert.equal(findings[0]?.message.match(/ is (true|false)/g)?.length, 1);
      assert.ok(ms < 2000, `took ${ms} ms`);
    });

    it('names every condition a nested choice went through', () => {
      const findings = lint(
        'main.tf',
        `
        resource "aws_ebs_volume" "v" {
          size      = 10
          encrypted = var.a ? true : (var.b ? true : false)
        }
      `,
        ebsEncryption,
      );
      assert.deepEqual(
        findings.map((f) => f.messageId),
        ['disabled'],
      );
      assert.match(findings[0]?.message ?? '', /\(when `var\.a` is false and `var\.b` is false\)$/);
    });
  });

  describe('6. a dynamic block whose for_each can be empty', () => {
    const eks = (forEach: string) => `
      resource "aws_eks_cluster" "c" {
        name     = "c"
        role_arn = "arn:aws:iam::123456789012:role/eks"
        vpc_config {
          subnet_ids = ["subnet-1"]
        }
        dynamic "encryption_config" {
          for_each = ${forEach}
          content {
            resources = ["secrets"]
            provider {
              key_arn = encryption_config.value
            }
          }
        }
      }
    `;

    it('counts as possibly absent: the empty branch of a conditional is reported', () => {
      const findings = lint('main.tf', eks('var.kms_arn != null ? [var.kms_arn] : []'), eksSecretsEncryption);
      assert.deepEqual(
        findings.map((f) => f.messageId),
        ['missing'],
      );
      assert.match(findings[0]?.message ?? '', /\(when `var\.kms_arn != null` is false\)$/);
    });

    it('is absent when for_each is an empty literal', () => {
      const findings = lint('main.tf', eks('[]'), eksSecretsEncryption);
      assert.deepEqual(
        findings.map((f) => f.messageId),
        ['missing'],
      );
    });

    it('reads Terraform JSON `dynamic` alike', () => {
      const json = (forEach: string) => `
        {"resource": {"aws_eks_cluster": {"c": {
          "name": "c",
          "role_arn": "arn:aws:iam::123456789012:role/eks",
          "dynamic": {"encryption_config": {"for_each": ${forEach}, "content": {"resources": ["secrets"]}}}
        }}}}
      `;
      assert.deepEqual(
        lint('main.tf.json', json('[]'), eksSecretsEncryption).map((f) => f.messageId),
        ['missing'],
      );
      assert.deepEqual(lint('main.tf.json', json('"${var.keys}"'), eksSecretsEncryption), []);
    });

    it('is present (not judged as absent) when for_each is otherwise unknown', () => {
      assert.deepEqual(lint('main.tf', eks('var.keys'), eksSecretsEncryption), []);
    });
  });

  describe('7. a secret reaching a secret property through a default', () => {
    const cfn = (noEcho: string, use: string) => `
      Parameters:
        DbPassword:
          Type: String${noEcho}
          Default: changeme-at-deploy
      Resources:
        Secret:
          Type: AWS::SecretsManager::Secret
          Properties:
            SecretString: ${use}
    `;
    const tf = (sensitive: string, use: string, locals = '') => `
      variable "db_password" {
        type    = string${sensitive}
        default = "changeme-at-deploy"
      }
      ${locals}
      resource "aws_secretsmanager_secret_version" "v" {
        secret_id     = "s"
        secret_string = ${use}
      }
    `;
    const cases: [string, string, string, number, number][] = [
      ['CloudFormation, direct, NoEcho', 't.yaml', cfn('\n          NoEcho: true', '!Ref DbPassword'), 10, 5],
      ['CloudFormation, direct', 't.yaml', cfn('', '!Ref DbPassword'), 9, 4],
      ['CloudFormation, Fn::Sub, NoEcho', 't.yaml', cfn('\n          NoEcho: true', `!Sub '\${DbPassword}'`), 10, 5],
      ['CloudFormation, Fn::Sub JSON text, NoEcho', 't.yaml', cfn('\n          NoEcho: true', `!Sub '{"password":"\${DbPassword}"}'`), 10, 5],
      ['Terraform, direct, sensitive', 'main.tf', tf('\n        sensitive = true', 'var.db_password'), 9, 4],
      ['Terraform, interpolation, sensitive', 'main.tf', tf('\n        sensitive = true', '"${var.db_password}"'), 9, 4],
      [
        'Terraform, through a local, sensitive',
        'main.tf',
        tf('\n        sensitive = true', 'local.pw', 'locals {\n        pw = var.db_password\n      }'),
        11,
        4,
      ],
    ];
    for (const [name, file, code, line, relatedLine] of cases) {
      it(`is hard-coded: ${name}, reported at the use with the default as related location`, () => {
        const findings = lintWithRelated(file, code, hardcodedSecret);
        assert.equal(findings.length, 1, JSON.stringify(findings));
        assert.equal(findings[0]?.line, line);
        assert.ok(findings[0]?.related.includes(relatedLine), `related ${JSON.stringify(findings[0]?.related)}`);
      });
    }

    it('a v2 secret rule alike (ssm-parameter-plaintext-secret, sensitive default through a local)', () => {
      const findings = lintWithRelated(
        'main.tf',
        `
        variable "api_key" {
          type      = string
          sensitive = true
          default   = "AKIAIOSFODNN7EXAMPLE"
        }
        locals {
          key = var.api_key
        }
        resource "aws_ssm_parameter" "p" {
          name  = "/app/setting"
          type  = "String"
          value = local.key
        }
      `,
        ssmPlaintextSecret,
      );
      assert.equal(findings.length, 1, JSON.stringify(findings));
      assert.equal(findings[0]?.line, 12, JSON.stringify(findings));
      assert.ok(findings[0]?.related.includes(4), `related ${JSON.stringify(findings[0]?.related)}`);
    });
  });

  describe('8. cfn_nag ids that map to one of our rules', () => {
    it('W33 suppresses subnet-public-ip', () => {
      const findings = lint(
        't.yaml',
        `
        Resources:
          Public:
            Type: AWS::EC2::Subnet
            Metadata:
              cfn_nag:
                rules_to_suppress:
                  - id: W33
                    reason: public subnet by design
            Properties:
              VpcId: vpc-1
              CidrBlock: 10.0.0.0/24
              MapPublicIpOnLaunch: true
      `,
        subnetPublicIp,
      );
      assert.deepEqual(findings, []);
    });
  });

  describe('9. a Terraform companion created under a condition', () => {
    it('counts only in the variants where it exists (referencing)', () => {
      const findings = lint(
        'main.tf',
        `
        resource "aws_redshift_cluster" "c" {
          cluster_identifier = "c"
          node_type          = "dc2.large"
        }
        resource "aws_redshift_logging" "l" {
          count              = var.audit ? 1 : 0
          cluster_identifier = aws_redshift_cluster.c.id
          log_destination_type = "cloudwatch"
          log_exports        = ["connectionlog", "userlog", "useractivitylog"]
        }
      `,
        redshiftAuditLogging,
      );
      assert.equal(findings.length, 1);
      assert.match(findings[0]?.message ?? '', /\(when `var\.audit` is false\)$/);
    });

    it('counts wherever the resource itself exists under the same condition', () => {
      const findings = lint(
        'main.tf',
        `
        resource "aws_redshift_cluster" "c" {
          count              = var.audit ? 1 : 0
          cluster_identifier = "c"
          node_type          = "dc2.large"
        }
        resource "aws_redshift_logging" "l" {
          count              = var.audit ? 1 : 0
          cluster_identifier = aws_redshift_cluster.c[0].id
          log_destination_type = "cloudwatch"
          log_exports        = ["connectionlog", "userlog", "useractivitylog"]
        }
      `,
        redshiftAuditLogging,
      );
      assert.deepEqual(findings, []);
    });

    it('is never added a second time by a fix (it exists in the other variant)', () => {
      const text = dedent(`
        resource "aws_vpc" "v" {
          cidr_block = "10.1.0.0/16"
        }
        resource "aws_default_security_group" "v" {
          count  = var.manage ? 1 : 0
          vpc_id = aws_vpc.v.id
        }
      `);
      const result = lintDocument(parseDocument('main.tf', text)!, { rules: [defaultSgRestrict] });
      assert.equal(result.findings.length, 1);
      assert.match(result.findings[0]?.message ?? '', /\(when `var\.manage` is false\)$/);
      assert.deepEqual(result.findings[0]?.fixes, []);
    });

    it('counts only in the variants where it exists (account-wide companion)', () => {
      const findings = lint(
        'main.tf',
        `
        resource "aws_ecr_repository" "r" {
          name = "r"
        }
        resource "aws_ecr_registry_scanning_configuration" "s" {
          count     = var.scan ? 1 : 0
          scan_type = "ENHANCED"
          rule {
            scan_frequency = "CONTINUOUS_SCAN"
            repository_filter {
              filter      = "*"
              filter_type = "WILDCARD"
            }
          }
        }
      `,
        ecrScanOnPush,
      );
      assert.equal(findings.length, 1);
      assert.match(findings[0]?.message ?? '', /\(when `var\.scan` is false\)$/);
    });
  });
});
