// Brace matching inside template text (`${ ... }` in Terraform strings, `Fn::Sub` bodies), shared by the Terraform
// string reader and the rules' template reader so both agree on where an interpolation ends.

/** Offset just past the `}` that closes a brace opened before `from`, skipping nested braces and quoted strings. */
export function closingBrace(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return s.length;
}
