// Naive mode (internal, for `npm run realworld`): nothing is resolved, so what would need resolving is only a note.
import assert from 'node:assert/strict';
import type { AnyRule } from '../../rules/define-rule';
import sgOpenSsh from '../../rules/ec2/sg-open-ssh';
import vpcFlowLogs from '../../rules/vpc/vpc-flow-logs';
import { lintText } from '../../server/src/engine/lint/lint';
import type { EngineConfig } from '../../server/src/engine/types';
import { initParsers } from '../../server/src/parsers/index';
import { dedent } from '../harness/sources';

const ids = (code: string, rule: AnyRule, config: EngineConfig) =>
  lintText('t.yaml', dedent(code), { rules: [rule], config }).findings.map((f) => f.messageId);

const sshFromParameter = `
  Parameters:
    SshCidr:
      Type: String
      Default: 10.0.0.0/8
  Resources:
    Sg:
      Type: AWS::EC2::SecurityGroup
      Properties:
        GroupDescription: ssh
        SecurityGroupIngress:
          - IpProtocol: tcp
            FromPort: 22
            ToPort: 22
            CidrIp: !Ref SshCidr
`;

const vpcWithFlowLog = `
  Resources:
    Vpc:
      Type: AWS::EC2::VPC
      Properties:
        CidrBlock: 10.0.0.0/16
    Log:
      Type: AWS::EC2::FlowLog
      Properties:
        ResourceId: !Ref Vpc
        ResourceType: VPC
        TrafficType: ALL
        LogDestinationType: s3
        LogDestination: arn:aws:s3:::logs
`;

describe('naive mode', () => {
  before(() => initParsers());

  it('does not read parameter defaults: a referenced range is a "cannot verify" note', () => {
    assert.deepEqual(ids(sshFromParameter, sgOpenSsh, {}), []);
    assert.deepEqual(ids(sshFromParameter, sgOpenSsh, { naive: true, unresolved: 'info' }), ['cannotVerify']);
  });

  it('does not join resources: a flow log referring to the VPC does not count', () => {
    assert.deepEqual(ids(vpcWithFlowLog, vpcFlowLogs, {}), []);
    assert.deepEqual(ids(vpcWithFlowLog, vpcFlowLogs, { naive: true }), ['noFlowLog']);
  });
});
