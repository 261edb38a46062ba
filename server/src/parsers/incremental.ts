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

/** The entry of `map` for `uri`, made on first use. */
function perBuffer<T>(map: Map<string, T>, uri: string, make: () => T): T {
  let value = map.get(uri);
  if (value === undefined) map.set(uri, (value = make()));
  return value;
}

/**
 * Keeps what the last parse of each open buffer can lend the next. The result of `parse` equals
 * `parseDocument(uri, text)`: tree-sitter's incremental parse yields the same tree as a fresh one and the model is
 * read from it the same way; the YAML and JSON converters promise the plain conversion's result.
 */
export class IncrementalParser {
  private readonly kept = new Map<string, Kept>();
  private readonly pieces = new Map<string, YamlPieces>();
  private readonly splices = new Map<string, JsonSplice>();
  private readonly reusedBlocks = new Map<string, number>();

  /** Parses `text`, the current version of the buffer `uri`, reusing what its previous version left. */
  parse(uri: string, text: string): IacDocument | undefined {
    return parseDocument(uri, text, {
      terraformHcl: () => this.parseTerraform(uri, text),
      cfnYaml: (t) => perBuffer(this.pieces, uri, () => new YamlPieces()).convert(t),
      cfnJson: (t) => perBuffer(this.splices, uri, () => new JsonSplice()).convert(t),
    });
  }

  private parseTerraform(uri: string, text: string): IacDocument {
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

  /** Whether the last parse of the JSON template `uri` replaced one resource instead of parsing it all (tests read it). */
  lastJsonSpliced(uri: string): boolean {
    return this.splices.get(uri)?.lastSpliced ?? false;
  }

  /** How many top-level Terraform blocks the last parse of `uri` kept from the previous version (tests read it). */
  lastReusedBlocks(uri: string): number {
    return this.reusedBlocks.get(uri) ?? 0;
  }

  /** Frees what is kept for a closed buffer (trees live in WASM memory, which is not garbage-collected). */
  forget(uri: string): void {
    this.pieces.delete(uri);
    this.splices.delete(uri);
    this.reusedBlocks.delete(uri);
    this.kept.get(uri)?.tree.delete();
    this.kept.delete(uri);
  }
}
