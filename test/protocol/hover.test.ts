// Protocol: hover on a finding (why, fix, related value, docs link), the documentation/disable code actions for a
// client that runs our commands, and wide findings underlined on their first line only.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { whyOf } from '../../server/src/engine/rule-summary';
import { ensureServerBuilt, fileUri, FIXTURES, onlyRules, TestClient } from './lsp-client';

const uriOf = (name: string) => fileUri(path.join(FIXTURES, 'hover', name));

const TEMPLATE = `Parameters:
  Encrypt:
    Type: String
    Default: "false"
Resources:
  Volume:
    Type: AWS::EC2::Volume
    Properties:
      Size: 10
      Encrypted: !Ref Encrypt
  Admin:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: admin
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: "*"
            Resource: "*"
`;

describe('protocol: hover and documentation actions', function () {
  let client: TestClient;
  before(function () {
    this.timeout(120_000);
    ensureServerBuilt();
  });
  afterEach(async () => client.stop());

  async function start(clientCommands: boolean): Promise<void> {
    client = await TestClient.start({
      root: FIXTURES,
      settings: { secureIac: { rules: onlyRules('ebs-encryption', 'iam-admin-policy') } },
      initializationOptions: { clientCommands },
    });
  }

  it('explains the finding under the cursor: severity, title, why, the fix, the deciding value and a docs link', async () => {
    await start(true);
    const uri = uriOf('t.yaml');
    await client.open(uri, TEMPLATE);
    await client.diagnosticsFor(uri, 1);
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9, character: 20 } })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /^\*\*high\*\* · `ebs-encryption` · EBS volumes are encrypted at rest\n\n/);
    assert.match(value, /\n\n\*\*Fix:\*\* Set Encrypted to true \(review the change\)\.\n\n/);
    assert.match(value, /\*\*Value from:\*\* The value comes from the default of parameter Encrypt\. \(\[line 4\]\(file:/);
    assert.match(value, /\[Learn more\]\(command:secureIac\.showRuleDocumentation\?%5B%22ebs-encryption%22%5D\)$/);
    assert.deepEqual(hover.range, { start: { line: 9, character: 17 }, end: { line: 9, character: 29 } });
    const none = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 8, character: 8 } });
    assert.equal(none, null);
  });

  it('links to the page itself for other editors, and offers no command actions to them', async () => {
    await start(false);
    const uri = uriOf('t.yaml');
    await client.open(uri, TEMPLATE);
    const ds = await client.diagnosticsFor(uri, 1);
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9, character: 20 } })) as Hover;
    assert.match((hover.contents as MarkupContent).value, /\[Learn more\]\(file:.*ebs-encryption\.md\)$/);
    const d = ds.find((x) => x.code === 'ebs-encryption')!;
    const titles = (await client.codeActions(uri, d.range, [d])).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Show documentation') || t.startsWith('Disable')), titles.join(', '));
  });

  it('offers "Show documentation" and "Disable … in this workspace" to a client that runs the commands', async () => {
    await start(true);
    const uri = uriOf('t.yaml');
    await client.open(uri, TEMPLATE);
    const d = (await client.diagnosticsFor(uri, 1)).find((x) => x.code === 'ebs-encryption')!;
    const actions = await client.codeActions(uri, d.range, [d]);
    const docs = actions.find((a) => a.title === 'Show documentation for ebs-encryption');
    const disable = actions.find((a) => a.title === 'Disable ebs-encryption in this workspace');
    assert.deepEqual(docs?.command, { title: 'Show documentation', command: 'secureIac.showRuleDocumentation', arguments: ['ebs-encryption'] });
    assert.deepEqual(disable?.command, { title: 'Disable rule', command: 'secureIac.disableRuleInWorkspace', arguments: ['ebs-encryption'] });
  });

  it('underlines a finding about a whole policy statement on its first line only', async () => {
    await start(false);
    const uri = uriOf('t.yaml');
    await client.open(uri, TEMPLATE);
    const admin = (await client.diagnosticsFor(uri, 1)).find((x) => x.code === 'iam-admin-policy');
    assert.ok(admin);
    assert.equal(admin.range.start.line, admin.range.end.line);
  });

  it('cuts the rule page to the first two sentences of its "why"', () => {
    const page = '# x\n\n## What it checks and why\n\nFirst sentence, e.g. with an abbreviation. Second one\nwraps here. Third.\n\nMore.\n';
    assert.equal(whyOf(page), 'First sentence, e.g. with an abbreviation. Second one wraps here.');
  });
});
