// Parses successive versions of open buffers: Terraform re-parses only what an edit touched (tree-sitter's
// incremental parsing, given the old tree and where the text changed), YAML templates only the resources whose text
// changed (cfn-yaml-chunks.ts), JSON templates only the resource an edit lies in (cfn-json-splice.ts).
import { Edit, type Tree } from 'web-tree-sitter';
import type { IacDocument } from '../model/document';
import { JsonSplice } from './cfn-json-splice';
import { YamlPieces } from './cfn-yaml-chunks';
import { parseDocument } from './index';
import { terraformDocument } from './terraform-hcl';
import { diffSpan } from './text-change';
import { BlockReuse } from './tf-block-reuse';
import { terraformParser } from './tf-grammar';

interface Kept {
  text: string;
  tree: Tree;
  /** The document read from `tree`: its untouched blocks are reused by the next version. */
  doc: IacDocument;
}

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
 * Keeps what the last parse of one open buffer can lend the next. The result of `parse` equals
 * `parseDocument(uri, text)`: tree-sitter's incremental parse yields the same tree as a fresh one and the model is
 * read from it the same way; the YAML and JSON converters promise the plain conversion's result. One per buffer,
 * owned by that buffer's session (handlers/document-session.ts), so closing the buffer drops it whole.
 */
export class IncrementalParser {
  private kept: Kept | undefined;
  private pieces: YamlPieces | undefined;
  private splice: JsonSplice | undefined;
  private reusedBlocks = 0;

  constructor(readonly uri: string) {}

  /** Parses `text`, the current version of the buffer, reusing what its previous version left. */
  parse(text: string): IacDocument | undefined {
    return parseDocument(this.uri, text, {
      terraformHcl: () => this.parseTerraform(text),
      cfnYaml: (t) => (this.pieces ??= new YamlPieces()).convert(t),
      cfnJson: (t) => (this.splice ??= new JsonSplice()).convert(t),
    });
  }

  private parseTerraform(text: string): IacDocument {
    // Taken out first: if anything below throws, the next version parses afresh rather than from a stale tree.
    const previous = this.kept;
    this.kept = undefined;
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
        // Block reuse is exact only between error-free trees: error recovery can read a block differently from what
        // its own text says (an unclosed heredoc swallows the blocks after it), so a version with syntax errors, or
        // one repairing them, is read afresh from the tree.
        if (previous.doc.errors.length === 0 && tree && !tree.rootNode.hasError) reuse = new BlockReuse(previous.doc, change);
      } finally {
        previous.tree.delete();
      }
    } else {
      tree = terraformParser().parse(text);
    }
    const doc = terraformDocument(this.uri, text, tree, reuse);
    this.reusedBlocks = reuse?.count ?? 0;
    if (tree) this.kept = { text, tree, doc };
    return doc;
  }

  /** How many YAML pieces the last parse re-parsed; undefined when it parsed the whole text (tests read it). */
  lastYamlPieces(): number | undefined {
    return this.pieces?.lastParsed;
  }

  /** Whether the last parse of a JSON template replaced one resource instead of parsing it all (tests read it). */
  lastJsonSpliced(): boolean {
    return this.splice?.lastSpliced ?? false;
  }

  /** How many top-level Terraform blocks the last parse kept from the previous version (tests read it). */
  lastReusedBlocks(): number {
    return this.reusedBlocks;
  }

  /** Frees what is kept (trees live in WASM memory, which is not garbage-collected); the next parse starts afresh. */
  dispose(): void {
    this.pieces = undefined;
    this.splice = undefined;
    this.reusedBlocks = 0;
    this.kept?.tree.delete();
    this.kept = undefined;
  }
}
