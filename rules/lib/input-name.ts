// How a new parameter/variable that a fix declares is spelled in each syntax, so fix titles name what the edit writes.
import type { Family } from '../api';

/** `AllowedSshCidr` → `allowed_ssh_cidr`: Terraform spells inputs in snake_case. */
export function snakeCase(name: string): string {
  // One pass, not `/([A-Z]+)([A-Z][a-z])/g`, which backtracks quadratically over a long run of capitals.
  const upper = (c: string | undefined) => c !== undefined && c >= 'A' && c <= 'Z';
  const lowerOrDigit = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
  const lower = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i] as string;
    // `dbPassword` → `db_Password`; `HTTPServer` → `HTTP_Server` (a capital run ends before a capitalised word).
    if (i > 0 && upper(c) && (lowerOrDigit(name[i - 1]) || (upper(name[i - 1]) && lower(name[i + 1])))) out += '_';
    out += c;
  }
  return out.toLowerCase();
}

/** The input as a user sees it in that syntax: parameter `AllowedSshCidr`, or `var.allowed_ssh_cidr`. */
export function spellInput(name: string, family: Family): string {
  return family === 'terraform' ? `var.${snakeCase(name)}` : name;
}
