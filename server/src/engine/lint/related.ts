// Where the value behind a finding is written, when the finding points elsewhere (at the reference that reads it).
import type { IacNode, SourceRange } from '../../model/nodes';
import { positionAt } from '../positions';
import type { Scope, ScopeFile } from '../scope/scope';
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
  if (at.viaGlobals && at.site) return globalsOrigin(scope, at, at.site);
  const judged = at.borrowedFrom ? at.site : at.isReference() ? at.node : undefined;
  if (!judged) return [];
  // The judged node was reached through this input's value, so the check already depends on it; recorded anyway.
  const found = scope.findInput((input) => input.default !== undefined && contains(input.default, judged));
  return found ? [origin(scope, found.file, found.input.name, judged.range)] : [];
}

/** SAM: the Globals line a resource's value is written on (the finding itself is on the resource). */
function globalsOrigin(scope: Scope, at: View, site: IacNode): RelatedLocation[] {
  const resource = at.ctx.resource;
  const file = scope.fileOfResource(resource);
  if (!file) return [];
  const starts = file.lineStarts;
  const section = resource.type.replace('AWS::Serverless::', '');
  return [
    {
      uri: file.uri,
      range: site.range,
      start: positionAt(starts, site.range.start),
      end: positionAt(starts, site.range.end),
      message: `The value comes from Globals.${section}.`,
    },
  ];
}

function origin(scope: Scope, file: ScopeFile, name: string, range: SourceRange): RelatedLocation {
  const label = scope.family === 'terraform' ? `variable "${name}"` : `parameter ${name}`;
  const starts = file.lineStarts;
  return {
    uri: file.uri,
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

/** The related places a rule names in its report (`ReportSpec.related`), in whichever document of the scope holds them. */
export function reportedLocations(scope: Scope, related: readonly { at: unknown; message: string }[] | undefined): RelatedLocation[] {
  return (related ?? []).flatMap(({ at, message }) => {
    const view = at as View;
    const file = scope.fileOfResource(view.ctx.resource);
    if (!file) return [];
    const starts = file.lineStarts;
    return [{ uri: file.uri, range: view.range, start: positionAt(starts, view.range.start), end: positionAt(starts, view.range.end), message }];
  });
}
