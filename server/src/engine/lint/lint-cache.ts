// Reuses a rule's findings for a resource from the previous lint of the same buffer when nothing the check read has
// changed: the language server lints on every keystroke, and a keystroke changes one resource out of hundreds.
//
// Why the reuse is exact. A check sees its own resource and, through the scope and rule context, only what they
// hand out; every such accessor records a typed dependency (scope.ts: the documents are reachable only through
// those accessors, so a read cannot skip the record). Each dependency stands for a list of places in the text
// ("pieces": the declaration of input X, the resources of type T, the Mappings section, ...), worked out from the
// parsed documents. Between two versions of a text, the common prefix and suffix
// correspond character for character (diffSpan). A piece that lies wholly in them, whose old place maps onto the
// place the new parse gives it, has the same text and the same surroundings up to its line start, so it parses to
// the same tree shifted by a constant. A check whose resource and dependencies all passed that test therefore sees
// the same trees and reports the same findings, shifted; any offset that cannot be mapped makes it run again.
// Quick fixes are not kept: a reused finding's fixes come from running the check again on the new text, on demand.
import type { AnyRule } from '../../../../rules/define-rule';
import type { IacDocument, ResourceNode } from '../../model/document';
import type { IacNode, SourceRange } from '../../model/nodes';
import { entryOf } from '../../model/nodes';
import { diffSpan } from '../../parsers/text-change';
import { lineStartsOf, positionAt } from '../positions';
import type { Dependency, DependencyRecorder } from '../scope/scope';
import { unitTypeKey } from '../scope/units';
import type { EngineConfig, Finding } from '../types';

/** A place in one document's text, and what stands there (the same place may hold another resource later). */
interface Piece {
  uri: string;
  start: number;
  end: number;
  id: string;
}

/** A finding as stored: plain data without its fixes. */
type StoredFinding = Omit<Finding, 'fixes' | 'suppressed'>;

interface Entry {
  unit: Piece;
  dependencies: readonly Dependency[];
  findings: readonly StoredFinding[];
}

interface State {
  key: string;
  texts: ReadonlyMap<string, string>;
  /** By dependency key. */
  pieces: ReadonlyMap<string, readonly Piece[]>;
  /** By rule id, then unit key. */
  entries: ReadonlyMap<string, ReadonlyMap<string, Entry>>;
}

/** What decides every check beyond the documents: when it differs, nothing of the previous lint is reused. */
export interface CacheKeyInputs {
  rules: readonly AnyRule[];
  config: EngineConfig;
  inputValues?: ReadonlyMap<string, IacNode>;
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;
function identity(value: object | undefined): number {
  if (!value) return 0;
  let id = identities.get(value);
  if (id === undefined) identities.set(value, (id = nextIdentity++));
  return id;
}

/**
 * YAML aliases make a resource's tree depend on an anchor written elsewhere, which its text does not show; such
 * templates are linted from scratch. (A false alarm, e.g. `*` starting a plain scalar, only costs the reuse.)
 */
const YAML_ALIAS = /(^|[\s[{,])\*[^\s,[\]{}]/m;

/**
 * What else makes a YAML piece's tree depend on text outside it: directives (`%YAML 1.1` reads `yes` as true), document
 * markers after the start (`---` / `...` split the stream: which document a piece is in is not in its text), and
 * keep chomping (`|+`, `>+`: a block scalar ending a resource takes the blank lines after it, beyond the piece).
 * Such templates are linted from scratch too; a leading `---` alone is common and harmless.
 */
const YAML_DOCUMENT_CONTEXT = /^%|\n%|\n(---|\.\.\.)(?=[ \t\r\n]|$)|^\.\.\.|[|>](?:[1-9]?\+|\+[1-9]?)/;

/** One buffer's previous lint, kept by the language server per open document. */
export class LintCache {
  private state: State | undefined;
  /** Of the last lint: checks whose findings were reused, and checks that ran (tests and benchmarks read it). */
  readonly stats = { reused: 0, checked: 0 };

  /** Starts a lint of `documents` (the linted one first, then its module siblings). */
  begin(documents: readonly IacDocument[], inputs: CacheKeyInputs): LintSession | undefined {
    this.stats.reused = 0;
    this.stats.checked = 0;
    const doc = documents[0];
    if (!doc) return undefined;
    if (doc.format === 'cfn-yaml' && (YAML_ALIAS.test(doc.text) || YAML_DOCUMENT_CONTEXT.test(doc.text))) {
      this.state = undefined;
      return undefined;
    }
    const key = [
      doc.uri,
      doc.format,
      identity(inputs.rules),
      identity(inputs.inputValues),
      JSON.stringify(inputs.config),
      ...documents.map((d) => d.uri),
    ].join('\n');
    const previous = this.state?.key === key ? this.state : undefined;
    return new LintSession(key, documents, previous, this.stats, (state) => (this.state = state));
  }
}

/** Where a check's dependencies are collected while it runs, and its reusable results looked up. */
export class LintSession implements DependencyRecorder {
  private recording: Map<string, Dependency> | undefined;
  private readonly maps = new Map<string, ((r: SourceRange) => SourceRange | undefined) | undefined>();
  private readonly current = new Map<string, readonly Piece[]>();
  private readonly unchanged = new Map<string, boolean>();
  private readonly entries = new Map<string, Map<string, Entry>>();
  private readonly byUri: ReadonlyMap<string, IacDocument>;
  /** Per checked unit of this lint: its key (address and occurrence) and place, worked out once for every rule. */
  private readonly units = new Map<ResourceNode, { key: string; piece: Piece }>();
  /** Per place of a unit in the previous lint: whether the unit is at the same place now. */
  private readonly placed = new Map<Piece, boolean>();

  constructor(
    private readonly key: string,
    private readonly documents: readonly IacDocument[],
    private readonly previous: State | undefined,
    private readonly stats: LintCache['stats'],
    private readonly save: (state: State) => void,
  ) {
    this.byUri = new Map(documents.map((d) => [d.uri, d]));
  }

  /** The units the rules may check, in document order (duplicate addresses of a broken template told apart by order). */
  setUnits(units: readonly ResourceNode[]): void {
    const seen = new Map<string, number>();
    const doc = this.documents[0] as IacDocument;
    for (const unit of units) {
      const base = `${unit.kind}:${unit.address}`;
      const occurrence = seen.get(base) ?? 0;
      seen.set(base, occurrence + 1);
      // SAM: the resource's properties include its Globals section, so that text is part of what the unit is.
      const key = unit.globals ? `${base}#${occurrence}#${doc.text.slice(unit.globals.start, unit.globals.end)}` : `${base}#${occurrence}`;
      const range = { start: Math.min(unit.range.start, unit.headerRange.start), end: Math.max(unit.range.end, unit.headerRange.end) };
      this.units.set(unit, { key, piece: this.pieceOf(doc, range, key) });
    }
  }

  note(dependency: Dependency): void {
    this.recording?.set(dependency.key, dependency);
  }

  /** The findings of `rule` on `unit` from the previous lint, moved to the new text; undefined when it must run. */
  /** What the check of `rule` on `unit` read, as recorded in the previous lint (meaningful after `reuse` succeeded). */
  previousDependencies(rule: AnyRule, unit: ResourceNode): readonly Dependency[] | undefined {
    const now = this.units.get(unit);
    return now && this.previous?.entries.get(rule.id)?.get(now.key)?.dependencies;
  }

  reuse(rule: AnyRule, unit: ResourceNode): readonly StoredFinding[] | undefined {
    const now = this.units.get(unit);
    const entry = now && this.previous?.entries.get(rule.id)?.get(now.key);
    if (!now || !entry) return undefined;
    let placed = this.placed.get(entry.unit);
    if (placed === undefined) this.placed.set(entry.unit, (placed = this.samePlace(entry.unit, now.piece)));
    if (!placed) return undefined;
    if (!entry.dependencies.every((d) => this.dependencyUnchanged(d))) return undefined;
    let findings = entry.findings;
    if (findings.length > 0) {
      const moved: StoredFinding[] = [];
      for (const f of findings) {
        const m = this.move(f);
        if (!m) return undefined;
        moved.push(m);
      }
      findings = moved;
    }
    this.keep(rule, now.key, { unit: now.piece, dependencies: entry.dependencies, findings });
    this.stats.reused++;
    return findings;
  }

  /** Runs `check` while recording what it reads, and keeps its findings for the next lint. */
  record(rule: AnyRule, unit: ResourceNode, check: () => Finding[]): Finding[] {
    this.stats.checked++;
    const recording = new Map<string, Dependency>();
    this.recording = recording;
    let found: Finding[];
    try {
      found = check();
    } finally {
      this.recording = undefined;
    }
    // Kept only when the check returned: a rule that threw has no findings in this file at all.
    const now = this.units.get(unit);
    if (now) this.keep(rule, now.key, { unit: now.piece, dependencies: [...recording.values()], findings: found.map(stored) });
    return found;
  }

  private keep(rule: AnyRule, unitKey: string, entry: Entry): void {
    let byUnit = this.entries.get(rule.id);
    if (!byUnit) this.entries.set(rule.id, (byUnit = new Map()));
    byUnit.set(unitKey, entry);
  }

  /** Stores what this lint found, as the base of the next one. */
  finish(): void {
    const pieces = new Map<string, readonly Piece[]>();
    for (const byUnit of this.entries.values()) {
      for (const entry of byUnit.values()) {
        for (const d of entry.dependencies) {
          const now = pieces.has(d.key) ? undefined : this.piecesNow(d);
          if (now) pieces.set(d.key, now);
        }
      }
    }
    this.save({ key: this.key, texts: new Map(this.documents.map((d) => [d.uri, d.text])), pieces, entries: this.entries });
  }

  /** Where a piece of the previous text is now, or undefined when the edit touched it. */
  private map(uri: string, range: SourceRange): SourceRange | undefined {
    let map = this.maps.get(uri);
    if (!this.maps.has(uri)) {
      const before = this.previous?.texts.get(uri);
      const after = this.byUri.get(uri)?.text;
      map = before === undefined || after === undefined ? undefined : offsetMap(before, after);
      this.maps.set(uri, map);
    }
    return map?.(range);
  }

  private samePlace(old: Piece, now: Piece | undefined): boolean {
    if (!now || old.id !== now.id || old.uri !== now.uri) return false;
    const moved = this.map(old.uri, old);
    return moved !== undefined && moved.start === now.start && moved.end === now.end;
  }

  private dependencyUnchanged(dependency: Dependency): boolean {
    let same = this.unchanged.get(dependency.key);
    if (same === undefined) {
      const old = this.previous?.pieces.get(dependency.key);
      const now = this.piecesNow(dependency);
      same = old !== undefined && old.length === now.length && old.every((p, i) => this.samePlace(p, now[i]));
      this.unchanged.set(dependency.key, same);
    }
    return same;
  }

  private move(f: StoredFinding): StoredFinding | undefined {
    const range = this.map(f.uri, f.range);
    if (!range) return undefined;
    let resource: StoredFinding['resource'];
    if (f.resource) {
      const r = this.map(f.uri, f.resource.range);
      const h = this.map(f.uri, f.resource.headerRange);
      if (!r || !h) return undefined;
      resource = { address: f.resource.address, range: r, headerRange: h };
    }
    const same = (a: SourceRange, b: SourceRange) => a.start === b.start && a.end === b.end;
    // Unmoved (the edit is below it): the stored data serves as it is.
    if (
      same(range, f.range) &&
      (!f.resource || (resource && same(resource.range, f.resource.range) && same(resource.headerRange, f.resource.headerRange))) &&
      !f.related
    )
      return f;
    // Built field by field in `stored`'s shape: a spread with overrides and a `delete` cost several times as much
    // (the delete leaves a slow dictionary-mode object that every later read pays for), on every moved finding.
    const out: StoredFinding = { ruleId: f.ruleId, messageId: f.messageId, severity: f.severity, message: f.message, uri: f.uri, range };
    if (resource) out.resource = resource;
    if (f.related) {
      const related = [];
      for (const rel of f.related) {
        const r = this.map(rel.uri, rel.range);
        const doc = this.byUri.get(rel.uri);
        if (!r || !doc) return undefined;
        const starts = lineStartsOf(doc);
        related.push({ ...rel, range: r, start: positionAt(starts, r.start), end: positionAt(starts, r.end) });
      }
      out.related = related;
    }
    return out;
  }

  /** A range of `doc` from the start of its first line (indentation is part of a YAML node's meaning). */
  private pieceOf(doc: IacDocument, range: SourceRange, id: string): Piece {
    return pieceIn(doc, range, id);
  }

  private placedResources: { all: Piece[]; byType: Map<string, number[]> } | undefined;

  /**
   * Every resource of the linted documents with its place, in document order, and the positions in that order of
   * each type's. A module's other files are the same document objects from keystroke to keystroke, so their places
   * are worked out once per document (`documentPieces`); the index by type spares each `types` dependency a pass
   * over every resource of the module (a 50-file module has a thousand).
   */
  private resourcePieces(): { all: Piece[]; byType: Map<string, number[]> } {
    if (!this.placedResources) {
      const all: Piece[] = [];
      const byType = new Map<string, number[]>();
      for (const d of this.documents) {
        for (const r of documentPieces(d)) {
          let list = byType.get(r.typeKey);
          if (!list) byType.set(r.typeKey, (list = []));
          list.push(all.length);
          all.push(r.piece);
        }
      }
      this.placedResources = { all, byType };
    }
    return this.placedResources;
  }

  /** The places a dependency stands for in the current documents. */
  private piecesNow(dependency: Dependency): readonly Piece[] {
    let pieces = this.current.get(dependency.key);
    if (!pieces) this.current.set(dependency.key, (pieces = this.computePieces(dependency)));
    return pieces;
  }

  /** Every kind of dependency must be handled here: a kind added to the union without its pieces does not compile. */
  private computePieces(dependency: Dependency): readonly Piece[] {
    const docs = this.documents;
    switch (dependency.kind) {
      case 'input': {
        // The first declaration of the name, as the scope resolves it.
        const name = dependency.name;
        for (const d of docs) {
          const input = d.inputs.find((i) => i.name === name);
          if (input) return [this.pieceOf(d, input.range, name)];
        }
        return [];
      }
      case 'inputs':
        // Every declaration: which names exist.
        return docs.flatMap((d) => d.inputs.map((i) => this.pieceOf(d, i.range, i.name)));
      case 'local': {
        // The last entry of the name wins, as in the scope.
        const name = dependency.name;
        let found: Piece | undefined;
        for (const d of docs) {
          for (const b of d.blocks) {
            if (b.type !== 'locals') continue;
            for (const e of b.body.entries) if (e.key === name) found = this.pieceOf(d, { start: e.keyRange.start, end: e.value.range.end }, name);
          }
        }
        return found ? [found] : [];
      }
      case 'mappings': {
        const d = docs[0];
        const entry = d?.root ? entryOf(d.root, 'Mappings') : undefined;
        return d && entry ? [this.pieceOf(d, { start: entry.keyRange.start, end: entry.value.range.end }, 'Mappings')] : [];
      }
      case 'template': {
        // A top-level section of the template (SAM `Globals`) that a `~/` path read.
        const d = docs[0];
        const entry = d?.root ? entryOf(d.root, dependency.name) : undefined;
        return d && entry ? [this.pieceOf(d, { start: entry.keyRange.start, end: entry.value.range.end }, dependency.name)] : [];
      }
      case 'providers':
        return docs.flatMap((d) => d.blocks.filter((b) => b.type === 'provider').map((b) => this.pieceOf(d, b.range, b.labels.join('.'))));
      case 'resources':
        return this.resourcePieces().all;
      case 'types': {
        // Many rules depend on the resources of some types: the module's resources are placed once per lint, not per rule.
        const { all, byType } = this.resourcePieces();
        const at: number[] = [];
        for (const type of new Set(dependency.types)) at.push(...(byType.get(type) ?? []));
        if (dependency.types.length > 1) at.sort((a, b) => a - b);
        return at.map((i) => all[i] as Piece);
      }
      default: {
        const unknown: never = dependency;
        throw new Error(`no pieces for dependency ${JSON.stringify(unknown)}`);
      }
    }
  }
}

/** A document's resources with their places (a function of the document: models are immutable once parsed). */
const documentPiecesCache = new WeakMap<IacDocument, readonly { typeKey: string; piece: Piece }[]>();

function documentPieces(d: IacDocument): readonly { typeKey: string; piece: Piece }[] {
  let pieces = documentPiecesCache.get(d);
  if (!pieces) {
    pieces = d.resources.map((r) => ({ typeKey: unitTypeKey(r), piece: pieceIn(d, r.range, `${r.kind}:${r.address}`) }));
    documentPiecesCache.set(d, pieces);
  }
  return pieces;
}

/** A range of `doc` from the start of its first line (indentation is part of a YAML node's meaning). */
function pieceIn(doc: IacDocument, range: SourceRange, id: string): Piece {
  return { uri: doc.uri, start: doc.text.lastIndexOf('\n', range.start - 1) + 1, end: range.end, id };
}

/** The finding's data without its (lazy) fixes or suppression, copied so later mutations do not reach the cache. */
function stored(f: Finding): StoredFinding {
  const out: StoredFinding = { ruleId: f.ruleId, messageId: f.messageId, severity: f.severity, message: f.message, uri: f.uri, range: f.range };
  if (f.resource) out.resource = f.resource;
  if (f.related) out.related = f.related;
  return out;
}

/**
 * Maps ranges of `before` to `after` through their common prefix and suffix; undefined for a range that meets the
 * changed span. At a pure insertion point a range that starts there moves and one that ends there stays, so an empty
 * range exactly there maps to nothing.
 */
export function offsetMap(before: string, after: string): (r: SourceRange) => SourceRange | undefined {
  // A module's other files are most often unchanged: no need to look for the change.
  if (before === after) return (r) => r;
  const { start: a, oldEnd: b, newEnd } = diffSpan(before, after);
  const delta = newEnd - b;
  return (r) => {
    if (a === b) {
      if (r.start < a && r.end > a) return undefined;
      const start = r.start < a ? r.start : r.start + delta;
      const end = r.end <= a ? r.end : r.end + delta;
      return start <= end ? { start, end } : undefined;
    }
    if (r.start < b && r.end > a) return undefined;
    const start = r.start <= a ? r.start : r.start >= b ? r.start + delta : undefined;
    const end = r.end <= a ? r.end : r.end >= b ? r.end + delta : undefined;
    return start !== undefined && end !== undefined && start <= end ? { start, end } : undefined;
  };
}
