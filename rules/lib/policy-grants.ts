// Who and what a policy statement grants: public principals and service-wide action wildcards, for the S3 and IAM rules.
import type { TargetSpec } from '../define-rule';
import type { Statement } from './iam-policy';
import { isUnknown } from './unknown';

/** A policy statement as written (`Effect`, `Principal`, `Condition`, ...), values possibly UNKNOWN. */
export type RawStatement = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The statements of a policy given as an object or as JSON text; [] when it cannot be read. */
export function rawStatements(policy: unknown): RawStatement[] {
  let doc = policy;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      return [];
    }
  }
  if (!isRecord(doc)) return [];
  return asList(doc['Statement']).filter(isRecord);
}

/** `"*"`, `{"AWS": "*"}` or `{"AWS": [..., "*"]}`: every principal, including anonymous callers. */
export function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  return isRecord(principal) && asList(principal['AWS']).some((p) => p === '*');
}

/** Allow to everyone with no Condition. An unknown effect, principal or condition never counts. */
export function allowsEveryoneUnconditionally(st: RawStatement): boolean {
  if (st['Effect'] !== 'Allow' || !isEveryone(st['Principal'])) return false;
  const condition = st['Condition'];
  return condition === undefined || (isRecord(condition) && Object.keys(condition).length === 0);
}

/** `s3:*`: every action of one service (IAM action names are case-insensitive). `*` alone is not service-scoped. */
const SERVICE_WILDCARD = /^[a-z0-9-]+:\*$/i;

/** The service-wide wildcard actions (`s3:*`) an Allow statement grants; [] for Deny, NotAction, or unknown effect. */
export function serviceWildcards(st: Statement): string[] {
  if (isUnknown(st.effect) || st.effect !== 'Allow' || st.hasNotAction) return [];
  return st.actions.filter((a): a is string => typeof a === 'string' && SERVICE_WILDCARD.test(a));
}

/** Prop keys of the IAM policy locations. */
export type IamPolicyProp = 'policies' | 'statements' | 'effect' | 'actions' | 'resources' | 'principals';

/**
 * Every place an identity policy is written, as iam-admin-policy reads them: whole documents (`policies`) and the
 * statement blocks of `data "aws_iam_policy_document"` (`statements` with `effect` / `actions` / `resources`, and
 * `principals`, which only resource policies such as key or bucket policies carry).
 */
export const IAM_POLICY_TARGETS: { cloudformation: TargetSpec<IamPolicyProp>[]; terraform: TargetSpec<IamPolicyProp>[] } = {
  cloudformation: [
    { type: ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'], props: { policies: 'PolicyDocument' } },
    { type: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'], props: { policies: 'Policies[].PolicyDocument' } },
  ],
  terraform: [
    { type: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'], props: { policies: 'policy' } },
    { type: 'aws_iam_role', props: { policies: 'inline_policy[].policy' } },
    { type: 'data.aws_iam_policy_document', props: { statements: 'statement[]', effect: 'effect', actions: 'actions', resources: 'resources', principals: 'principals' } },
  ],
};
