// EC2 instances must require IMDSv2 session tokens for the instance metadata service.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'ec2-imdsv2',
  meta: {
    title: 'EC2 instance metadata requires IMDSv2 tokens',
    severity: 'medium',
    whitepaper: 'Securing infrastructure: protecting the compute instances',
    docs: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html',
    related: {
      checkov: ['CKV_AWS_79'],
      tfsec: ['aws-ec2-enforce-http-token-imds', 'aws-ec2-enforce-launch-config-http-token-imds'],
      trivy: ['AVD-AWS-0028', 'AVD-AWS-0130'],
    },
    fsbp: ['EC2.8', 'AutoScaling.3'],
    messages: {
      missing:
        '{{resource}} does not set {{tokens}}; unless the AMI or the account default requires tokens, the instance metadata service then also answers IMDSv1 requests, which need no session token.',
      optional: '{{resource}} sets {{tokens}} to {{value}}, so the instance metadata service answers IMDSv1 requests, which need no session token.',
      require: 'Set {{tokens}} to required',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::EC2::Instance',
        props: {
          tokens: 'MetadataOptions.HttpTokens',
          endpoint: 'MetadataOptions.HttpEndpoint',
          metadata: 'MetadataOptions',
          launchTemplate: 'LaunchTemplate',
        },
      },
      {
        type: 'AWS::EC2::LaunchTemplate',
        props: { tokens: 'LaunchTemplateData.MetadataOptions.HttpTokens', endpoint: 'LaunchTemplateData.MetadataOptions.HttpEndpoint' },
      },
      { type: 'AWS::AutoScaling::LaunchConfiguration', props: { tokens: 'MetadataOptions.HttpTokens', endpoint: 'MetadataOptions.HttpEndpoint' } },
    ],
    terraform: [
      {
        type: 'aws_instance',
        props: {
          tokens: 'metadata_options.http_tokens',
          endpoint: 'metadata_options.http_endpoint',
          metadata: 'metadata_options',
          launchTemplate: 'launch_template',
        },
      },
      {
        type: ['aws_launch_template', 'aws_launch_configuration'],
        props: { tokens: 'metadata_options.http_tokens', endpoint: 'metadata_options.http_endpoint' },
      },
    ],
  },
  companions: {
    accountDefaults: { terraform: { type: 'aws_ec2_instance_metadata_defaults', props: { tokens: 'http_tokens' } } },
  },
  check(resource, report, ctx) {
    // With the metadata endpoint turned off there is no metadata service to protect.
    if (resource.prop('endpoint').asString() === 'disabled') return;
    const tokens = resource.prop('tokens');
    if (tokens.isUnresolved() || tokens.asString() === 'required') return;
    // An instance without metadata options of its own, launched from a launch template, takes them from the template
    // (judged on its own).
    if (resource.prop('metadata').isMissing() && !resource.prop('launchTemplate').isMissing()) return;
    if (tokens.isMissing()) {
      // Unset options fall back to the account's defaults: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html#set-imds-options-at-account-level
      if (ctx.companions('accountDefaults').some((d) => d.prop('tokens').asString() === 'required')) return;
    }
    report({
      at: tokens,
      messageId: tokens.isMissing() ? 'missing' : 'optional',
      data: { value: tokens.asString() ?? '' },
      // Software still calling IMDSv1 (old SDKs, agents) stops getting credentials, and a launch configuration is
      // replaced: the user reviews it.
      fix: { messageId: 'require', safety: 'review', apply: (f) => f.set(resource, 'tokens', 'required') },
    });
  },
});
