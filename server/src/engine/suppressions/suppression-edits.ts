// The edits that silence one finding for its resource: a `secure-iac-ignore` comment, or CloudFormation JSON Metadata.
import type { FixValue } from '../../../../rules/api';
import { writerFor } from '../../edits/index';
import type { TextEdit } from '../../edits/types';
import type { IacDocument } from '../../model/document';
import { entryOf, type IacNode } from '../../model/nodes';
import type { Finding } from '../types';

/** What the inserted suppression says until the user writes why the finding is acceptable. */
export const SUPPRESSION_REASON_PLACEHOLDER = 'TODO: reason';

/** The comment text (without the comment marker) that suppresses `ruleId` on the next line. */
export function suppressionComment(ruleId: string, reason = SUPPRESSION_REASON_PLACEHOLDER): string {
  return `secure-iac-ignore ${ruleId}: ${reason}`;
}

/**
 * Edits that suppress `finding` for its whole resource, or undefined where there is no place for one: a finding
 * without a resource, or Terraform JSON (no comments, no Metadata). YAML and HCL get a comment above the resource
 * header; CloudFormation JSON gets an entry in the resource's `Metadata.secure-iac.ignore` list.
 */
export function suppressionEdits(doc: IacDocument, finding: Finding, reason = SUPPRESSION_REASON_PLACEHOLDER): TextEdit[] | undefined {
  const resource = finding.resource && doc.resources.find((r) => r.address === finding.resource?.address);
  if (!resource) return undefined;
  const writer = writerFor(doc.format);
  if (writer.insertLineComment) return writer.insertLineComment(doc, resource.headerRange.start, suppressionComment(finding.ruleId, reason));
  if (doc.format !== 'cfn-json') return undefined;

  const entry: FixValue = { id: finding.ruleId, reason };
  const metadata = entryOf(resource.node, 'Metadata')?.value;
  if (!metadata) return writer.insertProperty(doc, resource.node, ['Metadata', 'secure-iac', 'ignore'], [entry]);
  if (metadata.kind !== 'map') return undefined; // e.g. Metadata is an intrinsic: not ours to rewrite
  const ours = entryOf(metadata, 'secure-iac')?.value;
  if (!ours) return writer.insertProperty(doc, metadata, ['secure-iac', 'ignore'], [entry]);
  if (ours.kind !== 'map') return undefined;
  const list = entryOf(ours, 'ignore')?.value;
  if (!list) return writer.insertProperty(doc, ours, ['ignore'], [entry]);
  if (list.kind !== 'list') return undefined;
  // The writers have no "append to list", so the (small, ours) ignore list is rewritten with the entry added.
  const items = list.items.map(plainValue);
  if (items.some((i) => i === undefined)) return undefined;
  return writer.replaceValue(doc, list, [...(items as FixValue[]), entry]);
}

/** A node of plain data as a FixValue; undefined when it holds anything a writer cannot spell back (intrinsics). */
function plainValue(node: IacNode): FixValue | undefined {
  switch (node.kind) {
    case 'scalar':
      return node.value === null ? undefined : node.value;
    case 'list': {
      const items = node.items.map(plainValue);
      return items.every((i) => i !== undefined) ? (items as FixValue[]) : undefined;
    }
    case 'map': {
      const out: Record<string, FixValue> = {};
      for (const e of node.entries) {
        const v = plainValue(e.value);
        if (v === undefined) return undefined;
        out[e.key] = v;
      }
      return out;
    }
    default:
      return undefined;
  }
}
