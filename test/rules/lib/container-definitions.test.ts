// The ECS container-definitions reader: CloudFormation lists, Terraform jsonencode (with positions) and JSON text
// (heredoc or string, interpolations read from the file), and what is not read.
import assert from 'node:assert/strict';
import { defineRule } from '../../../rules/define-rule';
import { readContainerDefinitions } from '../../../rules/lib/container-definitions';
import { HOLE } from '../../../rules/lib/script-text';
import { lintDocument } from '../../../server/src/engine/lint/lint';
import { initParsers, parseDocument } from '../../../server/src/parsers/index';
import { cfnYaml, tfHcl, tfJson } from '../../harness/rule-tester';
import { fileNameFor, type Source } from '../../harness/sources';

interface Seen {
  name: string | undefined;
  privileged: boolean | undefined;
  exact: boolean | undefined;
  env: [string | undefined, string | undefined, (string | undefined)[]][];
}

function containersIn(source: Source): Seen[] {
  let seen: Seen[] = [];
  const probe = defineRule({
    id: 'probe',
    meta: { title: 't', severity: 'low', whitepaper: 'w', docs: 'd', related: {}, noEquivalent: 'test', messages: { m: 'm' } },
    targets: {
      cloudformation: [{ type: 'AWS::ECS::TaskDefinition', props: { c: 'ContainerDefinitions' } }],
      terraform: [{ type: 'aws_ecs_task_definition', props: { c: 'container_definitions' } }],
    },
    check(resource) {
      seen = readContainerDefinitions(resource.prop('c'), resource.family).map((c) => ({
        name: c.name,
        privileged: c.field('privileged')?.boolean,
        exact: c.field('privileged')?.exact,
        env: c.environment().map((e) => {
          const text = e.value.text();
          return [e.name, text?.text, text?.origins.map((o) => o.input) ?? []];
        }),
      }));
    },
  });
  const doc = parseDocument(fileNameFor(source.format), source.code);
  assert.ok(doc);
  lintDocument(doc, { rules: [probe], config: { rules: { probe: 'on' } }, module: [] });
  return seen;
}

describe('container-definitions', () => {
  before(() => initParsers());

  it('reads CloudFormation ContainerDefinitions with their positions', () => {
    assert.deepEqual(
      containersIn(cfnYaml`
        Parameters:
          Pw:
            Type: String
            Default: hunter2
        Resources:
          T:
            Type: AWS::ECS::TaskDefinition
            Properties:
              ContainerDefinitions:
                - Name: app
                  Privileged: 'true'
                  Environment:
                    - { Name: A, Value: x }
                    - { Name: B, Value: !Ref Pw }
                - Name: sidecar
      `),
      [
        {
          name: 'app',
          privileged: true,
          exact: true,
          env: [
            ['A', 'x', []],
            ['B', 'hunter2', ['Pw']],
          ],
        },
        { name: 'sidecar', privileged: undefined, exact: undefined, env: [] },
      ],
    );
  });

  it('reads jsonencode, also through a local', () => {
    const seen = containersIn(tfHcl`
      locals {
        containers = [{ name = "app", privileged = false, environment = [{ name = "A", value = "x" }] }]
      }
      resource "aws_ecs_task_definition" "t" {
        family                = "t"
        container_definitions = jsonencode(local.containers)
      }
    `);
    assert.deepEqual(seen, [{ name: 'app', privileged: false, exact: true, env: [['A', 'x', []]] }]);
  });

  it('reads JSON heredocs and strings, with interpolations inside and outside strings', () => {
    const seen = containersIn(tfHcl`
      variable "pw" {
        default = "hunter2"
      }
      resource "aws_ecs_task_definition" "t" {
        family                = "t"
        container_definitions = <<-EOF
          [{ "name": "app", "cpu": \${var.cpu}, "privileged": true,
             "environment": [{ "name": "A", "value": "p-\${var.pw}" }, { "name": "\${var.n}", "value": "\${aws_x.y.z}" }] }]
        EOF
      }
    `);
    assert.deepEqual(seen, [
      {
        name: 'app',
        privileged: true,
        exact: false,
        env: [
          ['A', 'p-hunter2', ['pw']],
          [undefined, HOLE, []],
        ],
      },
    ]);
    assert.deepEqual(
      containersIn(
        tfJson`{"resource":{"aws_ecs_task_definition":{"t":{"family":"t","container_definitions":"[{\\"name\\":\\"a\\",\\"privileged\\":true}]"}}}}`,
      ),
      [{ name: 'a', privileged: true, exact: false, env: [] }],
    );
  });

  it('does not read files, functions or broken JSON', () => {
    for (const value of ['file("defs.json")', 'templatefile("defs.json", {})', 'jsonencode(concat(local.a, local.b))', '"[{ not json"']) {
      const seen = containersIn(tfHcl`
        resource "aws_ecs_task_definition" "t" {
          family                = "t"
          container_definitions = ${value}
        }
      `);
      assert.deepEqual(seen, [], value);
    }
  });
});
