// SAM policy templates are read as the statements SAM generates (rules/data/sam-policy-templates.json), through the
// one identity-policy reader, in YAML and JSON; a template the table does not list and a managed-policy name are not.
import assert from 'node:assert/strict';
import { defineRule } from '../../../rules/define-rule';
import iamAdminPolicy from '../../../rules/iam/iam-admin-policy';
import iamKmsDecryptAll from '../../../rules/iam/iam-kms-decrypt-all';
import iamPrivilegeEscalation from '../../../rules/iam/iam-privilege-escalation';
import iamWildcardAction from '../../../rules/iam/iam-wildcard-action';
import { IDENTITY_POLICY_TARGETS, identityDocuments } from '../../../rules/lib/identity-policy';
import { expandPolicyTemplate, SAM_POLICY_TEMPLATE_NAMES } from '../../../rules/lib/sam-policy-templates';
import { UNKNOWN } from '../../../rules/lib/unknown';
import { lintDocument } from '../../../server/src/engine/lint/lint';
import { initParsers, parseDocument } from '../../../server/src/parsers/index';
import { dedent } from '../../harness/sources';

const YAML = dedent(`
  Transform: AWS::Serverless-2016-10-31
  Parameters:
    Table:
      Type: String
  Resources:
    Fn:
      Type: AWS::Serverless::Function
      Properties:
        Handler: index.handler
        Runtime: python3.12
        CodeUri: src/
        Policies:
          - S3CrudPolicy:
              BucketName: uploads
          - DynamoDBCrudPolicy:
              TableName: !Ref Table
          - VPCAccessPolicy: {}
          - SomeFuturePolicy:
              Name: x
          - AWSLambdaBasicExecutionRole
`);

const JSON_TEXT = JSON.stringify(
  {
    Transform: 'AWS::Serverless-2016-10-31',
    Parameters: { Table: { Type: 'String' } },
    Resources: {
      Fn: {
        Type: 'AWS::Serverless::Function',
        Properties: {
          Handler: 'index.handler',
          Runtime: 'python3.12',
          CodeUri: 'src/',
          Policies: [
            { S3CrudPolicy: { BucketName: 'uploads' } },
            { DynamoDBCrudPolicy: { TableName: { Ref: 'Table' } } },
            { VPCAccessPolicy: {} },
            { SomeFuturePolicy: { Name: 'x' } },
            'AWSLambdaBasicExecutionRole',
          ],
        },
      },
    },
  },
  null,
  2,
);

/** What the identity-policy reader sees: per document, its anchor's line and its statements' actions and resources. */
function documentsIn(name: string, text: string): { line: number; actions: unknown; resources: unknown }[][] {
  let seen: { line: number; actions: unknown; resources: unknown }[][] = [];
  const probe = defineRule({
    id: 'probe',
    meta: { title: 't', severity: 'low', whitepaper: 'w', docs: 'd', related: {}, noEquivalent: 'test', messages: { m: 'm' } },
    targets: IDENTITY_POLICY_TARGETS,
    check(resource, report) {
      seen = identityDocuments(resource).map((d) =>
        d.statements.map((s) => {
          // Reported, so the finding's range says where the statement is anchored.
          report({ at: s.at, messageId: 'm' });
          return { line: 0, actions: s.statement['Action'], resources: s.statement['Resource'] };
        }),
      );
    },
  });
  const doc = parseDocument(name, text);
  assert.ok(doc);
  const findings = lintDocument(doc, { rules: [probe], config: { rules: { probe: 'on' } } }).findings;
  const lines = findings.map((f) => text.slice(0, f.range.start).split('\n').length);
  // One finding per distinct anchor, in document order: each document's statements share their item's line.
  let k = 0;
  return seen.map((statements) => {
    const line = lines[k++] ?? -1;
    return statements.map((s) => ({ ...s, line }));
  });
}

describe('SAM policy templates', () => {
  before(() => initParsers());

  it('expands a template with its parameters; a parameter without a literal value leaves that resource unknown', () => {
    assert.deepEqual(expandPolicyTemplate({ SQSSendMessagePolicy: { QueueName: 'jobs' } }), {
      Statement: [{ Effect: 'Allow', Action: ['sqs:SendMessage*'], Resource: ['arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs'] }],
    });
    assert.deepEqual(expandPolicyTemplate({ KMSDecryptPolicy: { KeyId: UNKNOWN } })?.Statement[0]?.['Resource'], [UNKNOWN]);
    assert.deepEqual(expandPolicyTemplate({ KMSDecryptPolicy: {} })?.Statement[0]?.['Resource'], [UNKNOWN]);
    assert.equal(expandPolicyTemplate({ NotATemplate: {} }), undefined);
    assert.equal(expandPolicyTemplate({ S3ReadPolicy: { BucketName: 'a' }, Other: 1 }), undefined, 'a template item has one key');
    assert.equal(expandPolicyTemplate('S3ReadPolicy'), undefined);
    assert.ok(SAM_POLICY_TEMPLATE_NAMES.includes('DynamoDBCrudPolicy') && SAM_POLICY_TEMPLATE_NAMES.includes('S3CrudPolicy'));
  });

  it('a template whose statements grant a whole service is reported at its item (YAML and JSON)', () => {
    const yaml = dedent(`
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Handler: index.handler
            Runtime: python3.12
            CodeUri: src/
            Policies:
              - S3ReadPolicy:
                  BucketName: docs
              - TextractPolicy: {}
    `);
    const json = JSON.stringify(
      {
        Transform: 'AWS::Serverless-2016-10-31',
        Resources: {
          Fn: {
            Type: 'AWS::Serverless::Function',
            Properties: {
              Handler: 'index.handler',
              Runtime: 'python3.12',
              CodeUri: 'src/',
              Policies: [{ S3ReadPolicy: { BucketName: 'docs' } }, { TextractPolicy: {} }],
            },
          },
        },
      },
      null,
      2,
    );
    for (const [name, text] of [
      ['t.yaml', yaml],
      ['t.json', json],
    ] as const) {
      const doc = parseDocument(name, text);
      assert.ok(doc);
      const found = lintDocument(doc, { rules: [iamWildcardAction] }).findings;
      assert.equal(found.length, 1, name);
      assert.match(found[0]?.message ?? '', /textract:\*/);
      assert.ok(text.slice(found[0]?.range.start, found[0]?.range.end).includes('TextractPolicy'), `${name}: reported at the template item`);
    }
  });

  for (const [name, text] of [
    ['t.yaml', YAML],
    ['t.json', JSON_TEXT],
  ] as const) {
    it(`the identity-policy reader sees the generated statements, anchored at each item (${name})`, () => {
      const docs = documentsIn(name, text);
      assert.equal(docs.length, 3, 'S3Crud, DynamoDBCrud and VPCAccess; the unknown template and the managed policy are not documents');
      type Doc = { resources: unknown; actions: unknown; line: number }[];
      const [s3, ddb, vpc] = docs as unknown as [Doc, Doc, Doc];
      assert.deepEqual(s3[0]?.resources, ['arn:${AWS::Partition}:s3:::uploads', 'arn:${AWS::Partition}:s3:::uploads/*']);
      assert.ok((s3[0]?.actions as string[]).includes('s3:DeleteObject'));
      assert.deepEqual(ddb[0]?.resources, [UNKNOWN, UNKNOWN], 'TableName comes from a parameter without a value');
      assert.deepEqual(vpc[0]?.resources, ['*']);
      assert.ok(s3[0]!.line < ddb[0]!.line && ddb[0]!.line < vpc[0]!.line, 'each document is anchored at its own item');
    });

    it(`the IAM rules judge the generated statements and find the common templates least-privilege (${name})`, () => {
      const doc = parseDocument(name, text);
      assert.ok(doc);
      const result = lintDocument(doc, { rules: [iamAdminPolicy, iamWildcardAction, iamKmsDecryptAll, iamPrivilegeEscalation] });
      assert.deepEqual(result.ruleFailures, []);
      assert.deepEqual(
        result.findings.map((f) => f.message),
        [],
      );
    });
  }
});
