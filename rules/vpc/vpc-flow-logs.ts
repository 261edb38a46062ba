// Every VPC records its IP traffic with a flow log, for incident investigation and anomaly detection.
import { defineRule } from '../define-rule';
import { spellInput } from '../lib/input-name';

export default defineRule({
  id: 'vpc-flow-logs',
  meta: {
    title: 'VPC flow logs are enabled',
    severity: 'medium',
    whitepaper: 'Securing infrastructure: network monitoring and security logs',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html',
    related: {
      checkov: ['CKV2_AWS_11'],
      kics: ['f6d299d2-21eb-41cc-b1e1-fe12d857500b', 'f83121ea-03da-434f-9277-9cd247ab3047'],
      tfsec: ['aws-ec2-require-vpc-flow-logs-for-all-vpcs'],
      trivy: ['AVD-AWS-0178'],
    },
    messages: {
      noFlowLog: '{{resource}} has no flow log, so its network traffic is not recorded.',
      addFlowLog: 'Add a flow log of all traffic to an S3 bucket given by a new input {{inputName}}',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::EC2::VPC', props: {} }],
    // A counted / for_each VPC is addressed by index, which a generated reference cannot know.
    terraform: [{ type: 'aws_vpc', props: { count: 'count', forEach: 'for_each' } }],
  },
  companions: {
    flowLog: {
      cloudformation: {
        type: 'AWS::EC2::FlowLog',
        props: {
          vpc: 'ResourceId',
          resourceType: 'ResourceType',
          trafficType: 'TrafficType',
          destinationType: 'LogDestinationType',
          destination: 'LogDestination',
        },
      },
      terraform: {
        type: 'aws_flow_log',
        props: { vpc: 'vpc_id', trafficType: 'traffic_type', destinationType: 'log_destination_type', destination: 'log_destination' },
      },
    },
  },
  check(vpc, report, ctx) {
    if (ctx.referencing('flowLog', 'vpc', vpc).length > 0) return;
    // A flow log whose VPC comes through a local/parameter that cannot be resolved may well be this one.
    if (ctx.companions('flowLog').some((log) => log.prop('vpc').isReference() && log.prop('vpc').isUnresolved())) return;
    const indexed = !vpc.prop('count').isMissing() || !vpc.prop('forEach').isMissing();
    report({
      at: vpc,
      messageId: 'noFlowLog',
      data: { inputName: spellInput('FlowLogBucketArn', vpc.family) },
      fix: indexed
        ? undefined
        : {
            messageId: 'addFlowLog',
            // A new resource with a required input, and a cost: the user reviews it.
            safety: 'review',
            apply: (f) =>
              // S3 delivery needs no IAM role (CloudWatch Logs would): the smallest flow log that deploys.
              f.insertCompanion('flowLog', vpc, {
                vpc: f.ref(vpc),
                resourceType: 'VPC',
                trafficType: 'ALL',
                destinationType: 's3',
                destination: f.input({
                  name: 'FlowLogBucketArn',
                  type: 'string',
                  description: 'ARN of the S3 bucket (optionally with /prefix) that receives VPC flow logs',
                }),
              }),
          },
    });
  },
});
