// OpenSearch / Elasticsearch domain endpoints accept only HTTPS, with TLS 1.2 or later.
import { defineRule } from '../define-rule';
import { requireTrue } from '../lib/require-true';

/** The one policy that still accepts TLS 1.0 and 1.1. */
const OUTDATED_POLICY = 'Policy-Min-TLS-1-0-2019-07';
const SECURE_POLICY = 'Policy-Min-TLS-1-2-PFS-2023-10';

export default defineRule({
  id: 'opensearch-https-tls',
  meta: {
    title: 'OpenSearch domains enforce HTTPS with TLS 1.2 or later',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data in transit (secure HTTPS access points)',
    docs: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html',
    related: {
      checkov: ['CKV_AWS_83', 'CKV_AWS_228'],
      kics: ['4cdc88e6-c0c8-4081-a639-bb3a557cbedf', '2e9e0729-66d5-4148-9d39-5e6fb4bf2a4e'],
      tfsec: ['aws-elasticsearch-enforce-https', 'aws-elasticsearch-use-secure-tls-policy'],
      trivy: ['AVD-AWS-0046', 'AVD-AWS-0126'],
    },
    fsbp: ['OpenSearch.8', 'ES.8'],
    messages: {
      httpsMissing: '{{resource}} does not set {{enforceHttps}}, so the domain endpoint also answers plain HTTP.',
      httpsDisabled: '{{resource}} sets {{enforceHttps}} to false, so the domain endpoint also answers plain HTTP.',
      enforceHttps: 'Set {{enforceHttps}} to true',
      policyMissing: '{{resource}} does not set {{tlsPolicy}}; choose a policy that requires TLS 1.2 or later.',
      policyOutdated: '{{resource}} sets {{tlsPolicy}} to {{policy}}, which accepts TLS 1.0 and 1.1.',
      setPolicy: `Set {{tlsPolicy}} to ${SECURE_POLICY}`,
    },
  },
  targets: {
    cloudformation: [
      {
        type: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
        props: { endpoint: 'DomainEndpointOptions', enforceHttps: 'EnforceHTTPS', tlsPolicy: 'TLSSecurityPolicy' },
      },
    ],
    terraform: [
      {
        type: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
        props: { endpoint: 'domain_endpoint_options', enforceHttps: 'enforce_https', tlsPolicy: 'tls_security_policy' },
      },
    ],
  },
  check(domain, report) {
    const endpoint = domain.prop('endpoint');
    if (endpoint.isUnresolved()) return;
    // Clients that still call the endpoint over HTTP, or with TLS 1.0/1.1, stop working: both fixes are reviewed.
    requireTrue(endpoint, 'enforceHttps', report, { missing: 'httpsMissing', disabled: 'httpsDisabled', enable: 'enforceHttps' }, 'review');
    const policy = endpoint.prop('tlsPolicy');
    if (policy.isUnresolved()) return;
    const value = policy.asString();
    if (!policy.isMissing() && value !== OUTDATED_POLICY) return;
    report({
      at: policy,
      messageId: policy.isMissing() ? 'policyMissing' : 'policyOutdated',
      data: { policy: value ?? '' },
      fix: { messageId: 'setPolicy', safety: 'review', apply: (f) => f.set(endpoint, 'tlsPolicy', SECURE_POLICY) },
    });
  },
});
