// The language server honours `secureIac.maxFileSize` for open documents: one "not checked" note instead of a lint.
import * as assert from 'node:assert/strict';
import { fileUri, TestClient } from '../protocol/lsp-client';

describe('robustness: the language server and secureIac.maxFileSize', function () {
  this.timeout(30_000);
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('an open template over the limit gets one informative diagnostic; within it, a normal lint', async function () {
    client = await TestClient.start({ settings: { secureIac: { maxFileSize: '1KB' } } });
    const template = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n';
    const big = fileUri('/tmp/secure-iac-big.yaml');
    await client.open(big, template + `# ${'x'.repeat(2000)}\n`);
    const published = await client.diagnostics(big, (p) => p.diagnostics.length > 0);
    assert.equal(published.diagnostics.length, 1);
    assert.match(String(published.diagnostics[0]?.message ?? ''), /^Not checked: this file is 2(\.\d)? KB, over the 1 KB limit/);
    const small = fileUri('/tmp/secure-iac-small.yaml');
    await client.open(small, template);
    const linted = await client.diagnostics(small, (p) => p.diagnostics.length > 0);
    assert.ok(linted.diagnostics.some((d) => d.code === 's3-versioning'));
  });
});
