// Top-level Terraform blocks that an edit did not touch keep their model from the previous version of the buffer,
// moved by the edit's length, instead of being read again from the syntax tree (copying the tree out of WASM is most
// of the cost of a keystroke in a large file).
import type { BlockNode, IacDocument, InputNode, ResourceNode } from '../model/document';
import { shiftBlock, shiftInput, shiftResource } from '../model/shift';
import type { TextChange } from './text-change';

/** What one top-level block contributed to the document. */
export type BlockModel = { kind: 'resource'; node: ResourceNode } | { kind: 'input'; node: InputNode } | { kind: 'block'; node: BlockNode };

/**
 * Why this is exact: a block that lies wholly in the unchanged prefix or suffix of the text has the same text, and
 * in an error-free tree a top-level block is read from its own subtree only; the model is a function of that text
 * and its offset. A block the reader reported an error for is not reused (it contributed no model).
 */
export class BlockReuse {
  private readonly previous = new Map<number, BlockModel>();
  private readonly kept = new Map<number, { model: BlockModel; delta: number }>();
  private readonly delta: number;

  constructor(
    before: IacDocument,
    private readonly change: TextChange,
  ) {
    this.delta = change.newEnd - change.oldEnd;
    for (const node of before.resources) this.previous.set(node.range.start, { kind: 'resource', node });
    for (const node of before.inputs) this.previous.set(node.range.start, { kind: 'input', node });
    for (const node of before.blocks) this.previous.set(node.range.start, { kind: 'block', node });
  }

  /** Whether the block at [start, end) of the new text is kept from the previous version (then it need not be read). */
  keep(start: number, end: number): boolean {
    const { start: a, newEnd } = this.change;
    const delta = end <= a ? 0 : start >= newEnd ? this.delta : undefined;
    if (delta === undefined) return false;
    const model = this.previous.get(start - delta);
    if (!model || model.node.range.end !== end - delta) return false;
    this.kept.set(start, { model, delta });
    return true;
  }

  /** How many blocks were kept. */
  get count(): number {
    return this.kept.size;
  }

  /** The model of a kept block at `start` of the new text, at its new offsets. */
  take(start: number): BlockModel | undefined {
    const hit = this.kept.get(start);
    if (!hit) return undefined;
    // Unmoved models are shared: models are read-only once parsed.
    return shifted(hit.model, hit.delta);
  }
}

function shifted(model: BlockModel, delta: number): BlockModel {
  switch (model.kind) {
    case 'resource':
      return { kind: 'resource', node: shiftResource(model.node, delta) };
    case 'input':
      return { kind: 'input', node: shiftInput(model.node, delta) };
    default:
      return { kind: 'block', node: shiftBlock(model.node, delta) };
  }
}
