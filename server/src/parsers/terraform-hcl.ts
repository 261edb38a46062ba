// Parses Terraform native syntax (.tf) into resources, variables and other top-level blocks, with the hand-written
// HCL parser (./hcl/): pure TypeScript, no WASM, nothing to initialise.
import type { BlockNode, IacDocument, InputNode, ResourceNode } from '../model/document';
import { entryOf } from '../model/nodes';
import { parseHcl, type HclBlock } from './hcl/parser';

/**
 * Parses a .tf file. Every .tf file is a Terraform document, even an empty one. Never throws: syntax errors go to
 * `errors` and whatever parsed still yields resources.
 */
export function parseTerraformHcl(uri: string, text: string): IacDocument {
  const file = parseHcl(text);
  const doc: IacDocument = { uri, format: 'tf-hcl', family: 'terraform', text, resources: [], inputs: [], blocks: [], errors: file.errors };
  for (const block of file.blocks) addBlock(doc, block);
  doc.errors.sort((a, b) => a.range.start - b.range.start);
  return doc;
}

// Label-count errors mirror Terraform's own ("Missing name for resource"); the syntax allows any count.
function addBlock(doc: IacDocument, block: HclBlock): void {
  const { type: blockType, labels, headerRange, range, body } = block;
  switch (blockType) {
    case 'resource':
    case 'data': {
      const [type, name] = labels;
      if (type === undefined || name === undefined) {
        doc.errors.push({ message: `A ${blockType} block needs two labels: a type and a name`, range: headerRange });
        return;
      }
      const kind = blockType === 'resource' ? 'resource' : 'data';
      const address = kind === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
      const resource: ResourceNode = { kind, type, name, address, headerRange, range, node: body, propsPath: [] };
      doc.resources.push(resource);
      return;
    }
    case 'variable': {
      const [name] = labels;
      if (name === undefined) {
        doc.errors.push({ message: 'A variable block needs a name label', range: headerRange });
        return;
      }
      const input: InputNode = { name, headerRange, range, node: body };
      const def = entryOf(body, 'default');
      if (def) input.default = def.value;
      doc.inputs.push(input);
      return;
    }
    default: {
      const other: BlockNode = { type: blockType, labels, headerRange, range, body };
      doc.blocks.push(other);
    }
  }
}
