// Everything the server keeps for one open document between keystrokes, in one object: closing the document drops it.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LintCache } from '../engine/lint/lint-cache';
import type { LintResult } from '../engine/types';
import type { IacDocument } from '../model/document';
import { IncrementalParser } from '../parsers/incremental';

/** A lint of one text: the engine result (undefined when excluded by `secureIac.exclude`) and the text it saw. */
export interface LintOutcome {
  uri: string;
  /** Document version for open buffers; undefined for files read from disk. */
  version?: number;
  text: TextDocument;
  result: LintResult | undefined;
}

/** The parse of one version of the buffer. */
interface ParsedVersion {
  version: number;
  doc: IacDocument | undefined;
  /** What the parser threw (e.g. a stack overflow on absurd nesting), rethrown on each use of this version. */
  error?: unknown;
}

/**
 * One open document's state: its last parsed version, the incremental parse state the next version reuses, the
 * previous lint (so a keystroke re-checks only the resources it could have affected) and the last published result.
 */
export class DocumentSession {
  private parsed: ParsedVersion | undefined;
  /** Successive versions re-parse only what the edit touched. */
  private readonly parser: IncrementalParser;
  /** The previous lint of this buffer, reused where nothing a check read has changed. */
  readonly lintCache = new LintCache();
  /** Lint caches of the buffer as each chain of module calls deploys it, by instance key, most recently used last. */
  private readonly instanceCaches = new Map<string, LintCache>();

  /** The cache of one instance of the buffer's module (a bounded number are kept: 20 callers fit). */
  instanceCache(key: string): LintCache {
    const cache = this.instanceCaches.get(key) ?? new LintCache();
    this.instanceCaches.delete(key);
    this.instanceCaches.set(key, cache);
    if (this.instanceCaches.size > 64) this.instanceCaches.delete(this.instanceCaches.keys().next().value as string);
    return cache;
  }

  /** The last lint of an open version; dropped when settings change (the same text may lint differently). */
  result: LintOutcome | undefined;

  constructor(readonly uri: string) {
    this.parser = new IncrementalParser(uri);
  }

  /** Parses the buffer once per version; throws what the parser threw. */
  parse(doc: TextDocument): IacDocument | undefined {
    let hit = this.parsed;
    if (!hit || hit.version !== doc.version) {
      hit = { version: doc.version, doc: undefined };
      try {
        hit.doc = this.parser.parse(doc.getText());
      } catch (err) {
        hit.error = err;
      }
      this.parsed = hit;
    }
    if (hit.error !== undefined) throw hit.error;
    return hit.doc;
  }

  /** Frees what lives outside the garbage-collected heap (tree-sitter trees); called when the document closes. */
  dispose(): void {
    this.parser.dispose();
  }
}
