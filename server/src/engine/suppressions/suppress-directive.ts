// One suppression as read from a comment or Metadata, before it is matched to findings; plus its date handling.
import type { SourceRange } from '../../model/nodes';
import type { Suppression, SuppressionSource } from '../types';

/** Everything a suppression reader found, in one shape for every tool. */
export interface Directive {
  source: SuppressionSource;
  kind: Suppression['kind'];
  /** Our rule ids (source `secure-iac`) or the other tool's ids; `*` means every rule (id-less KICS comments, `tfsec:ignore:*`). */
  ids: string[];
  /** As written; empty when none was given. */
  reason: string;
  /** The directive itself, where problems with it are reported. */
  range: SourceRange;
  scope: NonNullable<Suppression['scope']>;
  /** 0-based line the comment is about: the line it trails, or the first line of code after it; unset when nothing follows. */
  line?: number;
  /** Metadata directives: the resource whose Metadata holds them. */
  resourceAddress?: string;
  /** The `until` / `:exp:` date, YYYY-MM-DD, when valid. */
  expires?: string;
  /** The date text when it is not a valid YYYY-MM-DD date. */
  badDate?: string;
  /** Why the directive cannot apply at all, found while reading it (our syntax only). */
  problem?: 'misplaced' | 'noIds' | 'extraText';
  /** The text as written, to describe another tool's suppression that gives no reason. */
  text: string;
}

/** A YYYY-MM-DD date that exists in the calendar (2027-02-30 does not). */
export function isValidDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Today as YYYY-MM-DD in UTC, so a CI run and a laptop agree on the day a suppression expires. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Sets `expires` or `badDate` on `d` from a date text. */
export function withDate(d: Directive, date: string | undefined): Directive {
  if (date === undefined) return d;
  if (isValidDate(date)) d.expires = date;
  else d.badDate = date;
  return d;
}
