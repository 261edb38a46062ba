// EKS cluster API endpoints must not be public to the whole internet.
import type { FixRef, Fixer } from '../api';
import { defineRule } from '../define-rule';
import { isWorldCidr } from '../lib/cidr';
import { spellInput } from '../lib/input-name';
import { isUnset } from '../lib/unset';

const INPUT = 'AllowedEksApiCidr';

function allowedCidr(f: Fixer<string>): FixRef {
  return f.input({ name: INPUT, type: 'string', description: 'Source CIDR allowed to reach the public EKS API endpoint' });
}

export default defineRule({
  id: 'eks-public-endpoint',
  meta: {
    title: 'EKS API endpoint is not open to the internet',
    severity: 'high',
    whitepaper: 'Securing infrastructure: network and host-level boundaries',
    docs: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
    related: {
      checkov: ['CKV_AWS_38'],
      kics: ['61cf9883-1752-4768-b18c-0d57f2737709'],
      tfsec: ['aws-eks-no-public-cluster-access-to-cidr'],
      trivy: ['AVD-AWS-0041'],
    },
    fsbp: ['EKS.1'],
    messages: {
      noCidrs:
        '{{resource}} has a public API endpoint ({{publicAccess}} is {{publicState}}) and does not set {{cidrs}}, so the Kubernetes API accepts connections from any address (the default is 0.0.0.0/0).',
      worldCidr:
        '{{resource}} has a public API endpoint ({{publicAccess}} is {{publicState}}) that {{cidrs}} opens to {{cidrValue}}, the whole internet.',
      restrict: 'Set {{cidrs}} to a new input {{inputName}} for the allowed source range',
      replaceWorld: 'Replace {{cidrValue}} with a new input {{inputName}} for the allowed source range',
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::EKS::Cluster',
        props: { publicAccess: 'ResourcesVpcConfig.EndpointPublicAccess', cidrs: 'ResourcesVpcConfig.PublicAccessCidrs' },
      },
    ],
    terraform: [{ type: 'aws_eks_cluster', props: { publicAccess: 'vpc_config.endpoint_public_access', cidrs: 'vpc_config.public_access_cidrs' } }],
  },
  check(cluster, report) {
    const publicAccess = cluster.prop('publicAccess');
    // Missing means the service default, true (CloudFormation schema); Terraform is read the same way (catalogue
    // clarification 5).
    if (publicAccess.isUnresolved() || publicAccess.asBoolean() === false) return;
    if (!isUnset(publicAccess) && publicAccess.asBoolean() !== true) return;
    const data = { publicState: isUnset(publicAccess) ? 'missing, default true' : 'true', inputName: spellInput(INPUT, cluster.family) };
    const cidrs = cluster.prop('cidrs');
    if (cidrs.isUnresolved()) return;
    if (isUnset(cidrs)) {
      report({
        at: cidrs,
        messageId: 'noCidrs',
        data,
        // Narrowing who may reach the API can lock out CI and administrators: the user reviews it.
        fix: { messageId: 'restrict', safety: 'review', apply: (f) => f.set(cluster, 'cidrs', [allowedCidr(f)]) },
      });
      return;
    }
    for (const entry of cidrs.items()) {
      if (entry.isUnresolved()) continue;
      const text = entry.asString();
      if (text === undefined || !isWorldCidr(text)) continue;
      report({
        at: entry,
        messageId: 'worldCidr',
        data: { ...data, cidrValue: text },
        // A world CIDR that is the user's own parameter/variable default is theirs to change.
        fix: entry.isReference() ? undefined : { messageId: 'replaceWorld', safety: 'review', apply: (f) => f.replace(entry, allowedCidr(f)) },
      });
    }
  },
});
