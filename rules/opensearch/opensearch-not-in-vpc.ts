// OpenSearch / Elasticsearch domains must sit in a VPC: a domain without subnets gets a public endpoint.
import { defineRule } from '../define-rule';
import { isUnset } from '../lib/unset';

export default defineRule({
  id: 'opensearch-not-in-vpc',
  meta: {
    title: 'OpenSearch domains are deployed in a VPC',
    severity: 'critical',
    whitepaper: 'Securing infrastructure: network and host-level boundaries',
    docs: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html',
    related: { checkov: ['CKV_AWS_137'] },
    fsbp: ['OpenSearch.2', 'ES.2'],
    messages: {
      noVpc:
        '{{resource}} has no {{vpcOptions}}, so the domain gets a public endpoint reachable from the internet (guarded only by its access policy). Place it in private subnets with security groups.',
      noSubnets:
        '{{resource}} sets {{vpcOptions}} without subnets in {{subnets}}, so the domain gets a public endpoint reachable from the internet. Place it in private subnets with security groups.',
    },
  },
  targets: {
    cloudformation: [
      {
        type: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
        props: { vpcOptions: 'VPCOptions', subnets: 'VPCOptions.SubnetIds' },
      },
    ],
    terraform: [
      { type: ['aws_opensearch_domain', 'aws_elasticsearch_domain'], props: { vpcOptions: 'vpc_options', subnets: 'vpc_options.subnet_ids' } },
    ],
  },
  // No fix: the domain needs subnets and security groups chosen by the user, and moving it into a VPC replaces it.
  check(domain, report) {
    const options = domain.prop('vpcOptions');
    if (options.isUnresolved()) return;
    if (isUnset(options)) {
      report({ at: domain, messageId: 'noVpc' });
      return;
    }
    const subnets = domain.prop('subnets');
    if (subnets.isUnresolved()) return;
    if (isUnset(subnets) || subnets.items().length === 0) report({ at: subnets.isMissing() ? options : subnets, messageId: 'noSubnets' });
  },
});
