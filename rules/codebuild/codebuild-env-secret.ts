// CodeBuild shows PLAINTEXT environment variables to everyone who can read the project (console, `BatchGetProjects`,
// build logs of `env`), so a secret there is handed out widely; the PARAMETER_STORE and SECRETS_MANAGER types keep
// only a name in the project and fetch the value at build time.
import { defineRule } from '../define-rule';
import { inputLabel, judgeSecretPair, secretMessageId } from '../lib/secret-pairs';

const FIX_HINT = "set its type to SECRETS_MANAGER or PARAMETER_STORE with the secret's name or ARN as the value";

export default defineRule({
  id: 'codebuild-env-secret',
  meta: {
    title: 'CodeBuild plaintext environment variables hold no secrets',
    severity: 'critical',
    whitepaper: 'Managing identities: credentials',
    docs: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env',
    related: {},
    fsbp: ['CodeBuild.2'],
    noEquivalent: 'Security Hub CodeBuild.2 checks the same variables; Checkov, KICS and Trivy have no equivalent check.',
    messages: {
      literal: `{{resource}} sets plaintext environment variable {{name}} to a literal; ${FIX_HINT}.`,
      literalDefault: `{{resource}} sets plaintext environment variable {{name}} to the default of {{input}}, a secret written in the file; ${FIX_HINT}.`,
      secretValue: `{{resource}} plaintext environment variable {{name}} holds a secret value ({{kind}}); ${FIX_HINT}.`,
      secretValueDefault: `{{resource}} plaintext environment variable {{name}} holds a secret value ({{kind}}) from the default of {{input}}; ${FIX_HINT}.`,
    },
  },
  targets: {
    cloudformation: [
      { type: 'AWS::CodeBuild::Project', props: { variables: 'Environment.EnvironmentVariables[]', name: 'Name', value: 'Value', type: 'Type' } },
    ],
    terraform: [
      { type: 'aws_codebuild_project', props: { variables: 'environment.environment_variable[]', name: 'name', value: 'value', type: 'type' } },
    ],
  },
  check(resource, report) {
    for (const variable of resource.list('variables')) {
      const type = variable.prop('type');
      // Missing means PLAINTEXT (the schema's documentation); a type nothing decides leaves the variable unjudged.
      if (!type.isMissing() && type.asString() !== 'PLAINTEXT') continue;
      const name = variable.prop('name').asString();
      const hit = judgeSecretPair(name, variable.prop('value'));
      if (hit)
        report({
          at: hit.at,
          messageId: secretMessageId(hit),
          data: { name: name ?? 'a variable', kind: hit.kind ?? '', input: inputLabel(hit.input, resource.family) },
        });
    }
  },
});
