// Detects a file's syntax and parses it into the neutral model: the only switch on format.
import type { IacDocument } from '../model/document';
import type { JsonConversion } from './cfn-json';
import type { YamlConversion } from './cfn-yaml';
import { parseCfnJson, parseCfnYaml } from './cloudformation';
import { parseTerraformHcl } from './terraform-hcl';
import { parseTerraformJson } from './terraform-json';

/**
 * Readies the parsers. Every parser is plain TypeScript now (Terraform's included: ./hcl/), so there is nothing to
 * load; callers keep awaiting this so a parser that needs loading can come back without touching them.
 */
export async function initParsers(): Promise<void> {
  // Nothing to load.
}

/** File names the scanner and server consider at all; content decides whether a candidate is a template. */
export function isCandidatePath(path: string): boolean {
  return /\.(tf|tf\.json|ya?ml|json|template|cfn)$/i.test(path);
}

/**
 * Stand-ins for the plain parse of one syntax, each giving the same result as the one it replaces: the incremental
 * parser passes ones that reuse the previous version's work, so this stays the only switch on format.
 */
export interface SyntaxParsers {
  cfnYaml?: (text: string) => YamlConversion;
  cfnJson?: (text: string) => JsonConversion;
  /** A `.tf` file (the result of `parseTerraformHcl(uri, text)`). */
  tfHcl?: (text: string) => IacDocument;
}

/**
 * Parses `text` according to its name and content. Terraform is recognised by extension; CloudFormation by
 * content (`AWSTemplateFormatVersion`, or `Resources` whose entries have `Type: AWS::...`), so Kubernetes
 * manifests, workflows or package.json yield `undefined`: not a template, no findings, no parse noise.
 */
export function parseDocument(uri: string, text: string, parsers: SyntaxParsers = {}): IacDocument | undefined {
  const lower = uri.toLowerCase();
  if (lower.endsWith('.tf')) return parsers.tfHcl ? parsers.tfHcl(text) : parseTerraformHcl(uri, text);
  if (lower.endsWith('.tf.json')) return parseTerraformJson(uri, text);
  if (/\.(ya?ml|json|template|cfn)$/.test(lower)) {
    // .template files are either syntax; JSON is a subset of YAML but its own parser gives JSON-precise errors.
    return looksLikeJson(text) ? parseCfnJson(uri, text, parsers.cfnJson) : parseCfnYaml(uri, text, parsers.cfnYaml);
  }
  return undefined;
}

/** Whether a CloudFormation candidate is JSON (its first character is `{`); else it is read as YAML. */
export function looksLikeJson(text: string): boolean {
  const first = /^\uFEFF?\s*(\S)/.exec(text);
  return first?.[1] === '{';
}
