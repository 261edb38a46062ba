// Security groups must not open every port (or every protocol) to 0.0.0.0/0 or ::/0.
import { defineRule } from '../define-rule';
import { inputNameFor, restrictSourceFix, worldIngress, type OpenPorts } from '../lib/ingress-ports';
import { INGRESS_TARGETS } from '../lib/security-group';
import { spellInput } from '../lib/input-name';

/** Every port: protocol -1, or a tcp/udp range from 0 (or 1: port 0 is reserved and never served) to 65535. */
const opensEveryPort = (p: OpenPorts) => p.from <= 1 && p.to >= 65535;

export default defineRule({
  id: 'sg-open-all-ports',
  meta: {
    title: 'Security group allows all ports from the internet',
    severity: 'critical',
    whitepaper: 'Securing infrastructure: the customer configures the security group',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-group-rules.html',
    related: {
      checkov: ['CKV_AWS_277'],
      kics: ['adcd0082-e90b-4b63-862b-21899f6e6a48'],
      tfsec: ['aws-ec2-no-public-ingress-sgr'],
      trivy: ['AVD-AWS-0107'],
      cfnNag: ['W2', 'W9'],
    },
    messages: {
      open: '{{resource}} allows {{traffic}} from {{cidrValue}}, the whole internet.',
      restrict: 'Replace {{cidrValue}} with a new input {{inputName}} for the allowed source range',
    },
  },
  targets: INGRESS_TARGETS,
  check(sg, report) {
    for (const open of worldIngress(sg, opensEveryPort)) {
      const { transport } = open.ports;
      report({
        at: open.value,
        messageId: 'open',
        data: {
          cidrValue: open.value.asString() ?? '',
          inputName: spellInput(inputNameFor(open, 'AllowedIngressCidr'), sg.family),
          traffic: transport === 'all' ? 'every protocol and port' : `every ${transport.toUpperCase()} port`,
        },
        fix: restrictSourceFix(open, 'restrict', 'AllowedIngressCidr', 'every port'),
      });
    }
  },
});
