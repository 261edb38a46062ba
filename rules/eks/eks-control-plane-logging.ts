// EKS clusters send the Kubernetes API audit log to CloudWatch Logs, the record of who did what in the cluster.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'eks-control-plane-logging',
  meta: {
    title: 'EKS control plane audit logs are enabled',
    severity: 'medium',
    whitepaper: 'Monitoring, alerting, audit trail and incident response',
    docs: 'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
    related: {
      kics: ['37304d3f-f852-40b8-ae3f-725e87a7cedf'],
    },
    fsbp: ['EKS.8'],
    messages: {
      missing: '{{resource}} does not enable control plane logging ({{types}}): calls to the Kubernetes API are not recorded anywhere you can read.',
      noAudit:
        '{{resource}} enables control plane logs without audit, so calls to the Kubernetes API (who read a secret, who changed a role binding) are not recorded.',
      addAudit: 'Add audit to {{types}}',
    },
  },
  targets: {
    cloudformation: [{ type: 'AWS::EKS::Cluster', props: { types: 'Logging.ClusterLogging.EnabledTypes', type: 'Type' } }],
    terraform: [{ type: 'aws_eks_cluster', props: { types: 'enabled_cluster_log_types' } }],
  },
  check(cluster, report) {
    const types = cluster.prop('types');
    if (types.isUnresolved()) return;
    // CloudFormation lists `{Type: audit}` items, Terraform plain strings.
    const values = types.items().map((item) => (cluster.family === 'cloudformation' ? item.prop('type') : item));
    if (values.some((v) => v.isUnresolved() || v.asString() === 'audit')) return;
    const unset = types.isMissing() || types.literal() === null;
    report({
      at: types,
      messageId: unset || values.length === 0 ? 'missing' : 'noAudit',
      // An in-place update that adds CloudWatch Logs charges and changes no access.
      fix: {
        messageId: 'addAudit',
        safety: 'safe',
        apply: (f) =>
          types.literal() === null
            ? f.set(cluster, 'types', ['audit'])
            : f.append(cluster, 'types', cluster.family === 'cloudformation' ? { Type: 'audit' } : 'audit'),
      },
    });
  },
});
