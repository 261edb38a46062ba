// Parses successive versions of open buffers: Terraform re-parses only what an edit touched (tree-sitter's
// incremental parsing, given the old tree and where the text changed), YAML templates only the resources whose text
// changed (cfn-yaml-chunks.ts); JSON parses afresh (jsonc-parser is fast next to what follows it).
import { Edit, type Tree } from 'web-tree-sitter';
import type { IacDocument } from '../model/document';
import { parseCfnYaml } from './cloudformation';
import { YamlPieces } from './cfn-yaml-chunks';
import { looksLikeJson, parseDocument } from './index';
import { terraformDocument } from './terraform-hcl';
import { BlockReuse } from './tf-block-reuse';
import { terraformParser } from './tf-grammar';

interface Kept {
  text: string;
  tree: Tree;
  /** The document read from `tree`: its untouched blocks are reused by the next version. */
  doc: IacDocument;
}

/** Where `before` and `after` differ: one replaced span, found from the common prefix and suffix. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The smallest single span whose replacement turns `before` into `after` (JS string offsets). */
export function diffSpan(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  // Whole blocks first (a slice comparison runs natively), then characters: a keystroke leaves almost all of a large
  // buffer equal, and a character loop over it costs a noticeable part of the keystroke.
  let start = 0;
  while (start + DIFF_BLOCK <= max && before.slice(start, start + DIFF_BLOCK) === after.slice(start, start + DIFF_BLOCK)) start += DIFF_BLOCK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  const room = max - start;
  while (suffix + DIFF_BLOCK <= room && before.slice(before.length - suffix - DIFF_BLOCK, before.length - suffix) === after.slice(after.length - suffix - DIFF_BLOCK, after.length - suffix)) suffix += DIFF_BLOCK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

const DIFF_BLOCK = 256;

/** Row and column (UTF-16 code units, as tree-sitter's JS binding counts them) of `offset`. */
function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

/**
 * Keeps the last tree of each open Terraform buffer. The result of `parse` equals `parseDocument(uri, text)`:
 * tree-sitter's incremental parse yields the same tree as a fresh one, and the model is read from it the same way.
 */
export class IncrementalParser {
  private readonly kept = new Map<string, Kept>();
  private readonly pieces = new Map<string, YamlPieces>();
  private readonly reusedBlocks = new Map<string, number>();

  private yamlPieces(uri: string): YamlPieces {
    let pieces = this.pieces.get(uri);
    if (!pieces) this.pieces.set(uri, (pieces = new YamlPieces()));
    return pieces;
  }

  /** Parses `text`, the current version of the buffer `uri`, reusing its previous tree when it has one. */
  parse(uri: string, text: string): IacDocument | undefined {
    const lower = uri.toLowerCase();
    if (/\.(ya?ml|template|cfn)$/.test(lower) && !looksLikeJson(text)) return parseCfnYaml(uri, text, (t) => this.yamlPieces(uri).convert(t));
    if (!lower.endsWith('.tf')) return parseDocument(uri, text);
    // Taken out first: if anything below throws, the next version parses afresh rather than from a stale tree.
    const previous = this.kept.get(uri);
    this.kept.delete(uri);
    let tree: Tree | null;
    let reuse: BlockReuse | undefined;
    if (previous) {
      try {
        const change = diffSpan(previous.text, text);
        previous.tree.edit(new Edit({
          startIndex: change.start,
          oldEndIndex: change.oldEnd,
          newEndIndex: change.newEnd,
          startPosition: pointAt(previous.text, change.start),
          oldEndPosition: pointAt(previous.text, change.oldEnd),
          newEndPosition: pointAt(text, change.newEnd),
        }));
        tree = terraformParser().parse(text, previous.tree);
        reuse = new BlockReuse(previous.doc, change);
      } finally {
        previous.tree.delete();
      }
    } else {
      tree = terraformParser().parse(text);
    }
    const doc = terraformDocument(uri, text, tree, reuse);
    this.reusedBlocks.set(uri, reuse?.count ?? 0);
    if (tree) this.kept.set(uri, { text, tree, doc });
    return doc;
  }

  /** How many YAML pieces the last parse of `uri` re-parsed; undefined when it parsed the whole text (tests read it). */
  lastYamlPieces(uri: string): number | undefined {
    return this.pieces.get(uri)?.lastParsed;
  }

  /** How many top-level Terraform blocks the last parse of `uri` kept from the previous version (tests read it). */
  lastReusedBlocks(uri: string): number {
    return this.reusedBlocks.get(uri) ?? 0;
  }

  /** Frees what is kept for a closed buffer (trees live in WASM memory, which is not garbage-collected). */
  forget(uri: string): void {
    this.pieces.delete(uri);
    this.reusedBlocks.delete(uri);
    this.kept.get(uri)?.tree.delete();
    this.kept.delete(uri);
  }
}
