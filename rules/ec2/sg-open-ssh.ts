// SSH (22) must not be reachable from 0.0.0.0/0 or ::/0.
import { openPortRule } from '../lib/open-port-rule';

export default openPortRule({
  id: 'sg-open-ssh',
  title: 'Security group allows SSH from the internet',
  severity: 'high',
  port: 22,
  service: 'SSH',
  inputName: 'AllowedSshCidr',
  related: {
    checkov: ['CKV_AWS_24'],
    kics: ['6e856af2-62d7-4ba2-adc1-73b62cef9cc1', '65905cec-d691-4320-b320-2000436cb696'],
    tfsec: ['aws-ec2-no-public-ingress-sgr'],
    trivy: ['AVD-AWS-0107'],
    cfnNag: ['W9', 'W2'],
  },
});
