// Re-parses a YAML template being edited resource by resource: `yaml` cannot parse incrementally, and a full parse
// of a large template costs more than a keystroke may. The template is cut at the entries of its `Resources` section;
// each entry, and the rest of the template (without the section; its ranges are moved back after it), is parsed
// on its own and kept by its text, so an edit re-parses only the entry it touched. Anything outside the plain shape this
// relies on (anchors and aliases, several documents, tabs, syntax errors, duplicate names...) takes the full parse.
import type { MapEntry, MapNode, SourceRange } from '../model/nodes';
import { shiftEntry } from '../model/shift';
import { convertYaml, type YamlConversion } from './cfn-yaml';

/** A parse kept from the previous version: the tree at offset 0 of the text it was parsed from. */
interface Piece {
  root: MapNode;
  /** The piece's single entry moved to where it stood in the last version: reused while it stays there. */
  placed?: { at: number; entry: MapEntry };
}

/** `Resources:` at the top level, with nothing after it on the line but a comment. */
const RESOURCES_LINE = /^Resources:[ ]*(#.*)?$/gm;
/** A resource entry's first line at the section's indentation: a plain logical id, then `:` and a value or a comment. */
const ENTRY_LINE = /^( +)([A-Za-z0-9]+):(?:[ ]+.*)?$/;
/**
 * What the piecewise parse does not model: anchors and aliases (an expansion limit counts across the whole file),
 * document markers and directives (a leading `---` aside), tabs, a BOM, a CR that is not part of CRLF.
 */
const UNSUPPORTED = /[\t\uFEFF]|\r(?!\n)|(^|[\s[{,])[&*][^\s*&,[\]{}]|\n(---|\.\.\.|%)|^(\.\.\.|%)/;

/** The conversion of successive versions of one template; `convert(text)` equals `convertYaml(text)`. */
export class YamlPieces {
  private kept = new Map<string, Piece>();
  /** Pieces the last `convert` had to parse; undefined when it parsed the whole text (tests and benchmarks read it). */
  lastParsed: number | undefined;

  convert(text: string): YamlConversion {
    const next = new Map<string, Piece>();
    this.lastParsed = 0;
    const piecewise = this.piecewise(text, next);
    if (!piecewise) this.lastParsed = undefined;
    const out = piecewise ?? convertYaml(text);
    // Only the pieces of the latest version are kept: memory stays proportional to one template.
    this.kept = next;
    return out;
  }

  private piecewise(text: string, next: Map<string, Piece>): YamlConversion | undefined {
    if (UNSUPPORTED.test(text)) return undefined;
    const section = resourcesSection(text);
    if (!section) return undefined;
    // The rest of the template without the section: unchanged by edits inside resources, whatever their length.
    const skeleton = this.piece(text.slice(0, section.start) + text.slice(section.end), next);
    const removed = section.end - section.start;
    if (!skeleton) return undefined;
    // A top-level entry without a key is placed at the start of the whole map, which moving ranges would break.
    if (skeleton.entries.some((e) => e.keyRange.start === e.keyRange.end)) return undefined;
    const resourcesEntry = skeleton.entries.find((e) => e.key === 'Resources');
    if (!resourcesEntry || resourcesEntry.value.kind !== 'scalar' || resourcesEntry.value.value !== null) return undefined;
    const entries: MapEntry[] = [];
    const names = new Set<string>();
    for (const chunk of section.chunks) {
      const piece = this.pieceOf(text.slice(chunk.start, chunk.end), next);
      const entry = piece?.root.entries.length === 1 ? piece.root.entries[0] : undefined;
      // A duplicate logical id is an error only the whole parse reports.
      if (!piece || !entry || names.has(entry.key)) return undefined;
      names.add(entry.key);
      // Resources above the edit stay where they were: their moved copy from the last version serves again.
      if (piece.placed?.at !== chunk.start) piece.placed = { at: chunk.start, entry: shiftEntry(entry, chunk.start) };
      entries.push(piece.placed.entry);
    }
    if (entries.length === 0) return undefined;
    const first = entries[0] as MapEntry;
    const end = Math.max(...entries.map((e) => e.range.end));
    const resources: MapNode = { kind: 'map', entries, style: 'block', range: { start: first.range.start, end } };
    const rootEntries = skeleton.entries.map((e) =>
      e === resourcesEntry
        ? { ...e, value: resources, range: { start: e.keyRange.start, end: Math.max(end, e.keyRange.end) } }
        : shiftEntry(e, e.keyRange.start >= section.start ? removed : 0),
    );
    const rootEnd = Math.max(...rootEntries.map((e) => e.range.end));
    return { root: { ...skeleton, entries: rootEntries, range: { start: skeleton.range.start, end: rootEnd } }, errors: [] };
  }

  /** The block map parsed from `text` (kept or parsed now), or undefined when it is anything else or has errors. */
  private piece(text: string, next: Map<string, Piece>): MapNode | undefined {
    return this.pieceOf(text, next)?.root;
  }

  private pieceOf(text: string, next: Map<string, Piece>): Piece | undefined {
    let piece = next.get(text) ?? this.kept.get(text);
    if (!piece) {
      if (this.lastParsed !== undefined) this.lastParsed++;
      const { root, errors } = convertYaml(text);
      if (errors.length > 0 || root?.kind !== 'map' || root.style !== 'block') return undefined;
      piece = { root };
    }
    next.set(text, piece);
    return piece;
  }
}

interface Section {
  /** Start of the line after `Resources:`. */
  start: number;
  /** Start of the next top-level line (or the end of the text). */
  end: number;
  /** Each resource entry: from its first line to the next entry's (comments and blank lines in between included). */
  chunks: SourceRange[];
}

/** The `Resources` section and its entries, when the section is a plain block map of plain logical ids. */
function resourcesSection(text: string): Section | undefined {
  RESOURCES_LINE.lastIndex = 0;
  const header = RESOURCES_LINE.exec(text);
  if (!header || RESOURCES_LINE.exec(text)) return undefined; // absent, or twice (a duplicate key)
  const lineEnd = text.indexOf('\n', header.index);
  if (lineEnd < 0) return undefined;
  const start = lineEnd + 1;
  let indent: number | undefined;
  const chunks: SourceRange[] = [];
  let at = start;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl + 1;
    const line = text.slice(at, nl < 0 ? text.length : nl).replace(/\r$/, '');
    const content = line.trimStart();
    if (content !== '' && !content.startsWith('#')) {
      const lineIndent = line.length - content.length;
      if (lineIndent === 0) break; // the next top-level key
      indent ??= lineIndent;
      if (lineIndent < indent) return undefined;
      if (lineIndent === indent) {
        if (!ENTRY_LINE.test(line)) return undefined;
        const previous = chunks[chunks.length - 1];
        if (previous) previous.end = at;
        chunks.push({ start: at, end });
      }
    }
    at = end;
  }
  const first = chunks[0];
  const last = chunks[chunks.length - 1];
  if (!first || !last) return undefined;
  first.start = start; // comments and blank lines before the first entry go with it
  last.end = at;
  return { start, end: at, chunks };
}
