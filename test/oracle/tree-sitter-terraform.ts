// The differential ORACLE (test-side only): Terraform native syntax (.tf) parsed with tree-sitter-hcl into the same
// model the product's own parser (server/src/parsers/hcl/) builds. This was the product's Terraform parser until the
// hand-written one replaced it; tests compare the two on every .tf file of the corpus.
import type { Tree } from 'web-tree-sitter';
import type { BlockNode, IacDocument, InputNode, ResourceNode } from '../../server/src/model/document';
import { entryOf } from '../../server/src/model/nodes';
import { blockBody, blockHeader } from './tf-hcl-body';
import { kids, rangeOf } from './tf-hcl-expr';
import { describeParserFailure } from '../../server/src/parsers/parser-failure';
import { syntaxErrors } from './tf-hcl-errors';
import { loadTerraformGrammar, terraformParser } from './tf-grammar';
import { copyTree, type SyntaxNode } from './tf-syntax';

/**
 * Loads the tree-sitter runtime and Terraform grammar (`web-tree-sitter.wasm`, `tree-sitter-terraform.wasm`) from
 * `wasmDir`, or from node_modules when omitted. Idempotent; must complete before `parseTerraformHcl`.
 */
export function initTerraformParser(wasmDir?: string): Promise<void> {
  return loadTerraformGrammar(wasmDir);
}

/**
 * Parses a .tf file. Every .tf file is a Terraform document, even an empty one. Never throws on bad input:
 * syntax errors go to `errors` and whatever parsed still yields resources. Throws only if the parser is not
 * initialised.
 */
export function parseTerraformHclTreeSitter(uri: string, text: string): IacDocument {
  const tree = terraformParser().parse(text);
  try {
    return terraformDocument(uri, text, tree);
  } finally {
    tree?.delete(); // the tree lives in WASM memory, which is not garbage-collected
  }
}

/**
 * The document read from `tree`, a parse of `text` (null: the parser gave up). The tree stays the caller's: the
 * incremental parser keeps it for the next version.
 */
export function terraformDocument(uri: string, text: string, tree: Tree | null): IacDocument {
  if (!tree) {
    const doc: IacDocument = { uri, format: 'tf-hcl', family: 'terraform', text, resources: [], inputs: [], blocks: [], errors: [] };
    doc.errors.push({ message: 'The Terraform parser failed on this file', range: { start: 0, end: 0 } });
    return doc;
  }
  // A plain-JS copy of the tree, read in one walk: the builder asks live WASM nodes the same things many times.
  return documentFromSyntax(uri, text, copyTree(tree, text));
}

/** The document read from `root`, the syntax tree of `text` (a copied tree, or a live one in tests). */
export function documentFromSyntax(uri: string, text: string, root: SyntaxNode): IacDocument {
  const doc: IacDocument = { uri, format: 'tf-hcl', family: 'terraform', text, resources: [], inputs: [], blocks: [], errors: [] };
  const body = kids(root).find((c) => c.type === 'body');
  for (const block of body ? kids(body) : []) {
    if (block.type !== 'block') continue;
    try {
      addBlock(doc, block);
    } catch (err) {
      // A tree shape this reader does not expect must cost one block, never the file (or the server).
      const message = `Could not read this block: ${describeParserFailure(err)}`;
      doc.errors.push({ message, range: { start: block.startIndex, end: block.startIndex } });
    }
  }
  doc.errors.push(...syntaxErrors(root, text));
  doc.errors.sort((a, b) => a.range.start - b.range.start);
  return doc;
}

// Label-count errors mirror Terraform's own ("Missing name for resource"); tree-sitter accepts any count.
function addBlock(doc: IacDocument, block: SyntaxNode): void {
  const header = blockHeader(block);
  const range = rangeOf(block);
  const body = blockBody(block);
  switch (header.type) {
    case 'resource':
    case 'data': {
      const [type, name] = header.labels;
      if (type === undefined || name === undefined) {
        doc.errors.push({ message: `A ${header.type} block needs two labels: a type and a name`, range: header.headerRange });
        return;
      }
      const kind = header.type === 'resource' ? 'resource' : 'data';
      const address = kind === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
      const resource: ResourceNode = { kind, type, name, address, headerRange: header.headerRange, range, node: body, propsPath: [] };
      doc.resources.push(resource);
      return;
    }
    case 'variable': {
      const [name] = header.labels;
      if (name === undefined) {
        doc.errors.push({ message: 'A variable block needs a name label', range: header.headerRange });
        return;
      }
      const input: InputNode = { name, headerRange: header.headerRange, range, node: body };
      const def = entryOf(body, 'default');
      if (def) input.default = def.value;
      doc.inputs.push(input);
      return;
    }
    default: {
      const other: BlockNode = { type: header.type, labels: header.labels, headerRange: header.headerRange, range, body };
      doc.blocks.push(other);
    }
  }
}
