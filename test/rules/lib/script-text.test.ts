// The user-data / shell text reader: every way a script is written in the four syntaxes, holes for what is unknown,
// and where text from an input's default came from.
import assert from 'node:assert/strict';
import { defineRule } from '../../../rules/define-rule';
import { decodeBase64Text, HOLE, readScriptText, scriptAssignments, type ScriptText } from '../../../rules/lib/script-text';
import { subTemplate, terraformTemplate } from '../../../rules/lib/template-text';
import { lintDocument } from '../../../server/src/engine/lint/lint';
import type { IacNode } from '../../../server/src/model/nodes';
import { initParsers, parseDocument } from '../../../server/src/parsers/index';
import { cfnJson, cfnYaml, tfHcl, tfJson } from '../../harness/rule-tester';
import { fileNameFor, type Source } from '../../harness/sources';

/** What the reader gives for the `Script` / `script` property of the one resource in `source`. */
function readIn(
  source: Source,
  base64: 'always' | 'if-decodes' | 'never' = 'never',
  inputValues?: ReadonlyMap<string, IacNode>,
): (ScriptText & { inputs: (string | undefined)[] }) | undefined | 'none' {
  let got: ReturnType<typeof readIn> = 'none';
  const probe = defineRule({
    id: 'probe',
    meta: { title: 't', severity: 'low', whitepaper: 'w', docs: 'd', related: {}, noEquivalent: 'test', messages: { m: 'm' } },
    targets: {
      cloudformation: [{ type: 'AWS::EC2::Instance', props: { s: 'Script' } }],
      terraform: [{ type: 'test_thing', props: { s: 'script' } }],
    },
    check(resource) {
      const r = readScriptText(resource.prop('s'), { base64 });
      got = r && { ...r, inputs: r.origins.map((o) => o.input) };
    },
  });
  const doc = parseDocument(fileNameFor(source.format), source.code);
  assert.ok(doc);
  lintDocument(doc, { rules: [probe], config: { rules: { probe: 'on' } }, module: [], inputValues });
  return got;
}

describe('script-text', () => {
  before(() => initParsers());

  it('splits Terraform templates: quoted (HCL and JSON escapes), heredocs, escapes, directives', () => {
    assert.deepEqual(terraformTemplate('"a\\n${var.x}b"'), [{ text: 'a\n' }, { interpolation: 'var.x' }, { text: 'b' }]);
    assert.deepEqual(terraformTemplate('"$${x} %{ if a }y%{ endif }"'), [
      { text: '${x} ' },
      { interpolation: 'if a' },
      { text: 'y' },
      { interpolation: 'endif' },
    ]);
    assert.deepEqual(terraformTemplate('"${lookup(m, "k")}"'), [{ interpolation: 'lookup(m, "k")' }]);
    assert.deepEqual(terraformTemplate('<<-EOT\n  a=${local.b}\nEOT'), [{ text: 'a=' }, { interpolation: 'local.b' }, { text: '\n' }]);
    assert.equal(terraformTemplate('var.a ? "x" : "y"'), undefined);
    assert.equal(terraformTemplate('"a" == "b"'), undefined);
  });

  it('splits Fn::Sub strings, keeping ${!Literal}', () => {
    assert.deepEqual(subTemplate('a${X}b${!Y}c${Res.Attr}'), [
      { text: 'a' },
      { interpolation: 'X' },
      { text: 'b${Y}c' },
      { interpolation: 'Res.Attr' },
    ]);
  });

  it('decodes base64 text, and only text', () => {
    assert.equal(decodeBase64Text('ZXhwb3J0IEE9MQ=='), 'export A=1');
    assert.equal(decodeBase64Text('export A=1'), undefined);
    assert.equal(decodeBase64Text('H4sIAGFiYw=='), undefined, 'gzip bytes are not text');
  });

  it('finds assignments in shell, YAML and JSON lines', () => {
    const text =
      'export DB_PASSWORD=abc123 # c\nTOKEN="q w"\napi_key: v1 v2 # x\n"secret": "s",\necho ${PASSWORD:-x} $TOKEN\npassword = os.environ["PW"]\nurl=arn:aws:secret:x\n[default]\naws_secret_access_key = somesecret\nx; token = abc';
    assert.deepEqual(
      scriptAssignments(text).map((a) => [a.name, a.value]),
      [
        ['DB_PASSWORD', 'abc123'],
        ['TOKEN', 'q w'],
        ['api_key', 'v1 v2'],
        ['secret', 's'],
        ['url', 'arn:aws:secret:x'],
        ['aws_secret_access_key', 'somesecret'],
      ],
    );
  });

  it('reads CloudFormation: base64 strings, Fn::Base64, Fn::Sub with parameters, Fn::Join, holes', () => {
    const got = readIn(
      cfnYaml`
        Parameters:
          Pw:
            Type: String
            NoEcho: true
            Default: hunter2
          NoDefault:
            Type: String
        Resources:
          T:
            Type: AWS::EC2::Instance
            Properties:
              Script: !Base64
                Fn::Join:
                  - ''
                  - - !Sub "a=\${Pw} b=\${NoDefault} c=\${AWS::Region} d=\${X}\\n"
                    - !GetAtt R.Arn
                    - "!"
      `,
    );
    assert.ok(got && got !== 'none');
    assert.equal(got.text, `a=hunter2 b=${HOLE} c=${HOLE} d=${HOLE}\n${HOLE}!`);
    assert.deepEqual(got.inputs, ['Pw']);
    assert.deepEqual([got.origins[0]?.start, got.origins[0]?.end], [2, 9]);
    const mapped = readIn(cfnYaml`
      Mappings:
        Env:
          prod: { Password: from-mapping }
      Resources:
        T:
          Type: AWS::EC2::Instance
          Properties:
            Script: !FindInMap [Env, prod, Password]
    `);
    assert.ok(mapped && mapped !== 'none');
    assert.equal(mapped.text, 'from-mapping');
    const plain = readIn(cfnJson`{"Resources":{"T":{"Type":"AWS::EC2::Instance","Properties":{"Script":"ZXhwb3J0IEE9MQ=="}}}}`, 'if-decodes');
    assert.ok(plain && plain !== 'none');
    assert.equal(plain.text, 'export A=1');
  });

  it('reads Terraform: heredocs, variables (defaults, never tfvars), locals, base64encode; file functions are not read', () => {
    const got = readIn(tfHcl`
      variable "pw" {
        default = "hunter2"
      }
      variable "empty" {
        default = ""
      }
      locals {
        greeting = "hi \${var.pw}"
      }
      resource "test_thing" "t" {
        script = base64encode(<<-EOF
          A=\${var.pw}
          B=\${local.greeting}
          C=\${var.empty}\${aws_x.y.z}
        EOF
        )
      }
    `);
    assert.ok(got && got !== 'none');
    assert.equal(got.text, `A=hunter2\nB=hi hunter2\nC=${HOLE}\n`);
    assert.deepEqual(got.inputs, ['pw', 'pw', undefined]);
    // A tfvars value is not what the file says: the default is read, and without one the part is a hole.
    const tfvars = new Map<string, IacNode>([['pw', { kind: 'scalar', value: 'from-tfvars', range: { start: 0, end: 0 } }]]);
    const overridden = readIn(
      tfHcl`
      variable "pw" {}
      resource "test_thing" "t" {
        script = "A=\${var.pw}"
      }
    `,
      'never',
      tfvars,
    );
    assert.ok(overridden && overridden !== 'none');
    assert.equal(overridden.text, `A=${HOLE}`);
    assert.equal(
      readIn(tfHcl`
      resource "test_thing" "t" {
        script = templatefile("boot.sh", { password = "x" })
      }
    `),
      undefined,
    );
    const json = readIn(tfJson`{"variable":{"pw":{"default":"x1"}},"resource":{"test_thing":{"t":{"script":"${'$'}{base64encode(\\"A=1\\")}"}}}}`);
    assert.ok(json && json !== 'none');
    assert.equal(json.text, 'A=1');
  });
});

describe('script-text on megabytes', () => {
  it('finds assignments in linear time, also on one long line', function () {
    this.timeout(60000);
    const started = Date.now();
    for (const text of ['a = b '.repeat(350_000), 'TOKEN=x;'.repeat(260_000), 'password: '.repeat(200_000), `${'x'.repeat(2_000_000)} = y`])
      scriptAssignments(text);
    assert.ok(Date.now() - started < 30000, `took ${Date.now() - started} ms`);
  });
});
