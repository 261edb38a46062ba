// CloudFormation conditions evaluated with parameter values: a branch is judged only where its condition can hold,
// unresolved parameters give every consistent combination. A companion under a Condition of its own counts only in the
// variants where that condition holds (the engine decides it as the rule looks companions up).
import assert from 'node:assert/strict';
import ebsEncryption from '../../rules/ec2/ebs-encryption';
import kmsKeyRotation from '../../rules/kms/kms-key-rotation';
import vpcFlowLogs from '../../rules/vpc/vpc-flow-logs';
import s3SecureTransport from '../../rules/s3/s3-secure-transport';
import cloudtrailBucketPublic from '../../rules/cloudtrail/cloudtrail-bucket-public';
import ecrScanOnPush from '../../rules/ecr/ecr-scan-on-push';
import secretsmanagerRotation from '../../rules/secrets/secretsmanager-rotation';
import wafOnPublicEntrypoint from '../../rules/waf/waf-on-public-entrypoint';
import iamRoleTrustPublic from '../../rules/iam/iam-role-trust-public';
import apigwNoAuthorization from '../../rules/apigateway/apigw-no-authorization';
import redshiftAuditLogging from '../../rules/redshift/redshift-audit-logging';
import type { AnyRule } from '../../rules/define-rule';
import { lintDocument } from '../../server/src/engine/lint/lint';
import { conditionModel, consistentAssignments } from '../../server/src/engine/lint/conditions';
import { createScope } from '../../server/src/engine/scope/scope';
import type { IacNode } from '../../server/src/model/nodes';
import { initParsers, parseDocument } from '../../server/src/parsers/index';
import { dedent } from '../harness/sources';

const scalar = (value: string): IacNode => ({ kind: 'scalar', value, range: { start: 0, end: 0 } });

function messages(name: string, text: string, rule: AnyRule, inputValues?: ReadonlyMap<string, IacNode>): string[] {
  const doc = parseDocument(name, text);
  assert.ok(doc);
  assert.deepEqual(doc.errors, []);
  const result = lintDocument(doc, { rules: [rule], inputValues });
  assert.deepEqual(result.ruleFailures, []);
  return result.findings.map((f) => f.message);
}

/** The template as JSON with long-form intrinsics, from our own parse of the YAML. */
function toJson(node: IacNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'list':
      return node.items.map(toJson);
    case 'map':
      return Object.fromEntries(node.entries.map((e) => [e.key, toJson(e.value)]));
    case 'call':
      return { [node.fn]: node.fn === 'Ref' || node.fn === 'Condition' ? toJson(node.args[0] as IacNode) : node.args.map(toJson) };
    default:
      throw new Error(`not a CloudFormation node: ${node.kind}`);
  }
}

function yamlToJson(yaml: string): string {
  const doc = parseDocument('t.yaml', yaml);
  assert.ok(doc?.root);
  return JSON.stringify(toJson(doc.root), null, 2);
}

/** Each case in YAML (short-form tags as written) and in JSON (the same template, long forms). */
function both(yaml: string, rule: AnyRule, inputValues?: ReadonlyMap<string, IacNode>): string[] {
  const y = messages('t.yaml', dedent(yaml), rule, inputValues);
  const j = messages('t.json', yamlToJson(dedent(yaml)), rule, inputValues);
  assert.deepEqual(j, y, 'YAML and JSON agree');
  return y;
}

const KEY = `
  Parameters:
    KeySpec:
      Type: String
      Default: SYMMETRIC_DEFAULT
  Conditions:
    IsSym: !Equals [!Ref KeySpec, SYMMETRIC_DEFAULT]
  Resources:
    Key:
      Type: AWS::KMS::Key
      Properties:
        KeySpec: !Ref KeySpec
        EnableKeyRotation: !If [IsSym, true, false]
`;

const ENV = (conditions: string, encrypted: string, extra = '') => `
  Parameters:
    Env:
      Type: String${extra}
  Conditions:
${conditions}
  Resources:
    Vol:
      Type: AWS::EC2::Volume
      Properties:
        AvailabilityZone: eu-west-1a
        Size: 10
        Encrypted: ${encrypted}
`;

describe('conditions evaluated with parameter values', () => {
  before(() => initParsers());

  it('a parameter default decides the condition: the other branch is not judged', () => {
    assert.deepEqual(both(KEY, kmsKeyRotation), []);
  });

  it('a parameter file value decides it the other way: reported without a "when"', () => {
    // KeySpec from the file is asymmetric: the rule is silent for such keys whatever the branch.
    assert.deepEqual(both(KEY, kmsKeyRotation, new Map([['KeySpec', scalar('RSA_2048')]])), []);
    const sym = KEY.replace('KeySpec: !Ref KeySpec\n', '');
    assert.deepEqual(both(sym, kmsKeyRotation, new Map([['KeySpec', scalar('RSA_2048')]])), ['Key sets EnableKeyRotation to false.']);
  });

  it('an unresolved parameter leaves both branches open, named by the condition', () => {
    const open = KEY.replace('      Default: SYMMETRIC_DEFAULT\n', '').replace('KeySpec: !Ref KeySpec\n', '');
    assert.deepEqual(both(open, kmsKeyRotation), ['Key sets EnableKeyRotation to false. (when condition IsSym is false)']);
  });

  const cases: { name: string; yaml: string; expected: string[] }[] = [
    {
      name: 'a condition and its negation are never both false',
      yaml: ENV('    IsProd: !Equals [!Ref Env, prod]\n    NotProd: !Not [!Condition IsProd]', '!If [IsProd, true, !If [NotProd, true, false]]'),
      expected: [],
    },
    {
      name: 'two tests of one parameter are never both true',
      yaml: ENV('    IsProd: !Equals [!Ref Env, prod]\n    IsDev: !Equals [!Ref Env, dev]', '!If [IsProd, !If [IsDev, false, true], true]'),
      expected: [],
    },
    {
      name: 'a value neither test names is a variant of its own',
      yaml: ENV('    IsProd: !Equals [!Ref Env, prod]\n    IsDev: !Equals [!Ref Env, dev]', '!If [IsProd, true, !If [IsDev, true, false]]'),
      expected: ['Vol sets Encrypted to false. (when condition IsProd is false and condition IsDev is false)'],
    },
    {
      name: 'AllowedValues bound the parameter: no other value exists',
      yaml: ENV(
        '    IsProd: !Equals [!Ref Env, prod]\n    IsDev: !Equals [!Ref Env, dev]',
        '!If [IsProd, true, !If [IsDev, true, false]]',
        '\n      AllowedValues: [prod, dev]',
      ),
      expected: [],
    },
    {
      name: 'Fn::Or and Fn::And over decided and open tests',
      yaml: ENV(
        '    IsProd: !Equals [!Ref Env, prod]\n    Always: !Or [!Equals [a, a], !Condition IsProd]\n    Never: !And [!Equals [a, b], !Condition IsProd]',
        '!If [Always, !If [Never, false, true], false]',
      ),
      expected: [],
    },
    {
      name: 'a default decides Fn::Not of a test',
      yaml: ENV('    NotProd: !Not [!Equals [!Ref Env, prod]]', '!If [NotProd, false, true]', '\n      Default: prod'),
      expected: [],
    },
    {
      name: 'a default that makes the unsafe branch the only one: reported without a "when"',
      yaml: ENV('    IsProd: !Equals [!Ref Env, prod]', '!If [IsProd, true, false]', '\n      Default: dev'),
      expected: ['Vol sets Encrypted to false.'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const found = both(c.yaml, ebsEncryption);
      assert.deepEqual(
        found.map((m) => m.replace(/^.*?(sets|does not)/, 'Vol $1')),
        c.expected.map((m) => m.replace(/^.*?(sets|does not)/, 'Vol $1')),
      );
    });
  }

  it('a resource whose own Condition is false for the values is not judged', () => {
    const yaml = ENV('    IsProd: !Equals [!Ref Env, prod]', 'false', '\n      Default: dev').replace(
      '      Type: AWS::EC2::Volume',
      '      Type: AWS::EC2::Volume\n      Condition: IsProd',
    );
    assert.deepEqual(both(yaml, ebsEncryption), []);
    const open = yaml.replace('\n      Default: dev', '');
    assert.equal(both(open, ebsEncryption).length, 1);
  });

  it('enumerates only consistent assignments', () => {
    const doc = parseDocument(
      't.yaml',
      dedent(ENV('    A: !Equals [!Ref Env, x]\n    B: !Not [!Condition A]\n    C: !Equals [!Ref Env, y]', 'true')),
    );
    assert.ok(doc);
    const got = consistentAssignments(conditionModel(createScope(doc)), ['A', 'B', 'C'])?.map((m) => [...m.values()]);
    assert.deepEqual(got, [
      [true, false, false],
      [false, true, true],
      [false, true, false],
    ]);
  });
});

const VPC = (flowLogCondition: string, extra = '') => `
  Parameters:
    Logs:
      Type: String${extra}
  Conditions:
    HasLogs: !Equals [!Ref Logs, 'yes']
  Resources:
    Vpc:
      Type: AWS::EC2::VPC
      Properties:
        CidrBlock: 10.0.0.0/16
    Log:
      Type: AWS::EC2::FlowLog${flowLogCondition}
      Properties:
        ResourceId: !Ref Vpc
        ResourceType: VPC
        TrafficType: ALL
        LogDestinationType: s3
        LogDestination: arn:aws:s3:::logs
`;

describe('companions with a Condition of their own', () => {
  before(() => initParsers());

  const cases: { name: string; yaml: string; expected: string[] }[] = [
    { name: 'no condition: the flow log always counts', yaml: VPC(''), expected: [] },
    {
      name: 'an open condition: missing where it is false',
      yaml: VPC('\n      Condition: HasLogs'),
      expected: ['Vpc has no flow log, so its network traffic is not recorded. (when condition HasLogs is false)'],
    },
    { name: 'a default makes the condition true', yaml: VPC('\n      Condition: HasLogs', "\n      Default: 'yes'"), expected: [] },
    {
      name: 'a default makes it false: missing, without a "when"',
      yaml: VPC('\n      Condition: HasLogs', "\n      Default: 'no'"),
      expected: ['Vpc has no flow log, so its network traffic is not recorded.'],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(both(c.yaml, vpcFlowLogs), c.expected));

  it('many companions under distinct open conditions: bounded, companions then count wherever they may exist', () => {
    const logs = Array.from(
      { length: 8 },
      (_, i) =>
        `    L${i}:\n      Type: AWS::EC2::FlowLog\n      Condition: C${i}\n      Properties:\n        ResourceId: !Ref Vpc\n        ResourceType: VPC\n        TrafficType: ALL\n        LogDestinationType: s3\n        LogDestination: arn:aws:s3:::logs\n`,
    ).join('');
    const conditions = Array.from({ length: 8 }, (_, i) => `    C${i}: !Equals [!Ref P${i}, 'yes']`).join('\n');
    const parameters = Array.from({ length: 8 }, (_, i) => `    P${i}:\n      Type: String`).join('\n');
    const yaml = `
  Parameters:
${parameters}
  Conditions:
${conditions}
  Resources:
    Vpc:
      Type: AWS::EC2::VPC
      Properties:
        CidrBlock: 10.0.0.0/16
${logs}`;
    const started = performance.now();
    assert.deepEqual(both(yaml, vpcFlowLogs), []);
    assert.ok(performance.now() - started < 5_000, 'no 2^8 evaluations per rule and resource');
  });

  it('a VPC under the same condition as its flow log is covered', () => {
    const yaml = VPC('\n      Condition: HasLogs').replace('      Type: AWS::EC2::VPC', '      Type: AWS::EC2::VPC\n      Condition: HasLogs');
    assert.deepEqual(both(yaml, vpcFlowLogs), []);
  });
});

/** A template whose `IsProd` depends on `Env` (open unless `env` gives a default) and `NotProd` is its negation. */
const ENV_TEMPLATE = (env: string | undefined, resources: string) => `
  Parameters:
    Env:
      Type: String${env === undefined ? '' : `\n      Default: ${env}`}
    ProviderArn:
      Type: String
  Conditions:
    IsProd: !Equals [!Ref Env, prod]
    NotProd: !Not [!Condition IsProd]
  Resources:
${resources}`;

const FLOW_LOG = (condition: string) => `
    Log:
      Type: AWS::EC2::FlowLog
      Condition: ${condition}
      Properties:
        ResourceId: !Ref Vpc
        ResourceType: VPC
        TrafficType: ALL
        LogDestinationType: s3
        LogDestination: arn:aws:s3:::logs`;

const BUCKET = `
    Bucket:
      Type: AWS::S3::Bucket
      Properties:
        BucketName: data`;

const TLS_POLICY = (condition: string) => `
    Policy:
      Type: AWS::S3::BucketPolicy
      Condition: ${condition}
      Properties:
        Bucket: !Ref Bucket
        PolicyDocument:
          Statement:
            - Effect: Deny
              Principal: '*'
              Action: 's3:*'
              Resource: [!Sub 'arn:aws:s3:::\${Bucket}', !Sub 'arn:aws:s3:::\${Bucket}/*']
              Condition: { Bool: { 'aws:SecureTransport': 'false' } }`;

const PUBLIC_POLICY = (condition: string) => `
    Policy:
      Type: AWS::S3::BucketPolicy
      Condition: ${condition}
      Properties:
        Bucket: !Ref Bucket
        PolicyDocument:
          Statement:
            - Effect: Allow
              Principal: '*'
              Action: 's3:PutObject'
              Resource: !Sub 'arn:aws:s3:::\${Bucket}/*'
    Trail:
      Type: AWS::CloudTrail::Trail
      Properties:
        IsLogging: true
        S3BucketName: !Ref Bucket`;

const NO_FLOW_LOG = 'Vpc has no flow log, so its network traffic is not recorded.';
const NO_TLS =
  'Bucket has no bucket policy denying requests made without TLS, so it can be used over plain HTTP. Add a statement with Effect Deny, Principal "*", Action "s3:*" and Condition Bool aws:SecureTransport "false".';
const PUBLIC_TRAIL = `Trail delivers its logs to Bucket, which is public: its bucket policy allows everyone (Principal "*") with no Condition. Anyone can then read the account's audit trail (who did what, resource names, IP addresses). Make the bucket private; its s3-public-acl / s3-policy-public findings carry the fixes.`;
const GITHUB_TRUST =
  'Role trusts GitHub Actions (token.actions.githubusercontent.com) without a condition on token.actions.githubusercontent.com:sub, so a workflow of any GitHub repository can assume it. Pin sub to repo:<owner>/<repo>:… (a branch, environment or tag).';

/**
 * Clarification 7 across the rule families that look companions up: a companion under a `Condition` of its own counts
 * only in the variants where the condition holds, decided with the parameter values (open: both variants, named).
 */
describe('companions under a Condition, per rule family (YAML and JSON)', () => {
  before(() => initParsers());

  const VPC_ONLY = (condition = '') => `
    Vpc:
      Type: AWS::EC2::VPC${condition}
      Properties:
        CidrBlock: 10.0.0.0/16`;

  const cases: { name: string; rule: AnyRule; yaml: string; expected: string[] }[] = [
    {
      name: "vpc: a flow log under the negation of the VPC's own condition never exists with it",
      rule: vpcFlowLogs,
      yaml: ENV_TEMPLATE(undefined, VPC_ONLY('\n      Condition: IsProd') + FLOW_LOG('NotProd')),
      expected: [NO_FLOW_LOG],
    },
    {
      name: "vpc: a flow log under the VPC's own condition, parameters open: covered",
      rule: vpcFlowLogs,
      yaml: ENV_TEMPLATE(undefined, VPC_ONLY('\n      Condition: IsProd') + FLOW_LOG('IsProd')),
      expected: [],
    },
    {
      name: 'vpc: a flow log under the negation of a condition the default makes false: always there',
      rule: vpcFlowLogs,
      yaml: ENV_TEMPLATE('dev', VPC_ONLY() + FLOW_LOG('NotProd')),
      expected: [],
    },
    {
      name: 's3: a TLS-only bucket policy under an open condition: missing where it is false',
      rule: s3SecureTransport,
      yaml: ENV_TEMPLATE(undefined, BUCKET + TLS_POLICY('IsProd')),
      expected: [`${NO_TLS} (when condition IsProd is false)`],
    },
    {
      name: "s3: the default makes the bucket policy's condition true",
      rule: s3SecureTransport,
      yaml: ENV_TEMPLATE('prod', BUCKET + TLS_POLICY('IsProd')),
      expected: [],
    },
    {
      name: 's3: the default makes the bucket policy\'s condition false: reported without a "when"',
      rule: s3SecureTransport,
      yaml: ENV_TEMPLATE('prod', BUCKET + TLS_POLICY('NotProd')),
      expected: [NO_TLS],
    },
    {
      name: 'cloudtrail: a public bucket policy under an open condition makes the trail bucket public where it holds',
      rule: cloudtrailBucketPublic,
      yaml: ENV_TEMPLATE(undefined, BUCKET + PUBLIC_POLICY('IsProd')),
      expected: [`${PUBLIC_TRAIL} (when condition IsProd is true)`],
    },
    {
      name: "ecr: a registry scanning rule under the negation of the repository's condition never covers it",
      rule: ecrScanOnPush,
      yaml: ENV_TEMPLATE(
        undefined,
        `
    Repo:
      Type: AWS::ECR::Repository
      Condition: IsProd
      Properties:
        RepositoryName: app
    Scanning:
      Type: AWS::ECR::RegistryScanningConfiguration
      Condition: NotProd
      Properties:
        ScanType: BASIC
        Rules:
          - ScanFrequency: SCAN_ON_PUSH
            RepositoryFilters: [{ Filter: '*', FilterType: WILDCARD }]`,
      ),
      expected: [
        'Repo does not scan images on push (the default is off) and no registry scanning rule covers it: images with known vulnerabilities are stored and deployed unnoticed.',
      ],
    },
    {
      name: 'secrets: a rotation schedule under a condition the default makes false',
      rule: secretsmanagerRotation,
      yaml: ENV_TEMPLATE(
        'dev',
        `
    Secret:
      Type: AWS::SecretsManager::Secret
      Properties: {}
    Rotation:
      Type: AWS::SecretsManager::RotationSchedule
      Condition: IsProd
      Properties:
        SecretId: !Ref Secret
        RotationLambdaARN: arn:aws:lambda:us-east-1:123456789012:function:rotate`,
      ),
      expected: [
        'Secret has no rotation schedule, so the secret never changes; add one with a rotation function (for RDS, Redshift and DocumentDB secrets, HostedRotationLambda creates it).',
      ],
    },
    {
      name: 'waf: an association under a condition the default makes true protects the load balancer',
      rule: wafOnPublicEntrypoint,
      yaml: ENV_TEMPLATE(
        'prod',
        `
    Alb:
      Type: AWS::ElasticLoadBalancingV2::LoadBalancer
      Properties:
        Scheme: internet-facing
        Subnets: [subnet-1, subnet-2]
    Waf:
      Type: AWS::WAFv2::WebACLAssociation
      Condition: IsProd
      Properties:
        ResourceArn: !Ref Alb
        WebACLArn: arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/a/1`,
      ),
      expected: [],
    },
    {
      name: "iam: a GitHub OIDC provider under an open condition makes a referenced provider GitHub's where it holds",
      rule: iamRoleTrustPublic,
      yaml: ENV_TEMPLATE(
        undefined,
        `
    Github:
      Type: AWS::IAM::OIDCProvider
      Condition: IsProd
      Properties:
        Url: https://token.actions.githubusercontent.com
        ClientIdList: [sts.amazonaws.com]
    Role:
      Type: AWS::IAM::Role
      Properties:
        AssumeRolePolicyDocument:
          Statement:
            - Effect: Allow
              Principal: { Federated: !Ref ProviderArn }
              Action: sts:AssumeRoleWithWebIdentity`,
      ),
      expected: [`${GITHUB_TRUST} (when condition IsProd is true)`],
    },
    {
      name: "apigateway: a private REST API under the method's own condition exists wherever the method does",
      rule: apigwNoAuthorization,
      yaml: ENV_TEMPLATE(
        undefined,
        `
    Api:
      Type: AWS::ApiGateway::RestApi
      Condition: IsProd
      Properties:
        Name: api
        EndpointConfiguration: { Types: [PRIVATE] }
    Method:
      Type: AWS::ApiGateway::Method
      Condition: IsProd
      Properties:
        RestApiId: !Ref Api
        ResourceId: !GetAtt Api.RootResourceId
        HttpMethod: GET
        AuthorizationType: NONE`,
      ),
      expected: [],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(both(c.yaml, c.rule), c.expected));
});

/**
 * The Terraform side of the same mechanism (families whose companions are Terraform only): a companion that a
 * conditional `count` may not create counts only in the branch that creates it. (Terraform JSON reads `"${a ? 1 : 0}"`
 * as an expression it does not decide, so there the companion counts as present: silent, never a false finding.)
 */
describe('companions under a conditional count, per rule family (HCL)', () => {
  before(() => initParsers());

  const cases: { name: string; rule: AnyRule; hcl: string; expected: string[] }[] = [
    {
      name: 'ec2: EBS encryption by default that a conditional count may not create',
      rule: ebsEncryption,
      hcl: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size = 40\n}\n\nresource "aws_ebs_encryption_by_default" "this" {\n  count = var.enforce ? 1 : 0\n  enabled = true\n}\n',
      expected: [
        'aws_ebs_volume.data does not set encrypted; EBS volumes are unencrypted unless encryption by default is on. (when `var.enforce` is false)',
      ],
    },
    {
      name: 'redshift: a logging resource that a conditional count may not create',
      rule: redshiftAuditLogging,
      hcl: 'resource "aws_redshift_cluster" "main" {\n  cluster_identifier = "main"\n}\n\nresource "aws_redshift_logging" "main" {\n  count = var.audit ? 1 : 0\n  cluster_identifier = aws_redshift_cluster.main.id\n  log_destination_type = "cloudwatch"\n}\n',
      expected: [
        'aws_redshift_cluster.main has no audit logging: connections, user changes and queries are not recorded outside the cluster. (when `var.audit` is false)',
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(messages('main.tf', c.hcl, c.rule), c.expected);
    });
  }
});
