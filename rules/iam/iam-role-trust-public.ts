// A role's trust policy must not let everyone assume it, nor every GitHub repository through GitHub's OIDC provider.
import type { RuleContext } from '../api';
import { defineRule } from '../define-rule';
import { conditionKeys, grantsAction, isAllow, isRecord, listOf, statementsOf, type PolicyStatement } from '../lib/policy-document';
import { isPublicStatement } from '../lib/public-statement';
import { isUnknown } from '../lib/unknown';

const GITHUB_HOST = 'token.actions.githubusercontent.com';
const GITHUB_URL = `https://${GITHUB_HOST}`;
const GITHUB_SUB = `${GITHUB_HOST}:sub`;

type Prop = 'trust' | 'url';

/** The `Principal.Federated` entries of a statement: literal strings, and whether some entry is a reference. */
function federated(st: PolicyStatement): { names: string[]; unresolved: boolean } {
  const principal = st['Principal'];
  if (!isRecord(principal) || !('Federated' in principal)) return { names: [], unresolved: false };
  const entries = isUnknown(principal['Federated']) ? [principal['Federated']] : listOf(principal['Federated']);
  return { names: entries.filter((e): e is string => typeof e === 'string'), unresolved: entries.some(isUnknown) };
}

/** The URL without trailing slashes (a loop: `/\/+$/` is quadratic on a long run of slashes). */
function withoutTrailingSlashes(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end--;
  return url.slice(0, end);
}

/** Whether the module / template declares GitHub's OIDC provider (a reference to a provider may then be to it). */
function declaresGithubProvider(ctx: RuleContext<Prop>): boolean {
  return ctx.companions('githubOidc').some((p) => withoutTrailingSlashes(p.prop('url').asString()) === GITHUB_URL);
}

/**
 * A web-identity grant to GitHub's OIDC provider with no condition on `sub`, so every workflow of every GitHub
 * repository can assume the role. A provider given by reference counts as GitHub's when the template / module
 * declares GitHub's provider and the statement tests no other provider's keys.
 */
function trustsAllOfGithub(st: PolicyStatement, githubDeclared: () => boolean): boolean {
  if (!isAllow(st) || !grantsAction(st, 'sts:AssumeRoleWithWebIdentity')) return false;
  if (isUnknown(st['Condition'])) return false;
  const keys = conditionKeys(st);
  if (keys.includes(GITHUB_SUB)) return false;
  const { names, unresolved } = federated(st);
  if (names.some((n) => n.endsWith(`oidc-provider/${GITHUB_HOST}`))) return true;
  const otherProviderKeys = keys.some((k) => !k.startsWith(`${GITHUB_HOST}:`) && !k.startsWith('aws:') && !k.startsWith('sts:'));
  return unresolved && !otherProviderKeys && (keys.some((k) => k.startsWith(`${GITHUB_HOST}:`)) || githubDeclared());
}

export default defineRule({
  id: 'iam-role-trust-public',
  meta: {
    title: 'IAM role trust policy does not let everyone assume the role',
    severity: 'critical',
    whitepaper: 'Managing identities: roles and temporary credentials (trust policies)',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub',
    related: { checkov: ['CKV_AWS_60', 'CKV_AWS_358', 'CKV_AWS_393'] },
    messages: {
      public:
        '{{resource}} trusts everyone (Principal "*" or NotPrincipal) with no Condition, so any AWS account can assume it. Name the trusted accounts or roles, or add an aws:PrincipalOrgID or sts:ExternalId condition.',
      github:
        '{{resource}} trusts GitHub Actions (token.actions.githubusercontent.com) without a condition on token.actions.githubusercontent.com:sub, so a workflow of any GitHub repository can assume it. Pin sub to repo:<owner>/<repo>:… (a branch, environment or tag).',
    },
  },
  targets: {
    cloudformation: [
      { type: 'AWS::IAM::Role', props: { trust: 'AssumeRolePolicyDocument' } },
      { type: 'AWS::Serverless::Function', props: { trust: 'AssumeRolePolicyDocument' } },
    ],
    // `assume_role_policy` may be jsonencode(...), heredoc JSON, or data.aws_iam_policy_document.x.json.
    terraform: [{ type: 'aws_iam_role', props: { trust: 'assume_role_policy' } }],
  },
  companions: {
    githubOidc: {
      cloudformation: { type: 'AWS::IAM::OIDCProvider', props: { url: 'Url' } },
      terraform: { type: 'aws_iam_openid_connect_provider', props: { url: 'url' } },
    },
  },
  check(role, report, ctx) {
    const trust = role.prop('trust');
    const statements = statementsOf(trust.literal());
    if (statements.some(isPublicStatement)) report({ at: trust, messageId: 'public' });
    let github: boolean | undefined;
    const githubDeclared = () => (github ??= declaresGithubProvider(ctx));
    if (statements.some((st) => trustsAllOfGithub(st, githubDeclared))) report({ at: trust, messageId: 'github' });
  },
});
