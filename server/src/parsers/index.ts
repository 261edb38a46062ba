// Detects a file's syntax and parses it into the neutral model: the only switch on format.
import type { IacDocument } from '../model/document';
import { parseCfnJson, parseCfnYaml } from './cloudformation';
import { initTerraformParser, parseTerraformHcl } from './terraform-hcl';
import { parseTerraformJson } from './terraform-json';

/** Loads the tree-sitter grammar; call once before parsing Terraform. `wasmDir` holds the .wasm files (default: resolved from node_modules, or next to the bundle). */
export async function initParsers(options: { wasmDir?: string } = {}): Promise<void> {
  await initTerraformParser(options.wasmDir);
}

/** File names the scanner and server consider at all; content decides whether a candidate is a template. */
export function isCandidatePath(path: string): boolean {
  return /\.(tf|tf\.json|ya?ml|json|template|cfn)$/i.test(path);
}

/**
 * Parses `text` according to its name and content. Terraform is recognised by extension; CloudFormation by
 * content (`AWSTemplateFormatVersion`, or `Resources` whose entries have `Type: AWS::...`), so Kubernetes
 * manifests, workflows or package.json yield `undefined`: not a template, no findings, no parse noise.
 */
export function parseDocument(uri: string, text: string): IacDocument | undefined {
  const lower = uri.toLowerCase();
  if (lower.endsWith('.tf')) return parseTerraformHcl(uri, text);
  if (lower.endsWith('.tf.json')) return parseTerraformJson(uri, text);
  if (/\.(ya?ml|json|template|cfn)$/.test(lower)) {
    // .template files are either syntax; JSON is a subset of YAML but its own parser gives JSON-precise errors.
    return looksLikeJson(text) ? parseCfnJson(uri, text) : parseCfnYaml(uri, text);
  }
  return undefined;
}

/** Whether a CloudFormation candidate is JSON (its first character is `{`); else it is read as YAML. */
export function looksLikeJson(text: string): boolean {
  const first = /^\uFEFF?\s*(\S)/.exec(text);
  return first?.[1] === '{';
}
