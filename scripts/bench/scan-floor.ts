// The parse floor, the bench's fixed yardstick: the time the bare third-party parsers alone (yaml, jsonc-parser, and
// tree-sitter-hcl for Terraform, the parser the product used before its own) take over a scan's files, in one thread,
// with no model and no rules on top. Tree-sitter left the product (server/src/parsers/hcl/ replaced it) but stays as
// the floor's Terraform parser, loaded from the test oracle (test/oracle/), so that figures stay comparable across
// rounds: a scan faster than this floor is faster than merely parsing with the parsers we started from.
import { readFileSync } from 'node:fs';
import { parseTree } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';
import { initParsers } from '../../server/src/parsers/index';
import { parseHcl } from '../../server/src/parsers/hcl/parser';
import { walkFiles } from '../../server/src/scan/walk';
import { initTerraformParser } from '../../test/oracle/tree-sitter-terraform';
import { terraformParser } from '../../test/oracle/tf-grammar';

interface Part {
  files: number;
  bytes: number;
  ms: number;
}

export interface FloorResult {
  files: number;
  bytes: number;
  /** Best of the timed passes, the floor's parsers together (yaml, tree-sitter, JSON). */
  ms: number;
  /** The same pass split by parser, with the bytes each parser read. */
  byParser: Record<'yaml' | 'tree-sitter' | 'json', Part>;
  /** Our own HCL parser (model included) over the same `.tf` files in the same passes: for comparison, not in `ms`. */
  ours: Part;
}

/** Which parser a scan's file goes to: `hcl` is a `.tf` file (tree-sitter in the floor, our parser in the product). */
export type ParserName = 'yaml' | 'hcl' | 'json';

/** Which parser the scan uses for `path` with `text` (the same choice `parseDocument` makes). */
export function parserFor(path: string, text: string): ParserName | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tf')) return 'hcl';
  if (lower.endsWith('.tf.json')) return 'json';
  if (!/\.(ya?ml|json|template|cfn)$/.test(lower)) return undefined;
  return /^\uFEFF?\s*\{/.test(text) ? 'json' : 'yaml';
}

/** The product's bare parser alone over `text`, its result thrown away (`hcl`: ours, which builds the model too). */
export function bareParse(kind: ParserName, text: string): void {
  if (kind === 'hcl') parseHcl(text);
  else if (kind === 'json') parseTree(text, [], { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  else parseAllDocuments(text);
}

/** tree-sitter-hcl alone over `text` (WASM; `initTerraformParser` must have completed). */
export function treeSitterParse(text: string): void {
  terraformParser().parse(text)?.delete(); // the tree lives in WASM memory, which is not garbage-collected
}

/**
 * Reads every candidate file under `roots` into memory (untimed), parses the first `warmupFiles` of them once to warm
 * the JIT, then times `passes` passes over all and keeps the fastest: the floor is what the parsers need at best.
 */
export async function measureParseFloor(roots: readonly string[], passes = 3, warmupFiles = Infinity): Promise<FloorResult> {
  await Promise.all([initParsers(), initTerraformParser()]);
  const inputs = (await walkFiles(roots)).flatMap((path) => {
    const text = readFileSync(path, 'utf8');
    const kind = parserFor(path, text);
    return kind ? [{ kind, text, bytes: Buffer.byteLength(text) }] : [];
  });
  let best: FloorResult | undefined;
  for (let pass = 0; pass <= passes; pass++) {
    const part = (): Part => ({ files: 0, bytes: 0, ms: 0 });
    const byParser: FloorResult['byParser'] = { yaml: part(), 'tree-sitter': part(), json: part() };
    const ours = part();
    const add = (entry: Part, bytes: number, started: number) => {
      entry.ms += performance.now() - started;
      entry.files++;
      entry.bytes += bytes;
    };
    for (const input of pass === 0 ? inputs.slice(0, warmupFiles) : inputs) {
      let started = performance.now();
      if (input.kind === 'hcl') {
        treeSitterParse(input.text);
        add(byParser['tree-sitter'], input.bytes, started);
        started = performance.now();
        parseHcl(input.text);
        add(ours, input.bytes, started);
      } else {
        bareParse(input.kind, input.text);
        add(byParser[input.kind], input.bytes, started);
      }
    }
    if (pass === 0) continue; // warm-up
    const ms = byParser.yaml.ms + byParser['tree-sitter'].ms + byParser.json.ms;
    if (!best || ms < best.ms) best = { files: inputs.length, bytes: inputs.reduce((n, i) => n + i.bytes, 0), ms, byParser, ours };
  }
  return best as FloorResult;
}
