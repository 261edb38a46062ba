// OpenSearch / Elasticsearch domains encrypt data at rest and between nodes.
import { defineRule } from '../define-rule';
import { requireTrue } from '../lib/require-true';

export default defineRule({
  id: 'opensearch-encryption',
  meta: {
    title: 'OpenSearch domains are encrypted at rest and node-to-node',
    severity: 'high',
    whitepaper: 'Securing your data: protecting data at rest',
    docs: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html',
    related: {
      checkov: ['CKV_AWS_5', 'CKV_AWS_6'],
      kics: ['86a248ab-0e01-4564-a82a-878303e253bb', '24e16922-4330-4e9d-be8a-caa90299466a', '967eb3e6-26fc-497d-8895-6428beb6e8e2'],
      tfsec: ['aws-elastic-search-enable-domain-encryption', 'aws-elastic-search-enable-in-transit-encryption'],
      trivy: ['AVD-AWS-0048', 'AVD-AWS-0043'],
    },
    messages: {
      atRestMissing: '{{resource}} does not set {{atRest}}; the domain stores indices and snapshots unencrypted.',
      atRestDisabled: '{{resource}} sets {{atRest}} to false.',
      nodeToNodeMissing: '{{resource}} does not set {{nodeToNode}}; traffic between the domain nodes is unencrypted.',
      nodeToNodeDisabled: '{{resource}} sets {{nodeToNode}} to false.',
      enableAtRest: 'Set {{atRest}} to true',
      enableNodeToNode: 'Set {{nodeToNode}} to true',
    },
  },
  targets: {
    cloudformation: [
      {
        type: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
        props: { atRest: 'EncryptionAtRestOptions.Enabled', nodeToNode: 'NodeToNodeEncryptionOptions.Enabled' },
      },
    ],
    terraform: [
      {
        type: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
        props: { atRest: 'encrypt_at_rest.enabled', nodeToNode: 'node_to_node_encryption.enabled' },
      },
    ],
  },
  check(domain, report) {
    // Turning either on for an existing domain runs a blue/green deployment and cannot be undone.
    requireTrue(domain, 'atRest', report, { missing: 'atRestMissing', disabled: 'atRestDisabled', enable: 'enableAtRest' }, 'review');
    requireTrue(domain, 'nodeToNode', report, { missing: 'nodeToNodeMissing', disabled: 'nodeToNodeDisabled', enable: 'enableNodeToNode' }, 'review');
  },
});
