// Reads a bucket policy document for a statement that denies requests made without TLS (aws:SecureTransport false).
import { isUnknown } from './unknown';

const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** true / false, or undefined when an unresolved part could decide it. */
type Verdict = boolean | undefined;

function any(verdicts: Verdict[]): Verdict {
  if (verdicts.includes(true)) return true;
  return verdicts.includes(undefined) ? undefined : false;
}

/** Whether a condition value (`false`, `"false"`, `["false"]`) matches requests that did not use TLS. */
function matchesPlainHttp(value: unknown): Verdict {
  if (isUnknown(value)) return undefined;
  return any(asList(value).map((v) => (isUnknown(v) ? undefined : String(v).toLowerCase() === 'false')));
}

/** `Condition: { Bool: { "aws:SecureTransport": false } }` (also `BoolIfExists`; keys are case-insensitive in IAM). */
function conditionDeniesPlainHttp(condition: unknown): Verdict {
  if (isUnknown(condition)) return undefined;
  if (!isRecord(condition)) return false;
  const verdicts: Verdict[] = [];
  for (const [operator, tests] of Object.entries(condition)) {
    if (!/^bool(ifexists)?$/i.test(operator)) continue;
    if (isUnknown(tests)) verdicts.push(undefined);
    else if (isRecord(tests)) {
      for (const [key, value] of Object.entries(tests)) if (key.toLowerCase() === 'aws:securetransport') verdicts.push(matchesPlainHttp(value));
    }
  }
  return any(verdicts);
}

/**
 * Whether a policy (object or JSON text, as `ValueView.literal()` gives it) has a Deny statement conditioned on
 * `aws:SecureTransport` being false. An Allow on `aws:SecureTransport: true` does not count: other grants (IAM
 * policies, ACLs) still allow plain HTTP.
 */
export function deniesInsecureTransport(policy: unknown): Verdict {
  let doc = policy;
  if (isUnknown(doc)) return undefined;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      return undefined;
    }
  }
  if (!isRecord(doc)) return doc === undefined ? false : undefined;
  const statements = doc['Statement'];
  if (isUnknown(statements)) return undefined;
  return any(
    asList(statements).map((st): Verdict => {
      if (isUnknown(st)) return undefined;
      if (!isRecord(st)) return false;
      const effect = st['Effect'];
      if (isUnknown(effect)) return conditionDeniesPlainHttp(st['Condition']) === false ? false : undefined;
      return effect === 'Deny' ? conditionDeniesPlainHttp(st['Condition']) : false;
    }),
  );
}
