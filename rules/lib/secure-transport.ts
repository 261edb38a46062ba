// Reads a bucket policy document for a statement that denies requests made without TLS (aws:SecureTransport false).
import { isRecord, listOf, readPolicy } from './policy-document';
import { isUnknown } from './unknown';

/** true / false, or undefined when an unresolved part could decide it. */
type Verdict = boolean | undefined;

function any(verdicts: Verdict[]): Verdict {
  if (verdicts.includes(true)) return true;
  return verdicts.includes(undefined) ? undefined : false;
}

/** Whether a condition value (`false`, `"false"`, `["false"]`) matches requests that did not use TLS. */
function matchesPlainHttp(value: unknown): Verdict {
  if (isUnknown(value)) return undefined;
  return any(listOf(value).map((v) => (isUnknown(v) ? undefined : String(v).toLowerCase() === 'false')));
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
  if (isUnknown(policy)) return undefined;
  if (policy === undefined) return false;
  const doc = readPolicy(policy);
  // A map without statements denies nothing; text that is not JSON could be anything.
  if (!doc) return isRecord(policy) ? false : undefined;
  return any([
    ...doc.statements.map((st): Verdict => {
      const effect = st['Effect'];
      if (isUnknown(effect)) return conditionDeniesPlainHttp(st['Condition']) === false ? false : undefined;
      return effect === 'Deny' ? conditionDeniesPlainHttp(st['Condition']) : false;
    }),
    ...(doc.incomplete ? [undefined] : []),
  ]);
}
