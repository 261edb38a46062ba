// One reader of whether a Terraform resource is created (engine/lint/existence.ts), for the resource a rule checks
// and for its companions alike: `count` / `for_each` are resolved as every other value is (tfvars or default, locals,
// the branch of a conditional taken in the run); a value nothing decides leaves the resource possibly present.
import assert from 'node:assert/strict';
import vpcFlowLogs from '../../rules/vpc/vpc-flow-logs';
import { lintDocument } from '../../server/src/engine/lint/lint';
import type { IacNode } from '../../server/src/model/nodes';
import { initParsers, parseDocument } from '../../server/src/parsers/index';

const NO_FLOW_LOG = 'aws_vpc.main has no flow log, so its network traffic is not recorded.';

function messages(name: string, text: string, inputValues?: ReadonlyMap<string, IacNode>): string[] {
  const doc = parseDocument(name, text);
  assert.ok(doc);
  assert.deepEqual(doc.errors, []);
  const result = lintDocument(doc, { rules: [vpcFlowLogs], inputValues });
  assert.deepEqual(result.ruleFailures, []);
  return result.findings.map((f) => f.message);
}

/** A VPC (with `vpcMeta` lines) and a flow log of it (with `logMeta` lines), plus `extra` HCL. */
function hcl(logMeta: string, extra: string, vpcMeta = ''): string {
  return `resource "aws_vpc" "main" {\n${vpcMeta}  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_flow_log" "main" {\n${logMeta}  vpc_id = aws_vpc.main.id\n  traffic_type = "ALL"\n  log_destination_type = "s3"\n  log_destination = "arn:aws:s3:::logs"\n}\n\n${extra}`;
}

/** The same module in Terraform JSON. */
function json(logMeta: Record<string, unknown>, variables: Record<string, unknown>, vpcMeta: Record<string, unknown> = {}): string {
  return JSON.stringify({
    variable: variables,
    resource: {
      aws_vpc: { main: { ...vpcMeta, cidr_block: '10.0.0.0/16' } },
      aws_flow_log: {
        main: { ...logMeta, vpc_id: '${aws_vpc.main.id}', traffic_type: 'ALL', log_destination_type: 's3', log_destination: 'arn:aws:s3:::logs' },
      },
    },
  });
}

const scalar = (value: number): IacNode => ({ kind: 'scalar', value, range: { start: 0, end: 0 } });

describe('existence: count / for_each resolved as values are', () => {
  before(() => initParsers());

  const cases: {
    name: string;
    hcl: string;
    json?: string;
    inputValues?: ReadonlyMap<string, IacNode>;
    expected: string[];
  }[] = [
    {
      name: 'companion: count = var.n with default 0 creates no flow log',
      hcl: hcl('  count = var.n\n', 'variable "n" {\n  default = 0\n}\n'),
      json: json({ count: '${var.n}' }, { n: { default: 0 } }),
      expected: [NO_FLOW_LOG],
    },
    {
      name: 'companion: count = var.n with default 1 creates it',
      hcl: hcl('  count = var.n\n', 'variable "n" {\n  default = 1\n}\n'),
      json: json({ count: '${var.n}' }, { n: { default: 1 } }),
      expected: [],
    },
    {
      name: 'companion: count = var.n without a default may create it',
      hcl: hcl('  count = var.n\n', 'variable "n" {\n  type = number\n}\n'),
      json: json({ count: '${var.n}' }, { n: { type: 'number' } }),
      expected: [],
    },
    {
      name: 'companion: a tfvars value 0 overrides the default 1',
      hcl: hcl('  count = var.n\n', 'variable "n" {\n  default = 1\n}\n'),
      json: json({ count: '${var.n}' }, { n: { default: 1 } }),
      inputValues: new Map([['n', scalar(0)]]),
      expected: [NO_FLOW_LOG],
    },
    {
      name: 'companion: for_each over a variable whose default is {} creates nothing',
      hcl: hcl('  for_each = var.logs\n', 'variable "logs" {\n  default = {}\n}\n'),
      json: json({ for_each: '${var.logs}' }, { logs: { default: {} } }),
      expected: [NO_FLOW_LOG],
    },
    {
      name: 'companion: count from a conditional in a local counts only where it creates the flow log',
      hcl: hcl('  count = local.logs\n', 'locals {\n  logs = var.on ? 1 : 0\n}\n'),
      expected: [`${NO_FLOW_LOG} (when \`var.on\` is false)`],
    },
    {
      name: 'checked resource: count = var.n with default 0 creates no VPC to judge',
      hcl: hcl('  count = 0\n', 'variable "n" {\n  default = 0\n}\n', '  count = var.n\n'),
      json: json({ count: 0 }, { n: { default: 0 } }, { count: '${var.n}' }),
      expected: [],
    },
    {
      name: 'checked resource: for_each over a variable whose default is {} creates no VPC to judge',
      hcl: hcl('  count = 0\n', 'variable "vpcs" {\n  default = {}\n}\n', '  for_each = var.vpcs\n'),
      json: json({ count: 0 }, { vpcs: { default: {} } }, { for_each: '${var.vpcs}' }),
      expected: [],
    },
    {
      name: 'checked resource: count from a conditional in a local fixes that condition wherever the VPC exists',
      hcl: hcl('  count = var.on ? 0 : 1\n', 'locals {\n  vpcs = var.on ? 1 : 0\n}\n', '  count = local.vpcs\n'),
      // The VPC exists only when var.on is true, and then the flow log does not: always missing, no "when".
      expected: [NO_FLOW_LOG],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(messages('main.tf', c.hcl, c.inputValues), c.expected);
      if (c.json !== undefined) assert.deepEqual(messages('main.tf.json', c.json, c.inputValues), c.expected, 'Terraform JSON');
    });
  }
});
