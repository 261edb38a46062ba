// The parse floor: the time the bare parsers alone (yaml, jsonc-parser, and our HCL parser, which builds the Terraform
// model as it parses: server/src/parsers/hcl/) take over a scan's files, in one thread, with no rules on top. Every scan
// figure is set against it.
import { readFileSync } from 'node:fs';
import { parseTree } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';
import { initParsers } from '../../server/src/parsers/index';
import { parseHcl } from '../../server/src/parsers/hcl/parser';
import { walkFiles } from '../../server/src/scan/walk';

export interface FloorResult {
  files: number;
  bytes: number;
  /** Best of the timed passes, all parsers together. */
  ms: number;
  /** The same pass split by parser, with the bytes each parser read. */
  byParser: Record<'yaml' | 'hcl' | 'json', { files: number; bytes: number; ms: number }>;
}

export type ParserName = keyof FloorResult['byParser'];

/** Which parser the scan uses for `path` with `text` (the same choice `parseDocument` makes). */
export function parserFor(path: string, text: string): ParserName | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tf')) return 'hcl';
  if (lower.endsWith('.tf.json')) return 'json';
  if (!/\.(ya?ml|json|template|cfn)$/.test(lower)) return undefined;
  return /^\uFEFF?\s*\{/.test(text) ? 'json' : 'yaml';
}

/** The bare parser alone over `text`, its result thrown away (parsers must be initialised). */
export function bareParse(kind: ParserName, text: string): void {
  if (kind === 'hcl') parseHcl(text);
  else if (kind === 'json') parseTree(text, [], { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  else parseAllDocuments(text);
}

/**
 * Reads every candidate file under `roots` into memory (untimed), parses the first `warmupFiles` of them once to warm
 * the JIT, then times `passes` passes over all and keeps the fastest: the floor is what the parsers need at best.
 */
export async function measureParseFloor(roots: readonly string[], passes = 3, warmupFiles = Infinity): Promise<FloorResult> {
  await initParsers();
  const inputs = (await walkFiles(roots)).flatMap((path) => {
    const text = readFileSync(path, 'utf8');
    const kind = parserFor(path, text);
    return kind ? [{ kind, text, bytes: Buffer.byteLength(text) }] : [];
  });
  let best: FloorResult | undefined;
  for (let pass = 0; pass <= passes; pass++) {
    const byParser: FloorResult['byParser'] = {
      yaml: { files: 0, bytes: 0, ms: 0 },
      hcl: { files: 0, bytes: 0, ms: 0 },
      json: { files: 0, bytes: 0, ms: 0 },
    };
    for (const input of pass === 0 ? inputs.slice(0, warmupFiles) : inputs) {
      const started = performance.now();
      bareParse(input.kind, input.text);
      const entry = byParser[input.kind];
      entry.ms += performance.now() - started;
      entry.files++;
      entry.bytes += input.bytes;
    }
    if (pass === 0) continue; // warm-up
    const ms = byParser.yaml.ms + byParser['hcl'].ms + byParser.json.ms;
    if (!best || ms < best.ms) best = { files: inputs.length, bytes: inputs.reduce((n, i) => n + i.bytes, 0), ms, byParser };
  }
  return best as FloorResult;
}
