// A privileged container runs with every capability of the host's root user and can take over the container
// instance, and with it every other task on it.
import { defineRule } from '../define-rule';
import { readContainerDefinitions } from '../lib/container-definitions';

export default defineRule({
  id: 'ecs-privileged-container',
  meta: {
    title: 'ECS containers do not run privileged',
    severity: 'high',
    whitepaper: 'Securing your operating systems and applications',
    docs: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html',
    related: {
      checkov: ['CKV_AWS_334'],
    },
    fsbp: ['ECS.4'],
    messages: {
      privileged:
        '{{resource}} runs container {{container}} privileged: it gets root capabilities on the host and can take over the container instance and the tasks on it.',
      unprivilege: 'Set privileged to false (the container loses the host capabilities it had)',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::ECS::TaskDefinition', props: { containers: 'ContainerDefinitions' } }],
    terraform: [{ type: 'aws_ecs_task_definition', props: { containers: 'container_definitions' } }],
  },
  check(resource, report) {
    readContainerDefinitions(resource.prop('containers'), resource.family).forEach((container, index) => {
      const privileged = container.field('privileged');
      if (privileged?.boolean !== true) return;
      const at = privileged.at;
      report({
        at,
        messageId: 'privileged',
        data: { container: container.name ?? `#${index + 1}` },
        // Inside JSON text there is no position to edit; elsewhere the value itself is replaced.
        fix: privileged.exact ? { messageId: 'unprivilege', safety: 'review', apply: (f) => f.replace(at, false) } : undefined,
      });
    });
  },
});
