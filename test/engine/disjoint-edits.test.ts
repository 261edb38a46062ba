// The edits a code action sends: what the engine would produce, as edits no LSP client reads as overlapping.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, disjointEdits } from '../../server/src/engine/positions';
import type { TextEdit } from '../../server/src/edits/types';

/** Applies edits the way the LSP reference implementation does (it throws on overlapping edits). */
function applyAsClient(text: string, edits: readonly TextEdit[]): string {
  const doc = TextDocument.create('u', 'plaintext', 0, text);
  return TextDocument.applyEdits(
    doc,
    edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText })),
  );
}

describe('disjointEdits', () => {
  it('merges an insertion at the start of a replacement into one edit with the engine result', () => {
    const text = 'a {\n}\n';
    const edits = [
      { start: 5, end: 6, newText: '\n\nvariable {}\n' },
      { start: 5, end: 5, newText: '\n\nresource {}' },
    ];
    assert.throws(() => applyAsClient(text, edits), /Overlapping/, 'the raw pair is rejected by the client');
    const out = disjointEdits(text, edits);
    assert.equal(out.length, 1);
    assert.equal(applyAsClient(text, out), applyEdits(text, edits));
  });

  it('keeps edits far apart separate and sorted, and drops exact repeats', () => {
    const text = '0123456789';
    const edits = [
      { start: 8, end: 9, newText: 'X' },
      { start: 1, end: 1, newText: 'Y' },
      { start: 8, end: 9, newText: 'X' },
    ];
    assert.deepEqual(disjointEdits(text, edits), [edits[1], edits[0]]);
    assert.equal(applyAsClient(text, disjointEdits(text, edits)), '0Y1234567X9');
  });

  it('keeps two insertions at one offset in their given order', () => {
    const out = disjointEdits('ab', [
      { start: 1, end: 1, newText: '1' },
      { start: 1, end: 1, newText: '2' },
    ]);
    assert.equal(applyAsClient('ab', out), 'a12b');
  });

  it('throws on edits that truly overlap, as the engine does', () => {
    assert.throws(() =>
      disjointEdits('abcdef', [
        { start: 0, end: 3, newText: 'x' },
        { start: 2, end: 5, newText: 'y' },
      ]),
    );
  });
});
