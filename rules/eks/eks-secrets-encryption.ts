// EKS clusters envelope-encrypt Kubernetes secrets with a KMS key, beyond the default encryption of etcd volumes.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'eks-secrets-encryption',
  meta: {
    title: 'EKS clusters encrypt Kubernetes secrets with KMS',
    severity: 'medium',
    whitepaper: 'Securing your data: protecting data at rest',
    docs: 'https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html',
    related: {
      checkov: ['CKV_AWS_58'],
      kics: ['63ebcb19-2739-4d3f-aa5c-e8bbb9b85281'],
      tfsec: ['aws-eks-encrypt-secrets'],
      trivy: ['AVD-AWS-0039'],
    },
    fsbp: ['EKS.3'],
    messages: {
      missing:
        '{{resource}} has no {{configs}} for secrets: Kubernetes secrets are stored without envelope encryption, so anyone who reads etcd or its backups reads them. Add an encryption config with resources [secrets] and a KMS key (it replaces the cluster in CloudFormation).',
      notSecrets: '{{resource}} has {{configs}}, but none lists secrets in its resources, so Kubernetes secrets are not envelope-encrypted.',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::EKS::Cluster', props: { configs: 'EncryptionConfig', resources: 'Resources' } }],
    terraform: [{ type: 'aws_eks_cluster', props: { configs: 'encryption_config', resources: 'resources' } }],
  },
  check(cluster, report) {
    const configs = cluster.prop('configs');
    if (configs.isUnresolved()) return;
    const lists = configs.items().map((config) => config.prop('resources'));
    // An unresolved list (or item) may name secrets: not judged.
    if (lists.some((list) => list.isUnresolved() || list.items().some((r) => r.isUnresolved()))) return;
    if (lists.some((list) => list.items().some((r) => r.asString() === 'secrets'))) return;
    // No fix: it needs a KMS key, and CloudFormation replaces the cluster to add it.
    report({ at: configs, messageId: configs.isMissing() || configs.items().length === 0 ? 'missing' : 'notSecrets' });
  },
});
