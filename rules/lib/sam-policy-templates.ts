// SAM policy templates (`Policies: [{S3CrudPolicy: {BucketName: b}}]`) as the statements the SAM translator generates
// for them, from the table in rules/data/sam-policy-templates.json, so identity-policy rules judge them like inline
// documents. A template the table does not list stays unjudged (as a managed-policy name does).
import table from '../data/sam-policy-templates.json';
import { UNKNOWN } from './unknown';

interface TemplateEntry {
  parameters: string[];
  statements: { Action: string[]; Resource: string[] }[];
}

const TEMPLATES: Readonly<Record<string, TemplateEntry>> = table.templates;

/** The template names the table knows (for tests and docs). */
export const SAM_POLICY_TEMPLATE_NAMES: readonly string[] = Object.keys(TEMPLATES);

/**
 * The policy document a SAM `Policies` item that is a policy template stands for (`{Name: {Param: value}}`), or
 * undefined when the item is not one the table knows. A resource built from a parameter whose value is not a literal
 * string is UNKNOWN: the rules judge the actions and leave that resource unresolved, never guessed.
 */
export function expandPolicyTemplate(item: unknown): { Statement: Record<string, unknown>[] } | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const keys = Object.keys(item);
  if (keys.length !== 1) return undefined;
  const name = keys[0] as string;
  const template = Object.hasOwn(TEMPLATES, name) ? TEMPLATES[name] : undefined;
  if (!template) return undefined;
  const given = (item as Record<string, unknown>)[name];
  const args = typeof given === 'object' && given !== null && !Array.isArray(given) ? (given as Record<string, unknown>) : {};
  const fill = (resource: string): unknown => {
    let known = true;
    const text = resource.replace(/\$\{(\w+)\}/g, (whole, param: string) => {
      if (!template.parameters.includes(param)) return whole; // a pseudo parameter such as ${AWS::Region} stays text
      const value = args[param];
      if (typeof value !== 'string') known = false;
      return typeof value === 'string' ? value : whole;
    });
    return known ? text : UNKNOWN;
  };
  return { Statement: template.statements.map((s) => ({ Effect: 'Allow', Action: [...s.Action], Resource: s.Resource.map(fill) })) };
}
