// Where a scan's time goes, in one thread and in-process: reading, building our model on top of each parser, linting.
// Set against the parse floor, it shows what dominates and what a faster parser would buy.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { lintDocument } from '../../server/src/engine/lint/lint';
import type { IacDocument } from '../../server/src/model/document';
import { initParsers, parseDocument } from '../../server/src/parsers/index';
import { walkFiles } from '../../server/src/scan/walk';
import { bareParse, parserFor } from './scan-floor';

export interface Breakdown {
  readMs: number;
  /** The bare third-party parser per family, timed in the same pass, so that model − parse is our own cost. */
  terraformParseMs: number;
  cloudformationParseMs: number;
  /** `parseDocument` per family: the parser plus our conversion into the model. */
  terraformModelMs: number;
  cloudformationModelMs: number;
  lintMs: number;
}

/** Times each stage over `roots` after one warm-up pass, as the scan runs them (Terraform linted with its module). */
export async function measureBreakdown(roots: readonly string[]): Promise<Breakdown> {
  await initParsers();
  const paths = await walkFiles(roots);
  let result: Breakdown | undefined;
  for (let pass = 0; pass < 2; pass++) {
    const b: Breakdown = { readMs: 0, terraformParseMs: 0, cloudformationParseMs: 0, terraformModelMs: 0, cloudformationModelMs: 0, lintMs: 0 };
    const docs: IacDocument[] = [];
    for (const path of paths) {
      let started = performance.now();
      const text = readFileSync(path, 'utf8');
      b.readMs += performance.now() - started;
      const kind = parserFor(path, text);
      if (kind) {
        started = performance.now();
        bareParse(kind, text);
        if (kind === 'hcl' || path.toLowerCase().endsWith('.tf.json')) b.terraformParseMs += performance.now() - started;
        else b.cloudformationParseMs += performance.now() - started;
      }
      started = performance.now();
      const doc = parseDocument(path, text);
      const ms = performance.now() - started;
      if (doc?.family === 'terraform') b.terraformModelMs += ms;
      else b.cloudformationModelMs += ms;
      if (doc) docs.push(doc);
    }
    const modules = new Map<string, IacDocument[]>();
    for (const doc of docs) if (doc.family === 'terraform') modules.set(dirname(doc.uri), [...(modules.get(dirname(doc.uri)) ?? []), doc]);
    const started = performance.now();
    for (const doc of docs) lintDocument(doc, { module: doc.family === 'terraform' ? modules.get(dirname(doc.uri)) : undefined });
    b.lintMs = performance.now() - started;
    result = b;
  }
  return result as Breakdown;
}
