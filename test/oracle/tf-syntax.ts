// A plain-JavaScript copy of a tree-sitter tree, read in one cursor walk, for the Terraform model builder.
//
// Why: every property of a web-tree-sitter `Node` (`type`, `children`, `hasError`...) is a call into WASM plus
// marshalling, and the builder asks for several more than once. Copying the tree once with a `TreeCursor` (four or
// five calls per node, no node objects) and reading text by offsets into the JS string asks each thing once; it also
// lets the incremental parser skip the insides of blocks it reuses.
import type { Language, Tree } from 'web-tree-sitter';

/**
 * The part of a syntax node the builder reads. Both a live web-tree-sitter `Node` and a `CopiedNode` satisfy it,
 * which lets a test check that the copy reads exactly as the live tree.
 */
export interface SyntaxNode {
  readonly type: string;
  /** Offsets in UTF-16 code units, as web-tree-sitter and the model count them. */
  readonly startIndex: number;
  readonly endIndex: number;
  readonly text: string;
  /** All children, comments and anonymous tokens included. */
  readonly children: readonly SyntaxNode[];
  readonly childCount: number;
  readonly firstChild: SyntaxNode | null;
  readonly lastChild: SyntaxNode | null;
  readonly parent: SyntaxNode | null;
  readonly isError: boolean;
  readonly isMissing: boolean;
  /** Whether this node or anything inside it is an ERROR or MISSING node. */
  readonly hasError: boolean;
  childForFieldName(name: string): SyntaxNode | null;
}

class CopiedNode implements SyntaxNode {
  readonly children: CopiedNode[] = [];
  constructor(
    private readonly source: string,
    readonly type: string,
    readonly startIndex: number,
    readonly endIndex: number,
    readonly parent: CopiedNode | null,
    /** The field this node fills in its parent (`key`, `val`...), or null. */
    readonly field: string | null,
    readonly isMissing: boolean,
    readonly hasError: boolean,
  ) {}

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }
  get childCount(): number {
    return this.children.length;
  }
  get firstChild(): CopiedNode | null {
    return this.children[0] ?? null;
  }
  get lastChild(): CopiedNode | null {
    return this.children[this.children.length - 1] ?? null;
  }
  get isError(): boolean {
    return this.type === 'ERROR';
  }
  childForFieldName(name: string): CopiedNode | null {
    return this.children.find((c) => c.field === name) ?? null;
  }
}

/** Node types whose children fill named fields that the builder asks for (`childForFieldName`). */
const FIELD_PARENTS: ReadonlySet<string> = new Set(['object_elem']);

/**
 * Copies `tree`, a parse of `text`, into plain objects. The tree stays usable (and stays the caller's to delete).
 * Only `childForFieldName` of the types in FIELD_PARENTS is answered; others have no fields recorded. Top-level
 * blocks for which `keepBlock` says yes are copied without their insides (error-free trees only).
 */
export function copyTree(tree: Tree, text: string, keepBlock?: (start: number, end: number) => boolean): SyntaxNode {
  return tree.rootNode.hasError ? copyBroken(tree, text) : copyClean(tree, text, keepBlock);
}

const namedByLanguage = new WeakMap<Language, boolean[]>();

/** Whether nodes of `typeId` are named (rules) rather than anonymous tokens; asked of WASM once per type. */
function isNamed(language: Language, typeId: number): boolean {
  let named = namedByLanguage.get(language);
  if (!named) namedByLanguage.set(language, (named = []));
  return (named[typeId] ??= language.nodeTypeIsNamed(typeId));
}

/**
 * An error-free tree (nearly every file) has no ERROR or MISSING node, so no error flags are asked for, and anonymous
 * tokens (`{`, `=`, `"`) are asked neither for children nor for an end: they are spelled as their type. A parent's
 * offsets are asked, not taken from its first and last child: hidden tokens (the digits of `legacy_index`, `.0`) are
 * part of a node's text without being children.
 */
function copyClean(tree: Tree, text: string, keepBlock?: (start: number, end: number) => boolean): SyntaxNode {
  const language = tree.language;
  const cursor = tree.walk();
  try {
    // The field is read before the cursor moves on, so it is the field of the node being made.
    const fieldOf = (parent: CopiedNode): string | null => (FIELD_PARENTS.has(parent.type) ? cursor.currentFieldName : null);
    const root = new CopiedNode(text, cursor.nodeType, cursor.startIndex, cursor.endIndex, null, null, false, false);
    let parent = root;
    if (!cursor.gotoFirstChild()) return root;
    for (;;) {
      const typeId = cursor.nodeTypeId;
      const type = language.types[typeId] ?? 'ERROR';
      const field = fieldOf(parent);
      const start = cursor.startIndex;
      if (isNamed(language, typeId)) {
        const node = new CopiedNode(text, type, start, cursor.endIndex, parent, field, false, false);
        parent.children.push(node);
        const kept = keepBlock && type === 'block' && parent.parent === root && keepBlock(node.startIndex, node.endIndex);
        if (!kept && cursor.gotoFirstChild()) {
          parent = node;
          continue;
        }
      } else {
        parent.children.push(new CopiedNode(text, type, start, start + type.length, parent, field, false, false));
      }
      while (!cursor.gotoNextSibling()) {
        cursor.gotoParent();
        if (parent === root) return root;
        parent = parent.parent as CopiedNode;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** A tree with syntax errors: every node is asked its own flags and offsets, so they mean what tree-sitter means. */
function copyBroken(tree: Tree, text: string): SyntaxNode {
  const cursor = tree.walk();
  try {
    const read = (parent: CopiedNode | null): CopiedNode => {
      const field = parent && FIELD_PARENTS.has(parent.type) ? cursor.currentFieldName : null;
      const node = cursor.currentNode;
      return new CopiedNode(text, node.type, node.startIndex, node.endIndex, parent, field, node.isMissing, node.hasError);
    };
    const root = read(null);
    let parent = root;
    if (!cursor.gotoFirstChild()) return root;
    for (;;) {
      const node = read(parent);
      parent.children.push(node);
      if (cursor.gotoFirstChild()) {
        parent = node;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        cursor.gotoParent();
        if (parent === root) return root;
        parent = parent.parent as CopiedNode;
      }
    }
  } finally {
    cursor.delete();
  }
}
