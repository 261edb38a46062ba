// Protocol: a finding on `var.x` points, as related information, at the variable's default in another file.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureServerBuilt, fileUri, onlyRules, TestClient } from './lsp-client';

const MAIN_TF = `resource "aws_security_group" "bastion" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.ssh_source]
  }
}
`;
const VARIABLES_TF = `variable "ssh_source" {
  default = "0.0.0.0/0"
}
`;

describe('protocol: related information', function () {
  let client: TestClient;
  let dir: string;

  before(function () {
    this.timeout(120_000);
    ensureServerBuilt();
  });
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'secure-iac-related-'));
    writeFileSync(path.join(dir, 'main.tf'), MAIN_TF);
    writeFileSync(path.join(dir, 'variables.tf'), VARIABLES_TF);
    client = await TestClient.start({ root: dir, settings: { secureIac: { rules: onlyRules('sg-open-ssh') } } });
  });
  afterEach(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the diagnostic on the reference links to the default that decided it', async () => {
    const mainUri = fileUri(path.join(dir, 'main.tf'));
    await client.open(mainUri, MAIN_TF);
    const [diagnostic, ...rest] = await client.diagnosticsFor(mainUri, 1);
    assert.equal(rest.length, 0);
    assert.equal(diagnostic?.code, 'sg-open-ssh');
    assert.deepEqual(diagnostic?.range, { start: { line: 5, character: 19 }, end: { line: 5, character: 33 } });
    assert.deepEqual(diagnostic?.relatedInformation, [
      {
        location: { uri: fileUri(path.join(dir, 'variables.tf')), range: { start: { line: 1, character: 12 }, end: { line: 1, character: 23 } } },
        message: 'The value comes from the default of variable "ssh_source".',
      },
    ]);
  });
});
