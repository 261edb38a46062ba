// Protocol: `.secure-iac.yaml` at the workspace root under the settings, its problems on the file, and the settings
// for unresolved values, parameter files and Terraform var files.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity, DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { ensureServerBuilt, fileUri, TestClient, writeIn } from './lsp-client';

const TEMPLATE = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n  Trail:\n    Type: AWS::CloudTrail::Trail\n';
/** A trail whose log-file validation comes from a parameter: `Default` is what the template says without help. */
const trailFromParameter = (withDefault?: string) =>
  `Parameters:\n  Validate:\n    Type: String\n${withDefault === undefined ? '' : `    Default: "${withDefault}"\n`}` +
  'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: logs\n      EnableLogFileValidation: !Ref Validate\n';
const TRAIL_TF =
  'resource "aws_cloudtrail" "main" {\n  name = "main"\n  enable_log_file_validation = var.validate\n}\n\nvariable "validate" {\n  type = bool\n}\n';

/** The diagnostics of the rules a test is about, as `rule severity`; other rules may fire too and are not its business. */
function about(ds: Diagnostic[], ...ids: string[]): string[] {
  return ds
    .filter((d) => ids.includes(String(d.code)))
    .map((d) => `${String(d.code)} ${d.severity}`)
    .sort();
}

describe('protocol: project config and input settings', function () {
  let client: TestClient;
  let root: string;

  before(function () {
    this.timeout(120_000);
    ensureServerBuilt();
  });
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'secure-iac-project-'));
  });
  afterEach(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  /** Writes a file of the workspace; returns its URI. */
  const write = (rel: string, text: string): string => fileUri(writeIn(root, rel, text));

  /** Writes a file and tells the server, as the editor's file watcher would. */
  async function writeWatched(rel: string, text: string, type: FileChangeType = FileChangeType.Changed): Promise<void> {
    const uri = write(rel, text);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type }] });
  }

  const SUBJECT = ['s3-versioning', 'cloudtrail-log-validation'];

  it('applies .secure-iac.yaml at the workspace root, and settings override it', async () => {
    write('.secure-iac.yaml', 'rules:\n  s3-versioning: off\n  cloudtrail-log-validation: critical\nexclude: ["fixtures/**"]\n');
    client = await TestClient.start({ root, settings: { secureIac: {} } });
    const stack = write('stack/template.yaml', TEMPLATE);
    await client.open(stack, TEMPLATE);
    assert.deepEqual(about(await client.diagnosticsFor(stack, 1), ...SUBJECT), [`cloudtrail-log-validation ${DiagnosticSeverity.Error}`]);
    const fixture = write('fixtures/template.yaml', TEMPLATE);
    await client.open(fixture, TEMPLATE);
    assert.deepEqual(await client.diagnosticsFor(fixture, 1), [], 'excluded by the file');

    // A rule entry in settings wins over the file's entry for the same rule; the file's other entries stay.
    await client.changeSettings({ secureIac: { rules: { 's3-versioning': 'low' } } });
    const overridden = await client.diagnostics(stack, (p) => p.diagnostics.some((d) => d.code === 's3-versioning'));
    assert.deepEqual(about(overridden.diagnostics, ...SUBJECT), [
      `cloudtrail-log-validation ${DiagnosticSeverity.Error}`,
      `s3-versioning ${DiagnosticSeverity.Information}`,
    ]);
    // A non-empty exclude setting replaces the file's globs.
    await client.changeSettings({ secureIac: { exclude: ['other/**'] } });
    await client.diagnostics(fixture, (p) => p.diagnostics.length > 0);
  });

  it('shows an invalid config file as errors on it, applies defaults to the bad parts, and follows edits on disk', async () => {
    const config = write('.secure-iac.yaml', 'rules:\n  s3-versoning: off\nexclud: [x]\n');
    client = await TestClient.start({ root, settings: { secureIac: {} } });
    // Published without any document open: the file is read when the server starts.
    const problems = await client.diagnostics(config, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      problems.diagnostics.map((d) => [d.code, d.severity, d.source, d.range.start.line, d.range.start.character]),
      [
        ['invalid-config', DiagnosticSeverity.Error, 'secure-iac', 1, 2],
        ['invalid-config', DiagnosticSeverity.Error, 'secure-iac', 2, 0],
      ],
    );
    assert.match(String(problems.diagnostics[0]?.message ?? ''), /s3-versioning/, 'suggests the right id');
    const stack = write('stack/template.yaml', TEMPLATE);
    await client.open(stack, TEMPLATE);
    assert.deepEqual(about(await client.diagnosticsFor(stack, 1), ...SUBJECT), [
      `cloudtrail-log-validation ${DiagnosticSeverity.Warning}`,
      `s3-versioning ${DiagnosticSeverity.Warning}`,
    ]);

    // Open in the editor, the config file keeps its problems (the document pipeline publishes them too).
    await client.open(config, 'rules:\n  s3-versoning: off\nexclud: [x]\n');
    assert.equal((await client.diagnosticsFor(config, 1)).filter((d) => d.code === 'invalid-config').length, 2);

    // Fixed and saved: the problems go and the config applies.
    await writeWatched('.secure-iac.yaml', 'rules:\n  s3-versioning: off\n');
    await client.diagnostics(config, (p) => p.diagnostics.length === 0);
    await client.diagnostics(stack, (p) => !p.diagnostics.some((d) => d.code === 's3-versioning') && p.diagnostics.length > 0);
  });

  it('secureIac.unresolved "info" reports values that cannot be resolved; "off" stays silent; the file can ask too', async () => {
    client = await TestClient.start({ root, settings: { secureIac: { unresolved: 'off' } } });
    const uri = write('stack/trail.yaml', trailFromParameter());
    await client.open(uri, trailFromParameter());
    assert.deepEqual(about(await client.diagnosticsFor(uri, 1), 'cloudtrail-log-validation'), []);
    await client.changeSettings({ secureIac: { unresolved: 'info' } });
    const reported = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'cloudtrail-log-validation'));
    assert.deepEqual(about(reported.diagnostics, 'cloudtrail-log-validation'), [`cloudtrail-log-validation ${DiagnosticSeverity.Hint}`]);
    await client.changeSettings({ secureIac: { unresolved: 'off' } });
    await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'cloudtrail-log-validation'));
    await writeWatched('.secure-iac.yaml', 'unresolved: info\n', FileChangeType.Created);
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'cloudtrail-log-validation'));
  });

  it('secureIac.parameterFiles override parameter defaults, and a changed parameter file re-checks', async () => {
    write('params/prod.json', JSON.stringify([{ ParameterKey: 'Validate', ParameterValue: 'false' }]));
    client = await TestClient.start({ root, settings: { secureIac: {} } });
    const uri = write('stack/trail.yaml', trailFromParameter('true'));
    await client.open(uri, trailFromParameter('true'));
    assert.deepEqual(about(await client.diagnosticsFor(uri, 1), 'cloudtrail-log-validation'), [], 'the default is true');
    await client.changeSettings({ secureIac: { parameterFiles: ['params/prod.json'] } });
    const overridden = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'cloudtrail-log-validation'));
    assert.deepEqual(about(overridden.diagnostics, 'cloudtrail-log-validation'), [`cloudtrail-log-validation ${DiagnosticSeverity.Warning}`]);
    await writeWatched('params/prod.json', JSON.stringify({ Parameters: { Validate: 'true' } }));
    await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'cloudtrail-log-validation'));
    // A broken parameter file is logged and left out; the defaults apply and the server keeps serving.
    await writeWatched('params/prod.json', '{ not json');
    await client.ping();
    assert.deepEqual(about((await client.diagnostics(uri)).diagnostics, 'cloudtrail-log-validation'), []);
  });

  it("applies the module tfvars and secureIac.varFiles (the file's varFiles when the setting is empty)", async () => {
    client = await TestClient.start({ root, settings: { secureIac: {} } });
    const uri = write('infra/main.tf', TRAIL_TF);
    await client.open(uri, TRAIL_TF);
    assert.deepEqual(about(await client.diagnosticsFor(uri, 1), 'cloudtrail-log-validation'), [], 'no value: not judged');
    await writeWatched('infra/terraform.tfvars', 'validate = false\n', FileChangeType.Created);
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'cloudtrail-log-validation'));
    write('env/prod.tfvars', 'validate = true\n');
    await client.changeSettings({ secureIac: { varFiles: ['env/prod.tfvars'] } });
    await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'cloudtrail-log-validation'));
    await client.changeSettings({ secureIac: {} });
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'cloudtrail-log-validation'));
    await writeWatched('.secure-iac.yaml', 'varFiles: [env/prod.tfvars]\n', FileChangeType.Created);
    await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'cloudtrail-log-validation'));
  });
});
