// CloudFormation conditions evaluated with parameter values: a branch is judged only where its condition can hold,
// unresolved parameters give every consistent combination. A companion under a Condition of its own is judged by the
// rule (rules/lib/companion-condition.ts), not left out by the engine.
import assert from 'node:assert/strict';
import ebsEncryption from '../../rules/ec2/ebs-encryption';
import kmsKeyRotation from '../../rules/kms/kms-key-rotation';
import vpcFlowLogs from '../../rules/vpc/vpc-flow-logs';
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
    { name: 'a default makes the condition true', yaml: VPC('\n      Condition: HasLogs', "\n      Default: 'yes'"), expected: [] },
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
