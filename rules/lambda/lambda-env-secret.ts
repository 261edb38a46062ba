// A function's environment variables are shown to everyone who can read its configuration (console, `GetFunction`,
// CloudFormation and Terraform state), so a secret written there is handed out widely and never rotates.
import { defineRule } from '../define-rule';
import { inputLabel, judgeSecretPair, secretMessageId } from '../lib/secret-pairs';
import { writtenEntries } from '../lib/written';

const FIX_HINT =
  "pass the secret's ARN or name and read it at run time (a {{resolve:…}} reference keeps it out of the template but still shows it in the function configuration)";

export default defineRule({
  id: 'lambda-env-secret',
  meta: {
    title: 'Lambda environment variables hold no secrets',
    severity: 'high',
    whitepaper: 'Managing identities: credentials',
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html',
    related: {
      checkov: ['CKV_AWS_45'],
      kics: ['1402afd8-a95c-4e84-8b0b-6fb43758e6ce', '2564172f-c92b-4261-9acd-464aed511696'],
    },
    messages: {
      literal: `{{resource}} sets environment variable {{name}} to a literal; ${FIX_HINT}.`,
      literalDefault: `{{resource}} sets environment variable {{name}} to the default of {{input}}, a secret written in the file; ${FIX_HINT}.`,
      secretValue: `{{resource}} environment variable {{name}} holds a secret value ({{kind}}); ${FIX_HINT}.`,
      secretValueDefault: `{{resource}} environment variable {{name}} holds a secret value ({{kind}}) from the default of {{input}}; ${FIX_HINT}.`,
    },
  },
  targets: {
    cloudformation: [{ type: ['AWS::Lambda::Function', 'AWS::Serverless::Function'], props: { variables: 'Environment.Variables' } }],
    terraform: [{ type: 'aws_lambda_function', props: { variables: 'environment.variables' } }],
  },
  check(resource, report) {
    for (const { key, value } of writtenEntries(resource.prop('variables'))) {
      const hit = judgeSecretPair(key, value);
      if (hit)
        report({
          at: hit.at,
          messageId: secretMessageId(hit),
          data: { name: key, kind: hit.kind ?? '', input: inputLabel(hit.input, resource.family) },
        });
    }
  },
});
