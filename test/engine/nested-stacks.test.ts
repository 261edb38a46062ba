// CloudFormation nested stacks judged as deployed (issue 11), the counterpart of module-calls.test.ts: a stack's
// `Parameters` bound to the child template's parameters, findings at the value that decides them, each case in YAML
// and in JSON templates, through the scan engine (the CLI's JSON report is in test/cli/nested-stacks-cli.test.ts).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import type { Finding } from '../../server/src/engine/types';
import { initParsers } from '../../server/src/parsers/index';
import { scanFiles } from '../../server/src/scan/scan-files';
import { walkFiles } from '../../server/src/scan/walk';
import { partitionByDirectory } from '../../server/src/scan/partition';
import { isLocalTemplatePath, localStackSourcesIn } from '../../server/src/engine/modules/stack-graph';

type Syntax = 'yaml' | 'json';
type Json = Record<string, unknown>;

const template = (resources: Json, more: Json = {}): Json => ({ AWSTemplateFormatVersion: '2010-09-09', ...more, Resources: resources });
const stack = (url: unknown, parameters: Json, extra: Json = {}): Json => ({
  Type: 'AWS::CloudFormation::Stack',
  ...extra,
  Properties: { TemplateURL: url, Parameters: parameters },
});

/** An RDS instance whose encryption is the `Encrypted` parameter (default `enc`). */
const db = (enc: string, more: Json = {}): Json =>
  template(
    { Database: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'mysql', StorageEncrypted: { Ref: 'Encrypted' } } } },
    { Parameters: { Encrypted: { Type: 'String', Default: enc } }, ...more },
  );

let root: string;

function write(syntax: Syntax, files: Record<string, Json | string>): string {
  const dir = mkdtempSync(join(root, 'case-'));
  for (const [base, content] of Object.entries(files)) {
    const path = join(dir, base.replace(/\.EXT$/, syntax === 'yaml' ? '.yaml' : '.json'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof content === 'string' ? content : syntax === 'yaml' ? stringify(content) : JSON.stringify(content, null, 2));
  }
  return dir;
}

interface Seen {
  file: string;
  text: string;
  finding: Finding;
}

async function scan(dir: string, options: Parameters<typeof scanFiles>[1] = {}, paths?: string[]): Promise<Seen[]> {
  const result = await scanFiles(paths ?? (await walkFiles([dir])), {
    inputRoots: [dir],
    ...options,
    config: { only: ['rds-encryption'], ...options.config },
  });
  return result.files.flatMap((f) =>
    f.findings
      .filter((x) => !x.suppressed)
      .map((finding) => ({ file: f.path.slice(dir.length + 1), text: f.text.slice(finding.range.start, finding.range.end), finding })),
  );
}

/** Where each finding is and which resource it names; the value's text, quotes and JSON layout aside. */
const summary = (seen: Seen[]) => seen.map((s) => `${s.file}:${s.text.replace(/[\s"'{}]/g, '')}:${s.finding.resource?.address}`);

describe('engine: CloudFormation nested stacks', () => {
  before(async () => {
    await initParsers();
    root = mkdtempSync(join(tmpdir(), 'secure-iac-stacks-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const syntax of ['yaml', 'json'] as const) {
    const ext = syntax === 'yaml' ? 'yaml' : 'json';
    describe(`${syntax.toUpperCase()} templates`, () => {
      it("reports a parent's insecure parameter at its value, with the chain, a related location in the child and a fix there", async () => {
        const dir = write(syntax, { 'db/db.EXT': db('true'), 'main.EXT': template({ Db: stack(`./db/db.${ext}`, { Encrypted: 'false' }) }) });
        const seen = await scan(dir);
        assert.equal(seen.length, 1, JSON.stringify(summary(seen)));
        const [{ file, text, finding }] = seen as [Seen];
        assert.equal(file, `main.${ext}`);
        assert.match(text, /^["']?false["']?$/);
        assert.match(finding.message, /\(Stack Db → AWS::RDS::DBInstance Database\)$/);
        assert.equal(finding.resource?.address, 'Db/Database');
        assert.ok(finding.related?.some((r) => r.uri.endsWith(`db/db.${ext}`) && /Db\/Database uses this value here/.test(r.message)));
        assert.ok(finding.related?.some((r) => r.uri.endsWith(`main.${ext}`) && /Called as Stack Db/.test(r.message)));
        // CloudFormation passes stack parameters as strings: the fix writes the string, in the parent's quoting.
        assert.deepEqual(
          finding.fixes[0]?.edits.map((e) => e.newText),
          ['"true"'],
        );
      });

      it("follows the parent's own parameter default, and the child's default where the parent passes nothing", async () => {
        const dir = write(syntax, {
          'db.EXT': db('false'),
          'a.EXT': template({ Db: stack(`db.${ext}`, { Encrypted: { Ref: 'Enc' } }) }, { Parameters: { Enc: { Type: 'String', Default: 'false' } } }),
          'b.EXT': template({ Db: stack(`./db.${ext}`, {}) }),
        });
        const seen = await scan(dir);
        // a.EXT's own default decides (at its `Ref: Enc`); b.EXT passes nothing, so the child's default decides there.
        assert.deepEqual(summary(seen).sort(), [`a.${ext}:Ref:Enc:Db/Database`, `db.${ext}:Ref:Encrypted:Db/Database`]);
      });

      it('does not report a child default that every parent overrides', async () => {
        const dir = write(syntax, {
          'db.EXT': db('false'),
          'a.EXT': template({ Db: stack(`./db.${ext}`, { Encrypted: 'true' }) }),
          'b.EXT': template(
            { Db: stack(`./db.${ext}`, { Encrypted: { 'Fn::Sub': 'tr${Suffix}' } }) },
            { Parameters: { Suffix: { Type: 'String', Default: 'ue' } } },
          ),
        });
        assert.deepEqual(summary(await scan(dir)), []);
      });

      it("reports a child's own literal once, with the chain of every parent among its related locations", async () => {
        const child = template({ Database: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'mysql', StorageEncrypted: false } } });
        const dir = write(syntax, {
          'db.EXT': child,
          'a.EXT': template({ One: stack(`./db.${ext}`, {}) }),
          'b.EXT': template({ Two: stack(`./db.${ext}`, {}) }),
        });
        const seen = await scan(dir);
        assert.equal(seen.length, 1, JSON.stringify(summary(seen)));
        const chains = (seen[0]?.finding.related ?? []).map((r) => r.message).filter((m) => m.startsWith('Deployed through'));
        assert.deepEqual(chains.sort(), [
          'Deployed through Stack One → AWS::RDS::DBInstance Database.',
          'Deployed through Stack Two → AWS::RDS::DBInstance Database.',
        ]);
      });

      it('reports the same insecure value from two parents once per deciding location', async () => {
        const dir = write(syntax, {
          'db.EXT': db('true'),
          'a.EXT': template({ Db: stack(`./db.${ext}`, { Encrypted: 'false' }) }),
          'b.EXT': template({ Db: stack(`./db.${ext}`, { Encrypted: 'false' }) }),
        });
        assert.deepEqual(
          summary(await scan(dir))
            .map((s) => s.split(':')[0])
            .sort(),
          [`a.${ext}`, `b.${ext}`],
        );
      });

      it('binds through two levels of nesting and reports at the top parent', async () => {
        const dir = write(syntax, {
          'stacks/db.EXT': db('true'),
          'stacks/app.EXT': template(
            { Db: stack(`./db.${ext}`, { Encrypted: { Ref: 'Enc' } }) },
            { Parameters: { Enc: { Type: 'String', Default: 'true' } } },
          ),
          'main.EXT': template({ App: stack(`stacks/app.${ext}`, { Enc: 'false' }) }),
        });
        const seen = await scan(dir);
        assert.deepEqual(summary(seen), [`main.${ext}:false:App/Db/Database`]);
        assert.match(seen[0]?.finding.message ?? '', /\(Stack App → Stack Db → AWS::RDS::DBInstance Database\)$/);
      });

      it("reads a sibling stack's output passed as a parameter (GetAtt Stack.Outputs.Name)", async () => {
        const settings = template(
          { Topic: { Type: 'AWS::SNS::Topic', Properties: {} } },
          {
            Parameters: { Mode: { Type: 'String', Default: 'true' } },
            Outputs: { Encrypted: { Value: { Ref: 'Mode' } }, Fixed: { Value: 'false' }, Arn: { Value: { Ref: 'Topic' } } },
          },
        );
        const parent = (output: string) =>
          template({
            Settings: stack(`./settings.${ext}`, { Mode: 'false' }),
            Db: stack(`./db.${ext}`, { Encrypted: { 'Fn::GetAtt': ['Settings', `Outputs.${output}`] } }),
          });
        // Passed through the sibling: the parent's value to the sibling decides, in the parent.
        const through = write(syntax, { 'db.EXT': db('true'), 'settings.EXT': settings, 'main.EXT': parent('Encrypted') });
        assert.deepEqual(summary(await scan(through)), [`main.${ext}:false:Db/Database`]);
        // Written in the sibling's Outputs: decided there.
        const fixed = write(syntax, { 'db.EXT': db('true'), 'settings.EXT': settings, 'main.EXT': parent('Fixed') });
        assert.deepEqual(summary(await scan(fixed)), [`settings.${ext}:false:Db/Database`]);
        // A resource's id: unresolved, silent.
        const arn = write(syntax, { 'db.EXT': db('false'), 'settings.EXT': settings, 'main.EXT': parent('Arn') });
        assert.deepEqual(summary(await scan(arn)), []);
      });

      it('leaves a value the parent cannot resolve silent, and says so with unresolved: info', async () => {
        const dir = write(syntax, {
          'db.EXT': db('false'),
          'main.EXT': template({
            Flag: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: 'x' } },
            Db: stack(`./db.${ext}`, { Encrypted: { 'Fn::GetAtt': ['Flag', 'Value'] } }),
          }),
        });
        assert.deepEqual(summary(await scan(dir)), []);
        const notes = await scan(dir, { config: { only: ['rds-encryption'], unresolved: 'info' } });
        assert.deepEqual(
          notes.map((s) => [s.file, s.finding.messageId]),
          [[`db.${ext}`, 'cannotVerify']],
        );
      });

      it("evaluates the child's conditions with the bound values", async () => {
        const child = template(
          { Database: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'mysql', StorageEncrypted: { 'Fn::If': ['IsEnc', true, false] } } } },
          {
            Parameters: { Mode: { Type: 'String', Default: 'plain' } },
            Conditions: { IsEnc: { 'Fn::Equals': [{ Ref: 'Mode' }, 'encrypted'] } },
          },
        );
        const alone = write(syntax, { 'db.EXT': child });
        assert.equal((await scan(alone)).length, 1, 'judged on its default, the child is unencrypted');
        const passed = write(syntax, { 'db.EXT': child, 'main.EXT': template({ Db: stack(`./db.${ext}`, { Mode: 'encrypted' }) }) });
        assert.deepEqual(summary(await scan(passed)), []);
      });

      it("honours the stack's own Condition: a stack never created deploys nothing", async () => {
        const parent = (cond: string) =>
          template(
            { Db: stack(`./db.${ext}`, { Encrypted: 'false' }, { Condition: 'Create' }) },
            {
              Parameters: { Env: { Type: 'String', Default: cond } },
              Conditions: { Create: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
            },
          );
        assert.deepEqual(summary(await scan(write(syntax, { 'db.EXT': db('true'), 'main.EXT': parent('dev') }))), []);
        assert.equal((await scan(write(syntax, { 'db.EXT': db('true'), 'main.EXT': parent('prod') }))).length, 1);
      });

      it('cuts cycles: a template that nests itself, and two that nest each other', async () => {
        const self = template({
          Database: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'mysql', StorageEncrypted: false } },
          Again: stack(`./loop.${ext}`, {}),
        });
        assert.equal((await scan(write(syntax, { 'loop.EXT': self }))).length, 1);
        const a = template({ B: stack(`./b.${ext}`, { Encrypted: 'false' }) });
        const b = template(
          {
            Database: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'mysql', StorageEncrypted: { Ref: 'Encrypted' } } },
            A: stack(`./a.${ext}`, {}),
          },
          { Parameters: { Encrypted: { Type: 'String', Default: 'true' } } },
        );
        assert.deepEqual(summary(await scan(write(syntax, { 'a.EXT': a, 'b.EXT': b }))), []);
      });

      it('follows only local paths: S3/HTTPS URLs are not read, a !Sub that resolves to a path is', async () => {
        const remote = write(syntax, {
          'db.EXT': db('true'),
          'a.EXT': template({ Db: stack(`https://s3.amazonaws.com/bucket/db.${ext}`, { Encrypted: 'false' }) }),
          'b.EXT': template({ Db: stack(`s3://bucket/db.${ext}`, { Encrypted: 'false' }) }),
        });
        assert.deepEqual(summary(await scan(remote)), []);
        const sub = write(syntax, {
          'db.EXT': db('true'),
          'a.EXT': template(
            { Db: stack({ 'Fn::Sub': `./\${Name}.${ext}` }, { Encrypted: 'false' }) },
            { Parameters: { Name: { Type: 'String', Default: 'db' } } },
          ),
        });
        assert.deepEqual(
          summary(await scan(sub)).map((s) => s.split(':')[0]),
          [`a.${ext}`],
        );
      });

      it('reads a SAM application whose Location is a local path', async () => {
        const dir = write(syntax, {
          'db.EXT': db('true'),
          'main.EXT': {
            AWSTemplateFormatVersion: '2010-09-09',
            Transform: 'AWS::Serverless-2016-10-31',
            Resources: { Db: { Type: 'AWS::Serverless::Application', Properties: { Location: `./db.${ext}`, Parameters: { Encrypted: 'false' } } } },
          },
        });
        const seen = await scan(dir);
        assert.deepEqual(
          summary(seen).map((s) => s.split(':')[0]),
          [`main.${ext}`],
        );
        assert.match(seen[0]?.finding.message ?? '', /\(Application Db → AWS::RDS::DBInstance Database\)$/);
      });

      it('leaves a SAM application from the Serverless Application Repository alone, and binds only declared parameters', async () => {
        const sar = write(syntax, {
          'db.EXT': db('false'),
          'main.EXT': {
            Transform: 'AWS::Serverless-2016-10-31',
            Resources: {
              Db: {
                Type: 'AWS::Serverless::Application',
                Properties: { Location: { ApplicationId: 'arn:aws:serverlessrepo:us-east-1:1:applications/db', SemanticVersion: '1.0.0' } },
              },
            },
          },
        });
        // Not nested: the child is judged alone, on its default.
        assert.deepEqual(
          summary(await scan(sar)).map((s) => s.split(':')[0]),
          [`db.${ext}`],
        );
        // `Key` is not a parameter of the child: the parent's value never shadows the child's resource of that name.
        const child = template({
          Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } },
          Topic: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: { Ref: 'Key' } } },
        });
        const shadow = write(syntax, { 'db.EXT': child, 'main.EXT': template({ Db: stack(`./db.${ext}`, { Key: '' }) }) });
        assert.deepEqual(summary(await scan(shadow, { config: { only: ['sns-encryption'] } })), []);
      });

      it('does not read a child template outside the scan roots', async () => {
        const outside = write(syntax, { 'db.EXT': db('true') });
        const dir = write(syntax, { 'main.EXT': template({ Db: stack(`../${outside.split('/').pop()}/db.${ext}`, { Encrypted: 'false' }) }) });
        assert.deepEqual(summary(await scan(dir, { inputRoots: [dir] }, [join(dir, `main.${ext}`)])), []);
        assert.equal((await scan(dir, { inputRoots: [root] }, [join(dir, `main.${ext}`)])).length, 1);
      });

      it('does not follow a link out of the workspace, nor wait on a FIFO named as a child', async () => {
        const outside = write(syntax, { 'db.EXT': db('true') });
        const dir = write(syntax, {
          'main.EXT': template({ Db: stack(`./linked/db.${ext}`, { Encrypted: 'false' }), Fifo: stack(`./fifo.${ext}`, { Encrypted: 'false' }) }),
        });
        symlinkSync(outside, join(dir, 'linked'));
        execFileSync('mkfifo', [join(dir, `fifo.${ext}`)]);
        assert.deepEqual(summary(await scan(dir, { inputRoots: [dir] }, [join(dir, `main.${ext}`)])), []);
      });

      it('gives a named parent or child the same result as a directory scan', async () => {
        const dir = write(syntax, {
          'db/db.EXT': db('false'),
          'a.EXT': template({ Db: stack(`./db/db.${ext}`, { Encrypted: 'true' }) }),
          'b.EXT': template({ Db: stack(`./db/db.${ext}`, { Encrypted: 'false' }) }),
        });
        const whole = summary(await scan(dir, { moduleSearchRoot: dir }));
        assert.equal(whole.length, 1);
        for (const name of [`a.${ext}`, `b.${ext}`, `db/db.${ext}`]) {
          const named = summary(await scan(dir, { moduleSearchRoot: dir }, [join(dir, name)]));
          assert.deepEqual(
            named,
            whole.filter((s) => s.startsWith(`${name}:`)),
            name,
          );
        }
      });
    });
  }

  it('parallel scans keep a template and the local templates its stacks deploy in one work unit', () => {
    const paths = ['/w/main.yaml', '/w/other/x.yaml', '/w/stacks/db.yaml', '/w/nested/app/app.json'];
    const stacks: Record<string, string[]> = { '/w/main.yaml': ['nested/app/app.json'], '/w/nested/app/app.json': ['../../stacks/db.yaml'] };
    const units = partitionByDirectory(
      paths,
      () => 1,
      () => [],
      (p) => stacks[p] ?? [],
    );
    assert.deepEqual(units.map((u) => u.indices).sort(), [[0, 2, 3], [1]]);
  });

  it('reads local template paths cheaply for work units and parent search', () => {
    assert.deepEqual(localStackSourcesIn('Type: AWS::CloudFormation::Stack\n  TemplateURL: ./child.yaml\n'), ['./child.yaml']);
    assert.deepEqual(localStackSourcesIn('{"Type": "AWS::CloudFormation::Stack", "Properties": {"TemplateURL": "nested/x.json"}}'), [
      'nested/x.json',
    ]);
    assert.deepEqual(localStackSourcesIn('Type: AWS::CloudFormation::Stack\n  TemplateURL: https://s3.amazonaws.com/b/x.yaml\n'), []);
    for (const local of ['./a.yaml', 'child/template.json', '../x.yml']) assert.ok(isLocalTemplatePath(local), local);
    for (const remote of ['https://x/y.yaml', 's3://b/k', '/etc/passwd', '${AWS::Region}/x.yaml', ''])
      assert.ok(!isLocalTemplatePath(remote), remote);
  });
});
