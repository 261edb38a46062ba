// When to start the language server: only once the workspace or an open document holds a CloudFormation template
// or Terraform file. VS Code activates the extension on YAML/JSON/Terraform (see package.json); the content
// sniff here keeps a workspace of package.json files and Kubernetes manifests from paying for a server.
import * as vscode from 'vscode';
import { isSniffableName, isTemplate, isTerraformName, looksLikeCloudFormation, SNIFF_BYTES, SNIFF_FILE_CAP } from './template-sniff';

const SKIP = '**/{node_modules,.git,.terraform,cdk.out,.aws-sam}/**';

/** Whether an open document is one Secure IaC checks (by name, or by language and content for untitled ones). */
export function isTemplateDocument(doc: vscode.TextDocument): boolean {
  const head = doc.getText(new vscode.Range(0, 0, 200, 0));
  if (isTemplate(doc.fileName, head)) return true;
  if (doc.languageId === 'terraform') return true;
  return (
    (doc.languageId === 'yaml' || doc.languageId === 'json') &&
    !isSniffableName(doc.fileName) &&
    !isTerraformName(doc.fileName) &&
    looksLikeCloudFormation(head)
  );
}

/** The first `SNIFF_BYTES` of a file, without reading the rest (a generated JSON file can be huge). */
async function headOf(uri: vscode.Uri): Promise<string> {
  if (uri.scheme === 'file') {
    const { open } = await import('node:fs/promises');
    const handle = await open(uri.fsPath, 'r');
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  }
  return Buffer.from(await vscode.workspace.fs.readFile(uri))
    .subarray(0, SNIFF_BYTES)
    .toString('utf8');
}

/**
 * Whether the workspace holds a Terraform file (by name) or, among its first `SNIFF_FILE_CAP` YAML/JSON/.template
 * files, a CloudFormation template (by the head of the file). Returns what it found, for the log.
 */
export async function findTemplateInWorkspace(): Promise<vscode.Uri | undefined> {
  const [tf] = await vscode.workspace.findFiles('**/*.{tf,tf.json}', SKIP, 1);
  if (tf) return tf;
  const candidates = await vscode.workspace.findFiles('**/*.{yaml,yml,json,template}', SKIP, SNIFF_FILE_CAP);
  for (const uri of candidates) {
    try {
      if (looksLikeCloudFormation(await headOf(uri))) return uri;
    } catch {
      // Unreadable (permissions, deleted meanwhile): not a reason to start.
    }
  }
  return undefined;
}
