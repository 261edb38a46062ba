// Re-converts a JSON template being edited one resource at a time: jsonc-parser has no incremental mode, and turning
// a 10,000-line template into the model on every keystroke costs most of the keystroke. When an edit lies strictly
// inside one resource's `{ ... }` and that resource's new text is on its own a complete, error-free JSON object, the
// whole template parses to the previous tree with that resource replaced and everything after it moved: JSON has no
// context beyond brackets and strings, and the brackets around the resource (and so every string outside it) are
// where they were. Anything else (an edit touching the braces, a resource that stops parsing, a template that had
// errors) takes the whole parse.
import type { MapEntry, MapNode } from '../model/nodes';
import { shiftEntry, shiftNode } from '../model/shift';
import { convertJson, type JsonConversion } from './cfn-json';
import { diffSpan } from './text-change';

/** The conversion of successive versions of one JSON template; `convert(text)` equals `convertJson(text)`. */
export class JsonSplice {
  private previous: { text: string; root: MapNode } | undefined;
  /** Whether the last `convert` replaced one resource rather than parsing the whole text (tests read it). */
  lastSpliced = false;

  convert(text: string): JsonConversion {
    const spliced = this.previous ? splice(this.previous.text, this.previous.root, text) : undefined;
    this.lastSpliced = spliced !== undefined;
    const out = spliced ?? convertJson(text);
    // Only an error-free map is a base for the next version: errors depend on the whole text.
    this.previous = out.errors.length === 0 && out.root?.kind === 'map' ? { text, root: out.root } : undefined;
    return out;
  }
}

function splice(before: string, root: MapNode, after: string): JsonConversion | undefined {
  const change = diffSpan(before, after);
  const delta = change.newEnd - change.oldEnd;
  const resourcesAt = root.entries.findIndex((e) => e.key === 'Resources');
  const resourcesEntry = root.entries[resourcesAt];
  const resources = resourcesEntry?.value;
  if (!resourcesEntry || resources?.kind !== 'map') return undefined;
  // Strictly inside the braces: the opening `{` stays before the change and the closing `}` after it.
  const inside = (m: MapNode) => m.range.start < change.start && change.oldEnd < m.range.end;
  const at = resources.entries.findIndex((e) => e.value.kind === 'map' && inside(e.value));
  const edited = resources.entries[at];
  if (!edited) return undefined;
  const old = edited.value as MapNode;
  const slice = after.slice(old.range.start, old.range.end + delta);
  const part = convertJson(slice);
  if (part.errors.length > 0 || part.root?.kind !== 'map' || part.root.range.start !== 0 || part.root.range.end !== slice.length) return undefined;

  const grow = (r: { start: number; end: number }) => ({ start: r.start, end: r.end + delta });
  const moved = (entries: readonly MapEntry[], index: number, replace: (e: MapEntry) => MapEntry) =>
    entries.map((e, i) => (i < index ? e : i === index ? replace(e) : shiftEntry(e, delta)));
  const newResources: MapNode = {
    ...resources,
    range: grow(resources.range),
    entries: moved(resources.entries, at, (e) => ({ ...e, value: shiftNode(part.root as MapNode, old.range.start), range: grow(e.range) })),
  };
  const newRoot: MapNode = {
    ...root,
    range: grow(root.range),
    entries: moved(root.entries, resourcesAt, (e) => ({ ...e, value: newResources, range: grow(e.range) })),
  };
  return { root: newRoot, errors: [] };
}
