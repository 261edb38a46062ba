// Protocol: Fix All is never silently partial. source.fixAll applies the safe fixes and, when findings with only
// review fixes remain, says so through a command; the review kind applies those too, and only when asked for by name.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { applyWorkspaceEdit, ensureServerBuilt, fileUri, FIXTURES, fullRange, onlyRules, TestClient } from './lsp-client';

const TEMPLATE = `Resources:
  Data:
    Type: AWS::S3::Bucket
  Volume:
    Type: AWS::EC2::Volume
    Properties:
      Size: 10
      Encrypted: false
`;

describe('protocol: fix all with review fixes', function () {
  let client: TestClient;
  before(function () {
    this.timeout(120_000);
    ensureServerBuilt();
  });
  afterEach(async () => client.stop());
  const uri = fileUri(path.join(FIXTURES, 'fix-all-review', 't.yaml'));

  async function start(clientCommands: boolean): Promise<void> {
    client = await TestClient.start({ root: FIXTURES, settings: { secureIac: { rules: onlyRules('s3-versioning', 'ebs-encryption') } }, initializationOptions: { clientCommands } });
    await client.open(uri, TEMPLATE);
    await client.diagnosticsFor(uri, 1);
  }

  it('applies the safe fixes on source.fixAll and reports the findings left for review', async () => {
    await start(true);
    const actions = await client.codeActions(uri, fullRange(TEMPLATE), [], ['source.fixAll']);
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.secure-iac'], 'the review kind is never part of source.fixAll');
    const [fixAll] = actions;
    assert.equal(fixAll?.title, 'Fix all safe Secure IaC findings (1)');
    assert.deepEqual(fixAll?.command, { title: 'Findings left for review', command: 'secureIac.reviewFixesLeft', arguments: [uri, 1] });
    const fixed = applyWorkspaceEdit(TEMPLATE, fixAll?.edit, uri);
    assert.match(fixed, /VersioningConfiguration:\n {8}Status: Enabled/);
    assert.match(fixed, /Encrypted: false/);
  });

  it('applies every fix when the review kind is asked for by name', async () => {
    await start(true);
    const [review] = await client.codeActions(uri, fullRange(TEMPLATE), [], ['source.fixAll.secure-iac.review']);
    assert.equal(review?.kind, 'source.fixAll.secure-iac.review');
    assert.equal(review?.title, 'Fix all Secure IaC findings, including those that need a review (2)');
    assert.equal(review?.command, undefined);
    const fixed = applyWorkspaceEdit(TEMPLATE, review?.edit, uri);
    assert.match(fixed, /Encrypted: true/);
    assert.match(fixed, /Status: Enabled/);
  });

  it('sends no command to a client that does not run ours', async () => {
    await start(false);
    const [fixAll] = await client.codeActions(uri, fullRange(TEMPLATE), [], ['source.fixAll']);
    assert.equal(fixAll?.command, undefined);
  });
});
