// Lambda function URLs must authenticate their callers (AWS_IAM), not accept anyone on the internet.
import { defineRule } from '../define-rule';

export default defineRule({
  id: 'lambda-url-no-auth',
  meta: {
    title: 'Lambda function URLs require IAM authentication',
    severity: 'high',
    whitepaper: 'Managing identities: authenticating every caller',
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
    related: { checkov: ['CKV_AWS_258'] },
    messages: {
      noAuth:
        '{{resource}} sets {{authType}} to NONE, so anyone on the internet can invoke the function through its URL without signing the request.',
      requireIam: 'Set {{authType}} to AWS_IAM',
    },
  },
  targets: {
    cloudformation: [
      { type: 'AWS::Lambda::Url', props: { authType: 'AuthType' } },
      { type: 'AWS::Serverless::Function', props: { authType: 'FunctionUrlConfig.AuthType' } },
    ],
    terraform: [{ type: 'aws_lambda_function_url', props: { authType: 'authorization_type' } }],
  },
  check(url, report) {
    const authType = url.prop('authType');
    if (authType.asString() !== 'NONE') return;
    report({
      at: authType,
      messageId: 'noAuth',
      // Unsigned callers then get 403: a deliberately public endpoint takes a suppression with its reason instead.
      fix: { messageId: 'requireIam', safety: 'review', apply: (f) => f.replace(authType, 'AWS_IAM') },
    });
  },
});
