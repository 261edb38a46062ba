// User globs (`exclude`, `files.exclude`) compiled to a matcher that never backtracks: a workspace chooses both the
// globs and the file names, and a regex compiled from `*a*a*a*a*…b` takes exponential time on a name of 40 `a`s.
//
// Supported, as VS Code globs: `*` (any characters but `/`), `?` (one), `**` (any number of folders), `[abc]`,
// `[a-z]`, `[!a]` / `[^a]`, `{a,b}` (nested too). Matching is the two-pointer wildcard algorithm, at the level of
// characters within a segment and again at the level of segments for `**`: O(length × pattern) at worst.

/** Past these, a glob is rejected (with a message) rather than compiled. */
export const GLOB_LIMITS = { length: 1000, alternatives: 64 } as const;

type Token = { kind: 'char'; c: string } | { kind: 'one' } | { kind: 'star' } | { kind: 'class'; negated: boolean; ranges: [string, string][] };
type Segment = { kind: 'globstar' } | { kind: 'segment'; tokens: Token[] };

/** Why a glob cannot be used, or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > GLOB_LIMITS.length) return `glob longer than ${GLOB_LIMITS.length} characters`;
  const alternatives = expandBraces(glob.replace(/\\/g, '/'));
  if (alternatives === undefined) return `glob with more than ${GLOB_LIMITS.alternatives} brace alternatives`;
  return undefined;
}

/** A matcher for paths relative to the glob's root (`/`-separated), or undefined when the glob is rejected. */
export function compileGlob(glob: string): ((relativePath: string) => boolean) | undefined {
  if (globProblem(glob) !== undefined) return undefined;
  const patterns = (expandBraces(glob.replace(/\\/g, '/')) ?? []).map(compilePattern);
  return (relativePath) => {
    const parts = relativePath.split('/').filter((p) => p !== '');
    return patterns.some((p) => matchSegments(p, parts));
  };
}

/** `{a,b}c` → `ac`, `bc`; undefined past the alternatives limit. Unbalanced braces are literal. */
function expandBraces(glob: string): string[] | undefined {
  const open = findBrace(glob);
  if (open === undefined) return [glob];
  const { start, end, options } = open;
  const out: string[] = [];
  for (const option of options) {
    const expanded = expandBraces(glob.slice(0, start) + option + glob.slice(end + 1));
    if (expanded === undefined) return undefined;
    out.push(...expanded);
    if (out.length > GLOB_LIMITS.alternatives) return undefined;
  }
  return out;
}

/** The first balanced `{…,…}` group (outermost), split at its top-level commas. */
function findBrace(glob: string): { start: number; end: number; options: string[] } | undefined {
  for (let start = glob.indexOf('{'); start !== -1; start = glob.indexOf('{', start + 1)) {
    let depth = 0;
    const commas: number[] = [];
    for (let i = start; i < glob.length; i++) {
      const c = glob[i];
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        if (commas.length === 0) break; // `{a}`: literal
        const cuts = [start, ...commas, i];
        return { start, end: i, options: cuts.slice(0, -1).map((cut, k) => glob.slice(cut + 1, cuts[k + 1])) };
      } else if (c === ',' && depth === 1) commas.push(i);
    }
  }
  return undefined;
}

function compilePattern(pattern: string): Segment[] {
  return pattern
    .split('/')
    .filter((s) => s !== '')
    .map((s): Segment => (s === '**' ? { kind: 'globstar' } : { kind: 'segment', tokens: tokenize(s) }));
}

function tokenize(segment: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' }); // `**` inside a segment is `*`
    } else if (c === '?') tokens.push({ kind: 'one' });
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close === -1) {
        tokens.push({ kind: 'char', c });
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let k = 0; k < body.length; k++) {
        const from = body[k] as string;
        if (body[k + 1] === '-' && k + 2 < body.length) {
          ranges.push([from, body[k + 2] as string]);
          k += 2;
        } else ranges.push([from, from]);
      }
      tokens.push({ kind: 'class', negated, ranges });
      i = close;
    } else tokens.push({ kind: 'char', c });
  }
  return tokens;
}

function tokenMatches(token: Token, c: string): boolean {
  switch (token.kind) {
    case 'char':
      return token.c === c;
    case 'one':
      return true;
    case 'class':
      return token.ranges.some(([a, b]) => c >= a && c <= b) !== token.negated;
    case 'star':
      return false;
  }
}

/**
 * The two-pointer wildcard match: on a mismatch, only the last star seen is widened by one, never an earlier one
 * (an earlier star's choice cannot matter once a later star matched), so the work is O(text × pattern).
 */
/**
 * Greedy matching with backtracking to the last star only: each star is retried at most once per later position, so
 * matching is O(pattern × text) whatever the pattern (no exponential blow-up on `*a*a*a…b`). Used for characters
 * within a segment and, one level up, for path segments with `**` as the star.
 */
function matchWithStars<P, T>(pattern: readonly P[], items: readonly T[], isStar: (p: P) => boolean, matches: (p: P, t: T) => boolean): boolean {
  let t = 0;
  let p = 0;
  let starP = -1;
  let starT = 0;
  while (t < items.length) {
    const part = pattern[p];
    if (part !== undefined && !isStar(part) && matches(part, items[t] as T)) {
      t++;
      p++;
    } else if (part !== undefined && isStar(part)) {
      starP = p++;
      starT = t;
    } else if (starP !== -1) {
      p = starP + 1;
      t = ++starT;
    } else return false;
  }
  while (pattern[p] !== undefined && isStar(pattern[p] as P)) p++;
  return p === pattern.length;
}

function matchTokens(tokens: readonly Token[], text: string): boolean {
  return matchWithStars(tokens, text.split(''), (token) => token.kind === 'star', tokenMatches);
}

/** The same algorithm one level up: `**` is the star, a segment pattern matches exactly one path segment. */
function matchSegments(segments: readonly Segment[], parts: readonly string[]): boolean {
  return matchWithStars(
    segments,
    parts,
    (segment) => segment.kind === 'globstar',
    (segment, part) => segment.kind === 'segment' && matchTokens(segment.tokens, part),
  );
}
