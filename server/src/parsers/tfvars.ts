// Reads Terraform variable-definition files (`*.tfvars` HCL and `*.tfvars.json`) into values by variable name.
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import type { IacNode } from '../model/nodes';
import { parseHcl } from './hcl/parser';

function jsonToNode(n: JsonNode): IacNode {
  const range = { start: n.offset, end: n.offset + n.length };
  switch (n.type) {
    case 'object':
      return {
        kind: 'map',
        style: 'flow',
        range,
        entries: (n.children ?? []).flatMap((p) => {
          const [k, v] = p.children ?? [];
          return k && v
            ? [
                {
                  key: String(k.value),
                  keyRange: { start: k.offset, end: k.offset + k.length },
                  value: jsonToNode(v),
                  range: { start: p.offset, end: p.offset + p.length },
                },
              ]
            : [];
        }),
      };
    case 'array':
      return { kind: 'list', style: 'flow', range, items: (n.children ?? []).map(jsonToNode) };
    default:
      return { kind: 'scalar', value: (n.value as string | number | boolean | null) ?? null, range };
  }
}

/** Top-level `name = value` assignments; a file that does not parse contributes what did. */
export function parseTfvars(fileName: string, text: string): Map<string, IacNode> {
  const values = new Map<string, IacNode>();
  if (fileName.endsWith('.json')) {
    const root = parseTree(text);
    if (root?.type === 'object')
      for (const p of root.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k && v) values.set(String(k.value), jsonToNode(v));
      }
    return values;
  }
  // Later assignments win, as Terraform reads a file; blocks are not variable values and are ignored.
  for (const attr of parseHcl(text).attributes) values.set(attr.key, attr.value);
  return values;
}
