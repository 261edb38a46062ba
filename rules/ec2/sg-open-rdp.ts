// RDP (3389) must not be reachable from 0.0.0.0/0 or ::/0.
import { openPortRule } from '../lib/open-port-rule';

export default openPortRule({
  id: 'sg-open-rdp',
  title: 'Security group allows RDP from the internet',
  severity: 'high',
  port: 3389,
  service: 'RDP',
  inputName: 'AllowedRdpCidr',
  related: {
    checkov: ['CKV_AWS_25'],
    kics: ['3ae83918-7ec7-4cb8-80db-b91ef0f94002', 'c9846969-d066-431f-9b34-8c4abafe422a', '151187cb-0efc-481c-babd-ad24e3c9bc22'],
    tfsec: ['aws-ec2-no-public-ingress-sgr'],
    trivy: ['AVD-AWS-0107'],
    cfnNag: ['W9', 'W2'],
  },
});
