// Judges a name / value pair (an environment variable, a build variable, user-data text) the way every v2 secret rule
// does (catalogue v2, clarifications 1 and 2): a secret-like name given a literal, or a value holding a secret value.
import type { Family, ValueView } from '../api';
import { HOLE, originOf, readScriptText, type ScriptText } from './script-text';
import { findSecretValue, isLiteralText, isSecretLikeName, type SecretValueKind } from './secret-text';

/** One reason to report, and where: at the value, or (judged at an input's default) at the use with the input named. */
export interface SecretHit {
  reason: 'literal' | 'secretValue';
  at: ValueView;
  /** The input whose default holds the secret; undefined when the secret is written in the value itself. */
  input?: string;
  /** The kind of secret value found (`secretValue` only). */
  kind?: SecretValueKind;
}

/** Whether text read from a value (holes included) is a literal: fully known, and a literal in the catalogue's sense. */
export function isLiteralScript(text: string): boolean {
  // A shell expansion or command substitution reads the value at run time; a hole is something the file does not decide.
  return !text.includes(HOLE) && !/^\s*[$`]/.test(text) && isLiteralText(text);
}

/**
 * Where text at `[start, end)` of a read value is reported: at its origin (an input default) when it comes from one;
 * when it is only partly from defaults (`{"user":"admin","password":"${Pw}"}`), at the first input default inside it,
 * since that is where the secret sits.
 */
export function hitAt(value: ValueView, script: ScriptText, start: number, end: number): { at: ValueView; input?: string } {
  const origin = originOf(script, start, end) ?? script.origins.find((o) => o.input !== undefined && o.start < end && start < o.end);
  return origin ? { at: origin.view, input: origin.input } : { at: value };
}

/** The verdict on one variable `name` = `value`; undefined when it is fine or cannot be known. */
export function judgeSecretPair(name: string | undefined, value: ValueView): SecretHit | undefined {
  return judgeSecretText(name, readScriptText(value, { base64: 'never' }), value);
}

/** The same verdict on a value already read as text (JSON inside a string), reported at `at` or its origins. */
export function judgeSecretText(name: string | undefined, script: ScriptText | undefined, at: ValueView): SecretHit | undefined {
  if (!script) return undefined;
  const found = findSecretValue(script.text);
  if (found) return { reason: 'secretValue', kind: found.kind, ...hitAt(at, script, found.start, found.end) };
  if (name !== undefined && isSecretLikeName(name) && isLiteralScript(script.text)) {
    return { reason: 'literal', ...hitAt(at, script, 0, script.text.length) };
  }
  return undefined;
}

/** How messages name an input: `parameter DbPassword`, `var.db_password`; empty when there is none. */
export function inputLabel(input: string | undefined, family: Family): string {
  if (input === undefined) return '';
  return family === 'terraform' ? `var.${input}` : `parameter ${input}`;
}

/** The message a hit is reported with; every secret rule declares these four ids. */
export function secretMessageId(hit: SecretHit): 'literal' | 'literalDefault' | 'secretValue' | 'secretValueDefault' {
  if (hit.reason === 'secretValue') return hit.input ? 'secretValueDefault' : 'secretValue';
  return hit.input ? 'literalDefault' : 'literal';
}
