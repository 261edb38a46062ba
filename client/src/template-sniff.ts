// Whether a file is a CloudFormation template or Terraform, from its name and first few KB: decides if the
// language server starts at all (no vscode import, so it is unit-tested on its own).

/** How much of a YAML/JSON file the sniff reads: template markers sit in the first lines. */
export const SNIFF_BYTES = 4096;

/** How many YAML/JSON files of a workspace are sniffed at activation before giving up (a cheap check, not a scan). */
export const SNIFF_FILE_CAP = 200;

/** Terraform by name alone: `.tf` and `.tf.json`. */
export function isTerraformName(fileName: string): boolean {
  return /\.tf(\.json)?$/i.test(fileName);
}

/** Files worth a content sniff: YAML, JSON and `.template` (CloudFormation's own habit). */
export function isSniffableName(fileName: string): boolean {
  return /\.(ya?ml|json|template)$/i.test(fileName) && !isTerraformName(fileName);
}

/**
 * CloudFormation (and SAM) markers in the head of a file: the format version key, a resource `Type: AWS::…` in
 * YAML or JSON, or SAM's transform. A `package.json` or a Kubernetes manifest has none of them.
 */
const MARKERS = [
  /(^|[\s{,"])"?AWSTemplateFormatVersion"?\s*:/m,
  /^\s*Type\s*:\s*["']?AWS::/m,
  /"Type"\s*:\s*"AWS::/,
  /^\s*Transform\s*:\s*["']?AWS::Serverless/m,
];

/** Whether `head` (the start of a YAML/JSON file) reads as a CloudFormation template. */
export function looksLikeCloudFormation(head: string): boolean {
  const text = head.length > SNIFF_BYTES ? head.slice(0, SNIFF_BYTES) : head;
  return MARKERS.some((m) => m.test(text));
}

/** Whether a document (name and text) is something Secure IaC checks. */
export function isTemplate(fileName: string, text: string): boolean {
  if (isTerraformName(fileName)) return true;
  return isSniffableName(fileName) && looksLikeCloudFormation(text);
}
