// The contract between fix intents and the per-syntax text writers.
import type { FixValue } from '../../../rules/api';
import type { IacDocument, ResourceNode } from '../model/document';
import type { IacNode, ListNode, MapEntry, MapNode } from '../model/nodes';

/** Replace text [start, end) of the document with newText (an insertion when start === end). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A parameter/variable to declare, already spelled for the document's family. */
export interface InputDecl {
  /** `AllowedSshCidr` in CloudFormation, `allowed_ssh_cidr` in Terraform. */
  name: string;
  type: 'string' | 'number';
  description: string;
}

/** A resource to insert, with native keys (`bucket`, `versioning_configuration`: {...}). */
export interface NewResource {
  type: string;
  name: string;
  body: { readonly [key: string]: FixValue };
}

/**
 * Turns fix intents into minimal edits for one syntax. Writers never re-serialise the document: they keep
 * the surrounding indentation, quoting and comments, and their output must parse.
 *
 * Native keys only: the engine has already translated logical keys through the rule's targets.
 */
export interface Writer {
  /**
   * Insert `path` (at least one key; the first key is absent from `map`) under `map`, creating the nested
   * maps (HCL: nested blocks) for the intermediate keys, with `value` at the end. Placed after the last entry, or
   * right after `after` when given (writers that cannot place it there may ignore it), indented like its siblings.
   */
  insertProperty(doc: IacDocument, map: MapNode, path: readonly string[], value: FixValue, after?: MapEntry): TextEdit[];
  /**
   * Several `insertProperty` calls against one map written together, in order, so the writer can lay them out as a
   * group (HCL: one `=` column, as terraform fmt). Writers without it get one `insertProperty` call per item.
   */
  insertProperties?(doc: IacDocument, map: MapNode, items: readonly { path: readonly string[]; value: FixValue }[]): TextEdit[];
  /** Replace a present value node (a scalar, a list item, a whole map) with `value`. */
  replaceValue(doc: IacDocument, node: IacNode, value: FixValue): TextEdit[];
  /** Declare a CloudFormation parameter (creating `Parameters` when absent) or append a Terraform `variable` block. */
  declareInput(doc: IacDocument, input: InputDecl): TextEdit[];
  /** Insert a whole new resource right after `after` (same file), separated by a blank line. */
  insertResource(doc: IacDocument, after: ResourceNode, resource: NewResource): TextEdit[];
  /**
   * Remove one entry of a map: its whole text and line(s), keeping the map well-formed (commas, braces). Comment
   * lines above the entry stay; a comment trailing its last line goes with it. A map left empty is spelled `{}`
   * (YAML `Key: {}`, JSON `{}`, HCL object `{}`); an HCL block body keeps its braces (`{` and `}` on their lines).
   */
  removeProperty(doc: IacDocument, map: MapNode, entry: MapEntry): TextEdit[];
  /** Append `value` as the last item of a present list, in the list's style (block or flow, one item per line or not). */
  appendItem(doc: IacDocument, list: ListNode, value: FixValue): TextEdit[];
  /**
   * Insert a full-line comment (text without the comment marker) just above the line containing `offset`,
   * with that line's indentation. Undefined for JSON syntaxes, which have no comments.
   */
  insertLineComment?(doc: IacDocument, offset: number, text: string): TextEdit[];
}
