// Where a finding inside a called module is reported: at the caller's argument when a value the caller passed
// decides it, else in the module itself; in both cases with the call chain that deploys it.
import type { IacDocument, ResourceNode } from '../../model/document';
import type { SourceRange } from '../../model/nodes';
import type { RelatedLocation } from '../lint/related';
import type { View } from '../lint/views';
import { lineStartsOf, positionAt } from '../positions';
import { originOf, type ModuleInstance } from './module-graph';

export interface ModulePlace {
  /** Set when the caller's argument decides: the document the finding (and its fix) moves to. */
  caller?: IacDocument;
  uri?: string;
  range?: SourceRange;
  /** The full Terraform address (`module.db.aws_db_instance.this`, with `[0]` / `["key"]` when known), or `Db/Database`. */
  address: string;
  /** Moved to a caller: the module block there that leads to the resource (JSON reports its lines). */
  resource?: { range: SourceRange; headerRange: SourceRange };
  /** `module.db → aws_db_instance.this`. */
  chainLabel: string;
  related: RelatedLocation[];
}

export function relatedAt(doc: IacDocument, range: SourceRange, message: string): RelatedLocation {
  const starts = lineStartsOf(doc);
  return { uri: doc.uri, range, start: positionAt(starts, range.start), end: positionAt(starts, range.end), message };
}

/** Per instance and resource: the chain label, and the related location naming the chain (asked for every finding). */
const chainTexts = new WeakMap<ModuleInstance, Map<ResourceNode, { label: string; location?: RelatedLocation | null }>>();

function chainText(instance: ModuleInstance, resource: ResourceNode): { label: string; location?: RelatedLocation | null } {
  let byResource = chainTexts.get(instance);
  if (!byResource) chainTexts.set(instance, (byResource = new Map()));
  let text = byResource.get(resource);
  if (!text) {
    // Nested CloudFormation stacks name the resource type too: a logical id alone does not say what the resource is,
    // as a Terraform address does (`Stack App → Stack Db → AWS::RDS::DBInstance Database`).
    const last = instance.family === 'cloudformation' ? `${resource.type} ${resource.address}` : resource.address;
    byResource.set(resource, (text = { label: [...instance.chain.map((s) => s.label ?? `module.${s.name}${s.key}`), last].join(' → ') }));
  }
  return text;
}

/** The call chain of an instance as messages name it: `module.app → module.db → aws_db_instance.this`. */
export function chainLabel(instance: ModuleInstance, resource: ResourceNode): string {
  return chainText(instance, resource).label;
}

/** A resource's address in a module instance: `module.db.aws_db_instance.this`, or `App/Db/Database` in nested stacks. */
export function addressIn(instance: ModuleInstance, resource: ResourceNode): string {
  return `${instance.address}${instance.family === 'cloudformation' ? '/' : '.'}${resource.address}`;
}

export function placeInModule(instance: ModuleInstance, doc: IacDocument, resource: ResourceNode, at: View): ModulePlace {
  const address = addressIn(instance, resource);
  const label = chainLabel(instance, resource);
  const origin = originOf(at.node);
  if (origin) {
    const step = instance.chain.find((s) => s.doc === origin.doc);
    return {
      resource: step && { range: step.block, headerRange: step.range },
      caller: origin.doc,
      uri: origin.doc.uri,
      range: origin.node.range,
      address,
      chainLabel: label,
      related: [
        relatedAt(doc, at.range, `${address} uses this value here.`),
        ...instance.chain.map((s) => relatedAt(s.doc, s.range, `Called as ${label}.`)).slice(-1),
      ],
    };
  }
  const chain = chainLocation(instance, resource);
  return { address, chainLabel: label, related: chain ? [chain] : [] };
}

/** The related location that names the chain deploying a module's own finding: the call of the module. */
export function chainLocation(instance: ModuleInstance, resource: ResourceNode): RelatedLocation | undefined {
  const text = chainText(instance, resource);
  if (text.location === undefined) {
    const last = instance.chain.at(-1);
    text.location = last ? relatedAt(last.doc, last.range, `Deployed through ${text.label}.`) : null;
  }
  return text.location ?? undefined;
}

export function isChainLocation(r: RelatedLocation, instance: ModuleInstance, resource: ResourceNode): boolean {
  const last = instance.chain.at(-1);
  return (
    last !== undefined &&
    r.uri === last.uri &&
    r.range.start === last.range.start &&
    r.message === `Deployed through ${chainLabel(instance, resource)}.`
  );
}
