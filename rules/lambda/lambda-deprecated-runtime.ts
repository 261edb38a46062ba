// Lambda functions run on a runtime that still receives security patches.
import { defineRule } from '../define-rule';
import { deprecatedOn, newestSupported, RUNTIME_TABLE_DATE } from '../lib/lambda-runtimes';

export default defineRule({
  id: 'lambda-deprecated-runtime',
  meta: {
    title: 'Lambda functions do not use a deprecated runtime',
    severity: 'medium',
    whitepaper: 'Securing your operating systems and applications',
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html#runtime-support-policy',
    related: { checkov: ['CKV_AWS_363'] },
    fsbp: ['Lambda.2'],
    messages: {
      deprecated:
        "{{resource}} uses the runtime {{value}}, deprecated as of {{tableDate}} (the date of the rule's runtime table; Lambda deprecated it on {{date}}): it no longer receives security patches, and Lambda later blocks creating and updating such functions. Upgrade to {{upgrade}}.",
    },
  },
  targets: {
    cloudformation: [{ type: ['AWS::Lambda::Function', 'AWS::Serverless::Function'], props: { runtime: 'Runtime' } }],
    terraform: [{ type: 'aws_lambda_function', props: { runtime: 'runtime' } }],
  },
  check(fn, report) {
    // No runtime (a container image) and an unresolved one are not judged; neither is a runtime the table lacks.
    const runtime = fn.prop('runtime');
    const value = runtime.asString();
    const date = value === undefined ? undefined : deprecatedOn(value);
    if (value === undefined || date === undefined) return;
    const newest = newestSupported(value);
    // No fix: a new runtime needs code and dependency changes and a test run.
    report({
      at: runtime,
      messageId: 'deprecated',
      data: {
        value,
        date,
        tableDate: RUNTIME_TABLE_DATE,
        upgrade: newest ?? 'a supported runtime (the table lists none of this language), or a container image',
      },
    });
  },
});
