// Where identity policies are written (catalogue v2, clarification 4) and how a rule reads each as one document of
// statements, every statement anchored where a finding about it belongs.
import type { ResourceView, ValueView } from '../api';
import type { TargetSpec } from '../define-rule';
import { expandPolicyTemplate } from './sam-policy-templates';
import {
  hasNotAction,
  hasNotResource,
  isRecord,
  mergeDataSourceStatements,
  readPolicy,
  renderStatementBlock,
  type PolicyStatement,
  type StatementBlock,
} from './policy-document';

/** Logical keys of the identity-policy targets (whole documents, SAM `Policies`, data-source statement blocks). */
export type IdentityPolicyProp =
  | 'policies'
  | 'samPolicies'
  | 'statements'
  | 'sid'
  | 'effect'
  | 'actions'
  | 'notActions'
  | 'resources'
  | 'notResources'
  | 'principals'
  | 'notPrincipals'
  | 'conditions'
  | 'sources'
  | 'overrides';

const DATA_SOURCE_PROPS = {
  statements: 'statement[]',
  sid: 'sid',
  effect: 'effect',
  actions: 'actions',
  notActions: 'not_actions',
  resources: 'resources',
  notResources: 'not_resources',
  principals: 'principals',
  notPrincipals: 'not_principals',
  conditions: 'condition',
  sources: 'source_policy_documents',
  overrides: 'override_policy_documents',
} as const;

/** Every identity-policy document of clarification 4, for a rule's `targets`. */
export const IDENTITY_POLICY_TARGETS: { cloudformation: TargetSpec<IdentityPolicyProp>[]; terraform: TargetSpec<IdentityPolicyProp>[] } = {
  cloudformation: [
    {
      type: ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy', 'AWS::IAM::UserPolicy', 'AWS::IAM::GroupPolicy'],
      props: { policies: 'PolicyDocument' },
    },
    { type: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'], props: { policies: 'Policies[].PolicyDocument' } },
    { type: ['AWS::Serverless::Function', 'AWS::Serverless::StateMachine'], props: { samPolicies: 'Policies' } },
  ],
  terraform: [
    { type: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'], props: { policies: 'policy' } },
    { type: 'aws_iam_role', props: { policies: 'inline_policy[].policy' } },
    { type: 'data.aws_iam_policy_document', props: DATA_SOURCE_PROPS },
  ],
};

/** A statement of an identity policy and the value a finding about it is reported at. */
export interface AnchoredStatement {
  statement: PolicyStatement;
  at: ValueView<IdentityPolicyProp>;
}

/** One identity-policy document: combinations of grants (iam-privilege-escalation) are judged within one. */
export interface IdentityDocument {
  /** The whole document (a policy value, a SAM `Policies` item, or the data source). */
  at: ValueView<IdentityPolicyProp>;
  statements: AnchoredStatement[];
}

/** A data-source `statement` block read through the rule's view (repeated nested blocks stay separate). */
function statementBlock(st: ValueView<IdentityPolicyProp>): StatementBlock {
  const lit = (key: IdentityPolicyProp) => st.prop(key).literal();
  const principals = (key: 'principals' | 'notPrincipals') =>
    st.list(key).map((p) => {
      const v = p.literal();
      return isRecord(v) ? { type: v['type'], identifiers: v['identifiers'] } : { type: v, identifiers: undefined };
    });
  return {
    sid: lit('sid'),
    effect: lit('effect'),
    actions: lit('actions'),
    not_actions: lit('notActions'),
    resources: lit('resources'),
    not_resources: lit('notResources'),
    principals: principals('principals'),
    not_principals: principals('notPrincipals'),
    conditions: st.list('conditions').map((c) => {
      const v = c.literal();
      return isRecord(v) ? { test: v['test'], variable: v['variable'], values: v['values'] } : { test: v, variable: v, values: v };
    }),
  };
}

function documentAt(at: ValueView<IdentityPolicyProp>, policy: unknown): IdentityDocument[] {
  const doc = readPolicy(policy);
  return doc ? [{ at, statements: doc.statements.map((statement) => ({ statement, at })) }] : [];
}

/**
 * The identity-policy documents of a resource the targets above matched. A SAM `Policies` item is a document when
 * it is a map with a `Statement` key, or a SAM policy template the table lists (sam-policy-templates.ts), read as
 * the statements SAM generates; a string names a managed policy and is not judged. In a data source, statements naming principals belong to resource policies (trust, key and bucket
 * policies built with it) and are left out; source / override documents are merged first.
 */
export function identityDocuments(resource: ResourceView<IdentityPolicyProp>): IdentityDocument[] {
  const out: IdentityDocument[] = [];
  for (const policy of resource.list('policies')) out.push(...documentAt(policy, policy.literal()));
  if (resource.declares('samPolicies')) {
    for (const item of resource.prop('samPolicies').items()) {
      const v = item.literal();
      if (isRecord(v) && 'Statement' in v) out.push(...documentAt(item, v));
      else {
        // A SAM policy template (issue 11, amending clarification 4): judged as the statements SAM generates.
        const expanded = expandPolicyTemplate(v);
        if (expanded) out.push(...documentAt(item, expanded));
      }
    }
  }
  if (resource.declares('statements')) {
    const own = resource
      .list('statements')
      .filter((st) => st.prop('principals').isMissing() && st.prop('notPrincipals').isMissing())
      .map((st) => ({ statement: renderStatementBlock(statementBlock(st)), at: st }));
    const sources = resource.prop('sources');
    const overrides = resource.prop('overrides');
    const merged = mergeDataSourceStatements(
      sources.literal(),
      own.map((o) => o.statement),
      overrides.literal(),
    );
    const statements = merged
      ? merged
          .filter((statement) => statement['Principal'] === undefined && statement['NotPrincipal'] === undefined)
          .map((statement) => own.find((o) => o.statement === statement) ?? { statement, at: sources.isMissing() ? overrides : sources })
      : own;
    if (statements.length > 0) out.push({ at: resource, statements });
  }
  return out;
}

/** The v2 IAM rules judge only statements with `Action` and `Resource` (NotAction / NotResource are skipped). */
export function judgedByV2(st: PolicyStatement): boolean {
  return !hasNotAction(st) && !hasNotResource(st);
}

/**
 * The targets above with more logical keys on some resource types (a type already listed gets the extra props,
 * split out of its group; a new type is appended), for rules that read more than the documents.
 */
export function extendTargets<P extends string>(base: readonly TargetSpec<P>[], additions: readonly TargetSpec<P>[]): TargetSpec<P>[] {
  const out: TargetSpec<P>[] = base.map((t) => ({ type: t.type, props: t.props }));
  for (const add of additions) {
    for (const type of [add.type].flat()) {
      const i = out.findIndex((t) => [t.type].flat().includes(type));
      if (i < 0) {
        out.push({ type, props: add.props });
        continue;
      }
      const spec = out[i] as TargetSpec<P>;
      const rest = [spec.type].flat().filter((t) => t !== type);
      out.splice(i, 1, ...(rest.length > 0 ? [{ type: rest, props: spec.props }] : []), { type, props: { ...spec.props, ...add.props } });
    }
  }
  return out;
}

/**
 * The AWS managed policy `AdministratorAccess`: its ARN in any partition (also `${AWS::Partition}` or
 * `${data.aws_partition.x.partition}` left as text), or its bare name as SAM `Policies` accepts it.
 */
export function isAdministratorAccess(value: unknown, options: { bareName?: boolean } = {}): boolean {
  if (typeof value !== 'string') return false;
  if (options.bareName && value === 'AdministratorAccess') return true;
  return /^arn:(aws[a-z-]*|\$\{AWS::Partition\}|\$\{data\.aws_partition\.[\w-]+\.partition\}):iam::aws:policy\/AdministratorAccess$/.test(value);
}
