// User data is readable by anyone who can describe the instance or launch template, and by every process on the
// instance through the metadata service: a secret written there is handed out widely and never rotates.
import type { ValueView } from '../api';
import { defineRule } from '../define-rule';
import { hitAt, inputLabel, isLiteralScript, type SecretHit } from '../lib/secret-pairs';
import { readScriptText, scriptAssignments, type ReadOptions } from '../lib/script-text';
import { findSecretValue, isSecretLikeName } from '../lib/secret-text';

/** The first secret in a user-data value: a secret value anywhere, else a literal assigned to a secret-like name. */
function firstSecret(value: ValueView, base64: ReadOptions['base64']): (SecretHit & { name?: string }) | undefined {
  const script = readScriptText(value, { base64 });
  if (!script) return undefined;
  const found = findSecretValue(script.text);
  if (found) return { reason: 'secretValue', kind: found.kind, ...hitAt(value, script, found.start, found.end) };
  for (const a of scriptAssignments(script.text)) {
    if (isSecretLikeName(a.name) && isLiteralScript(a.value)) return { reason: 'literal', name: a.name, ...hitAt(value, script, a.start, a.end) };
  }
  return undefined;
}

export default defineRule({
  id: 'ec2-userdata-secret',
  meta: {
    title: 'EC2 user data holds no secrets',
    severity: 'critical',
    whitepaper: 'Managing identities: credentials',
    docs: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html',
    related: {
      checkov: ['CKV_AWS_46'],
      kics: ['d7b9d850-3e06-4a75-852f-c46c2e92240b', '0b93729a-d882-4803-bdc3-ac429a21f158'],
      tfsec: ['aws-ec2-no-secrets-in-user-data', 'aws-ec2-no-secrets-in-launch-template-user-data'],
      trivy: ['AVD-AWS-0029', 'AVD-AWS-0129'],
    },
    messages: {
      secretValue:
        '{{resource}} user data holds a secret value ({{kind}}); read the secret at boot from Secrets Manager or SSM Parameter Store with the instance role.',
      secretValueDefault:
        '{{resource}} user data holds a secret value ({{kind}}) from the default of {{input}}; read the secret at boot from Secrets Manager or SSM Parameter Store with the instance role.',
      literal:
        '{{resource}} user data sets {{name}} to a literal; read the secret at boot from Secrets Manager or SSM Parameter Store with the instance role.',
      literalDefault:
        '{{resource}} user data sets {{name}} to the default of {{input}}, a secret written in the file; read it at boot from Secrets Manager or SSM Parameter Store with the instance role.',
    },
  },
  targets: {
    cloudformation: [
      { type: ['AWS::EC2::Instance', 'AWS::AutoScaling::LaunchConfiguration'], props: { userDataBase64: 'UserData' } },
      { type: 'AWS::EC2::LaunchTemplate', props: { userDataBase64: 'LaunchTemplateData.UserData' } },
    ],
    terraform: [
      { type: ['aws_instance', 'aws_launch_configuration'], props: { userData: 'user_data', userDataBase64: 'user_data_base64' } },
      { type: 'aws_launch_template', props: { userDataBase64: 'user_data' } },
    ],
  },
  check(resource, report) {
    // A base64 property holds base64 text when written literally (`Fn::Base64` / `base64encode` wrap plain text);
    // a plain string that does not decode is read as the text it is.
    const reads = [
      [resource.prop('userData'), 'never'],
      [resource.prop('userDataBase64'), 'if-decodes'],
    ] as const;
    for (const [value, base64] of reads) {
      const hit = firstSecret(value, base64);
      if (!hit) continue;
      const messageId = hit.reason === 'secretValue' ? (hit.input ? 'secretValueDefault' : 'secretValue') : hit.input ? 'literalDefault' : 'literal';
      report({ at: hit.at, messageId, data: { kind: hit.kind ?? '', name: hit.name ?? '', input: inputLabel(hit.input, resource.family) } });
    }
  },
});
