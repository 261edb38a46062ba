// Other tools' suppressions (Checkov, cfn_nag, cfn-lint, tfsec, Trivy, KICS) mapped to our rules through meta.related.
import assert from 'node:assert/strict';
import type { AnyRule } from '../../rules/define-rule';
import { allRules, ruleById } from '../../rules/index';
import { lintText, type LintOptions } from '../../server/src/engine/lint/lint';
import { commentDirectives } from '../../server/src/engine/suppressions/suppress-comments';
import { ForeignIdTable } from '../../server/src/engine/suppressions/suppress-map';
import { applySuppressions, INVALID_SUPPRESSION } from '../../server/src/engine/suppressions/suppressions';
import type { Finding } from '../../server/src/engine/types';
import { initParsers } from '../../server/src/parsers/index';
import { dedent } from '../harness/sources';

const NOW = () => new Date('2026-06-15T12:00:00Z');

function lint(name: string, text: string, options: LintOptions = {}) {
  const { findings, document } = lintText(name, dedent(text), { now: NOW, ...options });
  return { document, findings, visible: findings.filter((f) => !f.suppressed), suppressed: findings.filter((f) => f.suppressed) };
}
const ids = (fs: Finding[]) => fs.map((f) => f.ruleId).sort();

const SG_HCL = (above22: string, inside = '', above3389 = '') => `
  resource "aws_security_group" "sg" {
    name = "sg"
    ${inside}
    ${above22}
    ingress {
      protocol    = "tcp"
      from_port   = 22
      to_port     = 22
      cidr_blocks = ["0.0.0.0/0"]
    }
    ${above3389}
    ingress {
      protocol    = "tcp"
      from_port   = 3389
      to_port     = 3389
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
`;

const SG_YAML = (metadata: string) => `
  Resources:
    Sg:
      Type: AWS::EC2::SecurityGroup
      ${metadata}
      Properties:
        GroupDescription: bastion
        SecurityGroupIngress:
          - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
          - { IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIp: 0.0.0.0/0 }
`;

describe('suppressions: other tools', () => {
  before(() => initParsers());

  describe('the id table', () => {
    it('is built from every rule’s meta.related, one foreign id possibly standing for several rules', () => {
      const table = new ForeignIdTable(allRules);
      assert.deepEqual(table.lookup(['checkov'], 'CKV_AWS_24'), ['sg-open-ssh']);
      const sgr = table.lookup(['tfsec'], 'aws-ec2-no-public-ingress-sgr');
      assert.ok(sgr.includes('sg-open-ssh') && sgr.includes('sg-open-rdp'), String(sgr));
      assert.deepEqual(table.lookup(['checkov'], 'ckv_aws_24'), ['sg-open-ssh'], 'case-insensitive');
      assert.deepEqual(table.lookup(['checkov'], 'CKV_AWS_99999'), []);
      // Every id of every rule is in it: nothing is listed by hand.
      const rows = table.rows();
      for (const rule of allRules)
        for (const [tool, list] of Object.entries(rule.meta.related))
          for (const id of list ?? [])
            assert.ok(
              rows.some((r) => r.tool === tool && r.id === id && r.ruleIds.includes(rule.id)),
              `${tool} ${id} → ${rule.id}`,
            );
    });

    it('lets tfsec and Trivy comments name each other’s ids', () => {
      const { suppressed } = lint('main.tf', SG_HCL('#trivy:ignore:aws-ec2-no-public-ingress-sgr'));
      assert.ok(ids(suppressed).includes('sg-open-ssh'));
    });
  });

  describe('Checkov', () => {
    it('a skip comment inside the resource covers the whole resource, keeping the reason and the id', () => {
      const { visible, suppressed } = lint('main.tf', SG_HCL('', '#checkov:skip=CKV_AWS_24:bastion host'));
      assert.deepEqual(ids(visible), ['sg-open-rdp']);
      assert.deepEqual(suppressed[0]?.suppressed, {
        kind: 'comment',
        reason: 'bastion host',
        source: 'checkov',
        foreignId: 'CKV_AWS_24',
        scope: 'resource',
      });
    });

    it('a skip comment above the resource, with several ids and no reason', () => {
      const text = `
        Resources:
          # checkov:skip=CKV_AWS_24,CKV_AWS_25
          Sg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: x
              SecurityGroupIngress:
                - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
                - { IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIp: 0.0.0.0/0 }
      `;
      const { visible, suppressed } = lint('t.yaml', text);
      assert.deepEqual(ids(visible), []);
      assert.match(suppressed[0]?.suppressed?.reason ?? '', /checkov:skip=CKV_AWS_24,CKV_AWS_25 \(no reason given\)/);
    });

    it('ignores ids that map to none of our rules, without a message', () => {
      const { visible } = lint('main.tf', SG_HCL('', '#checkov:skip=CKV_AWS_382:egress is fine'));
      assert.deepEqual(ids(visible), ['sg-open-rdp', 'sg-open-ssh']);
    });

    it('Metadata checkov.skip', () => {
      const { visible, suppressed } = lint('t.yaml', SG_YAML('Metadata: { checkov: { skip: [{ id: CKV_AWS_25, comment: "jump host" }] } }'));
      assert.deepEqual(ids(visible), ['sg-open-ssh']);
      assert.deepEqual(suppressed[0]?.suppressed, {
        kind: 'metadata',
        reason: 'jump host',
        source: 'checkov',
        foreignId: 'CKV_AWS_25',
        scope: 'resource',
      });
    });

    it('reads a skip inside an HCL block comment', () => {
      assert.deepEqual(
        commentDirectives('/* checkov:skip=CKV_AWS_24:old bastion */\n').map((d) => [d.source, d.ids, d.reason]),
        [['checkov', ['CKV_AWS_24'], 'old bastion']],
      );
    });
  });

  it('cfn_nag rules_to_suppress: one id of theirs covers several rules of ours', () => {
    const { visible, suppressed } = lint('t.yaml', SG_YAML('Metadata: { cfn_nag: { rules_to_suppress: [{ id: W9, reason: "bastion" }] } }'));
    assert.deepEqual(ids(visible), []);
    assert.ok(suppressed.every((f) => f.suppressed?.source === 'cfn_nag' && f.suppressed.reason === 'bastion'));
  });

  it('cfn-lint ignore_checks: only ids that map, on the resource or the whole template', () => {
    // No registered rule lists cfn-lint ids today, so map one for this test.
    const ssh = ruleById('sg-open-ssh') as AnyRule;
    const rules = [...allRules.filter((r) => r !== ssh), { ...ssh, meta: { ...ssh.meta, related: { ...ssh.meta.related, cfnLint: ['W2509'] } } }];
    for (const [metadata, template] of [
      ['Metadata: { cfn-lint: { config: { ignore_checks: [W2509, E3012] } } }', ''],
      ['', 'Metadata: { cfn-lint: { config: { ignore_checks: [W2509] } } }\n'],
    ] as const) {
      const { document, findings } = lint('t.yaml', template + dedent(SG_YAML(metadata)));
      assert.ok(document);
      for (const f of findings) delete f.suppressed;
      const problems = applySuppressions(document, findings, new Set(allRules.map((r) => r.id)), { rules, now: NOW });
      assert.deepEqual(problems, []);
      assert.deepEqual(
        findings.filter((f) => f.suppressed).map((f) => [f.ruleId, f.suppressed?.source, f.suppressed?.scope]),
        [['sg-open-ssh', 'cfn-lint', template ? 'file' : 'resource']],
      );
    }
  });

  describe('tfsec and Trivy', () => {
    it('above a nested block covers that block', () => {
      const { visible, suppressed } = lint('main.tf', SG_HCL('#tfsec:ignore:aws-ec2-no-public-ingress-sgr'));
      assert.deepEqual(ids(visible), ['sg-open-rdp']);
      assert.deepEqual(suppressed[0]?.suppressed, {
        kind: 'comment',
        reason: 'tfsec:ignore:aws-ec2-no-public-ingress-sgr (no reason given)',
        source: 'tfsec',
        foreignId: 'aws-ec2-no-public-ingress-sgr',
        scope: 'block',
      });
    });

    it('above the resource covers the resource; several ignores on one line; `*` covers every rule', () => {
      const text = (c: string) => `${c}\nresource "aws_db_instance" "db" {\n  engine = "mysql"\n  publicly_accessible = true\n}\n`;
      assert.deepEqual(
        ids(lint('main.tf', text('#tfsec:ignore:aws-rds-encrypt-instance-storage-data trivy:ignore:AVD-AWS-0180')).visible).filter(
          (i) => i === 'rds-encryption',
        ),
        [],
      );
      assert.deepEqual(ids(lint('main.tf', text('#tfsec:ignore:*')).visible), []);
    });

    it(':exp: in the future applies and is recorded; in the past stops and is reported', () => {
      const future = lint('main.tf', SG_HCL('#trivy:ignore:AVD-AWS-0107:exp:2026-07-01'));
      assert.equal(future.suppressed[0]?.suppressed?.expires, '2026-07-01');
      const past = lint('main.tf', SG_HCL('#trivy:ignore:AVD-AWS-0107:exp:2026-06-15'));
      assert.deepEqual(ids(past.visible), [INVALID_SUPPRESSION, 'sg-open-rdp', 'sg-open-ssh']);
      assert.match(past.visible.find((f) => f.ruleId === INVALID_SUPPRESSION)?.message ?? '', /trivy suppression .* expired on 2026-06-15/);
    });

    it('an expired ignore of an id we do not map is none of our business', () => {
      assert.deepEqual(ids(lint('main.tf', SG_HCL('#tfsec:ignore:aws-ec2-add-description-to-security-group-rule:exp:2020-01-01')).visible), [
        'sg-open-rdp',
        'sg-open-ssh',
      ]);
    });

    it('ignores attribute qualifiers, keeping the block scope', () => {
      const { visible } = lint('main.tf', SG_HCL('#tfsec:ignore:aws-ec2-no-public-ingress-sgr[from_port=22]'));
      assert.deepEqual(ids(visible), ['sg-open-rdp']);
    });
  });

  describe('KICS', () => {
    it('ignore-line covers the next line only, for every rule', () => {
      const text = `
        resource "aws_security_group" "sg" {
          ingress {
            protocol    = "-1"
            from_port   = 0
            to_port     = 0
            # kics-scan ignore-line
            cidr_blocks = ["0.0.0.0/0"]
          }
          ingress {
            protocol    = "tcp"
            from_port   = 22
            to_port     = 22
            cidr_blocks = ["0.0.0.0/0"]
          }
        }
      `;
      const { visible, suppressed } = lint('main.tf', text);
      // The first rule opens every port, so every open-port rule reports it on that line; the second is SSH again.
      assert.deepEqual(ids(suppressed), ['sg-open-all-ports', 'sg-open-db-ports', 'sg-open-rdp', 'sg-open-ssh']);
      assert.deepEqual(ids(visible), ['sg-open-ssh']);
      assert.deepEqual(suppressed[0]?.suppressed, {
        kind: 'comment',
        reason: '# kics-scan ignore-line (no reason given)',
        source: 'kics',
        scope: 'line',
      });
    });

    it('ignore-block covers the resource or block that follows', () => {
      const { visible } = lint('main.tf', SG_HCL('', '', '# kics-scan ignore-block'));
      assert.deepEqual(ids(visible), ['sg-open-ssh']);
      const whole = lint('main.tf', `# kics-scan ignore-block\n${dedent(SG_HCL(''))}`);
      assert.deepEqual(ids(whole.visible), []);
    });

    it('`kics-scan ignore` and `disable=<query id>` at the top of the file', () => {
      assert.deepEqual(ids(lint('main.tf', `# kics-scan ignore\n${dedent(SG_HCL(''))}`).visible), []);
      const disabled = lint('main.tf', `# kics-scan disable=3ae83918-7ec7-4cb8-80db-b91ef0f94002\n${dedent(SG_HCL(''))}`);
      assert.deepEqual(ids(disabled.visible), ['sg-open-ssh']);
      assert.equal(disabled.suppressed[0]?.suppressed?.foreignId, '3ae83918-7ec7-4cb8-80db-b91ef0f94002');
    });
  });

  it('prefers our suppression, with its reason, when several cover a finding', () => {
    const { suppressed } = lint('main.tf', SG_HCL('#tfsec:ignore:aws-ec2-no-public-ingress-sgr\n  # secure-iac-ignore sg-open-ssh: audited bastion'));
    assert.deepEqual(
      suppressed.map((f) => [f.ruleId, f.suppressed?.source, f.suppressed?.reason]),
      [['sg-open-ssh', 'secure-iac', 'audited bastion']],
    );
  });
});
