// Reads CloudFormation Metadata suppressions: ours, Checkov, cfn_nag and cfn-lint, per resource and template-wide.
import type { IacDocument, ResourceNode } from '../../model/document';
import { entryOf, type IacNode, type MapNode } from '../../model/nodes';
import { withDate, type Directive } from './suppress-directive';

/** The node at `path` of nested maps, or undefined. */
function at(node: IacNode | undefined, ...path: string[]): IacNode | undefined {
  let cur = node;
  for (const key of path) cur = cur?.kind === 'map' ? entryOf(cur, key)?.value : undefined;
  return cur;
}

function text(node: IacNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value).trim() : undefined;
}

function items(node: IacNode | undefined): IacNode[] {
  return node?.kind === 'list' ? node.items : [];
}

type Scope = { scope: 'resource'; resourceAddress: string } | { scope: 'file' };

/** `secure-iac: { ignore: [{ id, reason, until? }] }`. */
function ours(metadata: IacNode | undefined, where: Scope): Directive[] {
  return items(at(metadata, 'secure-iac', 'ignore')).flatMap((item): Directive[] => {
    const id = text(at(item, 'id'));
    if (id === undefined) return [];
    const until = at(item, 'until');
    const d: Directive = {
      source: 'secure-iac',
      kind: 'metadata',
      ids: [id],
      reason: text(at(item, 'reason')) ?? '',
      range: item.range,
      ...where,
      text: `id: ${id}`,
    };
    return [withDate(d, until ? (text(until) ?? '') : undefined)];
  });
}

/** Checkov `checkov: { skip: [{ id, comment }] }` and cfn_nag `cfn_nag: { rules_to_suppress: [{ id, reason }] }`. */
function listed(metadata: IacNode | undefined, where: Scope, source: 'checkov' | 'cfn_nag', path: string[], reasonKey: string): Directive[] {
  return items(at(metadata, ...path)).flatMap((item): Directive[] => {
    const id = text(at(item, 'id')) ?? text(item);
    if (id === undefined) return [];
    return [{ source, kind: 'metadata', ids: [id], reason: text(at(item, reasonKey)) ?? '', range: item.range, ...where, text: `${source} ${id}` }];
  });
}

/** cfn-lint `cfn-lint: { config: { ignore_checks: [E3012, ...] } }`; ids that map to none of our rules are cfn-lint's business. */
function cfnLint(metadata: IacNode | undefined, where: Scope): Directive[] {
  return items(at(metadata, 'cfn-lint', 'config', 'ignore_checks')).flatMap((item): Directive[] => {
    const id = text(item);
    return id === undefined
      ? []
      : [{ source: 'cfn-lint', kind: 'metadata', ids: [id], reason: '', range: item.range, ...where, text: `cfn-lint ignore_checks ${id}` }];
  });
}

function fromMetadata(metadata: IacNode | undefined, where: Scope): Directive[] {
  if (metadata?.kind !== 'map') return [];
  return [
    ...ours(metadata, where),
    ...listed(metadata, where, 'checkov', ['checkov', 'skip'], 'comment'),
    ...listed(metadata, where, 'cfn_nag', ['cfn_nag', 'rules_to_suppress'], 'reason'),
    ...cfnLint(metadata, where),
  ];
}

/**
 * Metadata suppressions of a CloudFormation document. Resource `Metadata` covers that resource; the template's
 * top-level `Metadata` covers the file for ours and cfn-lint (the only file-level form a JSON template can have).
 */
export function metadataDirectives(doc: IacDocument): Directive[] {
  if (doc.family !== 'cloudformation') return [];
  const out: Directive[] = [];
  const root: MapNode | undefined = doc.root;
  const top = root ? entryOf(root, 'Metadata')?.value : undefined;
  if (top?.kind === 'map') out.push(...ours(top, { scope: 'file' }), ...cfnLint(top, { scope: 'file' }));
  for (const r of doc.resources) out.push(...resourceDirectives(r));
  return out;
}

function resourceDirectives(resource: ResourceNode): Directive[] {
  if (resource.kind !== 'resource') return [];
  return fromMetadata(entryOf(resource.node, 'Metadata')?.value, { scope: 'resource', resourceAddress: resource.address });
}
