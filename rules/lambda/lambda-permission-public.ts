// A Lambda permission must not let everyone (or a service acting for any account) invoke the function.
import { defineRule } from '../define-rule';
import { isUnset } from '../lib/unset';

export default defineRule({
  id: 'lambda-permission-public',
  meta: {
    title: 'Lambda permission does not let everyone invoke the function',
    severity: 'critical',
    whitepaper: 'Securing your infrastructure: protecting public endpoints (resource policies)',
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html',
    related: {
      checkov: ['CKV_AWS_301', 'CKV_AWS_364'],
      kics: ['1d6e16f1-5d8a-4379-bfb3-2dadd38ed5a7', 'e08ed7eb-f3ef-494d-9d22-2e3db756a347'],
      tfsec: ['aws-lambda-restrict-source-arn'],
      trivy: ['AVD-AWS-0067'],
    },
    fsbp: ['Lambda.1'],
    messages: {
      everyone:
        '{{resource}} lets everyone (Principal "*") invoke the function, with no source ARN, source account or organization. Add SourceArn / SourceAccount (source_arn / source_account), or name an account.',
      service:
        "{{resource}} lets {{service}} invoke the function on behalf of any account (no source ARN or source account), so another account's resource of that service can trigger it. Add SourceArn / SourceAccount (source_arn / source_account).",
    },
  },
  targets: {
    cloudformation: [
      {
        type: 'AWS::Lambda::Permission',
        props: {
          principal: 'Principal',
          sourceArn: 'SourceArn',
          sourceAccount: 'SourceAccount',
          orgId: 'PrincipalOrgID',
          action: 'Action',
          urlAuthType: 'FunctionUrlAuthType',
          viaUrl: 'InvokedViaFunctionUrl',
        },
      },
    ],
    terraform: [
      {
        type: 'aws_lambda_permission',
        props: {
          principal: 'principal',
          sourceArn: 'source_arn',
          sourceAccount: 'source_account',
          orgId: 'principal_org_id',
          action: 'action',
          urlAuthType: 'function_url_auth_type',
        },
      },
    ],
  },
  check(permission, report) {
    // A function URL's permission: lambda-url-no-auth reports the URL itself.
    const urlPermission =
      (permission.prop('action').asString()?.toLowerCase() === 'lambda:invokefunctionurl' && permission.prop('urlAuthType').asString() === 'NONE') ||
      (permission.declares('viaUrl') && permission.prop('viaUrl').asBoolean() === true);
    if (urlPermission) return;
    const principal = permission.prop('principal');
    const name = principal.asString();
    if (name === undefined) return;
    // A written source, even an unresolved one, narrows who can invoke.
    const written = (key: 'sourceArn' | 'sourceAccount' | 'orgId') => !isUnset(permission.prop(key));
    if (name === '*') {
      if (!written('sourceArn') && !written('sourceAccount') && !written('orgId')) report({ at: principal, messageId: 'everyone' });
    } else if (name.endsWith('.amazonaws.com')) {
      if (!written('sourceArn') && !written('sourceAccount')) report({ at: principal, messageId: 'service', data: { service: name } });
    }
  },
});
