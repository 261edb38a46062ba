// The catalogue's secret vocabulary (v2 clarification 2), written once for every secret rule: secret-like names,
// literals, and secret values found in text. Every scan here is linear in the text: user text can be megabytes long,
// so no pattern nests quantifiers or lets an unbounded repetition fail and restart at every position.

/**
 * The lower-case words of a name, split at `_`, `-`, `.`, `/`, spaces (any character that is not a letter or digit)
 * and camelCase boundaries: `DbMasterPassword` → db, master, password; `APIKey` → api, key; `db2_token` → db2, token.
 * One pass over the characters.
 */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  let from = -1;
  const kind = (i: number): 'upper' | 'lower' | 'other' => {
    const c = name.charCodeAt(i);
    if (c >= 65 && c <= 90) return 'upper';
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return 'lower';
    return 'other';
  };
  for (let i = 0; i <= name.length; i++) {
    const k = i < name.length ? kind(i) : 'other';
    if (k === 'other') {
      if (from >= 0) words.push(name.slice(from, i).toLowerCase());
      from = -1;
      continue;
    }
    // `dbPassword` splits before P; `APIKey` splits before K (the last capital of a run starts the next word).
    const prev = i > 0 ? kind(i - 1) : 'other';
    const boundary =
      k === 'upper' &&
      from >= 0 &&
      (prev === 'lower' || (prev === 'upper' && i + 1 < name.length && kind(i + 1) === 'lower' && name.charCodeAt(i + 1) >= 97));
    if (boundary) words.push(name.slice(from, i).toLowerCase());
    if (from < 0 || boundary) from = i;
  }
  return words;
}

/**
 * The last `count` words of a name (as `nameWords`), reading only its end: a rule that judges a name by how it ends
 * costs the same on a 2 MB name as on `DbPassword`. Names longer than 255 characters (CloudFormation's limit for a
 * logical id) lose their first, possibly cut, word of the part read.
 */
export function lastNameWords(name: string, count: number): string[] {
  const TAIL = 256;
  if (name.length <= TAIL) return nameWords(name).slice(-count);
  return nameWords(name.slice(-TAIL)).slice(1).slice(-count);
}

const SECRET_WORDS = new Set(['password', 'passwd', 'passphrase', 'secret', 'token', 'credential', 'credentials']);
const SECRET_PAIRS = new Set(['api key', 'private key', 'access key', 'secret key']);
const SECRET_JOINED = new Set(['apikey', 'privatekey', 'accesskey', 'secretkey']);
/** A last word that makes the name describe a secret (where it is, how it is handled) rather than hold one. */
const ABOUT_A_SECRET = new Set([
  'arn',
  'name',
  'id',
  'ids',
  'path',
  'url',
  'uri',
  'endpoint',
  'host',
  'type',
  'version',
  'length',
  'ttl',
  'expiry',
  'expiration',
  'file',
  'ref',
  'param',
  'parameter',
  'field',
  'header',
  'policy',
  'rotation',
  'enabled',
  'region',
  'bucket',
]);

/** `DB_PASSWORD`, `apiKey`, `GITHUB_TOKEN` are secret-like; `DB_PASSWORD_ARN`, `SECRET_NAME`, `TOKEN_TTL` are not. */
export function isSecretLikeName(name: string): boolean {
  const words = nameWords(name);
  const last = words.at(-1);
  if (last === undefined || ABOUT_A_SECRET.has(last)) return false;
  return words.some((w, i) => SECRET_WORDS.has(w) || SECRET_JOINED.has(w) || (i > 0 && SECRET_PAIRS.has(`${words[i - 1]} ${w}`)));
}

/**
 * The text with its placeholders (`${…}`, `{{…}}`, `<…>`: a value filled in elsewhere) removed. One pass: after a
 * placeholder the scan continues past its end, and an opening without a close ends the search.
 */
export function withoutPlaceholders(text: string): string {
  const open = /\$\{|\{\{|</g;
  let out = '';
  let i = 0;
  for (;;) {
    open.lastIndex = i;
    const m = open.exec(text);
    const closing = m?.[0] === '<' ? '>' : m?.[0] === '{{' ? '}}' : '}';
    const close = m ? text.indexOf(closing, m.index + m[0].length) : -1;
    if (!m || close < 0) return out + text.slice(i);
    // `<a <b>`: the placeholder is the innermost `<b>`.
    const start = m[0] === '<' ? text.lastIndexOf('<', close) : m.index;
    out += text.slice(i, start);
    i = close + closing.length;
  }
}

/**
 * Whether a written string is a *literal* in the catalogue's sense: non-empty, not a dynamic reference
 * (`{{resolve:…}}`), not `true` / `false` or an integer, not an ARN, not an SSM parameter path, and not only
 * placeholders. (References to resources or inputs never reach this: they are not strings.)
 */
export function isLiteralText(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.includes('{{resolve:')) return false;
  if (/^(true|false)$/i.test(t) || /^[+-]?\d+$/.test(t)) return false;
  if (t.startsWith('arn:') || t.startsWith('/')) return false;
  return withoutPlaceholders(t).trim() !== '';
}

/** What kind of secret value a text holds, for messages. */
export type SecretValueKind = 'AWS access key id' | 'private key' | 'AWS secret access key';

// Access key ids of users (AKIA) and temporary credentials (ASIA); the other unique-id prefixes (AIDA, AROA, …) name
// users and roles and grant nothing. Standing alone: a longer run of capitals and digits is something else.
const ACCESS_KEY_ID = /(?<![A-Z0-9])A[KS]IA[A-Z0-9]{16}(?![A-Z0-9])/;
const PRIVATE_KEY = /-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----/;
// A name containing secret_access_key (any case or separator), `=` or `:`, then exactly 40 key characters.
const SECRET_ACCESS_KEY = /secret[-_. ]?access[-_. ]?key[\w.-]{0,40}["']?[ \t]{0,8}[=:][ \t]{0,8}["']?[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/i;

/** The first secret value in `text`, with where it is, or undefined. */
export function findSecretValue(text: string): { kind: SecretValueKind; start: number; end: number } | undefined {
  const hits = [
    [ACCESS_KEY_ID, 'AWS access key id'],
    [PRIVATE_KEY, 'private key'],
    [SECRET_ACCESS_KEY, 'AWS secret access key'],
  ] as const;
  let first: { kind: SecretValueKind; start: number; end: number } | undefined;
  for (const [pattern, kind] of hits) {
    const m = pattern.exec(text);
    if (m && (!first || m.index < first.start)) first = { kind, start: m.index, end: m.index + m[0].length };
  }
  return first;
}
