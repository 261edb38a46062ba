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
    client = await TestClient.start({
      root: FIXTURES,
      settings: { secureIac: { rules: onlyRules('s3-versioning', 'ebs-encryption') } },
      initializationOptions: { clientCommands },
    });
    await client.open(uri, TEMPLATE);
    await client.diagnosticsFor(uri, 1);
  }

  it('applies the safe fixes on source.fixAll and reports the findings left for review', async () => {
    await start(true);
    const actions = await client.codeActions(uri, fullRange(TEMPLATE), [], ['source.fixAll']);
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['source.fixAll.secure-iac'],
      'the review kind is never part of source.fixAll',
    );
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

describe('protocol: "Ignore … for this resource" as a snippet', function () {
  let client: TestClient;
  before(function () {
    this.timeout(120_000);
    ensureServerBuilt();
  });
  afterEach(async () => client.stop());

  it('selects the placeholder reason for clients with snippet edits; the placeholder itself does not suppress', async () => {
    client = await TestClient.start({ root: FIXTURES, settings: { secureIac: { rules: onlyRules('s3-versioning') } }, snippetEdits: true });
    const uri = fileUri(path.join(FIXTURES, 'fix-all-review', 's.yaml'));
    const text = 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n';
    await client.open(uri, text);
    const [d] = await client.diagnosticsFor(uri, 1);
    assert.ok(d);
    const ignore = (await client.codeActions(uri, d.range, [d])).find((a) => a.title.startsWith('Ignore s3-versioning'));
    const change = ignore?.edit?.documentChanges?.[0] as { edits: { snippet?: { kind: string; value: string } }[] } | undefined;
    assert.deepEqual(
      change?.edits.map((e) => e.snippet),
      [{ kind: 'snippet', value: '  # secure-iac-ignore s3-versioning: ${1:TODO: reason}\n' }],
    );
    // Inserted as it is, the comment keeps the finding and is itself reported until a reason is written.
    const version = await client.change(uri, [
      { text: 'Resources:\n  # secure-iac-ignore s3-versioning: TODO: reason\n  Data:\n    Type: AWS::S3::Bucket\n' },
    ]);
    const codes = (await client.diagnosticsFor(uri, version)).map((x) => String(x.code)).sort();
    assert.deepEqual(codes, ['invalid-suppression', 's3-versioning']);
    const reasoned = await client.change(uri, [
      { text: 'Resources:\n  # secure-iac-ignore s3-versioning: scratch data, rebuilt nightly\n  Data:\n    Type: AWS::S3::Bucket\n' },
    ]);
    assert.deepEqual(await client.diagnosticsFor(uri, reasoned), []);
  });
});
