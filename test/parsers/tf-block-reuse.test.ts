// Terraform blocks an edit did not touch keep their model between versions of a buffer, moved by the edit: the
// result must equal a fresh parse of the text at every step, and untouched blocks must actually be kept.
import assert from 'node:assert/strict';
import type { IacDocument } from '../../server/src/model/document';
import { IncrementalParser } from '../../server/src/parsers/incremental';
import { initParsers, parseDocument } from '../../server/src/parsers/index';
import { tfFile } from '../../scripts/bench/generate';
import { random } from '../harness/random';

const plain = (doc: IacDocument | undefined) => JSON.parse(JSON.stringify(doc ?? null)) as unknown;

/** Edits that keep the file valid (so blocks can be kept), and some that break it for a step or two. */
function edit(text: string, next: () => number): string {
  const roll = next();
  const at = Math.floor(next() * (text.length + 1));
  if (roll < 0.3) {
    // Typing inside a string value.
    const quotes = [...text.matchAll(/= "/g)];
    const q = (quotes[Math.floor(next() * quotes.length)]?.index ?? 0) + 3;
    return text.slice(0, q) + 'ab'.charAt(Math.floor(next() * 2)) + text.slice(q);
  }
  if (roll < 0.5) {
    // A new line or trailing space somewhere between blocks or arguments.
    const lines = [...text.matchAll(/\n/g)];
    const l = lines[Math.floor(next() * lines.length)]?.index ?? 0;
    return text.slice(0, l) + (next() < 0.5 ? ' ' : '\n') + text.slice(l);
  }
  if (roll < 0.65) {
    // A new block before another one.
    const starts = [...text.matchAll(/^resource /gm)];
    const b = starts[Math.floor(next() * starts.length)]?.index ?? 0;
    return text.slice(0, b) + 'resource "aws_ebs_volume" "new" {\n  size = 1\n}\n' + text.slice(b);
  }
  if (roll < 0.8) {
    // Removing a whole block.
    const blocks = [...text.matchAll(/^(resource|variable|locals|data)[^\n]*\{\n[\s\S]*?^\}\n/gm)];
    const b = blocks[Math.floor(next() * blocks.length)];
    return b?.index === undefined ? text : text.slice(0, b.index) + text.slice(b.index + b[0].length);
  }
  // Deleting a letter of a string value.
  const value = /= "[a-z]/g;
  value.lastIndex = at;
  const hit = value.exec(text);
  return hit ? text.slice(0, hit.index + 3) + text.slice(hit.index + 4) : text;
}

describe('Terraform: untouched blocks keep their model between versions', () => {
  before(() => initParsers());

  for (const seed of [21, 22, 23]) {
    it(`60 edits (seed ${seed}) read as a fresh parse`, () => {
      const next = random(seed);
      const uri = 'file:///m/main.tf';
      const parser = new IncrementalParser(uri);
      let text = tfFile(15_000);
      let kept = 0;
      let broken: string | undefined;
      try {
        parser.parse(text);
        for (let step = 0; step < 60; step++) {
          // A syntax error makes every block read afresh; the user fixes it on the next keystroke.
          if (broken !== undefined) {
            text = broken;
            broken = undefined;
          } else if (next() < 0.15) {
            broken = text;
            const at = Math.floor(next() * text.length);
            text = text.slice(0, at) + '{' + text.slice(at);
          } else {
            text = edit(text, next);
          }
          const incremental = parser.parse(text);
          kept += parser.lastReusedBlocks();
          assert.deepEqual(plain(incremental), plain(parseDocument(uri, text)), `seed ${seed}, step ${step}: document differs`);
        }
      } finally {
        parser.dispose();
      }
      assert.ok(kept > 60 * 10, `blocks are kept (${kept})`);
    });
  }
});
