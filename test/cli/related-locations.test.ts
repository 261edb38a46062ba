// Where the deciding value is written, across files of a Terraform module: JSON `related` and SARIF `relatedLocations`.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { main } from '../../server/src/cli';

const MAIN_TF = `resource "aws_security_group" "bastion" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.ssh_source]
  }
}
`;

const VARIABLES_TF = `variable "region" {
  default = "eu-west-1"
}

variable "ssh_source" {
  type    = string
  default = "0.0.0.0/0"
}
`;

async function scan(dir: string, format: string): Promise<string> {
  let out = '';
  const previous = process.cwd();
  process.chdir(dir);
  try {
    await main(
      ['scan', '.', '--rule', 'sg-open-ssh', '--format', format, '--fail-on', 'none'],
      (t) => void (out += t),
      () => {},
    );
  } finally {
    process.chdir(previous);
  }
  return out;
}

describe('cli: related locations', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'secure-iac-related-'));
    writeFileSync(join(dir, 'main.tf'), MAIN_TF);
    writeFileSync(join(dir, 'variables.tf'), VARIABLES_TF);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('JSON points from the reference in main.tf at the default in variables.tf', async () => {
    const report = JSON.parse(await scan(dir, 'json'));
    assert.equal(report.findings.length, 1);
    const [finding] = report.findings;
    assert.equal(finding.file, 'main.tf');
    assert.equal(finding.startLine, 6);
    assert.deepEqual(finding.related, [
      {
        file: 'variables.tf',
        startLine: 7,
        startColumn: 13,
        endLine: 7,
        endColumn: 24,
        message: 'The value comes from the default of variable "ssh_source".',
      },
    ]);
  });

  it('SARIF carries it as relatedLocations, valid against the 2.1.0 schema', async () => {
    const text = await scan(dir, 'sarif');
    const sarif = JSON.parse(text) as { runs: { results: { relatedLocations?: unknown }[] }[] };
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/sarif-multitool-linux/sarif-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors, null, 2));
    const result = sarif.runs[0]?.results[0];
    assert.ok(result);
    assert.deepEqual(result.relatedLocations, [
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'variables.tf', uriBaseId: '%SRCROOT%' },
          region: { startLine: 7, startColumn: 13, endLine: 7, endColumn: 24 },
        },
        message: { text: 'The value comes from the default of variable "ssh_source".' },
      },
    ]);
  });
});
