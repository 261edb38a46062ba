// SageMaker notebook instances: no direct internet access, placed in a VPC subnet, no root access for users.
import type { ResourceView, ValueView } from '../api';
import { defineRule } from '../define-rule';
import { isUnset } from '../lib/unset';

type Prop = 'internet' | 'subnet' | 'root';

/** `Enabled` written, or missing (the service default is `Enabled` for both settings); unresolved is never. */
function enabledOrMissing(value: ValueView<Prop>): boolean {
  if (value.isUnresolved()) return false;
  return isUnset(value) || value.asString() === 'Enabled';
}

export default defineRule({
  id: 'sagemaker-notebook-exposure',
  meta: {
    title: 'SageMaker notebooks have no direct internet or root access and sit in a VPC',
    severity: 'high',
    whitepaper: 'Securing infrastructure: network and host-level boundaries',
    docs: 'https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html',
    related: {
      checkov: ['CKV_AWS_122', 'CKV_AWS_306', 'CKV_AWS_307'],
      kics: ['88d55d94-315d-4564-beee-d2d725feab11', '9c7028d9-04c2-45be-b8b2-1188ccaefb36'],
    },
    fsbp: ['SageMaker.1', 'SageMaker.2', 'SageMaker.3'],
    messages: {
      internetMissing:
        '{{resource}} does not set {{internet}}; the notebook then has direct internet access (the default is Enabled), a path for data to leave the account.',
      internetEnabled: '{{resource}} sets {{internet}} to Enabled, so the notebook has direct internet access, a path for data to leave the account.',
      noSubnet:
        '{{resource}} does not set {{subnet}}, so the notebook runs outside your VPC, beyond its security groups, endpoints and flow logs. Choose a private subnet (and security groups).',
      rootMissing: '{{resource}} does not set {{root}}; notebook users then get root access on the instance (the default is Enabled).',
      rootEnabled: '{{resource}} sets {{root}} to Enabled, so notebook users get root access on the instance.',
      disableInternet: 'Set {{internet}} to Disabled (replaces the notebook instance)',
      disableRoot: 'Set {{root}} to Disabled',
    },
  },
  targets: {
    cloudformation: [
      { type: 'AWS::SageMaker::NotebookInstance', props: { internet: 'DirectInternetAccess', subnet: 'SubnetId', root: 'RootAccess' } },
    ],
    terraform: [{ type: 'aws_sagemaker_notebook_instance', props: { internet: 'direct_internet_access', subnet: 'subnet_id', root: 'root_access' } }],
  },
  // One finding per failing property (catalogue row); Terraform missing values read as the service defaults
  // (catalogue clarification 5).
  check(notebook: ResourceView<Prop>, report) {
    const internet = notebook.prop('internet');
    const subnet = notebook.prop('subnet');
    if (enabledOrMissing(internet)) {
      report({
        at: internet,
        messageId: isUnset(internet) ? 'internetMissing' : 'internetEnabled',
        // AWS accepts Disabled only with a subnet; the notebook is replaced and loses what it reached directly.
        fix: isUnset(subnet) ? undefined : { messageId: 'disableInternet', safety: 'review', apply: (f) => f.set(notebook, 'internet', 'Disabled') },
      });
    }
    if (isUnset(subnet)) report({ at: subnet, messageId: 'noSubnet' });
    const root = notebook.prop('root');
    if (enabledOrMissing(root)) {
      report({
        at: root,
        messageId: isUnset(root) ? 'rootMissing' : 'rootEnabled',
        // Users lose sudo (lifecycle configurations still run as root): the user reviews it.
        fix: { messageId: 'disableRoot', safety: 'review', apply: (f) => f.set(notebook, 'root', 'Disabled') },
      });
    }
  },
});
