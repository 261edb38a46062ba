// Where the value behind a finding is written, when the finding points elsewhere (at the reference that reads it).
import type { IacDocument } from '../../model/document';
import type { IacNode, SourceRange } from '../../model/nodes';
import { lineStartsOf, positionAt } from '../positions';
import type { Scope } from '../scope/scope';
import type { View } from './views';

/** A second location that explains a finding: editors show it as related information, reports list it. */
export interface RelatedLocation {
  uri: string;
  range: SourceRange;
  /** Zero-based line/character of `range`, computed here because the location is often in another file of the module. */
  start: { line: number; character: number };
  end: { line: number; character: number };
  message: string;
}

/**
 * The parameter/variable default a reported value was resolved from. A finding is reported at the reference
 * (`!Ref DbPassword`, `var.db_password`), where the user reads the resource, but the value that decided it is in the
 * input's default, often far away or in another file of the module: that place is what the user must change.
 * Parameter-file / tfvars overrides are not documents of the scope, so a value from one yields nothing.
 */
export function relatedLocations(scope: Scope, at: View): RelatedLocation[] {
  const judged = at.borrowedFrom ? at.site : at.isReference() ? at.node : undefined;
  if (!judged) return [];
  // The judged node was reached through this input's value, so the check already depends on it; recorded anyway.
  const found = scope.findInput((input) => input.default !== undefined && contains(input.default, judged));
  return found ? [origin(found.doc, found.input.name, judged.range)] : [];
}

function origin(doc: IacDocument, name: string, range: SourceRange): RelatedLocation {
  const label = doc.family === 'terraform' ? `variable "${name}"` : `parameter ${name}`;
  const starts = lineStartsOf(doc);
  return {
    uri: doc.uri,
    range,
    start: positionAt(starts, range.start),
    end: positionAt(starts, range.end),
    message: `The value comes from the default of ${label}.`,
  };
}

/** Whether `node` is `root` or lies inside it, by identity (ranges of different documents may coincide). */
function contains(root: IacNode, node: IacNode): boolean {
  if (root === node) return true;
  if (node.range.start < root.range.start || node.range.end > root.range.end) return false;
  switch (root.kind) {
    case 'map':
      return root.entries.some((e) => contains(e.value, node));
    case 'list':
      return root.items.some((i) => contains(i, node));
    case 'call':
      return root.args.some((a) => contains(a, node));
    default:
      return false;
  }
}
