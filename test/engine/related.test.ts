// Related locations: a finding reported at a reference also names the parameter/variable default that decided it.
import assert from 'node:assert/strict';
import type { AnyRule } from '../../rules/define-rule';
import rdsPublic from '../../rules/rds/rds-public';
import hardcodedSecret from '../../rules/secrets/hardcoded-secret';
import { lintDocument, type LintOptions } from '../../server/src/engine/lint/lint';
import { lineStarts, positionAt } from '../../server/src/engine/positions';
import type { IacNode } from '../../server/src/model/nodes';
import { initParsers, parseDocument } from '../../server/src/parsers/index';
import { dedent } from '../harness/sources';

/** Findings with their own line and each related location as `uri:line`. */
function lint(name: string, code: string, rule: AnyRule, module: Record<string, string> = {}, options: LintOptions = {}) {
  const texts = new Map([[name, dedent(code)], ...Object.entries(module).map(([n, c]) => [n, dedent(c)] as [string, string])]);
  const docs = [...texts].map(([n, t]) => parseDocument(n, t)!);
  const [doc, ...siblings] = docs;
  assert.ok(doc);
  const result = lintDocument(doc, { rules: [rule], module: siblings, ...options });
  assert.deepEqual(result.ruleFailures, []);
  const lineOf = (uri: string, offset: number) => positionAt(lineStarts(texts.get(uri) ?? ''), offset).line + 1;
  return result.findings.map((f) => ({
    line: lineOf(f.uri, f.range.start),
    related: (f.related ?? []).map((r) => `${r.uri}:${lineOf(r.uri, r.range.start)}`),
    relatedMessages: (f.related ?? []).map((r) => r.message),
  }));
}

describe('related locations', () => {
  before(() => initParsers());

  it('points a secret read through !Ref at the parameter default', () => {
    const findings = lint(
      't.yaml',
      `
      Parameters:
        DbPassword:
          Type: String
          Default: hunter2-plain
      Resources:
        Db:
          Type: AWS::DocDB::DBCluster
          Properties:
            MasterUsername: admin
            MasterUserPassword: !Ref DbPassword
    `,
      hardcodedSecret,
    );
    assert.deepEqual(
      findings.map((f) => [f.line, f.related]),
      [[10, ['t.yaml:4']]],
    );
    assert.match(findings[0]?.relatedMessages[0] ?? '', /default of parameter DbPassword/);
  });

  it('points at a variable default in another file of the Terraform module', () => {
    const findings = lint(
      'main.tf',
      `
      resource "aws_db_instance" "db" {
        engine              = "mysql"
        publicly_accessible = var.public
      }
    `,
      rdsPublic,
      {
        'variables.tf': `
        variable "public" {
          default = true
        }
      `,
      },
    );
    assert.deepEqual(
      findings.map((f) => [f.line, f.related]),
      [[3, ['variables.tf:2']]],
    );
  });

  it('adds nothing for a literal written in the resource', () => {
    const findings = lint(
      't.yaml',
      `
      Resources:
        Db:
          Type: AWS::DocDB::DBCluster
          Properties:
            MasterUsername: admin
            MasterUserPassword: hunter2-plain
    `,
      hardcodedSecret,
    );
    assert.deepEqual(
      findings.map((f) => [f.line, f.related]),
      [[6, []]],
    );
  });

  it('adds nothing when a parameter-file value overrides the default (that file is not part of the scope)', () => {
    const override: IacNode = { kind: 'scalar', value: 'true', range: { start: 0, end: 0 } };
    const findings = lint(
      't.yaml',
      `
      Parameters:
        Public:
          Type: String
          Default: 'false'
      Resources:
        Db:
          Type: AWS::RDS::DBInstance
          Properties:
            Engine: mysql
            PubliclyAccessible: !Ref Public
    `,
      rdsPublic,
      {},
      { inputValues: new Map([['Public', override]]) },
    );
    assert.deepEqual(
      findings.map((f) => f.related),
      [[]],
    );
  });

  it('secret rules judge the default written in the file, whatever a parameter file says (catalogue v2, clarification 1)', () => {
    const override: IacNode = { kind: 'scalar', value: 'from-parameter-file', range: { start: 0, end: 0 } };
    const findings = lint(
      't.yaml',
      `
      Parameters:
        DbPassword:
          Type: String
          NoEcho: true
          Default: hunter2-plain
        Other:
          Type: String
      Resources:
        Db:
          Type: AWS::DocDB::DBCluster
          Properties:
            MasterUsername: admin
            MasterUserPassword: !Ref DbPassword
        Db2:
          Type: AWS::DocDB::DBCluster
          Properties:
            MasterUsername: admin
            MasterUserPassword: !Ref Other
    `,
      hardcodedSecret,
      {},
      {
        inputValues: new Map([
          ['DbPassword', override],
          ['Other', override],
        ]),
      },
    );
    assert.deepEqual(
      findings.map((f) => [f.line, f.related]),
      [[13, ['t.yaml:5']]],
    );
  });
});
