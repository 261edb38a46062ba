// A task definition's environment variables are shown to everyone who can describe it (console,
// `DescribeTaskDefinition`, every revision kept forever), so a secret there is handed out widely; `secrets[]` keeps
// only a reference and the agent injects the value at start.
import { defineRule } from '../define-rule';
import { readContainerDefinitions } from '../lib/container-definitions';
import { inputLabel, judgeSecretText, secretMessageId } from '../lib/secret-pairs';

const FIX_HINT = 'move it to Secrets / secrets with a ValueFrom / valueFrom naming a Secrets Manager secret or SSM parameter';

export default defineRule({
  id: 'ecs-env-secret',
  meta: {
    title: 'ECS container environment variables hold no secrets',
    severity: 'high',
    whitepaper: 'Managing identities: credentials',
    docs: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html',
    related: {
      tfsec: ['aws-ecs-no-plaintext-secrets'],
      trivy: ['AVD-AWS-0036'],
    },
    fsbp: ['ECS.8'],
    messages: {
      literal: `{{resource}} container {{container}} sets environment variable {{name}} to a literal; ${FIX_HINT}.`,
      literalDefault: `{{resource}} container {{container}} sets environment variable {{name}} to the default of {{input}}, a secret written in the file; ${FIX_HINT}.`,
      secretValue: `{{resource}} container {{container}} environment variable {{name}} holds a secret value ({{kind}}); ${FIX_HINT}.`,
      secretValueDefault: `{{resource}} container {{container}} environment variable {{name}} holds a secret value ({{kind}}) from the default of {{input}}; ${FIX_HINT}.`,
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::ECS::TaskDefinition', props: { containers: 'ContainerDefinitions' } }],
    terraform: [{ type: 'aws_ecs_task_definition', props: { containers: 'container_definitions' } }],
  },
  check(resource, report) {
    readContainerDefinitions(resource.prop('containers'), resource.family).forEach((container, index) => {
      for (const { name, value } of container.environment()) {
        const hit = judgeSecretText(name, value.text(), value.at);
        if (!hit) continue;
        report({
          at: hit.at,
          messageId: secretMessageId(hit),
          data: {
            container: container.name ?? `#${index + 1}`,
            name: name ?? 'a variable',
            kind: hit.kind ?? '',
            input: inputLabel(hit.input, resource.family),
          },
        });
      }
    });
  },
});
