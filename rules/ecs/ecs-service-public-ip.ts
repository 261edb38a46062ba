// ECS services (and task sets) on awsvpc networking must not give their tasks public IP addresses.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'ecs-service-public-ip',
  meta: {
    title: 'ECS services do not assign public IP addresses to tasks',
    severity: 'high',
    whitepaper: 'Securing infrastructure: network and host-level boundaries',
    docs: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html',
    related: { checkov: ['CKV_AWS_333'] },
    fsbp: ['ECS.2'],
    messages: {
      public: '{{resource}} sets {{assignPublicIp}} to {{value}}, so every task gets a public IP address reachable from the internet.',
      disable: 'Set {{assignPublicIp}} to {{safeValue}}',
    },
  },
  targets: {
    // Missing means DISABLED (CloudFormation schema) and is silent. TaskSet spells it AwsVpcConfiguration.
    cloudformation: [
      { type: 'AWS::ECS::Service', props: { assignPublicIp: 'NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp' } },
      { type: 'AWS::ECS::TaskSet', props: { assignPublicIp: 'NetworkConfiguration.AwsVpcConfiguration.AssignPublicIp' } },
    ],
    // The Terraform argument is a boolean.
    terraform: [{ type: 'aws_ecs_service', props: { assignPublicIp: 'network_configuration.assign_public_ip' } }],
  },
  check(service, report) {
    const value = service.prop('assignPublicIp');
    const enabled = service.family === 'terraform' ? value.asBoolean() === true : value.asString() === 'ENABLED';
    if (!enabled) return;
    const safeValue = service.family === 'terraform' ? false : 'DISABLED';
    report({
      at: value,
      messageId: 'public',
      data: { value: service.family === 'terraform' ? 'true' : 'ENABLED', safeValue: String(safeValue) },
      // Tasks in a subnet without a NAT route can then no longer pull images or reach AWS APIs: the user reviews it.
      fix: { messageId: 'disable', safety: 'review', apply: (f) => f.set(service, 'assignPublicIp', safeValue) },
    });
  },
});
