// The one reader of IAM policy documents: every rule that judges a policy (identity or resource policy) reads its
// statements here, whatever the syntax wrote: a CloudFormation map, JSON text (`Fn::Sub` resolved, a YAML block
// string), Terraform `jsonencode(...)`, a heredoc, or a `data "aws_iam_policy_document"` (rendered by
// `renderDataSourcePolicy`, which the engine also uses for `data.aws_iam_policy_document.x.json`).
import { isUnknown } from './unknown';

/** A policy statement in IAM's JSON shape (`Effect`, `Action`, `Principal`, `Condition`, ...), values possibly UNKNOWN. */
export type PolicyStatement = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A scalar-or-list IAM field as a list (`"s3:GetObject"` → `["s3:GetObject"]`); [] when absent. */
export function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A policy read from a value: its statements, and whether some part of it could not be resolved. */
export interface PolicyDocument {
  statements: PolicyStatement[];
  /** A statement, or the statement list itself, is UNKNOWN (or not a map), so `statements` may be incomplete. */
  incomplete: boolean;
}

/**
 * A policy given as an object or as JSON text (as `ValueView.literal()` gives it); undefined when the whole value
 * is unknown, not JSON, or has no `Statement`. IAM accepts one statement map in place of a list.
 */
export function readPolicy(policy: unknown): PolicyDocument | undefined {
  let doc = policy;
  if (isUnknown(doc) || doc === undefined) return undefined;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      return undefined;
    }
  }
  if (!isRecord(doc) || !('Statement' in doc)) return undefined;
  const raw = doc['Statement'];
  if (isUnknown(raw)) return { statements: [], incomplete: true };
  const items = listOf(raw);
  const statements = items.filter(isRecord);
  return { statements, incomplete: statements.length !== items.length };
}

/** The statements of a policy; [] when it cannot be read. */
export function statementsOf(policy: unknown): PolicyStatement[] {
  return readPolicy(policy)?.statements ?? [];
}

/** `Effect: Allow` as written; an unknown effect is not an Allow (rules never guess a grant). */
export function isAllow(st: PolicyStatement): boolean {
  return st['Effect'] === 'Allow';
}

export function isDeny(st: PolicyStatement): boolean {
  return st['Effect'] === 'Deny';
}

/** The literal action strings of `Action` (UNKNOWN items dropped). */
export function actionsOf(st: PolicyStatement): string[] {
  return listOf(st['Action']).filter((a): a is string => typeof a === 'string');
}

/** The literal resource strings of `Resource` (UNKNOWN items dropped). */
export function resourcesOf(st: PolicyStatement): string[] {
  return listOf(st['Resource']).filter((r): r is string => typeof r === 'string');
}

export function hasNotAction(st: PolicyStatement): boolean {
  return st['NotAction'] !== undefined;
}

export function hasNotResource(st: PolicyStatement): boolean {
  return st['NotResource'] !== undefined;
}

/** `Resource: "*"` (alone or among others): the statement applies to every resource. */
export function onEveryResource(st: PolicyStatement): boolean {
  return resourcesOf(st).includes('*');
}

/**
 * Whether an IAM action pattern (`iam:Put*`, `*`, `s3:?etObject`) matches an action: case-insensitive, `*` any run
 * of characters, `?` one character, as IAM evaluates them.
 */
export function actionMatches(pattern: string, action: string): boolean {
  return compiledPattern(pattern).test(action);
}

/** Compiled action patterns: every statement is matched against many actions, by several rules, on every lint. */
const patterns = new Map<string, RegExp>();

function compiledPattern(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) {
    const source = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    re = new RegExp(`^${source}$`, 'i');
    // Bounded: a workspace's patterns are few; a pathological one cannot grow the cache without end.
    if (patterns.size > 10_000) patterns.clear();
    patterns.set(pattern, re);
  }
  return re;
}

/** Whether any of the statement's `Action` patterns grants `action`. */
export function grantsAction(st: PolicyStatement, action: string): boolean {
  return actionsOf(st).some((pattern) => actionMatches(pattern, action));
}

/**
 * Whether a `Condition` narrows the statement: true for a non-empty map, false when absent or `{}`, undefined when
 * unknown (an unresolved condition may narrow it).
 */
export function hasCondition(st: PolicyStatement): boolean | undefined {
  const condition = st['Condition'];
  if (condition === undefined || condition === null) return false;
  if (isUnknown(condition)) return undefined;
  return !isRecord(condition) || Object.keys(condition).length > 0;
}

/** The condition keys a statement tests (`kms:ViaService`, ...), lower-cased; IAM condition keys are case-insensitive. */
export function conditionKeys(st: PolicyStatement): string[] {
  const condition = st['Condition'];
  if (!isRecord(condition)) return [];
  return Object.values(condition).flatMap((tests) => (isRecord(tests) ? Object.keys(tests).map((k) => k.toLowerCase()) : []));
}

/** Allow `*` on `*`: full administrator access. Unknown parts never count as a wildcard; NotAction is not Action. */
export function grantsFullAdmin(st: PolicyStatement): boolean {
  if (!isAllow(st) || hasNotAction(st)) return false;
  return actionsOf(st).some((a) => a === '*' || a === '*:*') && onEveryResource(st);
}

/** `s3:*`: every action of one service (IAM action names are case-insensitive). `*` alone is not service-scoped. */
const SERVICE_WILDCARD = /^[a-z0-9-]+:\*$/i;

/** The service-wide wildcard actions (`s3:*`) an Allow statement grants; [] for Deny, NotAction, or unknown effect. */
export function serviceWildcards(st: PolicyStatement): string[] {
  if (!isAllow(st) || hasNotAction(st)) return [];
  return actionsOf(st).filter((a) => SERVICE_WILDCARD.test(a));
}

// ---- `data "aws_iam_policy_document"` ------------------------------------------------------------------------------

/** One `principals` / `not_principals` block: `{ type, identifiers }`. */
export interface PrincipalBlock {
  type: unknown;
  identifiers: unknown;
}

/** One `condition` block: `{ test, variable, values }`. */
export interface ConditionBlock {
  test: unknown;
  variable: unknown;
  values: unknown;
}

/** A `statement` block of the data source, with its repeated nested blocks given as lists. */
export interface StatementBlock {
  sid?: unknown;
  effect?: unknown;
  actions?: unknown;
  not_actions?: unknown;
  resources?: unknown;
  not_resources?: unknown;
  principals: readonly PrincipalBlock[];
  not_principals: readonly PrincipalBlock[];
  conditions: readonly ConditionBlock[];
}

/** `principals { type = "AWS", identifiers = ["*"] }` → `{ AWS: ["*"] }`; type `"*"` with `"*"` → `"*"`, as IAM renders it. */
function renderPrincipals(blocks: readonly PrincipalBlock[]): unknown {
  if (blocks.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const p of blocks) {
    if (p.type === '*' && listOf(p.identifiers).includes('*')) return '*';
    // An unresolved type makes the whole principal unknown; a block without a type names nobody.
    if (isUnknown(p.type)) return p.type;
    if (typeof p.type !== 'string') continue;
    out[p.type] = [...listOf(out[p.type]), ...listOf(p.identifiers)];
  }
  return out;
}

/** A data-source `statement` block as the JSON statement Terraform renders (effect defaults to `Allow`). */
export function renderStatementBlock(block: StatementBlock): PolicyStatement {
  const out: Record<string, unknown> = { Effect: block.effect ?? 'Allow' };
  const pairs: [keyof StatementBlock, string][] = [
    ['sid', 'Sid'],
    ['actions', 'Action'],
    ['not_actions', 'NotAction'],
    ['resources', 'Resource'],
    ['not_resources', 'NotResource'],
  ];
  for (const [tf, json] of pairs) {
    const v = block[tf];
    if (v !== undefined && v !== null) out[json] = v;
  }
  const principal = renderPrincipals(block.principals);
  if (principal !== undefined) out['Principal'] = principal;
  const notPrincipal = renderPrincipals(block.not_principals);
  if (notPrincipal !== undefined) out['NotPrincipal'] = notPrincipal;
  if (block.conditions.length > 0) {
    const condition: Record<string, Record<string, unknown>> = {};
    for (const c of block.conditions) {
      const test = String(c.test);
      const variable = String(c.variable);
      condition[test] = { ...(condition[test] ?? {}), [variable]: c.values };
    }
    out['Condition'] = condition;
  }
  return out;
}

/**
 * The statements of `source_policy_documents` / `override_policy_documents` (each item a policy, typically another
 * data source's `.json`): sources come first, then the document's own statements, then overrides, a statement with
 * the same `Sid` replacing the earlier one, as the provider merges them. undefined when an item cannot be read.
 */
export function mergeDataSourceStatements(sources: unknown, own: readonly PolicyStatement[], overrides: unknown): PolicyStatement[] | undefined {
  const read = (docs: unknown): PolicyStatement[] | undefined => {
    if (isUnknown(docs)) return undefined;
    const out: PolicyStatement[] = [];
    for (const item of listOf(docs)) {
      const doc = readPolicy(item);
      if (!doc || doc.incomplete) return undefined;
      out.push(...doc.statements);
    }
    return out;
  };
  const before = read(sources);
  const after = read(overrides);
  if (!before || !after) return undefined;
  const merged: PolicyStatement[] = [];
  for (const st of [...before, ...own, ...after]) {
    const sid = st['Sid'];
    const same = typeof sid === 'string' && sid !== '' ? merged.findIndex((m) => m['Sid'] === sid) : -1;
    if (same >= 0) merged[same] = st;
    else merged.push(st);
  }
  return merged;
}

/** The policy `data.aws_iam_policy_document.x.json` renders to; unknown sources / overrides leave only the own statements. */
export function renderDataSourcePolicy(
  blocks: readonly StatementBlock[],
  sources?: unknown,
  overrides?: unknown,
): { Version: string; Statement: PolicyStatement[] } {
  const own = blocks.map(renderStatementBlock);
  return { Version: '2012-10-17', Statement: mergeDataSourceStatements(sources, own, overrides) ?? own };
}
