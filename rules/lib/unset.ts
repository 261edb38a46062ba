// "Not written" as rules read it: a missing property, or Terraform's null, which leaves an argument unset (often a
// variable's default); and the blank value that names nothing (an empty key id or configuration name).
import type { ValueView } from '../api';

/** Missing, or Terraform `null`. */
export function isUnset(value: ValueView): boolean {
  return value.isMissing() || value.literal() === null;
}

/** Unset, or a string of nothing but whitespace. */
export function isBlank(value: ValueView): boolean {
  return isUnset(value) || value.asString()?.trim() === '';
}
