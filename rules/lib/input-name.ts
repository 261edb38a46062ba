// How a new parameter/variable that a fix declares is spelled in each syntax, so fix titles name what the edit writes.
import type { Family } from '../api';

/** `AllowedSshCidr` → `allowed_ssh_cidr`: Terraform spells inputs in snake_case. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** The input as a user sees it in that syntax: parameter `AllowedSshCidr`, or `var.allowed_ssh_cidr`. */
export function spellInput(name: string, family: Family): string {
  return family === 'terraform' ? `var.${snakeCase(name)}` : name;
}
