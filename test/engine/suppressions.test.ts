// Our suppression syntax: where a comment applies, reasons, unknown ids, `until` expiry, file-level and Metadata forms.
import assert from 'node:assert/strict';
import { lintText, type LintOptions } from '../../server/src/engine/lint/lint';
import { INVALID_SUPPRESSION } from '../../server/src/engine/suppressions/suppressions';
import type { Finding } from '../../server/src/engine/types';
import { initParsers } from '../../server/src/parsers/index';
import { dedent } from '../harness/sources';

/** A fixed clock: 2027-03-30, late in the day (UTC). */
const BEFORE = () => new Date('2027-03-30T23:59:59Z');
const ON = () => new Date('2027-03-31T00:00:00Z');

function lint(name: string, text: string, options: LintOptions = {}): { visible: Finding[]; suppressed: Finding[] } {
  const { findings } = lintText(name, dedent(text), { now: BEFORE, ...options });
  return { visible: findings.filter((f) => !f.suppressed), suppressed: findings.filter((f) => f.suppressed) };
}
const ids = (fs: Finding[]) => fs.map((f) => f.ruleId);

const SG_YAML = (comment: string) => `
  Resources:
    ${comment}
    Sg:
      Type: AWS::EC2::SecurityGroup
      Properties:
        GroupDescription: bastion
        SecurityGroupIngress:
          - IpProtocol: tcp
            FromPort: 22
            ToPort: 22
            CidrIp: 0.0.0.0/0
`;

const TWO_INGRESS_HCL = (above22: string, above3389 = '') => `
  resource "aws_security_group" "sg" {
    name = "sg"
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

describe('suppressions: ours', () => {
  before(() => initParsers());

  it('a comment above the resource suppresses its finding and records kind, source and scope', () => {
    const { visible, suppressed } = lint('t.yaml', SG_YAML('# secure-iac-ignore sg-open-ssh: bastion, access is audited'));
    assert.deepEqual(ids(visible), []);
    assert.deepEqual(suppressed[0]?.suppressed, { kind: 'comment', reason: 'bastion, access is audited', source: 'secure-iac', scope: 'block' });
  });

  it('a comment above a nested block covers that block only', () => {
    const { visible, suppressed } = lint('main.tf', TWO_INGRESS_HCL('# secure-iac-ignore sg-open-ssh, sg-open-rdp: only this block'));
    assert.deepEqual(ids(suppressed), ['sg-open-ssh']);
    assert.deepEqual(ids(visible), ['sg-open-rdp']);
  });

  it('a comment at the end of the finding line applies to it', () => {
    const text = `
      resource "aws_db_instance" "db" {
        engine            = "mysql"
        storage_encrypted = false # secure-iac-ignore rds-encryption: scratch database
      }
    `;
    assert.deepEqual(ids(lint('main.tf', text).suppressed), ['rds-encryption']);
  });

  it('a blank line between comment and code breaks the link', () => {
    const { visible, suppressed } = lint(
      'main.tf',
      `
      # secure-iac-ignore rds-encryption: not attached

      resource "aws_db_instance" "db" {
        engine = "mysql"
      }
    `,
    );
    assert.deepEqual(ids(suppressed), []);
    assert.ok(ids(visible).includes('rds-encryption'), ids(visible).join(', '));
  });

  it('reports a suppression without a reason and does not apply it', () => {
    const { visible } = lint('t.yaml', SG_YAML('# secure-iac-ignore sg-open-ssh'));
    assert.deepEqual(ids(visible), [INVALID_SUPPRESSION, 'sg-open-ssh']);
    assert.equal(visible[0]?.messageId, 'noReason');
  });

  it('reports unknown ids and still applies the known ones', () => {
    const { visible, suppressed } = lint('t.yaml', SG_YAML('# secure-iac-ignore sg-open-shh, sg-open-ssh: bastion'));
    assert.deepEqual(ids(suppressed), ['sg-open-ssh']);
    assert.equal(visible.length, 1);
    assert.equal(visible[0]?.messageId, 'unknownId');
    assert.match(visible[0]?.message ?? '', /sg-open-shh/);
  });

  describe('until', () => {
    const dated = SG_YAML('# secure-iac-ignore sg-open-ssh until 2027-03-31: temporary bastion');

    it('applies before the date and records it', () => {
      const { visible, suppressed } = lint('t.yaml', dated, { now: BEFORE });
      assert.deepEqual(ids(visible), []);
      assert.equal(suppressed[0]?.suppressed?.expires, '2027-03-31');
    });

    it('from the date on, stops suppressing and is itself reported as expired on that date', () => {
      const { visible } = lint('t.yaml', dated, { now: ON });
      assert.deepEqual(ids(visible), [INVALID_SUPPRESSION, 'sg-open-ssh']);
      assert.equal(visible[0]?.messageId, 'expired');
      assert.match(visible[0]?.message ?? '', /expired on 2027-03-31/);
    });

    it('compares UTC days, whatever the local time zone', () => {
      // 2027-03-31 01:00 in UTC+2 is still 2027-03-30 in UTC.
      const { visible } = lint('t.yaml', dated, { now: () => new Date('2027-03-31T01:00:00+02:00') });
      assert.deepEqual(ids(visible), []);
    });

    it('reports a date that does not exist, or a missing one, and does not apply', () => {
      for (const [comment, pattern] of [
        ['# secure-iac-ignore sg-open-ssh until 2027-02-30: x', /'2027-02-30', which is not a YYYY-MM-DD date/],
        ['# secure-iac-ignore sg-open-ssh until: x', /no date after "until"/],
      ] as const) {
        const { visible } = lint('t.yaml', SG_YAML(comment));
        assert.deepEqual(ids(visible), [INVALID_SUPPRESSION, 'sg-open-ssh'], comment);
        assert.match(visible[0]?.message ?? '', pattern);
      }
    });

    it('reports text after the date', () => {
      const { visible } = lint('t.yaml', SG_YAML('# secure-iac-ignore sg-open-ssh until 2027-03-31 maybe: x'));
      assert.equal(visible[0]?.messageId, 'syntax');
    });
  });

  describe('file level', () => {
    const bucket = (name: string) => `  ${name}:\n    Type: AWS::S3::Bucket\n`;

    it('in the leading comments, suppresses the rule everywhere in the file', () => {
      const text = `# Storage for the demo\n# secure-iac-ignore-file s3-versioning: demo buckets, rebuilt on deploy\n---\nResources:\n${bucket('A')}${bucket('B')}`;
      const { findings } = lintText('t.yaml', text, { now: BEFORE });
      const versioning = findings.filter((f) => f.ruleId === 's3-versioning');
      assert.equal(versioning.length, 2);
      assert.ok(versioning.every((f) => f.suppressed?.scope === 'file' && f.suppressed.reason === 'demo buckets, rebuilt on deploy'));
    });

    it('elsewhere, is reported as misplaced and does not apply', () => {
      const text = `Resources:\n  # secure-iac-ignore-file s3-versioning: demo\n${bucket('A')}`;
      const { findings } = lintText('t.yaml', text, { now: BEFORE });
      assert.equal(findings.filter((f) => f.suppressed).length, 0);
      assert.ok(findings.some((f) => f.ruleId === 's3-versioning'));
      assert.equal(findings.find((f) => f.ruleId === INVALID_SUPPRESSION)?.messageId, 'misplaced');
    });

    it('works in HCL with until, and names no rule is reported', () => {
      const tf = `# secure-iac-ignore-file rds-encryption until 2030-01-01: migration in progress\nresource "aws_db_instance" "a" {\n  engine = "mysql"\n}\n`;
      assert.deepEqual(ids(lintText('main.tf', tf, { now: BEFORE }).findings.filter((f) => f.suppressed)), ['rds-encryption']);
      const bad = lintText('main.tf', `# secure-iac-ignore-file: why\nresource "aws_db_instance" "a" {\n  engine = "mysql"\n}\n`, { now: BEFORE });
      assert.equal(bad.findings[0]?.messageId, 'noIds');
    });
  });

  describe('CloudFormation Metadata', () => {
    it('suppresses the resource, with until', () => {
      const text = `
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Metadata:
              secure-iac:
                ignore:
                  - id: rds-encryption
                    reason: scratch database
                    until: 2027-03-31
            Properties:
              Engine: mysql
      `;
      const before = lint('t.yaml', text, { now: BEFORE });
      assert.deepEqual(
        before.suppressed.map((f) => f.suppressed),
        [{ kind: 'metadata', reason: 'scratch database', source: 'secure-iac', scope: 'resource', expires: '2027-03-31' }],
      );
      assert.ok(!before.visible.some((f) => f.ruleId === 'rds-encryption'));
      const after = lint('t.yaml', text, { now: ON });
      assert.deepEqual(
        ids(after.visible)
          .filter((id) => id === INVALID_SUPPRESSION || id === 'rds-encryption')
          .sort(),
        [INVALID_SUPPRESSION, 'rds-encryption'],
      );
    });

    it('at the template top level covers the whole file (the file-level form for JSON)', () => {
      const json = JSON.stringify({
        Metadata: { 'secure-iac': { ignore: [{ id: 's3-versioning', reason: 'demo' }] } },
        Resources: { A: { Type: 'AWS::S3::Bucket' }, B: { Type: 'AWS::S3::Bucket' } },
      });
      const { findings } = lintText('t.json', json, { now: BEFORE });
      const versioning = findings.filter((f) => f.ruleId === 's3-versioning');
      assert.equal(versioning.length, 2);
      assert.ok(versioning.every((f) => f.suppressed?.scope === 'file'));
    });

    it('reports a Metadata entry without a reason', () => {
      const { visible } = lint(
        't.yaml',
        `
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Metadata: { secure-iac: { ignore: [{ id: rds-encryption }] } }
            Properties: { Engine: mysql }
      `,
      );
      assert.equal(visible.find((f) => f.ruleId === INVALID_SUPPRESSION)?.messageId, 'noReason');
      assert.ok(visible.some((f) => f.ruleId === 'rds-encryption'));
    });
  });

  it('does not read comments out of JSON strings', () => {
    const json = JSON.stringify({
      Resources: { Db: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'mysql', DBName: '# secure-iac-ignore rds-encryption: x' } } },
    });
    const { findings } = lintText('t.json', json, { now: BEFORE });
    assert.ok(findings.some((f) => f.ruleId === 'rds-encryption' && !f.suppressed));
  });
});
